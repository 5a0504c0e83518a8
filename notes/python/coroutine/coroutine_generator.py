"""async/await 出现之前：把生成器当协程用（send、yield from），以及一个玩具调度器。"""
from collections import deque


def averager():
    total, count, average = 0, 0, None
    while True:
        value = yield average      # 在这里暂停；send(x) 恢复执行，并令 value = x
        total += value
        count += 1
        average = total / count


avg = averager()
next(avg)                          # “预激”：运行到第一个 yield
print("running average:", avg.send(10), avg.send(20), avg.send(60))
avg.close()                        # 向生成器内部抛入 GeneratorExit


def sub():
    x = yield "sub asks for x"
    y = yield "sub asks for y"
    return x + y                   # 返回值成为 StopIteration.value


def delegator():
    result = yield from sub()      # send() 直接透传给 sub()
    yield f"sub returned {result}"


d = delegator()
print(next(d))
print(d.send(1))
print(d.send(2))


# 轮转调度器：每个 `yield` 都是主动交还控制权。
def task(name, steps):
    for i in range(steps):
        print(f"  {name} step {i}")
        yield
    return f"{name} done"


def run(tasks):
    ready, finished = deque(tasks), []
    while ready:
        current = ready.popleft()
        try:
            next(current)          # 运行到它的下一个 yield
            ready.append(current)  # 还没结束：放回队尾
        except StopIteration as stop:
            finished.append(stop.value)
    return finished


print("scheduler:")
print(run([task("A", 2), task("B", 3)]))
