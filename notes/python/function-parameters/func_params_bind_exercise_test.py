"""练习 bind_arguments 的测试（学习者看不到这个文件）。"""
import inspect
import unittest
from unittest import mock

from func_params_bind_exercise import bind_arguments


def report(a, b=2, *rest, c, d=4, **options):
    pass


def only_pos(x, y, /, z=0):
    pass


def tag(name, /, **attrs):
    pass


def target(func, n=1):
    pass


class BindArgumentsTests(unittest.TestCase):
    def setUp(self):
        # 练习要求自己实现绑定规则，所以测试期间禁用标准库现成的 bind
        for method in ("bind", "bind_partial"):
            patcher = mock.patch.object(
                inspect.Signature, method,
                side_effect=AssertionError(f"请不要调用 Signature.{method}，自己实现绑定规则"))
            patcher.start()
            self.addCleanup(patcher.stop)

    def test_defaults_and_empty_collectors(self):
        self.assertEqual(
            bind_arguments(report, 1, c=3),
            {"a": 1, "b": 2, "rest": (), "c": 3, "d": 4, "options": {}})

    def test_extra_arguments_are_collected(self):
        self.assertEqual(
            bind_arguments(report, 1, 2, 3, 4, c=5, e=6, f=7),
            {"a": 1, "b": 2, "rest": (3, 4), "c": 5, "d": 4, "options": {"e": 6, "f": 7}})
        self.assertEqual(
            bind_arguments(report, b=20, a=10, c=30, d=40),
            {"a": 10, "b": 20, "rest": (), "c": 30, "d": 40, "options": {}})

    def test_positional_only_parameters(self):
        self.assertEqual(bind_arguments(only_pos, 1, 2), {"x": 1, "y": 2, "z": 0})
        self.assertEqual(bind_arguments(only_pos, 1, 2, z=3), {"x": 1, "y": 2, "z": 3})
        with self.assertRaises(TypeError):
            bind_arguments(only_pos, 1, y=2)
        # 有 **attrs 时，与仅限位置形参同名的关键字实参进入 attrs
        self.assertEqual(
            bind_arguments(tag, "div", name="main"),
            {"name": "div", "attrs": {"name": "main"}})

    def test_binding_errors_raise_type_error(self):
        calls = {
            "too many positional": lambda: bind_arguments(only_pos, 1, 2, 3, 4),
            "multiple values": lambda: bind_arguments(report, 1, a=2, c=3),
            "unexpected keyword": lambda: bind_arguments(only_pos, 1, 2, w=1),
            "missing positional": lambda: bind_arguments(report, c=1),
            "missing keyword-only": lambda: bind_arguments(report, 1, 2, 3),
            "keyword-only by position": lambda: bind_arguments(target, 1, 2, 3),
        }
        for label, call in calls.items():
            with self.subTest(label), self.assertRaises(TypeError):
                call()

    def test_func_is_positional_only(self):
        self.assertEqual(bind_arguments(target, func="f"), {"func": "f", "n": 1})
        self.assertEqual(bind_arguments(target, "f", n=2), {"func": "f", "n": 2})

    def test_returns_new_collectors_each_time(self):
        first = bind_arguments(report, 1, c=3)
        first["options"]["x"] = 1
        second = bind_arguments(report, 1, c=3)
        self.assertEqual(second["options"], {})
        self.assertEqual(list(second), ["a", "b", "rest", "c", "d", "options"])


if __name__ == "__main__":
    unittest.main()
