"""闭包的延迟绑定：自由变量在调用时才查值。还有忘写 nonlocal 的后果。"""
from functools import partial

# 1. 循环里创建的 lambda 都引用同一个变量 i，调用时 i 已经是 2
late = [lambda: i for i in range(3)]
print("late binding :", [f() for f in late])

# 2. 三种修正：默认参数、工厂函数、functools.partial
by_default = [lambda i=i: i for i in range(3)]
print("default arg  :", [f() for f in by_default])


def make_getter(value):
    return lambda: value


by_factory = [make_getter(i) for i in range(3)]
print("factory      :", [f() for f in by_factory])
by_partial = [partial(lambda v: v, i) for i in range(3)]
print("partial      :", [f() for f in by_partial])


# 3. 延迟绑定对普通外层变量同样成立：看到的是调用时的值
def outer():
    x = "before"

    def show():
        return x
    x = "after"
    return show


print("sees latest  :", outer()())


# 4. 内层函数里给外层变量赋值而不写 nonlocal，变量会被当成局部变量
def broken_counter():
    count = 0

    def inc():
        count += 1          # 编译时 count 被判定为 inc 的局部变量
        return count
    return inc


try:
    broken_counter()()
except UnboundLocalError as exc:
    print("without nonlocal:", type(exc).__name__, isinstance(exc, NameError))
