"""Inter-process communication: Queue, Pipe, shared Value/Array, and what pickling allows."""
import multiprocessing as mp
import pickle


def producer(q, worker_id):
    for i in range(3):
        q.put((worker_id, i * i))      # objects are pickled on the way in
    q.put(None)                        # sentinel: this producer is done


def echo(conn):
    msg = conn.recv()                  # blocks until the parent sends something
    conn.send(f"pong: {msg}")
    conn.close()


def add_and_fill(total, times, arr, start):
    for _ in range(times):
        with total.get_lock():         # += on a shared Value is read-modify-write: lock it
            total.value += 1
    for i in range(start, len(arr), 2):
        arr[i] = i * 10                # each process writes its own slots


if __name__ == "__main__":
    ctx = mp.get_context()

    # 1. Queue: two producers, one consumer (the parent).
    q = ctx.Queue()
    producers = [ctx.Process(target=producer, args=(q, w)) for w in ("p1", "p2")]
    for p in producers:
        p.start()
    items, done = [], 0
    while done < len(producers):       # read until both sentinels arrive
        item = q.get(timeout=10)
        if item is None:
            done += 1
        else:
            items.append(item)
    for p in producers:
        p.join()
    print("queue items (sorted):", sorted(items))   # arrival order between processes varies

    # 2. Pipe: a two-way connection between exactly two endpoints.
    parent_end, child_end = ctx.Pipe()
    p = ctx.Process(target=echo, args=(child_end,))
    p.start()
    parent_end.send("ping")
    print("pipe reply:", parent_end.recv())
    p.join()

    # 3. Shared memory: Value and Array live outside each process's private heap.
    total = ctx.Value("i", 0)          # "i" = C int, comes with its own lock
    arr = ctx.Array("i", 6)            # six C ints, initialised to 0
    workers = [ctx.Process(target=add_and_fill, args=(total, 1000, arr, s)) for s in (0, 1)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    print("shared Value after 2 x 1000 locked increments:", total.value)
    print("shared Array filled by two processes:", arr[:])

    # 4. Everything sent to another process is pickled first (Queue, Pipe, Pool arguments
    #    and results). Module-level functions pickle by name, a lambda cannot be pickled.
    print("module-level function pickles:", len(pickle.dumps(add_and_fill)) > 0)
    try:
        pickle.dumps(lambda x: x + 1)
        print("lambda pickles: True")
    except (pickle.PicklingError, AttributeError, TypeError):
        print("lambda pickles: False")
