"""练习 HashMap 的参考答案。"""

EMPTY = None     # 从未使用过的槽位
DUMMY = -1       # 墓碑：这里曾经有键，探测链不能在这里断开


class HashMap:
    """开放寻址、保持插入顺序的散列表（CPython 紧凑字典的简化版）。"""

    def __init__(self):
        """创建一个空表：没有键，capacity 为 8。"""
        self._build(8, [])

    def _build(self, capacity, entries):
        """用给定容量重建索引表，把 entries（不含空洞）按顺序放回去。"""
        self.capacity = capacity
        self._indices = [EMPTY] * capacity
        self._entries = []
        self._used = 0
        for h, key, value in entries:
            self._indices[self._find(key, h)[1]] = len(self._entries)
            self._entries.append((h, key, value))
            self._used += 1

    def _probe(self, h):
        """按线性探测的顺序依次给出槽位号。"""
        mask = self.capacity - 1
        i = h & mask
        while True:
            yield i
            i = (i + 1) & mask

    def _find(self, key, h):
        """返回 (命中的槽位或 None, 可以放新键的第一个槽位)。"""
        free = None
        for i in self._probe(h):
            ix = self._indices[i]
            if ix is EMPTY:
                return None, i if free is None else free
            if ix == DUMMY:
                if free is None:
                    free = i    # 记住第一个墓碑，插入时可以复用
                continue
            eh, ekey, _ = self._entries[ix]
            if ekey is key or (eh == h and ekey == key):
                return i, None

    def __len__(self):
        """返回键的个数（不含已删除的）。"""
        return self._used

    def __contains__(self, key):
        """key 在表里时返回 True。"""
        return self._find(key, hash(key))[0] is not None

    def __getitem__(self, key):
        """返回 key 对应的值；找不到时抛 KeyError。"""
        slot, _ = self._find(key, hash(key))
        if slot is None:
            raise KeyError(key)
        return self._entries[self._indices[slot]][2]

    def __setitem__(self, key, value):
        """插入或更新；新键排在最后，必要时先扩容。"""
        h = hash(key)
        slot, free = self._find(key, h)
        if slot is not None:
            ix = self._indices[slot]
            _, old_key, _ = self._entries[ix]
            self._entries[ix] = (h, old_key, value)   # 与 dict 一样保留原来的键对象
            return
        if len(self._entries) + 1 > self.capacity * 2 // 3:
            live = [entry for entry in self._entries if entry is not None]
            self._build(self.capacity * 2, live)
            _, free = self._find(key, h)
        self._indices[free] = len(self._entries)
        self._entries.append((h, key, value))
        self._used += 1

    def __delitem__(self, key):
        """删除 key：留下墓碑和空洞；找不到时抛 KeyError。"""
        slot, _ = self._find(key, hash(key))
        if slot is None:
            raise KeyError(key)
        self._entries[self._indices[slot]] = None
        self._indices[slot] = DUMMY
        self._used -= 1

    def get(self, key, default=None):
        """返回 key 对应的值；找不到时返回 default。"""
        try:
            return self[key]
        except KeyError:
            return default

    def keys(self):
        """按插入顺序返回所有键组成的列表。"""
        return [entry[1] for entry in self._entries if entry is not None]

    def items(self):
        """按插入顺序返回所有 (key, value) 元组组成的列表。"""
        return [(entry[1], entry[2]) for entry in self._entries if entry is not None]
