"""练习：实现能处理序列号用完和时钟回拨的雪花 ID 生成器。

ID 的布局（64 位整数，最高位始终为 0）：
    (timestamp_ms - epoch_ms) << 22  |  machine_id << 12  |  sequence
即 41 位时间戳（相对 epoch_ms 的毫秒数）、10 位机器号、12 位序列号。

SnowflakeGenerator(machine_id, clock, sleep_ms, epoch_ms=EPOCH_MS, max_backward_ms=5)
- machine_id 必须在 0..1023 之间，否则抛出 ValueError；
- clock()：返回当前时间（整数毫秒）；sleep_ms(n)：等待 n 毫秒。测试会注入假的时钟和等待函数，
  假的 sleep_ms 会让假时钟前进 n 毫秒；不要使用 time 模块。

next_id() 的规则：
1. now = clock()。
2. now 比上一次生成 ID 的时间戳 last 小（时钟回拨）：
   - 回拨量 last - now <= max_backward_ms：反复 sleep_ms(1) 并重新读时钟，直到 now >= last，再继续第 3 步；
   - 回拨量更大：抛出 ClockMovedBackwardsError，生成器状态不变（时钟恢复后还能继续用）。
3. now == last：序列号加 1；如果超过 4095（这一毫秒的 4096 个号用完了），反复 sleep_ms(1)
   并重新读时钟，直到 now > last，然后序列号从 0 开始。
4. now > last：序列号从 0 开始。
5. 记录 last = now，按布局拼出 ID 返回。

parse_id(snowflake_id, epoch_ms=EPOCH_MS)：拆出 (timestamp_ms, machine_id, sequence)，timestamp_ms 是绝对毫秒数。
"""

EPOCH_MS = 1577836800000   # 2020-01-01 00:00:00 UTC


class ClockMovedBackwardsError(Exception):
    """时钟回拨超过允许的范围。"""


class SnowflakeGenerator:
    def __init__(self, machine_id, clock, sleep_ms, epoch_ms=EPOCH_MS, max_backward_ms=5):
        raise NotImplementedError("在这里实现 __init__")

    def next_id(self):
        """返回下一个 ID（严格递增）。"""
        raise NotImplementedError("在这里实现 next_id")


def parse_id(snowflake_id, epoch_ms=EPOCH_MS):
    """把 ID 拆成 (timestamp_ms, machine_id, sequence)。"""
    raise NotImplementedError("在这里实现 parse_id")
