"""引用计数何时立即释放对象，引用环为什么要等循环垃圾回收器。"""
import gc
import sys
import weakref


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None


def second_local_name():
    x = Node("local")
    before = sys.getrefcount(x)
    y = x                  # 第二个局部名字指向同一个对象
    # 只看变化量：getrefcount 的绝对值随版本变化（3.14 起传参可能不再多出临时引用）
    return sys.getrefcount(x) - before


print("a second local name adds:", second_local_name())

a = Node("a")
before = sys.getrefcount(a)
b = a                      # 多一个名字
holder = [a, a]            # 列表的两个槽位
print("after b = a and [a, a]:", sys.getrefcount(a) - before)
del b
holder.clear()
print("after del b and clear():", sys.getrefcount(a) - before)

# 没有引用环：最后一个引用消失时立即释放，不需要 gc
gc.disable()               # 关掉自动的循环回收，让结果只取决于引用计数
r = weakref.ref(a)
del a
print("plain object dead right after del:", r() is None)

# 两个对象互相引用：del 之后引用计数仍然是 1，对象还活着
x, y = Node("x"), Node("y")
x.other, y.other = y, x
rx = weakref.ref(x)
del x, y
print("cycle alive after del:", rx() is not None)
found = gc.collect()       # 手动做一次完整回收
print("cycle dead after gc.collect():", rx() is None)
print("collector found at least 2 objects:", found >= 2)
gc.enable()
