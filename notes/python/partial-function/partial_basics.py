"""functools.partial 的基本用法：固定参数、参数合并规则和可内省的属性。"""
from functools import partial
from operator import mul

# 固定关键字参数 base=2，得到“把二进制字符串转成整数”的函数
int2 = partial(int, base=2)
print(int2("1010"), int2("1010", base=10))  # 调用时还能覆盖 base
print(int2.func.__name__, int2.args, int2.keywords)

try:
    int2("123")  # 2 和 3 不是二进制数字
except ValueError as exc:
    print("ValueError:", exc)


def power(base, exp):
    return base ** exp


square = partial(power, exp=2)  # 固定关键字参数 exp
two_to = partial(power, 2)      # 位置参数被放在最前面：固定的是 base
print(square(7), two_to(10))
print(square.keywords, two_to.args)

try:
    square(2, 3)  # 2 -> base，3 -> exp，又有 exp=2：同一个参数给了两次
except TypeError:
    print("square(2, 3) -> TypeError")

# 对 partial 再做 partial：会被展开成一层，func 仍然是原函数
eight = partial(two_to, 3)
print(eight(), eight.func.__name__, eight.args)

# 配合 map：partial(mul, 2) 就是 x -> 2 * x
print(list(map(partial(mul, 2), [1, 2, 3])))
