"""练习：用闭包实现带命中统计的记忆化装饰器 memoize。

要求：
- memoize(func) 返回一个新函数 wrapper，它只接收位置实参；
- 某组实参第一次出现时调用 func，把结果记下来（记一次 miss）；
  同一组实参再次出现时直接返回记下的结果，不再调用 func（记一次 hit）；
- 结果是 None、0、"" 这样的假值时也要缓存；
- wrapper.stats() 返回一个新字典 {"hits": 命中次数, "misses": 未命中次数}；
- wrapper.clear() 清空缓存，并把两个计数归零；
- 缓存和计数都保存在闭包里（外层函数的局部变量），每次调用 memoize 得到的函数互不影响；
- 实参不可散列（例如列表）时抛 TypeError；
- 用 functools.wraps 保留原函数的 __name__ 和 __doc__。
"""
import functools


def memoize(func):
    """返回 func 的记忆化版本，带 stats() 和 clear() 两个附加函数。"""
    raise NotImplementedError("在这里实现 memoize")
