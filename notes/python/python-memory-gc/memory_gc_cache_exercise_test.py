"""练习 WeakCache 的测试（学习者看不到这个文件）。"""
import gc
import unittest

from memory_gc_cache_exercise import WeakCache


class Thing:
    def __init__(self, key):
        self.key = key


class WeakCacheTests(unittest.TestCase):
    def setUp(self):
        self.cache = WeakCache(Thing)

    def test_same_key_returns_same_object(self):
        first = self.cache.get("a")
        second = self.cache.get("a")
        self.assertEqual(first is second, True)
        self.assertEqual(first.key, "a")
        self.assertEqual(self.cache.created, 1)

    def test_different_keys_create_different_objects(self):
        a = self.cache.get("a")
        b = self.cache.get("b")
        self.assertEqual(a is b, False)
        self.assertEqual(self.cache.created, 2)
        self.assertEqual(len(self.cache), 2)
        self.assertEqual(self.cache.alive_keys(), ["a", "b"])

    def test_entry_disappears_when_object_dies(self):
        a = self.cache.get("a")
        b = self.cache.get("b")
        del a
        gc.collect()
        self.assertEqual(len(self.cache), 1)
        self.assertEqual(self.cache.alive_keys(), ["b"])
        self.assertEqual(b.key, "b")

    def test_dead_object_is_created_again(self):
        self.cache.get("a")          # 没有保存返回值：对象立刻没人用了
        gc.collect()
        again = self.cache.get("a")
        self.assertEqual(again.key, "a")
        self.assertEqual(self.cache.created, 2)

    def test_cache_does_not_keep_objects_alive(self):
        for key in ["x", "y", "z"]:
            self.cache.get(key)
        gc.collect()
        self.assertEqual(len(self.cache), 0)
        self.assertEqual(self.cache.alive_keys(), [])


if __name__ == "__main__":
    unittest.main()
