"""练习：实现令牌桶限流器 TokenBucket。

要求：
- TokenBucket(capacity, rate, clock=time.monotonic)：桶最多装 capacity 个令牌，每秒补充 rate 个；
  clock 是一个无参函数，返回当前时间（秒，可以是小数），测试里会换成假时钟；
- 新建的桶是满的（有 capacity 个令牌），所以一开始允许突发 capacity 个请求；
- 令牌按经过的时间连续补充，可以是小数：rate=0.5 时过 1 秒补 0.5 个，再过 1 秒凑够 1 个；
  被拒绝的请求不能让已经攒下的小数令牌丢失；
- 令牌数永远不超过 capacity（空闲再久也只能攒满一桶）；
- allow(n=1)：令牌足够就取走 n 个并返回 True；不够就返回 False，且不消耗任何令牌；
- wait_time(n=1)：返回还要等多少秒才能凑够 n 个令牌（够了就返回 0.0），不消耗令牌；
- n 必须满足 0 < n <= capacity，否则 allow 和 wait_time 都抛出 ValueError。
"""
import time


class TokenBucket:
    """令牌桶：容量 capacity，每秒补充 rate 个令牌，时间来自 clock()。"""

    def __init__(self, capacity, rate, clock=time.monotonic):
        raise NotImplementedError("在这里实现 TokenBucket.__init__")

    def allow(self, n=1):
        """令牌足够时取走 n 个并返回 True，否则返回 False（不消耗令牌）。"""
        raise NotImplementedError("在这里实现 TokenBucket.allow")

    def wait_time(self, n=1):
        """还要等待多少秒才能凑够 n 个令牌；已经够了返回 0.0。"""
        raise NotImplementedError("在这里实现 TokenBucket.wait_time")
