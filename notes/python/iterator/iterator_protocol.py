"""迭代器协议：可迭代对象与迭代器分开写，手写 for 循环，以及旧式 __getitem__ 协议。"""
from collections.abc import Iterable, Iterator


class Countdown:
    """可迭代对象：每次 iter() 都返回一个新的迭代器，所以可以反复遍历。"""

    def __init__(self, start):
        self.start = start

    def __iter__(self):
        return CountdownIterator(self.start)


class CountdownIterator:
    """迭代器：自己保存遍历进度，__iter__ 返回自身，只能遍历一次。"""

    def __init__(self, current):
        self.current = current

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        value = self.current
        self.current -= 1
        return value


cd = Countdown(3)
print("iterable twice:", list(cd), list(cd))

it = iter(cd)
print("iterator twice:", iter(it) is it, list(it), list(it))

# for x in Countdown(2): print("got", x) 展开后就是下面这段
it = iter(Countdown(2))
while True:
    try:
        x = next(it)
    except StopIteration:
        break
    print("got", x)

print("next with default:", next(iter([]), "empty"))
print("abc checks:", isinstance(cd, Iterable), isinstance(cd, Iterator), isinstance(it, Iterator))


class Legacy:
    """只实现 __getitem__ 的旧式序列：iter() 从 0 开始取下标，直到 IndexError。"""

    def __getitem__(self, index):
        if index >= 3:
            raise IndexError(index)
        return index * 10


print("legacy:", isinstance(Legacy(), Iterable), list(Legacy()))
try:
    iter(42)
except TypeError:
    print("iter(42) -> TypeError")
