"""玩具版“紧凑字典”：稀疏的 indices 表 + 按插入顺序排列的 entries 数组。

探测公式照搬 CPython：perturb >>= 5; i = (5 * i + perturb + 1) & mask。
真正的 str 哈希每个进程随机（PYTHONHASHSEED），这里用 zlib.crc32 让结果可复现。
"""
import zlib

EMPTY, DUMMY = None, -1


def toy_hash(key):
    return zlib.crc32(key.encode())


class CompactDict:
    def __init__(self, size=8):
        self.indices = [EMPTY] * size   # 稀疏：槽位 -> entries 下标
        self.entries = []               # 稠密：(hash, key, value)，按插入顺序
        self.used = 0

    def _slots(self, h):
        mask = len(self.indices) - 1
        perturb = h
        i = h & mask
        while True:
            yield i
            perturb >>= 5
            i = (5 * i + perturb + 1) & mask

    def _lookup(self, key, h):
        """返回 (探测过的槽位列表, 命中的槽位或 None, 第一个可用空槽)。"""
        probed, free = [], None
        for i in self._slots(h):
            probed.append(i)
            ix = self.indices[i]
            if ix is EMPTY:
                return probed, None, i if free is None else free
            if ix == DUMMY:
                if free is None:
                    free = i
                continue
            eh, ekey, _ = self.entries[ix]
            if eh == h and ekey == key:     # 先比哈希，再比相等
                return probed, i, None

    def set(self, key, value):
        h = toy_hash(key)
        probed, hit, free = self._lookup(key, h)
        if hit is not None:                 # 已有的键：原位更新值，顺序不变
            ix = self.indices[hit]
            self.entries[ix] = (h, key, value)
            return probed
        if len(self.entries) + 1 > len(self.indices) * 2 // 3:
            # 可用槽位（表长的 2/3，删除留下的空洞也算已用）耗尽：按 used * 3 扩容
            size = 8
            while size < self.used * 3:
                size *= 2
            self._resize(size)
            return self.set(key, value)
        self.indices[free] = len(self.entries)
        self.entries.append((h, key, value))
        self.used += 1
        return probed

    def get(self, key):
        probed, hit, _ = self._lookup(key, toy_hash(key))
        if hit is None:
            raise KeyError(key)
        return self.entries[self.indices[hit]][2], probed

    def delete(self, key):
        _, hit, _ = self._lookup(key, toy_hash(key))
        if hit is None:
            raise KeyError(key)
        self.entries[self.indices[hit]] = None   # 留一个空洞，顺序不乱
        self.indices[hit] = DUMMY                # 墓碑：探测链不能断
        self.used -= 1

    def _resize(self, size):
        live = [e for e in self.entries if e is not None]   # 扩容时顺便压实
        self.indices = [EMPTY] * size
        self.entries = []
        self.used = 0
        for h, key, value in live:
            _, _, free = self._lookup(key, h)
            self.indices[free] = len(self.entries)
            self.entries.append((h, key, value))
            self.used += 1

    def keys(self):
        return [e[1] for e in self.entries if e is not None]


d = CompactDict()
for word in ["banana", "apple", "cherry", "grape"]:
    probed = d.set(word, len(word))
    note = "  <- collision" if len(probed) > 1 else ""
    print(f"insert {word!r:9} probe slots {probed}{note}")

print("indices:", d.indices)
print("keys in insertion order:", d.keys())
value, probed = d.get("cherry")
print(f"get('cherry') = {value}, probe slots {probed}")

d.delete("apple")
print("after delete, indices:", d.indices)
value, probed = d.get("cherry")
print(f"get('cherry') = {value}, probe slots {probed} (slot 0 is a dummy)")
d.set("apple", 99)
print("re-inserted 'apple' goes last:", d.keys())

d.set("kiwi", 4)
print("table size after resize:", len(d.indices))
print("final keys:", d.keys())
