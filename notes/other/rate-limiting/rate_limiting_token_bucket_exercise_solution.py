"""练习“令牌桶限流器”的参考答案。"""
import time


class TokenBucket:
    """令牌桶：容量 capacity，每秒补充 rate 个令牌，时间来自 clock()。"""

    def __init__(self, capacity, rate, clock=time.monotonic):
        if capacity <= 0 or rate <= 0:
            raise ValueError("capacity 和 rate 必须为正数")
        self.capacity = capacity
        self.rate = rate
        self.clock = clock
        self.tokens = float(capacity)          # 新桶是满的
        self.last = clock()

    def _refill(self):
        now = self.clock()
        # 按经过的时间补充（可以是小数），但不超过容量；无论是否放行都更新时间点
        self.tokens = min(self.capacity, self.tokens + (now - self.last) * self.rate)
        self.last = now

    def _check(self, n):
        if not 0 < n <= self.capacity:
            raise ValueError("n 必须满足 0 < n <= capacity")

    def allow(self, n=1):
        """令牌足够时取走 n 个并返回 True，否则返回 False（不消耗令牌）。"""
        self._check(n)
        self._refill()
        if self.tokens >= n:
            self.tokens -= n
            return True
        return False

    def wait_time(self, n=1):
        """还要等待多少秒才能凑够 n 个令牌；已经够了返回 0.0。"""
        self._check(n)
        self._refill()
        return max(0.0, (n - self.tokens) / self.rate)
