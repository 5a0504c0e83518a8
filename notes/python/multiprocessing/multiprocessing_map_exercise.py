"""练习：用进程池实现 parallel_map(func, items, workers, chunksize)。

要求：
- 在 workers 个工作进程里对 items 的每个元素调用 func，返回结果列表；
- 结果顺序与 items 的顺序一致，与哪个任务先完成无关；
- 某个任务抛出异常时，parallel_map 把同类型的异常抛给调用方；
- items 可以是任意可迭代对象（列表、生成器……），为空时直接返回 []；
- workers 或 chunksize 小于 1 时抛出 ValueError；
- 函数返回前，进程池要关闭，不留下工作进程。

func 必须能被 pickle：内置函数或模块级函数可以，lambda 和嵌套函数不行。
导入本模块时不要创建任何进程（spawn 启动方式下子进程会重新导入它）。
"""
import multiprocessing
import os
import time


def slow_identity(task):
    """测试会用到的工作函数（已经写好，不要修改）：task 是 (秒数, 值)，睡这么久后返回值。"""
    delay, value = task
    time.sleep(delay)
    return value


def report_pid(_):
    """测试会用到的工作函数（已经写好，不要修改）：返回执行它的进程的 PID。"""
    return os.getpid()


def parallel_map(func, items, workers=2, chunksize=1):
    """用 workers 个进程并行计算 [func(x) for x in items]，结果按输入顺序返回。"""
    raise NotImplementedError("在这里实现 parallel_map")
