"""asyncio 基础：惰性的协程对象、Task、gather、信号量、超时与取消。"""
import asyncio
import time


async def hello():
    print("  hello() body runs")
    return 1


async def job(name, delay):
    print("start", name)
    await asyncio.sleep(delay)     # 在这里挂起，事件循环去运行其他任务
    print("end", name)
    return name.upper()


async def limited(sem, i, state):
    async with sem:                # 同一时刻最多 2 个任务持有
        state["active"] += 1
        state["peak"] = max(state["peak"], state["active"])
        await asyncio.sleep(0.02)
        state["active"] -= 1
    return i * i


async def main():
    # 1. 调用 async 函数只会创建一个协程对象。
    coro = hello()
    print("called hello(), got a", type(coro).__name__)
    print("awaiting it:")
    print("  result", await coro)

    # 2. create_task() 安排它运行；当前任务让出控制权时它才开始执行。
    task = asyncio.create_task(hello())
    print("task created, done:", task.done())
    await asyncio.sleep(0)         # 把控制权交还事件循环一次
    print("after sleep(0), done:", task.done(), "result:", task.result())

    # 3. gather() 并发运行多个可等待对象，结果按参数顺序返回。
    t0 = time.perf_counter()
    results = await asyncio.gather(job("a", 0.12), job("b", 0.06), job("c", 0.18))
    elapsed = time.perf_counter() - t0
    print(results, "concurrent:", elapsed < 0.33)   # 依次执行需要 0.36 s

    # 4. Semaphore 限制同一时刻进入某段代码的任务数。
    sem = asyncio.Semaphore(2)
    state = {"active": 0, "peak": 0}
    squares = await asyncio.gather(*(limited(sem, i, state) for i in range(5)))
    print("semaphore:", squares, "peak concurrency:", state["peak"])

    # 5. 超时后 wait_for() 会取消被等待的对象。
    try:
        await asyncio.wait_for(asyncio.sleep(10), timeout=0.05)
    except asyncio.TimeoutError as exc:   # 从 3.11 起它就是内置的 TimeoutError
        print("wait_for raised", type(exc).__name__)

    # 6. cancel() 在任务当前的 await 处抛入 CancelledError。
    slow = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    slow.cancel()
    try:
        await slow
    except asyncio.CancelledError:
        print("cancelled:", slow.cancelled())


asyncio.run(main())
