"""练习：实现带并发上限和超时的 gather_limited。

factories 是一组无参的可调用对象，每调用一个就得到一个协程，例如
    [lambda: fetch("a"), lambda: fetch("b"), ...]
用工厂而不是直接传协程对象，是为了等到有空位时才创建协程。

要求：
- 同一时刻最多 limit 个协程在运行（工厂也要等到有空位时才调用）；
- 返回结果列表，顺序与 factories 一致，与谁先完成无关；
- timeout 不为 None 时，每个协程从它开始运行算起最多运行 timeout 秒：超时就取消它，
  并在结果的对应位置放一个 asyncio.TimeoutError 实例，其余协程照常运行；
- 某个协程抛出其他异常时，取消其余还没完成的协程，再把这个异常原样抛给调用方；
- limit 小于 1 时抛出 ValueError；factories 为空时返回 []。
只用标准库 asyncio，需要兼容 Python 3.9（不能用 3.11 才有的 TaskGroup 和 asyncio.timeout）。
"""
import asyncio


async def gather_limited(factories, limit, timeout=None):
    """并发运行 factories 产生的协程，最多 limit 个同时运行，结果按输入顺序返回。"""
    raise NotImplementedError("在这里实现 gather_limited")
