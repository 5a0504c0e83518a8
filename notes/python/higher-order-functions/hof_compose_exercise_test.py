"""练习 compose 和 pipe 的测试（学习者看不到这个文件）。"""
import unittest

from hof_compose_exercise import compose, pipe


def inc(x):
    return x + 1


def double(x):
    return x * 2


class ComposeTests(unittest.TestCase):
    def test_compose_applies_right_to_left(self):
        self.assertEqual(compose(inc, double)(5), 11)
        self.assertEqual(compose(double, inc)(5), 12)
        self.assertEqual(compose(str, inc, double)(20), "41")

    def test_pipe_applies_left_to_right(self):
        self.assertEqual(pipe(inc, double)(5), 12)
        self.assertEqual(pipe(double, inc)(5), 11)
        self.assertEqual(pipe(str.split, len, str)("a b c"), "3")

    def test_first_function_receives_all_arguments(self):
        self.assertEqual(compose(str, pow)(2, 10), "1024")
        self.assertEqual(pipe(int, abs)("-ff", base=16), 255)
        self.assertEqual(compose(len, sorted)([3, 1, 2], reverse=True), 3)

    def test_no_functions_is_identity(self):
        self.assertEqual(compose()(7), 7)
        self.assertEqual(pipe()("x"), "x")
        self.assertEqual(compose(len)("abc"), 3)
        self.assertEqual(pipe(len)("abcd"), 4)

    def test_rejects_non_callables_immediately(self):
        # 不调用组合结果：错误必须在 compose / pipe 这一步就出现
        with self.assertRaises(TypeError):
            compose(inc, 3)
        with self.assertRaises(TypeError):
            pipe("upper", inc)

    def test_each_function_runs_once_per_call_in_order(self):
        log = []

        def step(name):
            def run(value):
                log.append(name)
                return value + [name]
            return run

        composed = compose(step("f"), step("g"), step("h"))
        piped = pipe(step("f"), step("g"), step("h"))
        self.assertEqual(composed([]), ["h", "g", "f"])
        self.assertEqual(composed([]), ["h", "g", "f"])
        self.assertEqual(piped(["start"]), ["start", "f", "g", "h"])
        self.assertEqual(log, ["h", "g", "f", "h", "g", "f", "f", "g", "h"])


if __name__ == "__main__":
    unittest.main()
