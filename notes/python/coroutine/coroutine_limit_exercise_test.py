"""练习“带并发上限和超时的 gather_limited”的测试（学习者看不到这个文件）。

每次调用都包在 asyncio.wait_for(..., 3) 里：实现卡住时测试失败，而不是一直等下去。
"""
import asyncio
import time
import unittest

from coroutine_limit_exercise import gather_limited

GUARD = 3.0


def run(factories, limit, timeout=None):
    """在新的事件循环里运行 gather_limited，返回 (结果, 用时)。"""
    async def main():
        return await asyncio.wait_for(gather_limited(factories, limit, timeout), GUARD)

    started = time.monotonic()
    result = asyncio.run(main())
    return result, time.monotonic() - started


def job(value, delay, log=None):
    """返回一个工厂：调用它得到一个睡 delay 秒后返回 value 的协程；被取消时在 log 里记一笔。"""
    async def body():
        try:
            await asyncio.sleep(delay)
        except asyncio.CancelledError:
            if log is not None:
                log.append(f"{value} cancelled")
            raise
        return value

    return body


class GatherLimitedTests(unittest.TestCase):
    def test_results_keep_the_input_order(self):
        factories = [job("a", 0.05), job("b", 0.01), job("c", 0.03)]
        result, _ = run(factories, limit=3)
        self.assertEqual(result, ["a", "b", "c"])

    def test_never_more_than_limit_at_once(self):
        state = {"created": 0, "running": 0, "peak_created": 0, "peak_running": 0}

        def factory(n):
            state["created"] += 1  # 工厂被调用 = 协程被创建
            state["peak_created"] = max(state["peak_created"], state["created"])

            async def body():
                state["running"] += 1
                state["peak_running"] = max(state["peak_running"], state["running"])
                await asyncio.sleep(0.01)
                state["running"] -= 1
                state["created"] -= 1
                return n * n

            return body()

        result, _ = run([lambda n=n: factory(n) for n in range(10)], limit=3)
        self.assertEqual(result, [n * n for n in range(10)])
        self.assertEqual(state["peak_running"], 3)
        self.assertEqual(state["peak_created"], 3)  # 没有空位时不应该提前创建协程

    def test_runs_concurrently_up_to_the_limit(self):
        result, elapsed = run([job(n, 0.1) for n in range(6)], limit=3)
        self.assertEqual(result, list(range(6)))
        self.assertEqual(0.18 <= elapsed < 0.45, True)  # 两轮各 0.1 s；依次运行要 0.6 s

    def test_timeout_cancels_only_the_slow_one(self):
        log = []
        factories = [job("fast", 0.01), job("slow", 1.0, log), job("ok", 0.02)]
        result, elapsed = run(factories, limit=3, timeout=0.1)
        self.assertEqual([result[0], result[2]], ["fast", "ok"])
        self.assertEqual(isinstance(result[1], asyncio.TimeoutError), True)
        self.assertEqual(log, ["slow cancelled"])
        self.assertEqual(elapsed < 0.5, True)

    def test_timeout_counts_from_when_each_coroutine_starts(self):
        # 一次只运行一个：总共约 0.24 s，超过 timeout，但每个协程只跑 0.06 s
        result, _ = run([job(n, 0.06) for n in range(4)], limit=1, timeout=0.2)
        self.assertEqual(result, [0, 1, 2, 3])

    def test_an_error_cancels_the_rest_and_propagates(self):
        log = []

        async def broken():
            await asyncio.sleep(0.01)
            raise ValueError("坏数据")

        async def main():
            try:
                await asyncio.wait_for(gather_limited([broken, job("slow", 1.0, log)], 2), GUARD)
            except ValueError:
                await asyncio.sleep(0.01)  # 给被取消的协程一点时间收尾
                # 在事件循环结束之前看日志：asyncio.run 退出时会取消所有剩下的任务
                return "ValueError", list(log)
            return "没有抛出异常", list(log)

        started = time.monotonic()
        outcome = asyncio.run(main())
        self.assertEqual(outcome, ("ValueError", ["slow cancelled"]))
        self.assertEqual(time.monotonic() - started < 0.5, True)

    def test_empty_input_and_bad_limit(self):
        self.assertEqual(run([], limit=2)[0], [])
        with self.assertRaises(ValueError):
            run([job("x", 0)], limit=0)


if __name__ == "__main__":
    unittest.main()
