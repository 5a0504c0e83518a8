"""练习：实现一个带过期时间和 maxmemory 淘汰策略的缓存（精确 LRU 版的 Redis 淘汰）。

EvictingCache(max_keys, policy, clock)
- max_keys：最多保存多少个 key（代替 Redis 的 maxmemory）；
- policy：淘汰策略，取值之一：
    "noeviction"    写入新 key 时已满：抛出 OutOfMemoryError，什么都不删；
    "allkeys-lru"   在所有 key 中淘汰最久没被访问的；
    "volatile-lru"  只在设置了过期时间的 key 中淘汰最久没被访问的；没有这样的 key 就抛 OutOfMemoryError；
    "volatile-ttl"  只在设置了过期时间的 key 中淘汰最早过期的（过期时间相同时淘汰最久没被访问的）；
                    没有这样的 key 就抛 OutOfMemoryError；
- clock：无参函数，返回当前时间（秒）。测试会注入一个假时钟。

方法：
- set(key, value, ttl=None)：写入。ttl 是秒数，过期时刻 = clock() + ttl；ttl 为 None 表示不过期，
  覆盖一个已有 key 时也会去掉它原来的过期时间（和 Redis 的 SET 一样）。
  覆盖已有 key 不需要淘汰。写入新 key 前，先删除所有已过期的 key；如果 key 数仍然 >= max_keys，按策略淘汰一个。
- get(key)：返回值；key 不存在返回 None。过期时刻 <= clock() 的 key 视为已过期：删除它并返回 None（惰性删除）。
- keys()：返回所有未过期的 key，排好序的列表。
- get 和 set 都算一次"访问"。
"""
import time


class OutOfMemoryError(Exception):
    """对应 Redis 的 "OOM command not allowed when used memory > 'maxmemory'"。"""


class EvictingCache:
    def __init__(self, max_keys, policy="allkeys-lru", clock=time.monotonic):
        raise NotImplementedError("在这里实现 __init__")

    def set(self, key, value, ttl=None):
        """写入 key；需要时按策略淘汰一个 key，或抛出 OutOfMemoryError。"""
        raise NotImplementedError("在这里实现 set")

    def get(self, key):
        """返回 key 的值；不存在或已过期返回 None。"""
        raise NotImplementedError("在这里实现 get")

    def keys(self):
        """返回所有未过期的 key（排好序的列表）。"""
        raise NotImplementedError("在这里实现 keys")
