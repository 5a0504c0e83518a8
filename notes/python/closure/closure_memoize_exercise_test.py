"""练习 memoize 的测试（学习者看不到这个文件）。"""
import unittest

from closure_memoize_exercise import memoize


def recording(func):
    """返回 (记录实参的函数, 记录列表)，用来数 func 真正被调用了几次。"""
    calls = []

    def run(*args):
        calls.append(args)
        return func(*args)
    return run, calls


class MemoizeTests(unittest.TestCase):
    def test_caches_results_per_arguments(self):
        square, calls = recording(lambda x: x * x)
        fast = memoize(square)
        self.assertEqual([fast(3), fast(3), fast(4), fast(3)], [9, 9, 16, 9])
        self.assertEqual(calls, [(3,), (4,)])
        self.assertEqual(fast.stats(), {"hits": 2, "misses": 2})

    def test_falsy_results_are_cached(self):
        nothing, calls = recording(lambda key: None)
        fast = memoize(nothing)
        self.assertEqual(fast("a"), None)
        self.assertEqual(fast("a"), None)
        self.assertEqual(calls, [("a",)])
        self.assertEqual(fast.stats(), {"hits": 1, "misses": 1})

    def test_each_memoized_function_has_its_own_state(self):
        first = memoize(lambda x: x + 1)
        second = memoize(lambda x: x + 1)
        first(1)
        first(1)
        second(1)
        self.assertEqual(first.stats(), {"hits": 1, "misses": 1})
        self.assertEqual(second.stats(), {"hits": 0, "misses": 1})
        # 状态在闭包的 cell 里，不在全局变量或函数属性里
        self.assertEqual(first.stats.__closure__ is not None, True)

    def test_clear_resets_cache_and_counts(self):
        add, calls = recording(lambda a, b: a + b)
        fast = memoize(add)
        fast(1, 2)
        fast(1, 2)
        fast.clear()
        self.assertEqual(fast.stats(), {"hits": 0, "misses": 0})
        self.assertEqual(fast(1, 2), 3)
        self.assertEqual(calls, [(1, 2), (1, 2)])     # 清空后要重新计算
        self.assertEqual(fast.stats(), {"hits": 0, "misses": 1})
        snapshot = fast.stats()
        snapshot["hits"] = 99                          # 修改返回的字典不影响内部计数
        self.assertEqual(fast.stats(), {"hits": 0, "misses": 1})

    def test_recursive_calls_use_the_cache(self):
        @memoize
        def fib(n):
            """第 n 个斐波那契数。"""
            return n if n < 2 else fib(n - 1) + fib(n - 2)

        self.assertEqual(fib(80), 23416728348467685)
        self.assertEqual(fib.stats(), {"hits": 78, "misses": 81})
        self.assertEqual(fib.__name__, "fib")
        self.assertEqual(fib.__doc__, "第 n 个斐波那契数。")

    def test_unhashable_arguments_raise_type_error(self):
        fast = memoize(len)
        with self.assertRaises(TypeError):
            fast([1, 2, 3])
        self.assertEqual(fast((1, 2, 3)), 3)


if __name__ == "__main__":
    unittest.main()
