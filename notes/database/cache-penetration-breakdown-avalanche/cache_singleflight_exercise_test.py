"""练习“带 TTL 的 LRU 缓存 + single-flight”的测试（学习者看不到这个文件）。"""
import threading
import time
import unittest

from cache_singleflight_exercise import LoadingCache


class FakeClock:
    """手动推进的时钟。"""

    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


class CountingLoader:
    """记录每个 key 被加载了几次；返回 "v:<key>"。"""

    def __init__(self):
        self.calls = []
        self._lock = threading.Lock()

    def __call__(self, key):
        with self._lock:
            self.calls.append(key)
        return f"v:{key}"


def wait_until(condition, threads, seconds=2.0):
    """等 condition() 成立；线程都已退出（例如直接抛了异常）就不再等。"""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition() or not any(t.is_alive() for t in threads):
            return condition()
        time.sleep(0.005)
    return condition()


class LoadingCacheTests(unittest.TestCase):
    def setUp(self):
        self.clock = FakeClock()
        self.loader = CountingLoader()

    def test_hit_does_not_call_the_loader_again(self):
        cache = LoadingCache(self.loader, maxsize=10, ttl=10, clock=self.clock)
        self.assertEqual(cache.get("a"), "v:a")
        self.assertEqual(cache.get("a"), "v:a")
        self.assertEqual(cache.get("b"), "v:b")
        self.assertEqual(self.loader.calls, ["a", "b"])
        self.assertEqual(("a" in cache, "zzz" in cache), (True, False))

    def test_entry_expires_after_ttl(self):
        cache = LoadingCache(self.loader, maxsize=10, ttl=10, clock=self.clock)
        cache.get("a")                       # 第 0 秒加载，有效到第 10 秒（不含）
        self.clock.now = 9.5
        cache.get("a")
        self.assertEqual(self.loader.calls, ["a"])
        self.clock.now = 10.0
        self.assertEqual("a" in cache, False)
        self.assertEqual(cache.get("a"), "v:a")
        self.assertEqual(self.loader.calls, ["a", "a"])
        self.clock.now = 19.9                # 第 10 秒重新加载，有效到第 20 秒
        cache.get("a")
        self.assertEqual(self.loader.calls, ["a", "a"])

    def test_least_recently_used_entry_is_evicted(self):
        cache = LoadingCache(self.loader, maxsize=2, ttl=100, clock=self.clock)
        cache.get("a")
        cache.get("b")
        cache.get("a")                       # a 变成最近使用的
        cache.get("c")                       # 超出容量：淘汰 b
        self.assertEqual(("a" in cache, "b" in cache, "c" in cache), (True, False, True))
        cache.get("b")
        self.assertEqual(self.loader.calls, ["a", "b", "c", "b"])

    def test_concurrent_misses_call_the_loader_once(self):
        started, release = threading.Event(), threading.Event()
        calls = []

        def slow_loader(key):
            calls.append(key)
            started.set()
            release.wait(2)                  # 模拟一次慢查询，直到测试放行
            return f"profile of {key}"

        cache = LoadingCache(slow_loader, ttl=60, clock=self.clock)
        results = []
        threads = [threading.Thread(target=lambda: results.append(cache.get("star:1")))
                   for _ in range(10)]
        for t in threads:
            t.start()
        wait_until(started.is_set, threads)
        time.sleep(0.1)                      # 让其余线程都走到“未命中”
        release.set()
        for t in threads:
            t.join(3)
        self.assertEqual(calls, ["star:1"])
        self.assertEqual(results, ["profile of star:1"] * 10)

    def test_different_keys_load_in_parallel(self):
        a_started, b_loaded = threading.Event(), threading.Event()
        a_saw_b = []

        def loader(key):
            if key == "a":
                a_started.set()
                a_saw_b.append(b_loaded.wait(1))   # a 的加载要等 b 加载完
            else:
                b_loaded.set()
            return key.upper()

        cache = LoadingCache(loader, ttl=60, clock=self.clock)
        t = threading.Thread(target=cache.get, args=("a",))
        t.start()
        wait_until(a_started.is_set, [t])
        self.assertEqual(cache.get("b"), "B")     # 加载 a 的同时，b 不能被挡住
        t.join(3)
        self.assertEqual(a_saw_b, [True])
        self.assertEqual(cache.get("a"), "A")

    def test_loader_errors_reach_waiters_and_are_not_cached(self):
        attempts = []

        def flaky(key):
            attempts.append(key)
            if len(attempts) == 1:
                raise ConnectionError("database down")
            return "ok"

        cache = LoadingCache(flaky, ttl=60, clock=self.clock)
        with self.assertRaises(ConnectionError):
            cache.get("k")
        self.assertEqual(cache.get("k"), "ok")   # 失败没有被缓存
        self.assertEqual(attempts, ["k", "k"])

        release = threading.Event()

        def failing(key):
            release.wait(2)
            raise ConnectionError("still down")

        cache = LoadingCache(failing, ttl=60, clock=self.clock)
        errors = []

        def call():
            try:
                cache.get("k")
            except Exception as exc:
                errors.append(type(exc).__name__)

        threads = [threading.Thread(target=call) for _ in range(5)]
        for t in threads:
            t.start()
        time.sleep(0.05)
        release.set()
        for t in threads:
            t.join(3)
        self.assertEqual(errors, ["ConnectionError"] * 5)

    def test_invalidate_forces_a_reload(self):
        cache = LoadingCache(self.loader, ttl=60, clock=self.clock)
        cache.get("a")
        cache.invalidate("a")
        cache.invalidate("never-cached")
        self.assertEqual("a" in cache, False)
        cache.get("a")
        self.assertEqual(self.loader.calls, ["a", "a"])


if __name__ == "__main__":
    unittest.main()
