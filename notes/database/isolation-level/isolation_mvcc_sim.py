"""一个玩具多版本存储，演示每个隔离级别允许哪些异常。

各级别的读取规则：
  READ UNCOMMITTED ：读最新版本，即使写入它的事务还没提交
  READ COMMITTED   ：每条语句执行时，读最新的**已提交**版本
  REPEATABLE READ  ：读事务快照时刻的已提交版本
                     （快照隔离，类似 PostgreSQL 的可重复读 / InnoDB 的普通 SELECT）
  SERIALIZABLE     ：同样读快照，再加上提交时校验：如果本事务读过的数据被快照之后
                     提交的事务改过，就中止（乐观并发控制）
"""
LEVELS = ["READ UNCOMMITTED", "READ COMMITTED", "REPEATABLE READ", "SERIALIZABLE"]


class Abort(Exception):
    pass


class Store:
    def __init__(self, data):
        self.clock = 0
        self.committed = {k: [(0, v)] for k, v in data.items()}   # key -> [(时间戳, 值)]
        self.dirty = {}                                           # key -> 未提交的值

    def begin(self, level):
        return Txn(self, level)


class Txn:
    def __init__(self, store, level):
        self.store, self.level = store, level
        self.snapshot = store.clock
        self.writes, self.read_keys = {}, set()

    def _committed(self, key, as_of):
        for ts, value in reversed(self.store.committed.get(key, [])):
            if ts <= as_of:
                return value
        return None

    def get(self, key):
        self.read_keys.add(key)
        if key in self.writes:
            return self.writes[key]
        if self.level == "READ UNCOMMITTED" and key in self.store.dirty:
            return self.store.dirty[key]
        as_of = self.store.clock if self.level in LEVELS[:2] else self.snapshot
        return self._committed(key, as_of)

    def scan(self, prefix):            # 谓词读，相当于 WHERE key LIKE 'order%'
        keys = set(self.store.committed) | set(self.writes)
        if self.level == "READ UNCOMMITTED":
            keys |= set(self.store.dirty)
        return sorted(k for k in keys if k.startswith(prefix) and self.get(k) is not None)

    def put(self, key, value):
        self.writes[key] = value
        self.store.dirty[key] = value

    def commit(self):
        if self.level == "SERIALIZABLE":
            for key in self.read_keys:
                if any(ts > self.snapshot for ts, _ in self.store.committed.get(key, [])):
                    self.rollback()
                    raise Abort(key)
        self.store.clock += 1
        for key, value in self.writes.items():
            self.store.committed.setdefault(key, []).append((self.store.clock, value))
            self.store.dirty.pop(key, None)

    def rollback(self):
        for key in self.writes:
            self.store.dirty.pop(key, None)


def dirty_read(level):
    s = Store({"acct": 100})
    t1, t2 = s.begin(level), s.begin(level)
    t2.put("acct", 0)                   # 未提交
    seen = t1.get("acct")
    t2.rollback()
    return seen != 100


def non_repeatable_read(level):
    s = Store({"acct": 100})
    t1 = s.begin(level)
    first = t1.get("acct")
    t2 = s.begin(level)
    t2.put("acct", 50)
    t2.commit()
    return t1.get("acct") != first


def phantom(level):
    s = Store({"order:1": "a", "order:2": "b"})
    t1 = s.begin(level)
    first = t1.scan("order:")
    t2 = s.begin(level)
    t2.put("order:3", "c")
    t2.commit()
    return t1.scan("order:") != first


def write_skew(level):
    """规则：至少一名医生值班。两人都先检查，然后都下班。"""
    s = Store({"alice": "on", "bob": "on"})
    t1, t2 = s.begin(level), s.begin(level)
    on_call_seen = {txn: [txn.get(d) for d in ("alice", "bob")].count("on") for txn in (t1, t2)}
    for txn, me in ((t1, "alice"), (t2, "bob")):      # 两人都在对方写入之前做了检查
        if on_call_seen[txn] >= 2:
            txn.put(me, "off")
    for txn in (t1, t2):
        try:
            txn.commit()
        except Abort:
            pass                        # 应用程序会重试被中止的这个事务
    on_call = [d for d in ("alice", "bob") if s.begin("READ COMMITTED").get(d) == "on"]
    return not on_call                  # 异常：没有人值班


CHECKS = [("dirty", dirty_read), ("non-repeatable", non_repeatable_read),
          ("phantom", phantom), ("write skew", write_skew)]
print(f"{'level':17}" + "".join(f"{name:>16}" for name, _ in CHECKS))
for level in LEVELS:
    cells = ["possible" if check(level) else "-" for _, check in CHECKS]
    print(f"{level:17}" + "".join(f"{c:>16}" for c in cells))
print("note: ANSI SQL's REPEATABLE READ may still show phantoms; this toy RR is")
print("snapshot isolation, which hides them for plain reads but allows write skew.")
