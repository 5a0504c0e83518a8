"""One blocking call stalls the whole event loop; await or a worker thread does not."""
import asyncio
import time

DELAY = 0.1


async def blocking(n):
    time.sleep(DELAY)              # blocks the thread, and so the event loop
    return n


async def cooperative(n):
    await asyncio.sleep(DELAY)     # suspends only this coroutine
    return n


async def offloaded(n):
    await asyncio.to_thread(time.sleep, DELAY)   # runs in a worker thread (3.9+)
    return n


async def ticker(stop, counter):
    # a heartbeat: it can only tick while the loop is free to run it
    while not stop.is_set():
        counter[0] += 1
        await asyncio.sleep(0.01)


async def measure(label, factory):
    stop, ticks = asyncio.Event(), [0]
    beat = asyncio.create_task(ticker(stop, ticks))
    await asyncio.sleep(0)         # let the heartbeat start
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
