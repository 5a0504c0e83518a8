"""进程之间内存隔离：Process、退出码、进程池，以及不会被共享的全局变量。"""
import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor

counter = 0                        # 每个进程都有这个全局变量的一份独立副本


def bump(n):
    global counter
    counter += n                   # 只改动子进程自己的那份
    return counter


def square(x):
    return x * x


def fail():
    raise SystemExit(3)            # 子进程的退出状态就是它的 exitcode


if __name__ == "__main__":         # spawn/forkserver 必需：子进程会重新导入这个文件
    ctx = mp.get_context()         # 当前平台默认的启动方式

    p = ctx.Process(target=bump, args=(100,), name="worker-1")
    p.start()
    p.join()                       # 等它结束（同时回收它，不留下僵尸进程）
    print(p.name, "exitcode:", p.exitcode, "alive:", p.is_alive())

    q = ctx.Process(target=fail)
    q.start()
    q.join()
    print("failing child exitcode:", q.exitcode)

    with ctx.Pool(processes=2) as pool:
        print("pool.map:", pool.map(square, range(6)))
        print("apply in a worker:", pool.apply(bump, (100,)))
        async_result = pool.apply_async(square, (12,))
        print("apply_async:", async_result.get(timeout=10))
    # with 块结束时会调用 terminate()：所有结果都要在块内取回

    with ProcessPoolExecutor(max_workers=1, mp_context=ctx) as ex:
        futures = [ex.submit(square, n) for n in (7, 8)]
        print("ProcessPoolExecutor:", [f.result() for f in futures], list(ex.map(square, [9, 10])))
    # with 块结束时会调用 shutdown(wait=True)

    print("counter in the parent:", counter)
