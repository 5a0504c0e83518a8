"""练习“带并发上限和超时的 gather_limited”的参考答案。"""
import asyncio


async def gather_limited(factories, limit, timeout=None):
    """并发运行 factories 产生的协程，最多 limit 个同时运行，结果按输入顺序返回。"""
    if limit < 1:
        raise ValueError("limit 至少为 1")
    sem = asyncio.Semaphore(limit)

    async def run_one(factory):
        async with sem:  # 拿到名额之后才创建并运行协程
            if timeout is None:
                return await factory()
            try:
                # 超时从这里开始计算；超时后 wait_for 会取消这个协程
                return await asyncio.wait_for(factory(), timeout)
            except asyncio.TimeoutError as exc:
                return exc  # 超时作为结果返回，不影响其他协程

    tasks = [asyncio.ensure_future(run_one(factory)) for factory in factories]
    try:
        # gather 的结果按参数顺序排列；任何一个任务抛出异常，这里立即抛出
        return await asyncio.gather(*tasks)
    except BaseException:
        for task in tasks:
            task.cancel()  # 已完成的任务 cancel() 不起作用
        await asyncio.gather(*tasks, return_exceptions=True)  # 等它们真正结束
        raise
