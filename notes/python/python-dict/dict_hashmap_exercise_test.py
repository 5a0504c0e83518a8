"""练习 HashMap 的测试（学习者看不到这个文件）。"""
import unittest

from dict_hashmap_exercise import HashMap


class Clash:
    """所有实例的哈希都相同，用来制造冲突；按名字判断相等。"""

    def __init__(self, name):
        self.name = name

    def __hash__(self):
        return 42

    def __eq__(self, other):
        return isinstance(other, Clash) and self.name == other.name

    def __repr__(self):
        return f"Clash({self.name!r})"


class HashMapTests(unittest.TestCase):
    def test_set_get_and_update_keep_order(self):
        m = HashMap()
        m["banana"] = 1
        m["apple"] = 2
        m["cherry"] = 3
        m["banana"] = 10                      # 更新值，位置不变
        self.assertEqual(len(m), 3)
        self.assertEqual(m["banana"], 10)
        self.assertEqual(m.keys(), ["banana", "apple", "cherry"])
        self.assertEqual(m.items(), [("banana", 10), ("apple", 2), ("cherry", 3)])
        self.assertEqual("apple" in m, True)

    def test_missing_keys(self):
        m = HashMap()
        m["a"] = 1
        with self.assertRaises(KeyError):
            m["x"]
        with self.assertRaises(KeyError):
            del m["x"]
        self.assertEqual(m.get("x"), None)
        self.assertEqual(m.get("x", 0), 0)
        self.assertEqual(m.get("a", 0), 1)
        self.assertEqual("x" in m, False)
        m["none"] = None                      # 值是 None 也是存在的键
        self.assertEqual("none" in m, True)
        self.assertEqual(m.get("none", "default"), None)

    def test_equal_keys_are_one_key(self):
        m = HashMap()
        m[1] = "int"
        m[1.0] = "float"
        m[True] = "bool"
        self.assertEqual(len(m), 1)
        self.assertEqual(m[1], "bool")
        self.assertEqual(type(m.keys()[0]).__name__, "int")   # 保留第一次的键对象

    def test_collisions_and_tombstones(self):
        m = HashMap()
        a, b, c = Clash("a"), Clash("b"), Clash("c")
        m[a] = 1
        m[b] = 2
        m[c] = 3                              # 三个键落在同一条探测链上
        self.assertEqual([m[a], m[b], m[c]], [1, 2, 3])
        del m[b]                              # 链中间的键被删掉
        self.assertEqual(m[c], 3)             # 越过墓碑仍能找到后面的键
        self.assertEqual(b in m, False)
        self.assertEqual(len(m), 2)
        m[Clash("b")] = 20                    # 重新插入排到最后
        self.assertEqual(m.keys(), [a, c, b])
        self.assertEqual(m[b], 20)

    def test_capacity_doubles_at_two_thirds(self):
        m = HashMap()
        self.assertEqual(m.capacity, 8)
        capacities = []
        for i in range(11):
            m[f"k{i}"] = i
            capacities.append(m.capacity)
        self.assertEqual(capacities, [8] * 5 + [16] * 5 + [32])
        self.assertEqual(m.keys(), [f"k{i}" for i in range(11)])
        big = HashMap()
        for n in range(-500, 500):
            big[n] = n * n
        self.assertEqual(big.capacity, 2048)
        self.assertEqual(len(big), 1000)
        self.assertEqual([big[n] for n in (-500, -1, 0, 499)], [250000, 1, 0, 249001])

    def test_deleted_slots_count_until_resize(self):
        m = HashMap()
        for i in range(5):
            m[f"k{i}"] = i
        for i in (1, 2, 3):
            del m[f"k{i}"]
        self.assertEqual(len(m), 2)
        self.assertEqual(m.capacity, 8)       # 删除不会缩小表
        m["k5"] = 5                           # 5 个条目（含 3 个空洞）+ 1 > 8 * 2 // 3：扩容
        self.assertEqual(m.capacity, 16)
        self.assertEqual(m.items(), [("k0", 0), ("k4", 4), ("k5", 5)])


if __name__ == "__main__":
    unittest.main()
