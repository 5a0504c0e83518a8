"""练习：用 weakref.WeakValueDictionary 实现一个不阻止回收的对象缓存。

要求：
- WeakCache(factory)：factory(key) 负责创建对象（对象必须能被弱引用）；
- get(key)：缓存里有还活着的对象就直接返回它；否则调用 factory(key) 创建、放进缓存再返回；
- 缓存只能弱引用对象：外面没人再用它时，它应当被回收，条目自动消失；
- created：一共调用了多少次 factory；
- __len__：缓存里还活着的条目数；
- alive_keys()：还活着的键，按升序排列的列表。
"""
import weakref


class WeakCache:
    """按键缓存对象，但只持有弱引用。"""

    def __init__(self, factory):
        """factory(key) 返回一个新对象。"""
        raise NotImplementedError("在这里初始化缓存")

    def get(self, key):
        """返回 key 对应的对象，必要时调用 factory 创建。"""
        raise NotImplementedError("在这里实现 get")

    def __len__(self):
        """还活着的条目数。"""
        raise NotImplementedError("在这里实现 __len__")

    def alive_keys(self):
        """还活着的键，升序排列。"""
        raise NotImplementedError("在这里实现 alive_keys")
