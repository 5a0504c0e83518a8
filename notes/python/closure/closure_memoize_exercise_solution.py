"""练习 memoize 的参考答案。"""
import functools


def memoize(func):
    """返回 func 的记忆化版本，带 stats() 和 clear() 两个附加函数。"""
    cache = {}
    hits = misses = 0

    @functools.wraps(func)
    def wrapper(*args):
        nonlocal hits, misses          # 要重新绑定这两个整数，必须声明 nonlocal
        if args in cache:              # 用 in 判断，假值结果也算命中
            hits += 1
            return cache[args]
        misses += 1
        result = cache[args] = func(*args)
        return result

    def stats():
        return {"hits": hits, "misses": misses}

    def clear():
        nonlocal hits, misses
        cache.clear()                  # 只修改字典的内容，不需要 nonlocal
        hits = misses = 0

    wrapper.stats = stats
    wrapper.clear = clear
    return wrapper
