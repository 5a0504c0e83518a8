"""A toy multi-version store that shows which anomalies each isolation level allows.

Reads at each level:
  READ UNCOMMITTED : newest version, even if its writer has not committed
  READ COMMITTED   : newest COMMITTED version at the time of each statement
  REPEATABLE READ  : committed versions as of the transaction's snapshot
                     (snapshot isolation, like PostgreSQL RR / InnoDB plain SELECTs)
  SERIALIZABLE     : the same snapshot + commit-time validation: abort if anything
                     this transaction read was changed by a transaction that
                     committed after the snapshot (optimistic concurrency control)
"""
LEVELS = ["READ UNCOMMITTED", "READ COMMITTED", "REPEATABLE READ", "SERIALIZABLE"]


class Abort(Exception):
    pass


class Store:
    def __init__(self, data):
        self.clock = 0
        self.committed = {k: [(0, v)] for k, v in data.items()}   # key -> [(ts, value)]
        self.dirty = {}                                           # key -> uncommitted value

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

    def scan(self, prefix):            # a predicate read, e.g. WHERE key LIKE 'order%'
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
    t2.put("acct", 0)                   # not committed
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
    """Rule: at least one doctor must stay on call. Both check, both leave."""
    s = Store({"alice": "on", "bob": "on"})
    t1, t2 = s.begin(level), s.begin(level)
    on_call_seen = {txn: [txn.get(d) for d in ("alice", "bob")].count("on") for txn in (t1, t2)}
    for txn, me in ((t1, "alice"), (t2, "bob")):      # both checked before either wrote
        if on_call_seen[txn] >= 2:
            txn.put(me, "off")
    for txn in (t1, t2):
        try:
            txn.commit()
        except Abort:
            pass                        # the application would retry this one
    on_call = [d for d in ("alice", "bob") if s.begin("READ COMMITTED").get(d) == "on"]
    return not on_call                  # anomaly: nobody is on call


CHECKS = [("dirty", dirty_read), ("non-repeatable", non_repeatable_read),
          ("phantom", phantom), ("write skew", write_skew)]
print(f"{'level':17}" + "".join(f"{name:>16}" for name, _ in CHECKS))
for level in LEVELS:
    cells = ["possible" if check(level) else "-" for _, check in CHECKS]
    print(f"{level:17}" + "".join(f"{c:>16}" for c in cells))
print("note: ANSI SQL's REPEATABLE READ may still show phantoms; this toy RR is")
print("snapshot isolation, which hides them for plain reads but allows write skew.")
