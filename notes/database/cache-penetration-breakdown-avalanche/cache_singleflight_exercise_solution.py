"""练习“带 TTL 的 LRU 缓存 + single-flight”的参考答案。"""
import collections
import threading
import time


class _Flight:
    """一次正在进行的加载：等待者在 done 上等待结果。"""

    def __init__(self):
        self.done = threading.Event()
        self.value = None
        self.error = None


class LoadingCache:
    """带 TTL 和 LRU 淘汰、并发未命中只加载一次的缓存。"""

    def __init__(self, loader, maxsize=128, ttl=60.0, clock=time.monotonic):
        """loader(key) 用来加载数据；maxsize 是最多缓存的条目数；ttl 是有效秒数；clock() 返回当前时间。"""
        if maxsize < 1 or ttl <= 0:
            raise ValueError("maxsize 至少为 1，ttl 必须大于 0")
        self._loader = loader
        self._maxsize = maxsize
        self._ttl = ttl
        self._clock = clock
        self._lock = threading.Lock()                  # 只保护下面两个字典，不在加载时持有
        self._entries = collections.OrderedDict()      # key -> (值, 过期时刻)，越靠后越新
        self._flights = {}                             # key -> 正在进行的 _Flight

    def _fresh(self, key):
        entry = self._entries.get(key)
        return entry is not None and self._clock() < entry[1]

    def get(self, key):
        """返回 key 的值：命中且未过期直接返回，否则（只由一个线程）调用 loader 加载。"""
        with self._lock:
            if self._fresh(key):
                self._entries.move_to_end(key)
                return self._entries[key][0]
            flight = self._flights.get(key)
            leader = flight is None
            if leader:
                flight = self._flights[key] = _Flight()

        if not leader:                                 # 别人正在加载：等它的结果
            flight.done.wait()
            if flight.error is not None:
                raise flight.error
            return flight.value

        try:
            value = self._loader(key)                  # 不持有锁：其他 key 可以同时加载
        except BaseException as exc:
            flight.error = exc
            with self._lock:
                del self._flights[key]
            flight.done.set()
            raise
        with self._lock:
            self._entries[key] = (value, self._clock() + self._ttl)
            self._entries.move_to_end(key)
            while len(self._entries) > self._maxsize:
                self._entries.popitem(last=False)      # 淘汰最久没访问的
            del self._flights[key]
        flight.value = value
        flight.done.set()
        return value

    def invalidate(self, key):
        """删除 key 的缓存；key 不存在时什么也不做。"""
        with self._lock:
            self._entries.pop(key, None)

    def __contains__(self, key):
        """key 已缓存且未过期时返回 True，不改变 LRU 顺序。"""
        with self._lock:
            return self._fresh(key)
