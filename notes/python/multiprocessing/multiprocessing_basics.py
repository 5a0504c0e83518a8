"""Processes have separate memory: Process, exit codes, a Pool, and globals that are not shared."""
import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor

counter = 0                        # every process has its own copy of this global


def bump(n):
    global counter
    counter += n                   # changes the child's copy only
    return counter


def square(x):
    return x * x


def fail():
    raise SystemExit(3)            # the child's exit status becomes its exitcode


if __name__ == "__main__":         # required for spawn/forkserver: children re-import this file
    ctx = mp.get_context()         # the default start method of this platform

    p = ctx.Process(target=bump, args=(100,), name="worker-1")
    p.start()
    p.join()                       # wait for it (and reap it: no zombie left behind)
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
    # the with block ends with terminate(): collect every result inside it

    with ProcessPoolExecutor(max_workers=1, mp_context=ctx) as ex:
        futures = [ex.submit(square, n) for n in (7, 8)]
        print("ProcessPoolExecutor:", [f.result() for f in futures], list(ex.map(square, [9, 10])))
    # the with block ends with shutdown(wait=True)

    print("counter in the parent:", counter)
