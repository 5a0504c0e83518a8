"""asyncio tasks share one thread: threading.local mixes them up, ContextVar does not."""
import asyncio
import contextvars
import threading

tl = threading.local()
request_id = contextvars.ContextVar("request_id", default="-")


def log(msg):
    # a helper far down the call chain reads the current request id
    return f"[{request_id.get()}] {msg}"


async def handle(rid, delay):
    tl.rid = rid                  # every task writes the SAME thread's namespace
    request_id.set(rid)           # every task writes ITS OWN context copy
    await asyncio.sleep(delay)    # the other task runs meanwhile
    return f"{rid}: threading.local={tl.rid} ContextVar={request_id.get()}"


async def main():
    for line in await asyncio.gather(handle("r1", 0.02), handle("r2", 0.01)):
        print(line)
    print(log("inside main, after gather"))


asyncio.run(main())
print("main sees:", request_id.get())

# set() returns a Token; reset(token) restores the previous value.
token = request_id.set("outer")
print("after set:", request_id.get())
request_id.reset(token)
print("after reset:", request_id.get())

# copy_context() + Context.run(): changes stay inside the copied context.
ctx = contextvars.copy_context()
ctx.run(request_id.set, "inside-copy")
print("copy has:", ctx[request_id], "| current has:", request_id.get())


# Plain threads start with an empty context (default value),
# asyncio.to_thread() copies the caller's context into the worker thread.
def show():
    return request_id.get()


async def threads_demo():
    request_id.set("r9")
    return await asyncio.to_thread(show)

print("asyncio.to_thread sees:", asyncio.run(threads_demo()))
seen = []
t = threading.Thread(target=lambda: seen.append(show()))
request_id.set("main-value")
t.start()
t.join()
print("new Thread sees:", seen[0])
