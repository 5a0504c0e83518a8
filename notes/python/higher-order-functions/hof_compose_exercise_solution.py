"""练习 compose 和 pipe 的参考答案。"""


def compose(*funcs):
    """返回 funcs 从右往左的组合：compose(f, g)(x) == f(g(x))。"""
    for func in funcs:
        if not callable(func):
            raise TypeError(f"{func!r} 不可调用")
    if not funcs:
        return lambda value: value
    # 把最右边（最先执行）的函数单独取出来，其余的从右往左依次套上去
    *outer, first = funcs

    def composed(*args, **kwargs):
        result = first(*args, **kwargs)     # 最右边的函数接收全部实参
        for func in reversed(outer):
            result = func(result)
        return result

    return composed


def pipe(*funcs):
    """返回 funcs 从左往右的组合：pipe(f, g)(x) == g(f(x))。"""
    return compose(*reversed(funcs))
