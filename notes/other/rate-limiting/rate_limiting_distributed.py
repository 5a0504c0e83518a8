"""分布式限流：多台应用服务器共享一个计数器。这里用进程内的假 Redis 和假时钟模拟，输出可重复。

1. GET 再 SET 不是原子的：两台服务器交错执行，多放行了请求；INCR 是原子的；
2. INCR 和 EXPIRE 分两步：中间崩溃会留下永不过期的 key；用脚本（或 MULTI）一次完成；
3. 每个用户一个 key vs 全局一个 key；
4. 各实例本地限流（全局限额 / 实例数）在负载不均时的误差；
5. Redis 不可用时 fail-open 与 fail-closed。
"""


class FakeClock:
    def __init__(self):
        self.now = 0

    def __call__(self):
        return self.now


class FakeRedis:
    """只实现这里用到的命令；每个方法相当于 Redis 的一条命令，单条命令是原子的。"""

    def __init__(self, clock):
        self.clock = clock
        self.data, self.expires_at = {}, {}
        self.down = False

    def _check(self, key):
        if self.down:
            raise ConnectionError("redis unreachable")
        if key in self.expires_at and self.clock() >= self.expires_at[key]:
            del self.data[key], self.expires_at[key]

    def get(self, key):
        self._check(key)
        return self.data.get(key)

    def set(self, key, value):
        self._check(key)
        self.data[key] = value
        self.expires_at.pop(key, None)

    def incr(self, key):
        self._check(key)
        self.data[key] = int(self.data.get(key, 0)) + 1
        return self.data[key]

    def expire(self, key, seconds):
        self._check(key)
        if key in self.data:
            self.expires_at[key] = self.clock() + seconds

    def ttl(self, key):
        self._check(key)
        if key not in self.data:
            return -2                                  # 和 Redis 一样：-2 表示 key 不存在
        if key not in self.expires_at:
            return -1                                  # -1 表示没有过期时间
        return self.expires_at[key] - self.clock()

    def eval_incr_with_expire(self, key, seconds):
        """相当于 EVAL 一段 Lua：INCR，如果是第一次就 EXPIRE。整段脚本原子执行。"""
        current = self.incr(key)
        if current == 1:
            self.expire(key, seconds)
        return current


clock = FakeClock()
redis = FakeRedis(clock)
LIMIT, WINDOW = 3, 60

print("== 1. read-modify-write race between two app servers (limit %d) ==" % LIMIT)


def get_then_set(key):
    """非原子的写法：先读，判断，再写回。用生成器把它拆成两步，好让两台服务器交错执行。"""
    count = int(redis.get(key) or 0)
    yield
    if count < LIMIT:
        redis.set(key, count + 1)
        yield True
    else:
        yield False


redis.set("rl:race", 2)                               # 已经放行了 2 个请求
a, b = get_then_set("rl:race"), get_then_set("rl:race")
next(a)
next(b)                                               # 两台服务器都读到 2
print("GET+SET, both servers allowed:", [next(a), next(b)], "-> counter =", redis.get("rl:race"),
      "but 4 requests got through")
redis.set("rl:race", 2)
print("INCR, the two servers decide:", [redis.incr("rl:race") <= LIMIT for _ in range(2)],
      "-> counter =", redis.get("rl:race"))

print("== 2. INCR then EXPIRE as two commands ==")


def incr_then_expire(key, crash=False):
    """两条独立的命令；窗口靠 key 的过期时间实现（key 里没有窗口编号）。"""
    current = redis.incr(key)
    if crash:
        return None                                   # 应用在两条命令之间崩溃，EXPIRE 没发出去
    if current == 1:
        redis.expire(key, WINDOW)
    return current <= LIMIT


key = "rl:user:7"
incr_then_expire(key, crash=True)
print("after a crash between INCR and EXPIRE, TTL =", redis.ttl(key))
print("next requests:", [incr_then_expire(key) for _ in range(3)], "(only the first INCR sets EXPIRE)")
clock.now = 10 ** 6
print("a million seconds later:", incr_then_expire(key), "-> user 7 is blocked forever")
key = "rl:user:8"
redis.eval_incr_with_expire(key, WINDOW)
print("one atomic script instead: TTL =", redis.ttl(key))

print("== 3. per-user keys vs one global key (limit %d per %d s) ==" % (LIMIT, WINDOW))
clock.now = 1200                                       # 一个新窗口的开始
window_id = clock() // WINDOW
requests = ["alice", "alice", "bob", "alice", "alice", "bob", "carol"]
per_user, global_key = [], []
for user in requests:
    per_user.append(redis.eval_incr_with_expire("rl:%s:%d" % (user, window_id), WINDOW) <= LIMIT)
    global_key.append(redis.eval_incr_with_expire("rl:global:%d" % window_id, WINDOW) <= LIMIT)
print("users:    " + " ".join("%-5s" % u for u in requests))
print("per-user: " + " ".join("%-5s" % ("Y" if ok else ".") for ok in per_user).rstrip())
print("global:   " + " ".join("%-5s" % ("Y" if ok else ".") for ok in global_key).rstrip())

print("== 4. local limits: global 30 per minute split over 3 instances (10 each) ==")
traffic = {"app-1": 20, "app-2": 5, "app-3": 5}     # 负载不均：app-1 收到了大部分请求
allowed = {name: min(n, 30 // 3) for name, n in traffic.items()}
print("requests:", sum(traffic.values()), "| allowed:", sum(allowed.values()),
      "| rejected although under the global limit:", sum(traffic.values()) - sum(allowed.values()))

print("== 5. redis is down ==")
redis.down = True


def limited(user, fail_open):
    try:
        return redis.eval_incr_with_expire("rl:%s:%d" % (user, window_id), WINDOW) <= LIMIT
    except ConnectionError:
        return fail_open                                # 出错时放行（fail-open）还是拒绝（fail-closed）


print("fail-open  (e.g. product API): request allowed =", limited("dave", fail_open=True))
print("fail-closed (e.g. SMS codes):  request allowed =", limited("dave", fail_open=False))
