"""练习“令牌桶限流器”的测试（学习者看不到这个文件）。"""
import unittest

from rate_limiting_token_bucket_exercise import TokenBucket


class FakeClock:
    """可以手动拨动的时钟。"""

    def __init__(self, now=100.0):
        self.now = now

    def __call__(self):
        return self.now

    def advance(self, seconds):
        self.now += seconds


class TokenBucketTests(unittest.TestCase):
    def setUp(self):
        self.clock = FakeClock()

    def test_starts_full_and_allows_a_burst_up_to_capacity(self):
        bucket = TokenBucket(capacity=3, rate=1, clock=self.clock)
        self.assertEqual([bucket.allow() for _ in range(4)], [True, True, True, False])

    def test_refills_at_the_given_rate(self):
        bucket = TokenBucket(capacity=3, rate=2, clock=self.clock)
        for _ in range(3):
            bucket.allow()
        self.assertEqual(bucket.allow(), False)
        self.clock.advance(0.5)                    # 0.5 秒 × 2 个/秒 = 1 个
        self.assertEqual([bucket.allow(), bucket.allow()], [True, False])
        self.clock.advance(1)
        self.assertEqual([bucket.allow(), bucket.allow(), bucket.allow()], [True, True, False])

    def test_fractional_refill_accumulates_across_denied_requests(self):
        bucket = TokenBucket(capacity=1, rate=0.5, clock=self.clock)
        self.assertEqual(bucket.allow(), True)
        results = []
        for _ in range(4):                         # 每次 0.5 秒，只补 0.25 个
            self.clock.advance(0.5)
            results.append(bucket.allow())
        self.assertEqual(results, [False, False, False, True])

    def test_never_holds_more_than_capacity(self):
        bucket = TokenBucket(capacity=2, rate=1, clock=self.clock)
        bucket.allow()
        self.clock.advance(1000)
        self.assertEqual([bucket.allow() for _ in range(3)], [True, True, False])

    def test_allow_n_takes_all_or_nothing(self):
        bucket = TokenBucket(capacity=5, rate=1, clock=self.clock)
        self.assertEqual(bucket.allow(4), True)
        self.assertEqual(bucket.allow(2), False)   # 只剩 1 个：拒绝且不消耗
        self.assertEqual(bucket.allow(1), True)
        self.assertEqual(bucket.allow(1), False)

    def test_wait_time(self):
        bucket = TokenBucket(capacity=2, rate=0.5, clock=self.clock)
        self.assertEqual(bucket.wait_time(), 0.0)
        bucket.allow(2)
        self.assertEqual(bucket.wait_time(), 2.0)
        self.clock.advance(0.5)
        self.assertEqual(bucket.wait_time(), 1.5)
        self.assertEqual(bucket.wait_time(2), 3.5)
        self.clock.advance(1.5)                    # 正好攒够 1 个
        self.assertEqual(bucket.wait_time(), 0.0)
        self.assertEqual(bucket.allow(), True)     # wait_time 不消耗令牌

    def test_n_larger_than_capacity_is_an_error(self):
        bucket = TokenBucket(capacity=3, rate=1, clock=self.clock)
        with self.assertRaises(ValueError):
            bucket.allow(4)
        with self.assertRaises(ValueError):
            bucket.wait_time(4)
        with self.assertRaises(ValueError):
            bucket.allow(0)


if __name__ == "__main__":
    unittest.main()
