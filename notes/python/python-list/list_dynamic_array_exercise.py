"""练习：实现一个会自动扩容的动态数组 DynamicArray。

要求：
- 新建的数组为空：len(arr) == 0，容量 arr.capacity == 0；
- 元素放在一块固定长度的存储里（例如 [None] * capacity），capacity 是这块存储的槽位数；
- append / insert 时如果已满，先把容量扩到 max(4, capacity * 2)，把旧元素搬过去，再放新元素；
- arr[i] 支持负数下标，越界时抛 IndexError；
- insert(i, x) 的下标规则与 list.insert 相同：负数从末尾算，超出范围就贴到头部或尾部；
- pop(i=-1) 删除并返回第 i 个元素，数组为空或下标越界时抛 IndexError；
- pop 之后如果元素个数不超过容量的 1/4，并且容量大于 4，就把容量减半。
"""


class DynamicArray:
    """按倍数扩容、按 1/4 规则缩容的动态数组。"""

    def __init__(self):
        """创建一个空数组：没有元素，capacity 为 0。"""
        raise NotImplementedError("在这里实现 __init__")

    def __len__(self):
        """返回元素个数（不是容量）。"""
        raise NotImplementedError("在这里实现 __len__")

    def __getitem__(self, index):
        """返回第 index 个元素；支持负数下标，越界时抛 IndexError。"""
        raise NotImplementedError("在这里实现 __getitem__")

    def append(self, item):
        """把 item 放到末尾；已满时先扩容到 max(4, capacity * 2)。"""
        raise NotImplementedError("在这里实现 append")

    def insert(self, index, item):
        """把 item 插到下标 index 处，后面的元素整体右移一格；下标规则同 list.insert。"""
        raise NotImplementedError("在这里实现 insert")

    def pop(self, index=-1):
        """删除并返回第 index 个元素，后面的元素整体左移一格；必要时把容量减半。"""
        raise NotImplementedError("在这里实现 pop")
