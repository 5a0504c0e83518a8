"""虚拟节点：让负载更均匀、实现权重，以及沿环找 N 个不同节点做副本。"""
import bisect
import functools
import hashlib
from collections import Counter


@functools.lru_cache(maxsize=None)  # 同一个字符串只算一次 md5，只是为了让示例跑得快
def h32(text):
    return int.from_bytes(hashlib.md5(text.encode()).digest()[:4], "big")


class HashRing:
    def __init__(self, weights, vnodes_per_weight):
        """weights: {节点: 权重}；每台机器的虚拟节点数 = 权重 × vnodes_per_weight。"""
        pairs = []
        for node, weight in weights.items():
            for i in range(weight * vnodes_per_weight):
                pairs.append((h32(f"{node}#{i}"), node))
        pairs.sort()
        self.points = [p for p, _ in pairs]
        self.nodes = [n for _, n in pairs]   # 与 points 一一对应：虚拟节点 -> 物理节点

    def _start(self, key):
        return bisect.bisect_left(self.points, h32(key)) % len(self.points)

    def lookup(self, key):
        return self.nodes[self._start(key)]

    def replicas(self, key, n):
        """从 key 的位置顺时针走，收集前 n 个【不同的】物理节点。"""
        result = []
        i = self._start(key)
        while len(result) < n:
            node = self.nodes[i]
            if node not in result:
                result.append(node)
            i = (i + 1) % len(self.points)
        return result


keys = [f"img-{i}.jpg" for i in range(30000)]
names = ["cache-a", "cache-b", "cache-c"]


def load(ring):
    c = Counter(ring.lookup(k) for k in keys)
    return [c[n] for n in sorted(c)]


for v in (1, 10, 100, 1000):
    counts = load(HashRing(dict.fromkeys(names, 1), v))
    print(f"{v:>4} vnodes/node: {counts}  max/avg = {max(counts) / 10000:.2f}")

weighted = HashRing({"cache-a": 1, "cache-b": 1, "cache-big": 2}, 200)
c = Counter(weighted.lookup(k) for k in keys)
print("weights 1:1:2 ->", [(n, c[n]) for n in sorted(c)])

print("2 replicas of user:42 ->", weighted.replicas("user:42", 2))
print("2 replicas of user:7  ->", weighted.replicas("user:7", 2))
