"""__slots__ 省内存与继承的坑；is 与 == 的区别。"""
import tracemalloc


class PointDict:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class PointSlots:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


p = PointSlots(1, 2)
print("has __dict__:", hasattr(p, "__dict__"))
try:
    p.z = 3
except AttributeError:
    print("p.z = 3: AttributeError")
print("slot is a member descriptor:", type(PointSlots.x).__name__)


def allocated(cls, n=2000):
    """创建 n 个实例一共占用了多少字节。"""
    tracemalloc.start()
    items = [cls(i, i) for i in range(n)]  # 保持引用，测量时实例都还活着
    size, _peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return size


print("slots use less memory:", allocated(PointSlots) < allocated(PointDict))


class Point3D(PointSlots):          # 子类没写 __slots__：又有了 __dict__
    pass


class Point3DSlots(PointSlots):
    __slots__ = ("z",)             # 只写新增的槽位


print("subclass without __slots__ has __dict__:", hasattr(Point3D(1, 2), "__dict__"))
print("subclass with __slots__ has __dict__:", hasattr(Point3DSlots(1, 2), "__dict__"))



class Other:
    __slots__ = ("a",)


try:
    class Clash(PointSlots, Other):   # 两个父类都有非空 __slots__：布局冲突
        pass
except TypeError:
    print("two bases with non-empty __slots__: TypeError")

# is 比较身份，== 调用 __eq__
a = [1, 2]
b = [1, 2]
print("a == b:", a == b, "a is b:", a is b)


class AlwaysEqual:
    def __eq__(self, other):
        return True


weird = AlwaysEqual()
print("weird == None:", weird == None, "weird is None:", weird is None)  # noqa: E711
print("defining __eq__ removes __hash__:", AlwaysEqual.__hash__ is None)

nan = float("nan")
print("nan == nan:", nan == nan, "[nan] == [nan]:", [nan] == [nan])
