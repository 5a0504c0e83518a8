"""五种限流算法跑同一条请求序列，时间来自注入的假时钟，输出可重复。

限额统一为“每 10 秒 5 个请求”：窗口类算法 limit=5、window=10；
令牌桶和漏桶的容量为 5，速率为 0.5 个/秒。时间都取 0.5 的倍数，浮点运算是精确的。
"""
from collections import deque


class FakeClock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


class FixedWindow:
    """固定窗口计数：把时间切成 [0,10)、[10,20)…，每个窗口一个计数器。"""

    def __init__(self, limit, window, clock):
        self.limit, self.window, self.clock = limit, window, clock
        self.current_window, self.count = None, 0

    def allow(self):
        window_id = int(self.clock() // self.window)
        if window_id != self.current_window:       # 进入新窗口：计数清零
            self.current_window, self.count = window_id, 0
        if self.count < self.limit:
            self.count += 1
            return True
        return False


class SlidingLog:
    """滑动窗口日志：记下每个被放行请求的时间，只数最近 window 秒内的。"""

    def __init__(self, limit, window, clock):
        self.limit, self.window, self.clock = limit, window, clock
        self.log = deque()

    def allow(self):
        now = self.clock()
        while self.log and self.log[0] <= now - self.window:
            self.log.popleft()
        if len(self.log) < self.limit:
            self.log.append(now)
            return True
        return False


class SlidingCounter:
    """滑动窗口计数：估计值 = 上一窗口计数 × 上一窗口仍在滑动窗口内的比例 + 当前窗口计数。"""

    def __init__(self, limit, window, clock):
        self.limit, self.window, self.clock = limit, window, clock
        self.current_window, self.current, self.previous = 0, 0, 0

    def allow(self):
        now = self.clock()
        window_id = int(now // self.window)
        if window_id != self.current_window:
            # 刚好是下一个窗口：当前计数变成“上一窗口”；隔了更久：上一窗口为 0
            self.previous = self.current if window_id == self.current_window + 1 else 0
            self.current_window, self.current = window_id, 0
        elapsed = now - window_id * self.window
        # previous × (window - elapsed) / window + current + 1 <= limit，两边乘以 window 避免除法
        if self.previous * (self.window - elapsed) + (self.current + 1) * self.window <= self.limit * self.window:
            self.current += 1
            return True
        return False


class TokenBucket:
    """令牌桶：以 rate 个/秒往桶里加令牌，最多 capacity 个；每个请求取走一个。"""

    def __init__(self, capacity, rate, clock):
        self.capacity, self.rate, self.clock = capacity, rate, clock
        self.tokens, self.last = float(capacity), clock()

    def allow(self):
        now = self.clock()
        self.tokens = min(self.capacity, self.tokens + (now - self.last) * self.rate)
        self.last = now
        if self.tokens >= 1:
            self.tokens -= 1
            return True
        return False


class LeakyBucketMeter:
    """漏桶（计量器）：每个请求往桶里倒 1 单位水，桶以 rate 的速度漏水，会溢出就拒绝。"""

    def __init__(self, capacity, rate, clock):
        self.capacity, self.rate, self.clock = capacity, rate, clock
        self.level, self.last = 0.0, clock()

    def allow(self):
        now = self.clock()
        self.level = max(0.0, self.level - (now - self.last) * self.rate)
        self.last = now
        if self.level + 1 <= self.capacity:
            self.level += 1
            return True
        return False


def make_all(clock):
    return {
        "fixed": FixedWindow(5, 10, clock),
        "log": SlidingLog(5, 10, clock),
        "counter": SlidingCounter(5, 10, clock),
        "token": TokenBucket(5, 0.5, clock),
        "leaky": LeakyBucketMeter(5, 0.5, clock),
    }


def run(times):
    clock = FakeClock()
    limiters = make_all(clock)
    results = {name: [] for name in limiters}
    for t in times:
        clock.now = t
        for name, limiter in limiters.items():
            results[name].append(limiter.allow())
    return results


print("== 1. boundary burst: 5 requests at t=9.5 and 5 more at t=10.0 ==")
burst = run([9.5] * 5 + [10.0] * 5)
for name, allowed in burst.items():
    print("%-8s allowed %2d of 10 within 0.5 s" % (name, sum(allowed)))

print("== 2. the same trace through every algorithm (Y = allowed, . = rejected) ==")
trace = [0, 0.5, 1, 1.5, 2, 2.5, 3, 6, 9.5, 10, 10.5, 11, 12, 13, 15, 20.5, 21, 21, 21, 21]
results = run(trace)
print("    t  " + " ".join("%-7s" % name for name in results).rstrip())
for i, t in enumerate(trace):
    print("%5.1f  " % t + " ".join("%-7s" % ("Y" if results[name][i] else ".") for name in results).rstrip())
print("total  " + " ".join("%-7d" % sum(results[name]) for name in results).rstrip())
print("token bucket and leaky bucket (as a meter) agree:", results["token"] == results["leaky"])

print("== 3. leaky bucket as a queue: 6 requests at t=0, queue size 3, 1 request every 2 s ==")
clock = FakeClock()
queue_size, interval = 3, 2.0
next_free = 0.0                                     # 处理器下一次空闲的时刻
departures = []
for request in range(1, 7):
    waiting = sum(1 for start in departures if start > clock())
    if waiting >= queue_size:
        print("request %d: queue full, dropped" % request)
        continue
    start = max(clock(), next_free)
    next_free = start + interval
    departures.append(start)
    print("request %d: processed at t=%.1f (waited %.1f s)" % (request, start, start - clock()))

print("== 4. token bucket with the same capacity 3: bursts pass at once ==")
clock = FakeClock()
bucket = TokenBucket(3, 0.5, clock)
print("6 requests at t=0:", ["Y" if bucket.allow() else "." for _ in range(6)])
clock.now = 2.0
print("t=2.0, one more:", bucket.allow(), "| tokens left:", bucket.tokens)
