"""threading 基础：切换间隔、用 Lock 保护计数器、I/O 等待可以重叠、线程池。"""
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

# 持有 GIL 的线程最多连续运行这么久（秒），就会被要求让出 GIL
print("switch interval:", sys.getswitchinterval())

counter = 0
lock = threading.Lock()


def add_many(n):
    global counter
    for _ in range(n):
        with lock:  # counter += 1 不是原子操作，读-改-写必须在锁内完成
            counter += 1


threads = [threading.Thread(target=add_many, args=(10_000,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()  # 等所有线程结束后再读结果
print("counter:", counter)


def fake_io(i, results):
    time.sleep(0.2)  # sleep 和阻塞 I/O 一样，等待期间会释放 GIL
    results[i] = i * i


results = [None] * 10
start = time.perf_counter()
threads = [threading.Thread(target=fake_io, args=(i, results)) for i in range(10)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.perf_counter() - start
# 串行需要 10 x 0.2 = 2.0 s，10 个线程的等待重叠后约 0.2 s
print(results, "elapsed < 1s:", elapsed < 1.0)

with ThreadPoolExecutor(max_workers=3) as pool:
    print("map:", list(pool.map(lambda x: x * 2, range(5))))  # 结果按输入顺序返回
    future = pool.submit(int, "not a number")
    try:
        future.result()  # 线程里抛出的异常在 result() 处重新抛出
    except ValueError:
        print("future.result() re-raised ValueError")

worker = threading.Thread(target=time.sleep, args=(0.01,), daemon=True)
print("daemon:", worker.daemon, "alive before start:", worker.is_alive())
worker.start()
worker.join()
print("alive after join:", worker.is_alive(), "main thread:", threading.current_thread().name)
