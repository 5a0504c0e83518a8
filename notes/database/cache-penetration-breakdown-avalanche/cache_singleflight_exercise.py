"""练习：实现一个带 TTL 的 LRU 缓存，并用 single-flight 防止缓存击穿。

要求：
- LoadingCache(loader, maxsize, ttl, clock)：未命中时调用 loader(key) 加载并缓存结果；
- 过期：条目在加载完成的时刻 t 写入，clock() < t + ttl 时有效，到 t + ttl（含）就过期，
  再次 get 要重新加载。clock 默认是 time.monotonic，测试会换成一个假时钟；
- LRU：最多保存 maxsize 个条目，超出时淘汰最久没有被访问（get）的那个；
- single-flight：多个线程同时对同一个 key 未命中时，只有一个线程调用 loader，其他线程
  等它完成后拿到同一个结果；loader 抛出异常时，这一批等待者都收到这个异常，并且结果不缓存，
  下一次 get 会重新加载；
- 不同 key 的加载互不阻塞：调用 loader 时不能持有保护整个缓存的锁；
- key in cache：key 已缓存且没过期时为 True（不改变 LRU 顺序）；
- invalidate(key)：删除这个 key 的缓存（不存在也不报错）。
"""
import threading
import time


class LoadingCache:
    """带 TTL 和 LRU 淘汰、并发未命中只加载一次的缓存。"""

    def __init__(self, loader, maxsize=128, ttl=60.0, clock=time.monotonic):
        """loader(key) 用来加载数据；maxsize 是最多缓存的条目数；ttl 是有效秒数；clock() 返回当前时间。"""
        raise NotImplementedError("在这里实现 LoadingCache.__init__")

    def get(self, key):
        """返回 key 的值：命中且未过期直接返回，否则（只由一个线程）调用 loader 加载。"""
        raise NotImplementedError("在这里实现 LoadingCache.get")

    def invalidate(self, key):
        """删除 key 的缓存；key 不存在时什么也不做。"""
        raise NotImplementedError("在这里实现 LoadingCache.invalidate")

    def __contains__(self, key):
        """key 已缓存且未过期时返回 True，不改变 LRU 顺序。"""
        raise NotImplementedError("在这里实现 LoadingCache.__contains__")
