"""练习"带过期时间和淘汰策略的缓存"的测试（学习者看不到这个文件）。"""
import unittest

from redis_eviction_exercise import EvictingCache, OutOfMemoryError


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


class EvictionTests(unittest.TestCase):
    def setUp(self):
        self.clock = FakeClock()

    def make(self, policy, max_keys=3):
        return EvictingCache(max_keys, policy=policy, clock=self.clock)

    def test_allkeys_lru_evicts_least_recently_used(self):
        cache = self.make("allkeys-lru")
        cache.set("a", 1)
        cache.set("b", 2)
        cache.set("c", 3)
        self.assertEqual(cache.get("a"), 1)          # a 变成最近访问的
        cache.set("d", 4)                            # b 最久没被访问
        self.assertEqual(cache.keys(), ["a", "c", "d"])
        self.assertEqual(cache.get("b"), None)

    def test_noeviction_refuses_new_keys_but_allows_updates(self):
        cache = self.make("noeviction", max_keys=2)
        cache.set("a", 1)
        cache.set("b", 2)
        with self.assertRaises(OutOfMemoryError):
            cache.set("c", 3)
        cache.set("a", 10)                           # 覆盖已有 key 不需要新空间
        self.assertEqual(cache.keys(), ["a", "b"])
        self.assertEqual(cache.get("a"), 10)

    def test_volatile_lru_only_evicts_keys_with_ttl(self):
        cache = self.make("volatile-lru")
        cache.set("config", "x")                     # 没有过期时间，不会被淘汰
        cache.set("s1", 1, ttl=100)
        cache.set("s2", 2, ttl=100)
        cache.get("config")
        cache.get("s1")
        cache.set("s3", 3, ttl=100)                  # s2 是有 TTL 的 key 中最久没被访问的
        self.assertEqual(cache.keys(), ["config", "s1", "s3"])

    def test_volatile_policies_raise_when_nothing_has_a_ttl(self):
        for policy in ("volatile-lru", "volatile-ttl"):
            cache = self.make(policy, max_keys=2)
            cache.set("a", 1)
            cache.set("b", 2)
            with self.assertRaises(OutOfMemoryError):
                cache.set("c", 3)
            self.assertEqual(cache.keys(), ["a", "b"])

    def test_volatile_ttl_evicts_the_key_expiring_first(self):
        cache = self.make("volatile-ttl")
        cache.set("long", 1, ttl=300)
        cache.set("short", 2, ttl=10)
        cache.set("plain", 3)
        cache.get("short")
        cache.set("new", 4, ttl=50)
        self.assertEqual(cache.keys(), ["long", "new", "plain"])

    def test_expired_keys_are_deleted_lazily_and_free_room(self):
        cache = self.make("noeviction", max_keys=2)
        cache.set("a", 1, ttl=5)
        cache.set("b", 2)
        self.clock.now += 5                          # 过期时刻 <= now 就算过期
        self.assertEqual(cache.get("a"), None)
        self.assertEqual(cache.keys(), ["b"])
        cache.set("c", 3)                            # a 已不占位置，不会触发 OOM
        self.assertEqual(cache.keys(), ["b", "c"])

    def test_set_without_ttl_clears_the_old_ttl(self):
        cache = self.make("allkeys-lru")
        cache.set("k", "v1", ttl=5)
        cache.set("k", "v2")
        self.clock.now += 100
        self.assertEqual(cache.get("k"), "v2")


if __name__ == "__main__":
    unittest.main()
