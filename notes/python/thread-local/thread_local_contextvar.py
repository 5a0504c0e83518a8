"""asyncio 的任务共用一个线程：threading.local 会把它们的数据混在一起，ContextVar 不会。"""
import asyncio
import contextvars
import threading

tl = threading.local()
request_id = contextvars.ContextVar("request_id", default="-")


def log(msg):
    # 调用链深处的辅助函数读取当前请求 ID
    return f"[{request_id.get()}] {msg}"


async def handle(rid, delay):
    tl.rid = rid                  # 所有任务写的都是同一个线程的命名空间
    request_id.set(rid)           # 每个任务写的是它自己的上下文副本
    await asyncio.sleep(delay)    # 这期间另一个任务在运行
    return f"{rid}: threading.local={tl.rid} ContextVar={request_id.get()}"


async def main():
    for line in await asyncio.gather(handle("r1", 0.02), handle("r2", 0.01)):
        print(line)
    print(log("inside main, after gather"))


asyncio.run(main())
print("main sees:", request_id.get())

# set() 返回一个 Token；reset(token) 恢复到之前的值。
token = request_id.set("outer")
print("after set:", request_id.get())
request_id.reset(token)
print("after reset:", request_id.get())

# copy_context() + Context.run()：修改只留在复制出来的上下文里。
ctx = contextvars.copy_context()
ctx.run(request_id.set, "inside-copy")
print("copy has:", ctx[request_id], "| current has:", request_id.get())


# 默认构建（有 GIL）中，普通线程从空上下文开始（读到默认值）；
# 3.14 的自由线程构建默认复制调用方的上下文（见 sys.flags.thread_inherit_context）。
# asyncio.to_thread() 则总是把调用方的上下文复制到工作线程。
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
