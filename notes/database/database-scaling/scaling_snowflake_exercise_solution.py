"""练习"雪花 ID 生成器"的参考答案。"""

EPOCH_MS = 1577836800000   # 2020-01-01 00:00:00 UTC
MACHINE_BITS = 10
SEQ_BITS = 12
MAX_MACHINE = (1 << MACHINE_BITS) - 1
MAX_SEQ = (1 << SEQ_BITS) - 1


class ClockMovedBackwardsError(Exception):
    """时钟回拨超过允许的范围。"""


class SnowflakeGenerator:
    def __init__(self, machine_id, clock, sleep_ms, epoch_ms=EPOCH_MS, max_backward_ms=5):
        if not 0 <= machine_id <= MAX_MACHINE:
            raise ValueError("machine_id must be in 0..%d" % MAX_MACHINE)
        self.machine_id = machine_id
        self.clock = clock
        self.sleep_ms = sleep_ms
        self.epoch_ms = epoch_ms
        self.max_backward_ms = max_backward_ms
        self.last_ms = -1
        self.seq = 0

    def _wait_until(self, done):
        now = self.clock()
        while not done(now):
            self.sleep_ms(1)
            now = self.clock()
        return now

    def next_id(self):
        now = self.clock()
        if now < self.last_ms:
            behind = self.last_ms - now
            if behind > self.max_backward_ms:
                raise ClockMovedBackwardsError("clock moved back %d ms" % behind)
            now = self._wait_until(lambda t: t >= self.last_ms)
        if now == self.last_ms:
            seq = (self.seq + 1) & MAX_SEQ
            if seq == 0:                      # 这一毫秒的号用完了，等到下一毫秒
                now = self._wait_until(lambda t: t > self.last_ms)
        else:
            seq = 0
        self.seq = seq
        self.last_ms = now
        return ((now - self.epoch_ms) << (MACHINE_BITS + SEQ_BITS)) | (self.machine_id << SEQ_BITS) | seq


def parse_id(snowflake_id, epoch_ms=EPOCH_MS):
    seq = snowflake_id & MAX_SEQ
    machine_id = (snowflake_id >> SEQ_BITS) & MAX_MACHINE
    timestamp_ms = (snowflake_id >> (MACHINE_BITS + SEQ_BITS)) + epoch_ms
    return timestamp_ms, machine_id, seq
