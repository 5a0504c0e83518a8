"""练习“惰性的生成器流水线”的测试（学习者看不到这个文件）。"""
import itertools
import unittest

from iterator_pipeline_exercise import batched, filter_min, parse_records, pipeline, read_lines


class CountingSource:
    """可迭代的行来源，记录下游一共从它这里取走了多少行。"""

    def __init__(self, lines):
        self.lines = lines
        self.pulled = 0

    def __iter__(self):
        for line in self.lines:
            self.pulled += 1
            yield line


class PipelineTests(unittest.TestCase):
    def test_read_lines_strips_and_skips_blank_lines(self):
        source = ["alice, 90\n", "\n", "   \n", "  bob, 70  \n", "carol, 85"]
        self.assertEqual(list(read_lines(source)), ["alice, 90", "bob, 70", "carol, 85"])

    def test_parse_records_converts_scores_and_skips_comments(self):
        lines = ["# 名字, 分数", "alice, 90", "bob ,70", "#carol, 85", "dave,  5"]
        self.assertEqual(list(parse_records(lines)), [("alice", 90), ("bob", 70), ("dave", 5)])

    def test_filter_min_keeps_the_boundary(self):
        records = [("a", 59), ("b", 60), ("c", 61), ("d", 0)]
        self.assertEqual(list(filter_min(records, 60)), [("b", 60), ("c", 61)])

    def test_batched_keeps_order_and_short_last_batch(self):
        self.assertEqual(list(batched(range(7), 3)), [[0, 1, 2], [3, 4, 5], [6]])
        self.assertEqual(list(batched([], 3)), [])
        self.assertEqual(list(batched("ab", 5)), [["a", "b"]])

    def test_batched_rejects_bad_size_at_call_time(self):
        with self.assertRaises(ValueError):
            batched([1, 2, 3], 0)  # 不调用 next() 也要立即报错

    def test_pipeline_is_lazy(self):
        source = CountingSource(["a, 10", "", "b, 90", "# 注释", "c, 80", "d, 95", "e, 99", "f, 100"])
        result = pipeline(source, 50, 2)
        self.assertEqual(source.pulled, 0)  # 还没有人要数据，就一行也不该读
        self.assertEqual(iter(result) is result, True)  # 返回的是迭代器，不是列表
        self.assertEqual(next(result), [("b", 90), ("c", 80)])
        self.assertEqual(source.pulled, 5)  # 凑齐第一批只需要读到 "c, 80"
        self.assertEqual(list(result), [[("d", 95), ("e", 99)], [("f", 100)]])

    def test_pipeline_handles_an_endless_source(self):
        endless = (f"user{i}, {i % 100}" for i in itertools.count())
        first_two = list(itertools.islice(pipeline(endless, 98, 3), 2))
        self.assertEqual(first_two, [
            [("user98", 98), ("user99", 99), ("user198", 98)],
            [("user199", 99), ("user298", 98), ("user299", 99)],
        ])


if __name__ == "__main__":
    unittest.main()
