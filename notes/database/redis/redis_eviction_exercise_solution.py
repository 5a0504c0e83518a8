"""练习"带过期时间和淘汰策略的缓存"的参考答案。"""
import time
from collections import OrderedDict

POLICIES = ("noeviction", "allkeys-lru", "volatile-lru", "volatile-ttl")


class OutOfMemoryError(Exception):
    """对应 Redis 的 "OOM command not allowed when used memory > 'maxmemory'"。"""


class EvictingCache:
    def __init__(self, max_keys, policy="allkeys-lru", clock=time.monotonic):
        if policy not in POLICIES:
            raise ValueError("unknown policy: %r" % (policy,))
        self.max_keys = max_keys
        self.policy = policy
        self.clock = clock
        self.data = OrderedDict()   # 顺序就是访问顺序：最前面的最久没被访问
        self.expires = {}           # key -> 过期时刻

    def _expired(self, key):
        return key in self.expires and self.expires[key] <= self.clock()

    def _delete(self, key):
        del self.data[key]
        self.expires.pop(key, None)

    def _purge_expired(self):
        for key in [k for k in self.data if self._expired(k)]:
            self._delete(key)

    def _victim(self):
        if self.policy == "noeviction":
            return None
        if self.policy == "allkeys-lru":
            return next(iter(self.data))
        candidates = [k for k in self.data if k in self.expires]   # 按访问顺序，最久的在前
        if not candidates:
            return None
        if self.policy == "volatile-lru":
            return candidates[0]
        # volatile-ttl：min 遇到相等的值时返回第一个，也就是最久没被访问的
        return min(candidates, key=lambda k: self.expires[k])

    def set(self, key, value, ttl=None):
        if key in self.data and self._expired(key):
            self._delete(key)
        if key not in self.data:
            self._purge_expired()
            if len(self.data) >= self.max_keys:
                victim = self._victim()
                if victim is None:
                    raise OutOfMemoryError("OOM command not allowed when used memory > 'maxmemory'")
                self._delete(victim)
        self.data[key] = value
        self.data.move_to_end(key)
        if ttl is None:
            self.expires.pop(key, None)
        else:
            self.expires[key] = self.clock() + ttl

    def get(self, key):
        if key not in self.data:
            return None
        if self._expired(key):
            self._delete(key)
            return None
        self.data.move_to_end(key)
        return self.data[key]

    def keys(self):
        return sorted(k for k in self.data if not self._expired(k))
