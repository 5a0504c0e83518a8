"""常见负载均衡算法的最小实现：轮询、加权轮询（朴素 / Nginx 平滑）、IP 哈希、最少连接、
随机与“二选一”（power of two choices）。"""
import hashlib
import random
from collections import Counter


def round_robin(servers, n):
    return "".join(servers[i % len(servers)] for i in range(n))


def naive_weighted(weights, n):
    # 按权重把服务器重复展开再轮询：A 会连续被选 5 次，流量一阵一阵的
    expanded = [s for s, w in weights.items() for _ in range(w)]
    return "".join(expanded[i % len(expanded)] for i in range(n))


def smooth_weighted(weights, n):
    """Nginx 的平滑加权轮询：每轮所有节点 current += weight，选 current 最大的，
    被选中的 current -= 总权重。结果既符合比例，又把重的节点打散。"""
    current = dict.fromkeys(weights, 0)
    total = sum(weights.values())
    picks = []
    for _ in range(n):
        for s, w in weights.items():
            current[s] += w
        best = max(current, key=current.get)   # 平手时取先出现的
        current[best] -= total
        picks.append(best)
    return "".join(picks)


def ip_hash(servers, client_ip):
    # 用稳定的 md5，而不是每个进程随机加盐的内置 hash()
    h = int.from_bytes(hashlib.md5(client_ip.encode()).digest()[:4], "big")
    return servers[h % len(servers)]


def least_connections(active):
    return min(active, key=active.get)


servers = ["A", "B", "C"]
print("round robin:      ", round_robin(servers, 7))
print("naive weighted:   ", naive_weighted({"A": 5, "B": 1, "C": 1}, 7))
print("smooth weighted:  ", smooth_weighted({"A": 5, "B": 1, "C": 1}, 7))
ips = ["10.0.0.1", "10.0.0.3", "10.0.0.4", "10.0.0.1"]
print("ip hash:          ", [ip_hash(servers, ip) for ip in ips])
print("least connections:", least_connections({"A": 12, "B": 3, "C": 7}))

# 随机 vs 二选一：3000 个长连接分给 10 台机器，看最忙的机器有多少
rng = random.Random(7)
plain, p2c = Counter(), Counter()
for _ in range(3000):
    plain[rng.randrange(10)] += 1               # 纯随机
    a, b = rng.randrange(10), rng.randrange(10)  # 随机挑两台，选连接少的那台
    p2c[a if p2c[a] <= p2c[b] else b] += 1
print("random:        busiest node has", max(plain.values()), "of 3000 (ideal 300)")
print("two choices:   busiest node has", max(p2c.values()), "of 3000 (ideal 300)")
