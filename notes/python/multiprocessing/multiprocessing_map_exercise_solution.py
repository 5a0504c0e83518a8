"""练习“用进程池实现 parallel_map”的参考答案。"""
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
    if workers < 1 or chunksize < 1:
        raise ValueError("workers 和 chunksize 至少为 1")
    items = list(items)  # 生成器只能遍历一次，先取出来，也好知道有多少个
    if not items:
        return []  # 没有任务就不必启动进程
    ctx = multiprocessing.get_context()  # 平台默认的启动方式
    # Pool 的 with 块结束时会 terminate()：map 是阻塞的，结果已经在块内全部拿到了。
    # map 按输入顺序返回结果；任务里抛出的异常会被 pickle 回父进程，在这里重新抛出。
    with ctx.Pool(processes=min(workers, len(items))) as pool:
        return pool.map(func, items, chunksize)
