"""读写分离与复制延迟：写发往主库，读发往从库；用"读己之写"规则避免刚写完就读到旧数据。

三个 sqlite3 内存数据库分别扮演主库和两个从库。主库把每次写入记进日志（类似 binlog，
位置叫 LSN），从库只有在 replicate() 时才追日志，这样就能精确地模拟复制延迟。
"""
import sqlite3


class Primary:
    def __init__(self):
        self.db = sqlite3.connect(":memory:")
        self.db.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, nickname TEXT)")
        self.log = []                      # [(lsn, sql, params)]
        self.reads = 0

    def write(self, sql, params):
        with self.db:
            self.db.execute(sql, params)
        self.log.append((len(self.log) + 1, sql, params))
        return len(self.log)               # 这次写入的 LSN


class Replica:
    def __init__(self, name, primary):
        self.name = name
        self.primary = primary
        self.db = sqlite3.connect(":memory:")
        self.db.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, nickname TEXT)")
        self.applied = 0                   # 已经应用到的 LSN
        self.reads = 0

    def replicate(self, max_entries=None):
        """异步复制：从主库日志里取还没应用的条目，按顺序重放。"""
        pending = self.primary.log[self.applied:]
        if max_entries is not None:
            pending = pending[:max_entries]
        with self.db:
            for lsn, sql, params in pending:
                self.db.execute(sql, params)
                self.applied = lsn


class Router:
    """policy = "naive"：读一律轮询从库；
    policy = "lsn"：记住每个会话最后一次写入的 LSN，只把读发给已经追上它的从库，都没追上就读主库。"""

    def __init__(self, primary, replicas, policy):
        self.primary = primary
        self.replicas = replicas
        self.policy = policy
        self.turn = 0
        self.last_write = {}               # session -> LSN

    def write(self, session, sql, params):
        self.last_write[session] = self.primary.write(sql, params)

    def read(self, session, sql, params):
        candidates = self.replicas
        if self.policy == "lsn":
            need = self.last_write.get(session, 0)
            candidates = [r for r in self.replicas if r.applied >= need]
        if not candidates:
            node, db = "primary", self.primary.db
            self.primary.reads += 1
        else:
            replica = candidates[self.turn % len(candidates)]
            self.turn += 1
            replica.reads += 1
            node, db = replica.name, replica.db
        return node, db.execute(sql, params).fetchall()


def scenario(policy):
    primary = Primary()
    replicas = [Replica("replica-1", primary), Replica("replica-2", primary)]
    router = Router(primary, replicas, policy)
    for uid, nick in [(1, "alice"), (2, "bob")]:
        router.write("setup", "INSERT INTO users VALUES (?, ?)", (uid, nick))
    for r in replicas:
        r.replicate()

    print("policy =", policy)
    # alice 改昵称；replica-1 很快追上，replica-2 落后（复制延迟）
    router.write("alice", "UPDATE users SET nickname = ? WHERE id = ?", ("alice2", 1))
    replicas[0].replicate()
    for _ in range(2):
        node, rows = router.read("alice", "SELECT nickname FROM users WHERE id = ?", (1,))
        print("  alice reads her profile from %-9s -> %s" % (node, rows[0][0]))
    node, rows = router.read("bob", "SELECT nickname FROM users WHERE id = ?", (2,))
    print("  bob reads his profile from %-9s -> %s" % (node, rows[0][0]))

    # 再写一次，两个从库都还没追上：这时只能读主库
    router.write("alice", "UPDATE users SET nickname = ? WHERE id = ?", ("alice3", 1))
    node, rows = router.read("alice", "SELECT nickname FROM users WHERE id = ?", (1,))
    print("  right after the 2nd write: %-9s -> %s" % (node, rows[0][0]))
    for r in replicas:
        r.replicate()
    node, rows = router.read("alice", "SELECT nickname FROM users WHERE id = ?", (1,))
    print("  after replicas caught up:  %-9s -> %s" % (node, rows[0][0]))
    print("  reads: primary=%d replica-1=%d replica-2=%d"
          % (primary.reads, replicas[0].reads, replicas[1].reads))
    print("  replica LSNs:", [r.applied for r in replicas], "primary LSN:", len(primary.log))


scenario("naive")
scenario("lsn")
