"""线程池会复用线程：线程本地的值会从上一个任务残留到下一个任务。"""
import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor

local = threading.local()


def leaky_task(n):
    seen = getattr(local, "user", None)
    if n == 1:
        local.user = "alice"       # 为这次请求设置了……却从不清理
    return f"task {n} sees user={seen}"


def clean_task(n):
    seen = getattr(local, "user", None)
    try:
        if n == 1:
            local.user = "alice"
        return f"task {n} sees user={seen}"
    finally:
        local.__dict__.clear()     # 任务结束时清空本线程的状态


with ThreadPoolExecutor(max_workers=1) as pool:   # 只有一个工作线程 = 同一个线程执行两次
    print("leaky:", list(pool.map(leaky_task, [1, 2])))
local = threading.local()                          # 第二轮换一个全新的对象
with ThreadPoolExecutor(max_workers=1) as pool:
    print("clean:", list(pool.map(clean_task, [1, 2])))


# 每个线程一个 sqlite3 连接，第一次使用时才创建。
db_local = threading.local()


def get_conn():
    conn = getattr(db_local, "conn", None)
    if conn is None:
        conn = sqlite3.connect(":memory:")
        db_local.conn = conn
    return conn


report = {}


def use_db(name):
    first = get_conn()
    second = get_conn()
    value = first.execute("SELECT 6 * 7").fetchone()[0]
    report[name] = (first is second, value, first)
    first.close()                  # 在创建它的线程里关闭


threads = [threading.Thread(target=use_db, args=(f"T{i}",)) for i in (1, 2)]
for t in threads:
    t.start()
for t in threads:
    t.join()

for name in ("T1", "T2"):
    same, value, _ = report[name]
    print(f"{name}: same connection on reuse={same}, query result={value}")
print("T1 and T2 share a connection:", report["T1"][2] is report["T2"][2])

main_conn = sqlite3.connect(":memory:")   # 默认 check_same_thread=True
errors = []


def misuse():
    try:
        main_conn.execute("SELECT 1")
    except Exception as exc:
        errors.append(type(exc).__name__)


t = threading.Thread(target=misuse)
t.start()
t.join()
print("using the main thread's connection elsewhere:", errors[0])
main_conn.close()
