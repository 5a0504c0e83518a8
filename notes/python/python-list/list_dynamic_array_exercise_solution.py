"""练习 DynamicArray 的参考答案。"""


class DynamicArray:
    """按倍数扩容、按 1/4 规则缩容的动态数组。"""

    MIN_CAPACITY = 4

    def __init__(self):
        """创建一个空数组：没有元素，capacity 为 0。"""
        self._size = 0
        self.capacity = 0
        self._slots = []

    def __len__(self):
        """返回元素个数（不是容量）。"""
        return self._size

    def _normalize(self, index):
        """把可能为负的下标换算成 0..size-1，越界时抛 IndexError。"""
        if index < 0:
            index += self._size
        if not 0 <= index < self._size:
            raise IndexError("DynamicArray 下标越界")
        return index

    def _resize(self, new_capacity):
        """申请一块新存储，把现有元素逐个搬过去。"""
        new_slots = [None] * new_capacity
        for i in range(self._size):
            new_slots[i] = self._slots[i]
        self._slots = new_slots
        self.capacity = new_capacity

    def __getitem__(self, index):
        """返回第 index 个元素；支持负数下标，越界时抛 IndexError。"""
        return self._slots[self._normalize(index)]

    def append(self, item):
        """把 item 放到末尾；已满时先扩容到 max(4, capacity * 2)。"""
        self.insert(self._size, item)

    def insert(self, index, item):
        """把 item 插到下标 index 处，后面的元素整体右移一格；下标规则同 list.insert。"""
        if index < 0:
            index = max(0, index + self._size)
        index = min(index, self._size)
        if self._size == self.capacity:
            self._resize(max(self.MIN_CAPACITY, self.capacity * 2))
        # 从最后一个元素开始右移，腾出 index 这个位置
        for i in range(self._size, index, -1):
            self._slots[i] = self._slots[i - 1]
        self._slots[index] = item
        self._size += 1

    def pop(self, index=-1):
        """删除并返回第 index 个元素，后面的元素整体左移一格；必要时把容量减半。"""
        if self._size == 0:
            raise IndexError("从空的 DynamicArray 中 pop")
        index = self._normalize(index)
        item = self._slots[index]
        for i in range(index, self._size - 1):
            self._slots[i] = self._slots[i + 1]
        self._size -= 1
        self._slots[self._size] = None   # 不再引用被删除的对象
        # 只在降到 1/4 时才减半，避免在边界上反复扩容、缩容
        if self.capacity > self.MIN_CAPACITY and self._size <= self.capacity // 4:
            self._resize(self.capacity // 2)
        return item
