"""进程间通信：Queue、Pipe、共享的 Value/Array，以及哪些东西能被 pickle。"""
import multiprocessing as mp
import pickle


def producer(q, worker_id):
    for i in range(3):
        q.put((worker_id, i * i))      # 放入队列时对象会被 pickle
    q.put(None)                        # 哨兵：这个生产者已经结束


def echo(conn):
    msg = conn.recv()                  # 阻塞，直到父进程发来数据
    conn.send(f"pong: {msg}")
    conn.close()


def add_and_fill(total, times, arr, start):
    for _ in range(times):
        with total.get_lock():         # 对共享 Value 做 += 是“读-改-写”，要加锁
            total.value += 1
    for i in range(start, len(arr), 2):
        arr[i] = i * 10                # 每个进程只写属于自己的位置


if __name__ == "__main__":
    ctx = mp.get_context()

    # 1. Queue：两个生产者，一个消费者（父进程）。
    q = ctx.Queue()
    producers = [ctx.Process(target=producer, args=(q, w)) for w in ("p1", "p2")]
    for p in producers:
        p.start()
    items, done = [], 0
    while done < len(producers):       # 一直读，直到两个哨兵都到达
        item = q.get(timeout=10)
        if item is None:
            done += 1
        else:
            items.append(item)
    for p in producers:
        p.join()
    print("queue items (sorted):", sorted(items))   # 不同进程的数据到达顺序不固定

    # 2. Pipe：恰好连接两端的双向通道。
    parent_end, child_end = ctx.Pipe()
    p = ctx.Process(target=echo, args=(child_end,))
    p.start()
    parent_end.send("ping")
    print("pipe reply:", parent_end.recv())
    p.join()

    # 3. 共享内存：Value 和 Array 存放在各进程私有的堆之外。
    total = ctx.Value("i", 0)          # "i" 表示 C 的 int，自带一把锁
    arr = ctx.Array("i", 6)            # 6 个 C int，初始值为 0
    workers = [ctx.Process(target=add_and_fill, args=(total, 1000, arr, s)) for s in (0, 1)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    print("shared Value after 2 x 1000 locked increments:", total.value)
    print("shared Array filled by two processes:", arr[:])

    # 4. 发给另一个进程的一切都要先 pickle（Queue、Pipe、Pool 的参数和结果）。
    #    模块级函数按名字 pickle，lambda 不能被 pickle。
    print("module-level function pickles:", len(pickle.dumps(add_and_fill)) > 0)
    try:
        pickle.dumps(lambda x: x + 1)
        print("lambda pickles: True")
    except (pickle.PicklingError, AttributeError, TypeError):
        print("lambda pickles: False")
