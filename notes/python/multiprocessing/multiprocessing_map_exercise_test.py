"""练习“用进程池实现 parallel_map”的测试（学习者看不到这个文件）。

交给工作进程的函数都是内置函数或学习者模块里的模块级函数：
在 spawn/forkserver 启动方式下，子进程要能按名字导入它们。
"""
import os
import time
import unittest

from multiprocessing_map_exercise import parallel_map, report_pid, slow_identity


class ParallelMapTests(unittest.TestCase):
    def test_results_keep_the_input_order(self):
        tasks = [(0.2, "a"), (0.0, "b"), (0.1, "c"), (0.0, "d")]  # 完成顺序大约是 b、d、c、a
        self.assertEqual(parallel_map(slow_identity, tasks, workers=4), ["a", "b", "c", "d"])

    def test_work_runs_in_other_processes_in_parallel(self):
        started = time.monotonic()
        result = parallel_map(slow_identity, [(0.3, n) for n in range(4)], workers=4)
        elapsed = time.monotonic() - started
        self.assertEqual(result, [0, 1, 2, 3])
        self.assertEqual(elapsed < 0.9, True)  # 依次执行至少要 1.2 s
        pids = parallel_map(report_pid, range(4), workers=2)
        self.assertEqual(os.getpid() in pids, False)  # 是子进程算的，不是当前进程

    def test_builtin_function_with_chunks(self):
        self.assertEqual(parallel_map(abs, range(-30, 0), workers=3, chunksize=4), list(range(30, 0, -1)))

    def test_a_worker_exception_reaches_the_caller(self):
        with self.assertRaises(ValueError):
            parallel_map(int, ["1", "两", "3"], workers=2)  # int("两") 抛出 ValueError

    def test_empty_and_generator_input(self):
        self.assertEqual(parallel_map(abs, []), [])
        self.assertEqual(parallel_map(abs, (n for n in (-1, -2, -3))), [1, 2, 3])

    def test_rejects_bad_arguments(self):
        with self.assertRaises(ValueError):
            parallel_map(abs, [1, 2], workers=0)
        with self.assertRaises(ValueError):
            parallel_map(abs, [1, 2], chunksize=0)


if __name__ == "__main__":
    unittest.main()
