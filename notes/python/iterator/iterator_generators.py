"""生成器：yield 的暂停与恢复、生成器状态、返回值、yield from 和惰性流水线。"""
import inspect
import io
import sys
from itertools import chain, count, islice


def countdown(n):
    print("  [start]")
    while n > 0:
        yield n
        n -= 1
    print("  [end]")
    return "liftoff"


g = countdown(2)
print("created:", type(g).__name__, inspect.getgeneratorstate(g))
print("first:", next(g), inspect.getgeneratorstate(g))
print("second:", next(g))
try:
    next(g)
except StopIteration as exc:
    print("StopIteration.value:", exc.value)
print("after:", inspect.getgeneratorstate(g))

squares = (x * x for x in range(3))
print("genexp twice:", sum(squares), sum(squares))

# 生成器对象只保存当前状态，大小和要产出的元素个数无关
big_list = [x * x for x in range(100_000)]
big_gen = (x * x for x in range(100_000))
print("gen smaller than list:", sys.getsizeof(big_gen) < 1_000 < sys.getsizeof(big_list))


def inner():
    yield 1
    yield 2
    return "inner done"


def outer():
    result = yield from inner()  # 把 inner 产出的值原样转交，并拿到它的返回值
    yield f"got {result!r}"


print("yield from:", list(outer()))


def fib():
    a, b = 0, 1
    while True:  # 无限序列：只要不一次性取完就没问题
        yield a
        a, b = b, a + b


print("fib:", list(islice(fib(), 10)))
print("even:", list(islice((n for n in count() if n % 2 == 0), 5)))
print("chain:", list(chain("ab", [1, 2])))

# 惰性流水线：每次只有一行在内存里流动
log = io.StringIO("INFO start\nERROR disk full\nINFO ok\nERROR timeout\n")
lines = (line.rstrip("\n") for line in log)
errors = (line for line in lines if line.startswith("ERROR"))
messages = (line.split(" ", 1)[1] for line in errors)
print("errors:", list(messages))


def averager():
    """send() 把值送进暂停中的生成器：yield 表达式的结果就是送进来的值。"""
    total = n = 0
    average = None
    while True:
        x = yield average
        total += x
        n += 1
        average = total / n


avg = averager()
next(avg)  # 先“预激”：运行到第一个 yield 停下
print("send:", avg.send(10), avg.send(20), avg.send(60))


def bad():
    yield 1
    raise StopIteration  # 生成器里不要这样结束，应该用 return


try:
    list(bad())
except RuntimeError:
    print("StopIteration inside generator -> RuntimeError")
