"""线程间协作：Queue 生产者-消费者、Event 通知、Semaphore 限流、Condition 等待条件。"""
import queue
import threading
import time

# 1. 生产者-消费者：Queue 内部已经加锁，maxsize 满时 put 阻塞（背压）
q = queue.Queue(maxsize=2)
STOP = object()  # 哨兵：告诉消费者没有更多数据了
consumed = []


def producer():
    for i in range(1, 6):
        q.put(i)
    q.put(STOP)


def consumer():
    while True:
        item = q.get()
        if item is STOP:
            break
        consumed.append(item * item)


threads = [threading.Thread(target=producer), threading.Thread(target=consumer)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("queue:", consumed)

# 2. 多个工作线程 + task_done/join：等所有任务处理完
tasks = queue.Queue()
done = []
done_lock = threading.Lock()


def worker():
    while True:
        n = tasks.get()
        if n is None:
            tasks.task_done()
            break
        with done_lock:
            done.append(n * 10)
        tasks.task_done()


workers = [threading.Thread(target=worker) for _ in range(3)]
for w in workers:
    w.start()
for n in range(6):
    tasks.put(n)
for _ in workers:
    tasks.put(None)  # 每个工作线程一个哨兵
tasks.join()  # 阻塞到每个 put 进去的元素都被 task_done
for w in workers:
    w.join()
print("workers:", sorted(done))  # 完成顺序不确定，排序后再打印

# 3. Event：一个线程等待，另一个线程发信号
ready = threading.Event()
log = []


def waiter():
    ready.wait()  # 阻塞，直到 set()
    log.append("waiter woke up")


t = threading.Thread(target=waiter)
t.start()
log.append("main sets the event")
ready.set()
t.join()
print("event:", log)

# 4. Semaphore：同一时刻最多 2 个线程进入
slots = threading.Semaphore(2)
stats_lock = threading.Lock()
active = 0
max_active = 0


def limited():
    global active, max_active
    with slots:
        with stats_lock:
            active += 1
            max_active = max(max_active, active)
        time.sleep(0.05)
        with stats_lock:
            active -= 1


threads = [threading.Thread(target=limited) for _ in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("semaphore: max concurrent <= 2:", max_active <= 2)

# 5. Condition：等待“库存大于 0”这个条件成立
stock = 0
cond = threading.Condition()
bought = []


def buyer(name):
    global stock
    with cond:
        cond.wait_for(lambda: stock > 0)  # 条件不满足时释放锁并等待，被唤醒后重新检查
        stock -= 1
        bought.append(name)


buyers = [threading.Thread(target=buyer, args=(f"b{i}",)) for i in range(3)]
for b in buyers:
    b.start()
with cond:
    stock = 3
    cond.notify_all()
for b in buyers:
    b.join()
print("condition:", sorted(bought), "stock left:", stock)
