"""缓存雪崩：大量 key 在同一时刻过期。对比固定 TTL 与加随机抖动（jitter）的 TTL。"""
import random
from collections import Counter

N_KEYS = 1000
BASE_TTL = 3600                          # 1 小时
rng = random.Random(42)                  # 固定种子，保证输出可复现

# 凌晨 00:00（第 0 秒）定时任务把 1000 个商品一次性写进缓存
fixed = [0 + BASE_TTL for _ in range(N_KEYS)]
jittered = [0 + BASE_TTL + rng.randint(0, 600) for _ in range(N_KEYS)]   # 加 0~10 分钟随机量


def busiest_second(expire_times):
    second, count = Counter(expire_times).most_common(1)[0]
    return second, count


def busiest_minute(expire_times):
    return Counter(t // 60 for t in expire_times).most_common(1)[0][1]


s, c = busiest_second(fixed)
print(f"fixed TTL:    {c} keys expire in the same second (t={s}s)")
print(f"jittered TTL: at most {busiest_second(jittered)[1]} keys expire in the same second")
print(f"keys expiring in the busiest minute: fixed {busiest_minute(fixed)} | jittered {busiest_minute(jittered)}")
print("jittered expiries spread over", max(jittered) - min(jittered) + 1, "seconds")
