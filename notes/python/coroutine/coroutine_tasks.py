"""asyncio basics: lazy coroutine objects, tasks, gather, a semaphore, timeouts and cancellation."""
import asyncio
import time


async def hello():
    print("  hello() body runs")
    return 1


async def job(name, delay):
    print("start", name)
    await asyncio.sleep(delay)     # suspend here, the event loop runs other tasks
    print("end", name)
    return name.upper()


async def limited(sem, i, state):
    async with sem:                # at most 2 holders at a time
        state["active"] += 1
        state["peak"] = max(state["peak"], state["active"])
        await asyncio.sleep(0.02)
        state["active"] -= 1
    return i * i


async def main():
    # 1. Calling an async function only creates a coroutine object.
    coro = hello()
    print("called hello(), got a", type(coro).__name__)
    print("awaiting it:")
    print("  result", await coro)

    # 2. create_task() schedules it; it runs when the current task yields.
    task = asyncio.create_task(hello())
    print("task created, done:", task.done())
    await asyncio.sleep(0)         # yield once to the event loop
    print("after sleep(0), done:", task.done(), "result:", task.result())

    # 3. gather() runs awaitables concurrently, results come back in argument order.
    t0 = time.perf_counter()
    results = await asyncio.gather(job("a", 0.12), job("b", 0.06), job("c", 0.18))
    elapsed = time.perf_counter() - t0
    print(results, "concurrent:", elapsed < 0.33)   # one after another would take 0.36 s

    # 4. A Semaphore limits how many tasks are inside a section at once.
    sem = asyncio.Semaphore(2)
    state = {"active": 0, "peak": 0}
    squares = await asyncio.gather(*(limited(sem, i, state) for i in range(5)))
    print("semaphore:", squares, "peak concurrency:", state["peak"])

    # 5. wait_for() cancels the awaitable when the timeout expires.
    try:
        await asyncio.wait_for(asyncio.sleep(10), timeout=0.05)
    except asyncio.TimeoutError as exc:   # the built-in TimeoutError since 3.11
        print("wait_for raised", type(exc).__name__)

    # 6. cancel() throws CancelledError into the task at its current await.
    slow = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    slow.cancel()
    try:
        await slow
    except asyncio.CancelledError:
        print("cancelled:", slow.cancelled())


asyncio.run(main())
