"""缓存击穿：一个热点 key 过期的瞬间，大量并发请求一起回源。对比 不加锁 / 互斥锁重建。"""
import threading
import time


class SlowDB:
    def __init__(self):
        self.hits = 0
        self._lock = threading.Lock()

    def load(self, key):
        with self._lock:
            self.hits += 1
        time.sleep(0.05)                 # 模拟一次慢查询
        return f"profile of {key}"


def run(get, n=20):
    """n 个线程在 Barrier 处集合，然后同时请求同一个刚过期的热点 key。"""
    barrier = threading.Barrier(n)
    results = []

    def worker():
        barrier.wait()
        results.append(get("star:1"))

    threads = [threading.Thread(target=worker) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


# 1) 不加锁：cache-aside 的朴素写法
db, cache = SlowDB(), {}


def get_naive(key):
    value = cache.get(key)
    if value is None:
        value = db.load(key)             # 20 个线程几乎同时走到这里
        cache[key] = value
    return value


run(get_naive)
naive_hits = db.hits

# 2) 互斥锁 + 双重检查：只有一个线程回源，其他线程等它写好缓存后直接读
db, cache = SlowDB(), {}
rebuild_lock = threading.Lock()          # 分布式环境里换成 Redis 的 SET lock:key token NX PX 3000


def get_with_lock(key):
    value = cache.get(key)
    if value is not None:
        return value
    with rebuild_lock:
        value = cache.get(key)           # 拿到锁后再查一次：可能别人已经重建好了
        if value is None:
            value = db.load(key)
            cache[key] = value
    return value


results = run(get_with_lock)
print(f"breakdown DB hits: no lock >1: {naive_hits > 1} | with lock: {db.hits}")
print("all 20 callers got the value:", results == ["profile of star:1"] * 20)

# 3) 逻辑过期：缓存条目不设真正的 TTL，只记一个 expire_at。
#    读到“逻辑上已过期”的值时，抢到锁的线程在后台刷新，所有人先返回旧值，不排队等数据库。
db = SlowDB()
now = [100]                              # 手动时钟：当前是第 100 秒
cache = {"star:1": ("old profile", 90)}  # (值, 逻辑过期时间)，第 90 秒就“过期”了
refresh_lock = threading.Lock()
refreshers = []


def refresh(key):
    try:
        cache[key] = (db.load(key), now[0] + 60)
    finally:
        refresh_lock.release()


def get_logical(key):
    value, expire_at = cache[key]
    if expire_at <= now[0] and refresh_lock.acquire(blocking=False):
        if cache[key][1] <= now[0]:      # 双重检查：可能刚被别人刷新过
            t = threading.Thread(target=refresh, args=(key,))
            refreshers.append(t)
            t.start()
        else:
            refresh_lock.release()
    return value                          # 不等待，直接返回（可能是旧值）


results = run(get_logical)
for t in refreshers:
    t.join()
print("logical expiry: callers served without waiting:", len(results),
      "| DB hits:", db.hits, "| cache now:", cache["star:1"][0])
