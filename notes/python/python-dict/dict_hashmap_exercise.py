"""练习：用“稀疏索引表 + 稠密条目数组”实现一个保持插入顺序的散列表 HashMap。

要求：
- capacity 属性是索引表的槽位数，新建时为 8，始终是 2 的幂；
- 索引表的每个槽位是“空”、“墓碑”或一个条目下标；条目数组按插入顺序存放 (hash, key, value)；
- 冲突用开放寻址解决：从 hash(key) & (capacity - 1) 开始探测（线性探测即可）；
- 键相同的判定与 dict 一样：哈希相等并且 ==（所以 1、1.0、True 是同一个键）；
- m[key] = value：键已存在就只更新值（保留原来的键对象和位置）；新键追加到条目数组末尾；
- 插入新键之前，如果“条目数组长度 + 1”（删除留下的空洞也算）超过 capacity * 2 // 3，
  就把 capacity 翻倍，丢掉空洞，按原顺序重建索引表和条目数组；
- del m[key]：索引表里留下墓碑，条目数组里留下空洞，顺序不乱；键不存在时抛 KeyError；
- m[key] 找不到时抛 KeyError；get 返回默认值；keys() 和 items() 按插入顺序返回列表。
"""


class HashMap:
    """开放寻址、保持插入顺序的散列表（CPython 紧凑字典的简化版）。"""

    def __init__(self):
        """创建一个空表：没有键，capacity 为 8。"""
        raise NotImplementedError("在这里实现 __init__")

    def __len__(self):
        """返回键的个数（不含已删除的）。"""
        raise NotImplementedError("在这里实现 __len__")

    def __contains__(self, key):
        """key 在表里时返回 True。"""
        raise NotImplementedError("在这里实现 __contains__")

    def __getitem__(self, key):
        """返回 key 对应的值；找不到时抛 KeyError。"""
        raise NotImplementedError("在这里实现 __getitem__")

    def __setitem__(self, key, value):
        """插入或更新；新键排在最后，必要时先扩容。"""
        raise NotImplementedError("在这里实现 __setitem__")

    def __delitem__(self, key):
        """删除 key：留下墓碑和空洞；找不到时抛 KeyError。"""
        raise NotImplementedError("在这里实现 __delitem__")

    def get(self, key, default=None):
        """返回 key 对应的值；找不到时返回 default。"""
        raise NotImplementedError("在这里实现 get")

    def keys(self):
        """按插入顺序返回所有键组成的列表。"""
        raise NotImplementedError("在这里实现 keys")

    def items(self):
        """按插入顺序返回所有 (key, value) 元组组成的列表。"""
        raise NotImplementedError("在这里实现 items")
