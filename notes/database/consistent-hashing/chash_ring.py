"""取模分片 vs 一致性哈希环：增加一台缓存服务器时，有多少 key 要搬家？"""
import bisect
import functools
import hashlib


@functools.lru_cache(maxsize=None)  # 同一个字符串只算一次 md5，只是为了让示例跑得快
def h32(text):
    """把字符串稳定地映射到 0 … 2**32-1（md5 的前 4 个字节）。"""
    return int.from_bytes(hashlib.md5(text.encode()).digest()[:4], "big")


class HashRing:
    def __init__(self, nodes, vnodes=100):
        self.vnodes = vnodes
        self.points = []   # 排好序的环上位置
        self.owner = {}    # 位置 -> 物理节点（查表，不需要再算一次哈希）
        for node in nodes:
            self.add(node)

    def add(self, node):
        for i in range(self.vnodes):
            p = h32(f"{node}#{i}")
            bisect.insort(self.points, p)
            self.owner[p] = node

    def remove(self, node):
        for i in range(self.vnodes):
            p = h32(f"{node}#{i}")
            self.points.remove(p)
            del self.owner[p]

    def lookup(self, key):
        # 顺时针找第一个 >= h(key) 的点；越过 2**32-1 就绕回第 0 个点
        i = bisect.bisect_left(self.points, h32(key))
        if i == len(self.points):
            i = 0
        return self.owner[self.points[i]]


keys = [f"img-{i}.jpg" for i in range(30000)]
old_nodes = ["cache-a", "cache-b", "cache-c"]
new_nodes = old_nodes + ["cache-d"]

# 1) 取模：node = nodes[h(key) % N]
before = {k: old_nodes[h32(k) % 3] for k in keys}
after = {k: new_nodes[h32(k) % 4] for k in keys}
moved = sum(before[k] != after[k] for k in keys)
print(f"modulo 3->4: moved {moved / len(keys):.0%}")

# 2) 一致性哈希环（每台 100 个虚拟节点）
ring = HashRing(old_nodes)
before = {k: ring.lookup(k) for k in keys}
ring.add("cache-d")
after = {k: ring.lookup(k) for k in keys}
moved_keys = [k for k in keys if before[k] != after[k]]
print(f"ring   3->4: moved {len(moved_keys) / len(keys):.0%}")
print("moved keys all went to cache-d:", all(after[k] == "cache-d" for k in moved_keys))

# 3) 摘掉一台：只有它自己的 key 需要搬走
ring.remove("cache-b")
after_remove = {k: ring.lookup(k) for k in keys}
changed = [k for k in keys if after[k] != after_remove[k]]
print("removing cache-b only moves its own keys:",
      all(after[k] == "cache-b" for k in changed))
print(f"ring   4->3: moved {len(changed) / len(keys):.0%}")
