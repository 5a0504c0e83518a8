"""__del__ 的几个坑：异常被忽略、对象复活只调用一次、带 __del__ 的引用环（PEP 442）。"""
import gc
import sys

# __del__ 里的异常不会传给任何人，只交给 sys.unraisablehook（默认打印到 stderr）
sys.unraisablehook = lambda unraisable: print("   ignored:", type(unraisable.exc_value).__name__)


class Broken:
    def __del__(self):
        raise ValueError("boom")


print("1. exception in __del__")
obj = Broken()
del obj
print("   program goes on")

# 对象复活：__del__ 把 self 存到全局，对象又活了
saved = []


class Phoenix:
    calls = 0

    def __del__(self):
        Phoenix.calls += 1
        saved.append(self)


print("2. resurrection")
p = Phoenix()
del p
print("   resurrected:", len(saved), "__del__ calls:", Phoenix.calls)
saved.clear()              # 再次失去所有引用
print("   __del__ calls after second death:", Phoenix.calls)

# 带 __del__ 的对象组成引用环：3.4 起（PEP 442）照样能回收，不再进 gc.garbage
order = []


class Resource:
    def __init__(self, name):
        self.name = name
        self.peer = None

    def __del__(self):
        # 此时环里另一个对象还没被清空，属性仍可访问，但它的 __del__ 可能已经跑过
        order.append(self.name + "->" + self.peer.name)


print("3. cycle with __del__")
gc.disable()
r1, r2 = Resource("r1"), Resource("r2")
r1.peer, r2.peer = r2, r1
del r1, r2
print("   finalized before collect:", len(order))
gc.collect()
print("   finalized after collect:", sorted(order))
print("   gc.garbage:", gc.garbage)
gc.enable()
