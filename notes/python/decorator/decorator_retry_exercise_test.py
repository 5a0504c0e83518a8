"""练习 @retry(times, exceptions) 的测试（学习者看不到这个文件）。"""
import unittest

from decorator_retry_exercise import retry


class Flaky:
    """前 failures 次调用抛出 error，之后返回 "ok"。"""

    def __init__(self, failures, error=ConnectionError):
        self.failures = failures
        self.error = error
        self.calls = 0

    def __call__(self, *args, **kwargs):
        self.calls += 1
        if self.calls <= self.failures:
            raise self.error(f"第 {self.calls} 次失败")
        return "ok"


class RetryTests(unittest.TestCase):
    def test_returns_result_after_failures(self):
        flaky = Flaky(failures=2)
        wrapped = retry(times=3, exceptions=(ConnectionError,))(flaky)
        self.assertEqual(wrapped(), "ok")
        self.assertEqual(flaky.calls, 3)

    def test_first_success_is_not_repeated(self):
        flaky = Flaky(failures=0)
        wrapped = retry(times=5, exceptions=(ConnectionError,))(flaky)
        self.assertEqual(wrapped(), "ok")
        self.assertEqual(flaky.calls, 1)

    def test_raises_last_error_when_all_attempts_fail(self):
        flaky = Flaky(failures=10)
        wrapped = retry(times=3, exceptions=(ConnectionError,))(flaky)
        with self.assertRaises(ConnectionError) as caught:
            wrapped()
        self.assertEqual(str(caught.exception), "第 3 次失败")
        self.assertEqual(flaky.calls, 3)

    def test_other_exceptions_are_not_retried(self):
        flaky = Flaky(failures=1, error=KeyError)
        wrapped = retry(times=3, exceptions=(ConnectionError,))(flaky)
        with self.assertRaises(KeyError):
            wrapped()
        self.assertEqual(flaky.calls, 1)

    def test_passes_arguments_and_keeps_metadata(self):
        @retry(times=2, exceptions=(ValueError,))
        def add(a, b=0):
            """两数相加。"""
            return a + b

        self.assertEqual(add(1, b=2), 3)
        self.assertEqual(add.__name__, "add")
        self.assertEqual(add.__doc__, "两数相加。")


if __name__ == "__main__":
    unittest.main()
