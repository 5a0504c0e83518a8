"""threading.local：对象只有一个，属性却每个线程各有一份。"""
import threading

ctx = threading.local()            # 模块级对象，每个线程都能访问到
results = {}
barrier = threading.Barrier(3)     # 让三个线程在时间上重叠


def greet():
    # 位于调用链深处：`user` 不是传进来的，而是从 ctx 里读出来的。
    return f"hello, {ctx.user}"


def handle(user):
    ctx.user = user                # 只有当前线程看得见
    barrier.wait()                 # 走到这里时，三个线程都已经设置了 ctx.user
    results[user] = f"{threading.current_thread().name}: {greet()}"


threads = [threading.Thread(target=handle, args=(u,), name=f"T-{u}")
           for u in ("alice", "bob", "carol")]
for t in threads:
    t.start()
for t in threads:
    t.join()

for user in ("alice", "bob", "carol"):
    print(results[user])
print("main thread has ctx.user:", hasattr(ctx, "user"))


# threading.local 的子类：每个用到这个对象的线程都会再执行一次 __init__，
# 参数就是构造时传入的那一组。
init_calls = []


class Counter(threading.local):
    def __init__(self, start):
        init_calls.append(threading.current_thread().name)
        self.value = start

    def bump(self):
        self.value += 1
        return self.value


counter = Counter(100)             # __init__ 此刻在 MainThread 中执行
counter.bump()
per_thread = {}


def work(times):
    for _ in range(times):
        last = counter.bump()      # 本线程第一次访问时会执行 __init__(100)
    per_thread[threading.current_thread().name] = last


workers = [threading.Thread(target=work, args=(n,), name=f"W{n}") for n in (1, 2, 3)]
for t in workers:
    t.start()
for t in workers:
    t.join()

print("per-thread values:", [per_thread[f"W{n}"] for n in (1, 2, 3)])
print("main thread value:", counter.value)
print("__init__ calls:", len(init_calls), "first in", init_calls[0])
