"""Redis Cluster 的做法：CRC16(key) mod 16384 个哈希槽，再把槽分给主节点。"""
import binascii
import os
import subprocess
import sys


def key_slot(key):
    # 有 {…} 且花括号里非空时，只对花括号里的部分（hash tag）求槽
    start = key.find("{")
    if start != -1:
        end = key.find("}", start + 1)
        if end > start + 1:
            key = key[start + 1:end]
    # binascii.crc_hqx(data, 0) 就是 Redis 使用的 CRC16-CCITT（XMODEM）
    return binascii.crc_hqx(key.encode(), 0) % 16384


print("crc16('123456789') = 0x%04X" % binascii.crc_hqx(b"123456789", 0))

# 3 个主节点时 redis-cli --cluster create 默认的槽分配
ranges = [(0, 5460, "master-1"), (5461, 10922, "master-2"), (10923, 16383, "master-3")]


def owner(slot):
    for lo, hi, node in ranges:
        if lo <= slot <= hi:
            return node


for key in ["user:1000", "user:1001", "{user:1000}.cart", "{user:1000}.orders"]:
    slot = key_slot(key)
    print(f"{key:<20} slot {slot:>5} -> {owner(slot)}")

# 为什么不能用内置 hash()：str 的哈希每个进程随机加盐
code = "print(hash('user:1000'))"
outs = []
for seed in ("1", "2"):
    env = dict(os.environ, PYTHONHASHSEED=seed)
    outs.append(subprocess.run([sys.executable, "-c", code], env=env,
                               capture_output=True, text=True).stdout)
print("hash('user:1000') same in two processes:", outs[0] == outs[1])
