"""threading.local: one shared object, a separate attribute namespace per thread."""
import threading

ctx = threading.local()            # a module-level object that every thread can reach
results = {}
barrier = threading.Barrier(3)     # make the three threads overlap in time


def greet():
    # Deep in the call chain: `user` is not passed in, it is read from ctx.
    return f"hello, {ctx.user}"


def handle(user):
    ctx.user = user                # visible only to the current thread
    barrier.wait()                 # now all three threads have set ctx.user
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


# A subclass of threading.local: __init__ runs again in every thread that
# touches the object, with the arguments given to the constructor.
init_calls = []


class Counter(threading.local):
    def __init__(self, start):
        init_calls.append(threading.current_thread().name)
        self.value = start

    def bump(self):
        self.value += 1
        return self.value


counter = Counter(100)             # __init__ runs now, in MainThread
counter.bump()
per_thread = {}


def work(times):
    for _ in range(times):
        last = counter.bump()      # first access in this thread runs __init__(100)
    per_thread[threading.current_thread().name] = last


workers = [threading.Thread(target=work, args=(n,), name=f"W{n}") for n in (1, 2, 3)]
for t in workers:
    t.start()
for t in workers:
    t.join()

print("per-thread values:", [per_thread[f"W{n}"] for n in (1, 2, 3)])
print("main thread value:", counter.value)
print("__init__ calls:", len(init_calls), "first in", init_calls[0])
