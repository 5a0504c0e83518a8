"""练习"雪花 ID 生成器"的测试（学习者看不到这个文件）。"""
import unittest

from scaling_snowflake_exercise import EPOCH_MS, ClockMovedBackwardsError, SnowflakeGenerator, parse_id

T = 1700000000000


class FakeClock:
    """clock() 返回 now；sleep_ms(n) 让 now 前进 n 毫秒，并记下一共等了多久。"""

    def __init__(self, now=T):
        self.now = now
        self.slept = 0

    def clock(self):
        return self.now

    def sleep_ms(self, n):
        self.slept += n
        self.now += n


class SnowflakeTests(unittest.TestCase):
    def setUp(self):
        self.fake = FakeClock()
        self.gen = SnowflakeGenerator(5, self.fake.clock, self.fake.sleep_ms)

    def test_layout_of_the_first_id(self):
        first = self.gen.next_id()
        self.assertEqual(first, ((T - EPOCH_MS) << 22) | (5 << 12))
        self.assertEqual(parse_id(first), (T, 5, 0))

    def test_sequence_within_and_across_milliseconds(self):
        ids = [self.gen.next_id() for _ in range(3)]
        self.fake.now += 1
        ids.append(self.gen.next_id())
        self.assertEqual([parse_id(i)[2] for i in ids], [0, 1, 2, 0])
        self.assertEqual([parse_id(i)[0] - T for i in ids], [0, 0, 0, 1])

    def test_sequence_overflow_waits_for_the_next_millisecond(self):
        ids = [self.gen.next_id() for _ in range(4096)]
        self.assertEqual(parse_id(ids[-1]), (T, 5, 4095))
        self.assertEqual(self.fake.slept, 0)
        extra = self.gen.next_id()
        self.assertEqual(parse_id(extra), (T + 1, 5, 0))
        self.assertEqual(self.fake.slept, 1)
        self.assertEqual(len(set(ids + [extra])), 4097)

    def test_small_clock_rollback_waits_and_stays_increasing(self):
        before = self.gen.next_id()
        self.fake.now -= 3
        after = self.gen.next_id()
        self.assertEqual(self.fake.slept, 3)
        self.assertEqual(parse_id(after), (T, 5, 1))
        self.assertEqual(after > before, True)

    def test_large_clock_rollback_raises_and_recovers(self):
        first = self.gen.next_id()
        self.fake.now -= 1000
        with self.assertRaises(ClockMovedBackwardsError):
            self.gen.next_id()
        self.assertEqual(self.fake.slept, 0)
        self.fake.now = T + 2
        later = self.gen.next_id()
        self.assertEqual(parse_id(later), (T + 2, 5, 0))
        self.assertEqual(later > first, True)

    def test_machine_id_range(self):
        with self.assertRaises(ValueError):
            SnowflakeGenerator(1024, self.fake.clock, self.fake.sleep_ms)
        gen = SnowflakeGenerator(1023, self.fake.clock, self.fake.sleep_ms)
        self.assertEqual(parse_id(gen.next_id()), (T, 1023, 0))


if __name__ == "__main__":
    unittest.main()
