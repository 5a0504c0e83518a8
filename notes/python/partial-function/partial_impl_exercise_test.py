"""练习 Partial 的测试（学习者看不到这个文件）。"""
import unittest
from operator import mul

from partial_impl_exercise import Partial


def collect(*args, **kwargs):
    return args, kwargs


def power(base, exp):
    return base ** exp


class PartialTests(unittest.TestCase):
    def test_frozen_positional_arguments_come_first(self):
        self.assertEqual(Partial(collect, 1, 2)(3, 4), ((1, 2, 3, 4), {}))
        self.assertEqual(Partial(power, 2)(10), 1024)
        self.assertEqual(list(map(Partial(mul, 2), [1, 2, 3])), [2, 4, 6])

    def test_call_keywords_override_frozen_ones(self):
        int2 = Partial(int, base=2)
        self.assertEqual(int2("1010"), 10)
        self.assertEqual(int2("1010", base=10), 1010)
        self.assertEqual(int2.keywords, {"base": 2})      # 调用不能改掉预设值
        self.assertEqual(int2("11"), 3)
        self.assertEqual(Partial(collect, a=1, b=2)(b=3, c=4), ((), {"a": 1, "b": 3, "c": 4}))

    def test_attributes(self):
        square = Partial(power, exp=2)
        self.assertEqual(square.func, power)
        self.assertEqual(square.args, ())
        self.assertEqual(square.keywords, {"exp": 2})
        two_to = Partial(power, 2)
        self.assertEqual(two_to.args, (2,))
        self.assertEqual(type(two_to.args).__name__, "tuple")
        self.assertEqual(two_to.keywords, {})
        with self.assertRaises(TypeError):
            square(2, 3)                                   # exp 收到了两个值

    def test_nested_partial_is_flattened(self):
        inner = Partial(collect, 1, a=1, b=2)
        outer = Partial(inner, 2, b=3)
        self.assertEqual(outer.func, collect)
        self.assertEqual(outer.args, (1, 2))
        self.assertEqual(outer.keywords, {"a": 1, "b": 3})
        self.assertEqual(outer(3, c=4), ((1, 2, 3), {"a": 1, "b": 3, "c": 4}))
        self.assertEqual(inner.keywords, {"a": 1, "b": 2})  # 内层不受影响

    def test_rejects_non_callable(self):
        for bad in (42, "text", None):
            with self.subTest(func=bad), self.assertRaises(TypeError):
                Partial(bad)

    def test_func_and_self_pass_through_as_keywords(self):
        def configure(func, level):
            return func, level

        def identity(self):
            return self

        self.assertEqual(Partial(configure, func="f")(level=2), ("f", 2))
        self.assertEqual(Partial(identity)(self=5), 5)


if __name__ == "__main__":
    unittest.main()
