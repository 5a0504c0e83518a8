"""Thread pools reuse threads: thread-local values leak from one task to the next."""
import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor

local = threading.local()


def leaky_task(n):
    seen = getattr(local, "user", None)
    if n == 1:
        local.user = "alice"       # set for this request ... and never cleared
    return f"task {n} sees user={seen}"


def clean_task(n):
    seen = getattr(local, "user", None)
    try:
        if n == 1:
            local.user = "alice"
        return f"task {n} sees user={seen}"
    finally:
        local.__dict__.clear()     # reset the per-thread state when the task ends


with ThreadPoolExecutor(max_workers=1) as pool:   # one worker = the same thread twice
    print("leaky:", list(pool.map(leaky_task, [1, 2])))
local = threading.local()                          # fresh object for the second run
with ThreadPoolExecutor(max_workers=1) as pool:
    print("clean:", list(pool.map(clean_task, [1, 2])))


# One sqlite3 connection per thread, created lazily on first use.
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
    first.close()                  # close it in the thread that created it


threads = [threading.Thread(target=use_db, args=(f"T{i}",)) for i in (1, 2)]
for t in threads:
    t.start()
for t in threads:
    t.join()

for name in ("T1", "T2"):
    same, value, _ = report[name]
    print(f"{name}: same connection on reuse={same}, query result={value}")
print("T1 and T2 share a connection:", report["T1"][2] is report["T2"][2])

main_conn = sqlite3.connect(":memory:")   # check_same_thread=True by default
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
