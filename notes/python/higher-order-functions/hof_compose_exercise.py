"""练习：实现函数组合工具 compose 和 pipe。

要求：
- compose(f, g, h) 返回一个新函数，调用它相当于 f(g(h(...)))：从右往左依次执行；
- pipe(f, g, h) 返回一个新函数，调用它相当于 h(g(f(...)))：从左往右依次执行；
- 最先执行的那个函数接收调用时的全部位置实参和关键字实参，其余函数只接收上一步的结果；
- 一个函数都不给时，返回“恒等函数”：接收一个参数并原样返回它；
- 参数中有不可调用的对象时，在 compose / pipe 被调用时就抛 TypeError，而不是等到调用组合结果时；
- 组合出来的函数可以反复调用，每次调用时每个函数只执行一次。
"""


def compose(*funcs):
    """返回 funcs 从右往左的组合：compose(f, g)(x) == f(g(x))。"""
    raise NotImplementedError("在这里实现 compose")


def pipe(*funcs):
    """返回 funcs 从左往右的组合：pipe(f, g)(x) == g(f(x))。"""
    raise NotImplementedError("在这里实现 pipe")
