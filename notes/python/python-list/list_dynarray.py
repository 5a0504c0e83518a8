"""用玩具动态数组模拟 CPython 3.9+ 的 list 扩容策略，数一数要复制多少个指针。

真正的 list 在 C 里用 realloc 扩容；这里假设最坏情况：每次扩容都把旧指针全部搬到新内存。
"""


class ToyList:
    def __init__(self):
        self.size = 0        # 对应 ob_size：当前元素个数
        self.allocated = 0   # 对应 allocated：指针数组的容量
        self.slots = []      # 对应 ob_item：指针数组
        self.copies = 0      # 搬家或移位时复制的指针总数
        self.capacities = []  # 记录每次扩容后的容量

    def _resize(self, newsize):
        # 容量够用且不少于一半时，只改 size，不重新分配
        if self.allocated >= newsize >= self.allocated >> 1:
            self.size = newsize
            return
        # CPython 3.9+ 的超额分配公式：约多留 1/8，再向上取到 4 的倍数
        new_allocated = (newsize + (newsize >> 3) + 6) & ~3
        if newsize - self.size > new_allocated - newsize:
            new_allocated = (newsize + 3) & ~3
        new_slots = [None] * new_allocated
        for i in range(self.size):
            new_slots[i] = self.slots[i]
            self.copies += 1
        self.slots = new_slots
        self.allocated = new_allocated
        self.size = newsize
        self.capacities.append(new_allocated)

    def append(self, item):
        n = self.size
        self._resize(n + 1)
        self.slots[n] = item

    def insert0(self, item):
        n = self.size
        self._resize(n + 1)
        for i in range(n, 0, -1):  # 相当于 memmove：后面的指针整体右移一格
            self.slots[i] = self.slots[i - 1]
            self.copies += 1
        self.slots[0] = item


def per_op(n, method):
    toy = ToyList()
    for i in range(n):
        getattr(toy, method)(i)
    return toy, toy.copies / n


toy, _ = per_op(100, "append")
print("capacities:", toy.capacities[:10])

for n in (1_000, 10_000, 100_000):
    _, cost = per_op(n, "append")
    print(f"append    n={n:>6}: {cost:6.1f} pointer copies per op")

for n in (500, 1_000, 2_000):
    _, cost = per_op(n, "insert0")
    print(f"insert(0) n={n:>6}: {cost:6.1f} pointer copies per op")
