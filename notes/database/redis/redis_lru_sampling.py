"""模拟 Redis 的近似 LRU 淘汰：不维护全局链表，而是随机抽样几个 key，淘汰其中最久没被访问的。

对比精确 LRU（OrderedDict）、抽样 LRU（maxmemory-samples = 3 / 5 / 10）和随机淘汰的命中率。
"""
import random
from collections import OrderedDict

CAPACITY = 100        # 相当于 maxmemory：最多放 100 个 key
KEYSPACE = 1000
REQUESTS = 30000


def workload(seed=7):
    """有冷热之分的访问序列：r ** 3 让小编号的 key 被访问得多得多。"""
    rng = random.Random(seed)
    return [int(KEYSPACE * rng.random() ** 3) for _ in range(REQUESTS)]


class ExactLRU:
    def __init__(self):
        self.data = OrderedDict()

    def access(self, key, now):
        if key in self.data:
            self.data.move_to_end(key)
            return True
        if len(self.data) >= CAPACITY:
            self.data.popitem(last=False)     # 链表头就是最久未访问的
        self.data[key] = now
        return False


class SampledLRU:
    """每个 key 只记最近访问时间（Redis 在对象头里存 24 位的 LRU 时钟）；淘汰时抽样比较。"""

    def __init__(self, samples, seed=1):
        self.samples = samples
        self.rng = random.Random(seed)
        self.last_access = {}
        self.keys = []                         # 便于 O(1) 随机抽样
        self.pos = {}

    def _remove(self, key):
        i = self.pos.pop(key)
        last = self.keys.pop()
        if last != key:
            self.keys[i] = last
            self.pos[last] = i
        del self.last_access[key]

    def evict(self):
        picked = [self.keys[int(self.rng.random() * len(self.keys))] for _ in range(self.samples)]
        victim = min(picked, key=lambda k: self.last_access[k])
        self._remove(victim)

    def access(self, key, now):
        if key in self.last_access:
            self.last_access[key] = now
            return True
        if len(self.keys) >= CAPACITY:
            self.evict()
        self.pos[key] = len(self.keys)
        self.keys.append(key)
        self.last_access[key] = now
        return False


class RandomEviction(SampledLRU):
    def evict(self):
        self._remove(self.keys[int(self.rng.random() * len(self.keys))])


def hit_rate(cache, requests):
    hits = sum(cache.access(key, now) for now, key in enumerate(requests))
    return 100.0 * hits / len(requests)


requests = workload()
print("requests=%d keyspace=%d capacity=%d" % (REQUESTS, KEYSPACE, CAPACITY))
results = [
    ("exact LRU", hit_rate(ExactLRU(), requests)),
    ("sampled LRU, samples=10", hit_rate(SampledLRU(10), requests)),
    ("sampled LRU, samples=5", hit_rate(SampledLRU(5), requests)),
    ("sampled LRU, samples=3", hit_rate(SampledLRU(3), requests)),
    ("random eviction", hit_rate(RandomEviction(1), requests)),
]
for name, rate in results:
    print("%-24s hit rate %.1f%%" % (name, rate))

rates = dict(results)
print("exact >= samples=10 >= samples=3 >= random:",
      rates["exact LRU"] >= rates["sampled LRU, samples=10"] >= rates["sampled LRU, samples=3"] >= rates["random eviction"])
print("samples=10 within 2 points of exact LRU:",
      rates["exact LRU"] - rates["sampled LRU, samples=10"] < 2.0)

print()
print("== 一次淘汰的细节 ==")
demo = SampledLRU(samples=3, seed=3)
for now, key in enumerate(["a", "b", "c", "d", "e"]):
    demo.access(key, now)
picked = [demo.keys[int(demo.rng.random() * len(demo.keys))] for _ in range(3)]
print("last access:", [(k, demo.last_access[k]) for k in sorted(demo.last_access)])
print("sampled:", picked, "-> evict", min(picked, key=lambda k: demo.last_access[k]))
print("the globally oldest key is 'a'; sampling evicts it only if it was sampled")
