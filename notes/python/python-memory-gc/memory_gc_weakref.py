"""weakref.ref、WeakValueDictionary 缓存和 weakref.finalize。"""
import weakref


class Image:
    def __init__(self, name):
        self.name = name


# 1. weakref.ref：不增加引用计数，对象死后调用返回 None，并触发回调
img = Image("cat.png")
events = []
r = weakref.ref(img, lambda ref: events.append("callback"))
print("r() is img:", r() is img)
del img
print("after del:", r(), events)

# 2. WeakValueDictionary：值只被弱引用，没人用了条目自动消失
cache = weakref.WeakValueDictionary()


def load(name):
    image = cache.get(name)
    if image is None:
        print("  loading", name)
        image = Image(name)
        cache[name] = image
    return image


a = load("dog.png")
b = load("dog.png")          # 命中缓存，不再加载
print("same object:", a is b, "entries:", len(cache))
del a, b                     # 最后的强引用消失
print("entries after del:", len(cache))
c = load("dog.png")          # 需要重新加载

# 3. finalize：对象被回收时调用清理函数，最多调用一次
closed = []
f = weakref.finalize(c, closed.append, "dog.png")
print("finalizer alive:", f.alive)
del c
print("closed:", closed, "alive:", f.alive)

# 4. 不是所有对象都能被弱引用
for value in (42, "text", (1, 2), [1, 2]):
    try:
        weakref.ref(value)
        print(type(value).__name__, "ok")
    except TypeError:
        print(type(value).__name__, "TypeError")


class Slotted:
    __slots__ = ("x",)         # 没有 __weakref__ 槽位


class SlottedWeak:
    __slots__ = ("x", "__weakref__")


for cls in (Slotted, SlottedWeak):
    try:
        weakref.ref(cls())
        print(cls.__name__, "ok")
    except TypeError:
        print(cls.__name__, "TypeError")
