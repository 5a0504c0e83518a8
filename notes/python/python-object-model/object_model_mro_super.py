"""菱形继承的 MRO、协作式 super()，以及一个与 type.mro() 对照的 C3 线性化实现。"""


class Base:
    def __init__(self, **kwargs):
        print("  Base.__init__, leftover:", kwargs)
        super().__init__(**kwargs)        # object.__init__ 不接受多余参数，所以这里应当已经用完


class Left(Base):
    def __init__(self, left=None, **kwargs):
        print("  Left.__init__ left =", left)
        super().__init__(**kwargs)        # 下一个是谁由实例的 MRO 决定，不一定是 Base


class Right(Base):
    def __init__(self, right=None, **kwargs):
        print("  Right.__init__ right =", right)
        super().__init__(**kwargs)


class Child(Left, Right):
    def __init__(self, **kwargs):
        print("  Child.__init__")
        super().__init__(**kwargs)


print("MRO:", [cls.__name__ for cls in Child.__mro__])
print("create Child:")
Child(left=1, right=2)
print("create Left alone:")
Left(left=3)

# super(Left, obj) 的意思是：在 type(obj).__mro__ 里，从 Left 的下一个开始找
obj = Child.__new__(Child)
print("after Left in Child's MRO:", super(Left, obj).__init__.__qualname__)


def c3(cls):
    """按 C3 规则计算 cls 的线性化（MRO）。"""
    sequences = [c3(base) for base in cls.__bases__] + [list(cls.__bases__)]
    result = [cls]
    while any(sequences):
        for seq in sequences:
            if not seq:
                continue
            head = seq[0]
            # 候选的头不能出现在任何序列的尾部（第一个元素之后）
            if not any(head in other[1:] for other in sequences):
                break
        else:
            raise TypeError("inconsistent hierarchy")
        result.append(head)
        sequences = [[c for c in seq if c is not head] for seq in sequences]
    return result


for cls in (Child, Left, bool, KeyError):
    print(cls.__name__, "c3 == mro():", c3(cls) == cls.mro())

try:
    class Broken(Base, Left):            # Base 写在 Left 前面，但 Left 又要求 Left 在 Base 前
        pass
except TypeError:
    print("class Broken(Base, Left): TypeError")
