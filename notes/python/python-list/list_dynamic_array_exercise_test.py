"""练习 DynamicArray 的测试（学习者看不到这个文件）。"""
import unittest

from list_dynamic_array_exercise import DynamicArray


def items_of(arr):
    """按下标读出全部元素，组成普通列表，方便比较。"""
    return [arr[i] for i in range(len(arr))]


def filled(n):
    """返回依次 append 了 0..n-1 的数组。"""
    arr = DynamicArray()
    for i in range(n):
        arr.append(i)
    return arr


class DynamicArrayTests(unittest.TestCase):
    def test_new_array_is_empty(self):
        arr = DynamicArray()
        self.assertEqual(len(arr), 0)
        self.assertEqual(arr.capacity, 0)
        with self.assertRaises(IndexError):
            arr[0]
        with self.assertRaises(IndexError):
            arr.pop()

    def test_append_and_index(self):
        arr = DynamicArray()
        for item in ["a", None, "c"]:
            arr.append(item)
        self.assertEqual(len(arr), 3)
        self.assertEqual(items_of(arr), ["a", None, "c"])
        self.assertEqual(arr[-1], "c")
        self.assertEqual(arr[-3], "a")
        for bad in (3, -4, 100):
            with self.subTest(index=bad), self.assertRaises(IndexError):
                arr[bad]
        # __getitem__ 越界时抛 IndexError，for 循环和 list() 就能直接用
        self.assertEqual(list(arr), ["a", None, "c"])

    def test_capacity_doubles_when_full(self):
        arr = DynamicArray()
        capacities = []
        for i in range(17):
            arr.append(i)
            capacities.append(arr.capacity)
        self.assertEqual(capacities, [4] * 4 + [8] * 4 + [16] * 8 + [32])
        big = filled(1000)
        self.assertEqual(big.capacity, 1024)
        self.assertEqual(big[999], 999)
        self.assertEqual(sum(big), sum(range(1000)))

    def test_insert_shifts_items(self):
        arr = filled(3)                       # [0, 1, 2]
        arr.insert(0, "head")
        self.assertEqual(items_of(arr), ["head", 0, 1, 2])
        self.assertEqual(arr.capacity, 4)
        arr.insert(2, "mid")                  # 已满：先扩容再插入
        self.assertEqual(items_of(arr), ["head", 0, "mid", 1, 2])
        self.assertEqual(arr.capacity, 8)
        arr.insert(-1, "neg")                 # 与 list.insert 一样，插在最后一个元素之前
        arr.insert(100, "tail")               # 超出末尾：贴到尾部
        arr.insert(-100, "first")             # 超出头部：贴到头部
        self.assertEqual(items_of(arr), ["first", "head", 0, "mid", 1, "neg", 2, "tail"])
        self.assertEqual(len(arr), 8)

    def test_pop_returns_items_and_shrinks(self):
        arr = filled(9)                       # 容量 16
        self.assertEqual(arr.capacity, 16)
        self.assertEqual(arr.pop(), 8)
        self.assertEqual(arr.pop(0), 0)
        self.assertEqual(arr.pop(-2), 6)
        self.assertEqual(items_of(arr), [1, 2, 3, 4, 5, 7])
        self.assertEqual(arr.capacity, 16)
        self.assertEqual(arr.pop(), 7)
        self.assertEqual(arr.pop(), 5)        # 剩 4 个，不超过 16 的 1/4：减半
        self.assertEqual(arr.capacity, 8)
        self.assertEqual(items_of(arr), [1, 2, 3, 4])
        self.assertEqual(arr.pop(1), 2)
        self.assertEqual(arr.pop(), 4)        # 剩 2 个，不超过 8 的 1/4：减半
        self.assertEqual(arr.capacity, 4)
        self.assertEqual(arr.pop(), 3)
        self.assertEqual(arr.pop(), 1)
        self.assertEqual(len(arr), 0)
        self.assertEqual(arr.capacity, 4)     # 最小容量是 4，不再缩小
        with self.assertRaises(IndexError):
            arr.pop()

    def test_pop_out_of_range_keeps_items(self):
        arr = filled(3)
        for bad in (3, -4):
            with self.subTest(index=bad), self.assertRaises(IndexError):
                arr.pop(bad)
        self.assertEqual(items_of(arr), [0, 1, 2])
        self.assertEqual(len(arr), 3)


if __name__ == "__main__":
    unittest.main()
