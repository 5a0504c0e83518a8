"""雪花算法（Snowflake）：1 位符号 + 41 位毫秒时间戳 + 10 位机器号 + 12 位序列号 = 64 位整数。

时钟由参数注入，输出是确定的。最后演示：不处理时钟回拨的实现会生成重复的 ID。
"""
EPOCH_MS = 1577836800000        # 自定义纪元：2020-01-01 00:00:00 UTC
TIME_BITS, MACHINE_BITS, SEQ_BITS = 41, 10, 12
MAX_SEQ = (1 << SEQ_BITS) - 1   # 4095


class NaiveSnowflake:
    """最简单的实现：同一毫秒内序列号加一，换了毫秒序列号归零。没有处理序列号用完和时钟回拨。"""

    def __init__(self, machine_id, clock):
        assert 0 <= machine_id < (1 << MACHINE_BITS)
        self.machine_id = machine_id
        self.clock = clock
        self.last_ms = -1
        self.seq = 0

    def next_id(self):
        now = self.clock()
        if now == self.last_ms:
            self.seq = (self.seq + 1) & MAX_SEQ
        else:
            self.seq = 0
        self.last_ms = now
        return ((now - EPOCH_MS) << (MACHINE_BITS + SEQ_BITS)) | (self.machine_id << SEQ_BITS) | self.seq


def parse(snowflake_id):
    seq = snowflake_id & MAX_SEQ
    machine = (snowflake_id >> SEQ_BITS) & ((1 << MACHINE_BITS) - 1)
    ms = (snowflake_id >> (MACHINE_BITS + SEQ_BITS)) + EPOCH_MS
    return ms, machine, seq


def scripted(times):
    it = iter(times)
    return lambda: next(it)


T = 1700000000000               # 2023-11-14 22:13:20 UTC
gen = NaiveSnowflake(machine_id=5, clock=scripted([T, T, T, T + 1, T + 1, T + 7]))
ids = [gen.next_id() for _ in range(6)]
print("ids:")
for i in ids:
    print("  %d -> (ms, machine, seq) = %s" % (i, parse(i)))
bits = format(ids[3], "064b")
print("layout of ids[3]: sign|time|machine|seq =", "|".join([bits[0], bits[1:42], bits[42:52], bits[52:]]))
print("increasing:", ids == sorted(ids) and len(set(ids)) == len(ids))
print("bit length of the last id:", ids[-1].bit_length(), "(< 64, fits a signed BIGINT)")

print("== 两台机器交错生成：ID 大致按时间排序 ==")
a = NaiveSnowflake(1, scripted([T + 10, T + 30]))
b = NaiveSnowflake(2, scripted([T + 20, T + 30]))
mixed = [a.next_id(), b.next_id(), a.next_id(), b.next_id()]
print("order by id == order by time:", [parse(i)[0] - T for i in sorted(mixed)])
print("same ms, different machines differ:", mixed[2] != mixed[3])

print("== 容量 ==")
years = (1 << TIME_BITS) / (365.25 * 24 * 3600 * 1000)
print("41-bit milliseconds last %.1f years after the epoch" % years)
print("machines: %d, ids per machine per ms: %d" % (1 << MACHINE_BITS, MAX_SEQ + 1))

print("== 时钟回拨 ==")
# NTP 把时钟往回调了 1 毫秒：同一毫秒、同样的序列号又出现了一次
gen = NaiveSnowflake(machine_id=5, clock=scripted([T, T + 1, T, T + 1]))
ids = [gen.next_id() for _ in range(4)]
print("ms offsets:", [parse(i)[0] - T for i in ids], "seqs:", [parse(i)[2] for i in ids])
print("duplicate ids:", len(ids) - len(set(ids)))
