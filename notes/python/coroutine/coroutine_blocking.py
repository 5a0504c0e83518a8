"""一个阻塞调用就能卡住整个事件循环；用 await 或交给工作线程则不会。"""
import asyncio
import time

DELAY = 0.1


async def blocking(n):
    time.sleep(DELAY)              # 阻塞整个线程，事件循环也随之停住
    return n


async def cooperative(n):
    await asyncio.sleep(DELAY)     # 只挂起这一个协程
    return n


async def offloaded(n):
    await asyncio.to_thread(time.sleep, DELAY)   # 在工作线程中执行（3.9+）
    return n


async def ticker(stop, counter):
    # 心跳：只有事件循环空闲、能调度它时才会跳动
    while not stop.is_set():
        counter[0] += 1
        await asyncio.sleep(0.01)


async def measure(label, factory):
    stop, ticks = asyncio.Event(), [0]
    beat = asyncio.create_task(ticker(stop, ticks))
    await asyncio.sleep(0)         # 让心跳先启动
    ticks[0] = 0
    t0 = time.perf_counter()
    results = await asyncio.gather(*(factory(i) for i in range(3)))
    elapsed = time.perf_counter() - t0
    stop.set()
    await beat
    return label, results, elapsed, ticks[0]


async def main():
    label, res, elapsed, ticks = await measure("time.sleep", blocking)
    print(f"{label:18} {res} serial (>= 0.25 s): {elapsed >= 0.25} heartbeat starved: {ticks <= 2}")
    for name, factory in (("asyncio.sleep", cooperative), ("asyncio.to_thread", offloaded)):
        label, res, elapsed, ticks = await measure(name, factory)
        print(f"{label:18} {res} overlapped (< 0.25 s): {elapsed < 0.25} heartbeat kept ticking: {ticks >= 3}")


asyncio.run(main())
