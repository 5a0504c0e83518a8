"""Before async/await: generators as coroutines (send, yield from) and a toy scheduler."""
from collections import deque


def averager():
    total, count, average = 0, 0, None
    while True:
        value = yield average      # pause here; send(x) resumes with value = x
        total += value
        count += 1
        average = total / count


avg = averager()
next(avg)                          # "prime" it: run to the first yield
print("running average:", avg.send(10), avg.send(20), avg.send(60))
avg.close()                        # throws GeneratorExit into it


def sub():
    x = yield "sub asks for x"
    y = yield "sub asks for y"
    return x + y                   # becomes StopIteration.value


def delegator():
    result = yield from sub()      # send() goes straight through to sub()
    yield f"sub returned {result}"


d = delegator()
print(next(d))
print(d.send(1))
print(d.send(2))


# A round-robin scheduler: each `yield` hands control back voluntarily.
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
            next(current)          # run until its next yield
            ready.append(current)  # not finished: back of the queue
        except StopIteration as stop:
            finished.append(stop.value)
    return finished


print("scheduler:")
print(run([task("A", 2), task("B", 3)]))
