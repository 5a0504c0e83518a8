"""练习 WeakCache 的参考答案。"""
import weakref


class WeakCache:
    """按键缓存对象，但只持有弱引用。"""

    def __init__(self, factory):
        """factory(key) 返回一个新对象。"""
        self._factory = factory
        self._items = weakref.WeakValueDictionary()
        self.created = 0

    def get(self, key):
        """返回 key 对应的对象，必要时调用 factory 创建。"""
        # 先取出一个强引用：判断和返回之间对象不会被回收
        obj = self._items.get(key)
        if obj is None:
            obj = self._factory(key)
            self.created += 1
            self._items[key] = obj
        return obj

    def __len__(self):
        """还活着的条目数。"""
        return len(self._items)

    def alive_keys(self):
        """还活着的键，升序排列。"""
        return sorted(self._items.keys())
