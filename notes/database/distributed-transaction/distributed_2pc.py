"""在两个 sqlite3 数据库上模拟两阶段提交（2PC），用于教学。

第一阶段（准备）：每个参与者在本地事务中完成自己的修改，让事务保持打开
（继续持有锁）并投 YES；做不到就回滚并投 NO。真实的 XA 中，修改在
XA START … XA END 之间执行，XA PREPARE 只负责持久化和投票，这里为了简短
把两步合在 prepare() 里。
第二阶段：协调者先记录决定，全部投 YES 就向所有人发送 COMMIT，否则向所有人
发送 ROLLBACK。
"""
import os
import sqlite3

FILES = ["bank_a_2pc.db", "bank_b_2pc.db"]
for f in FILES:
    if os.path.exists(f):
        os.remove(f)


class Participant:
    def __init__(self, name, path, balance):
        self.name = name
        self.conn = sqlite3.connect(path, isolation_level=None, timeout=0)
        self.conn.execute("PRAGMA synchronous = OFF")     # 只是演示：跳过 fsync，让示例跑得快
        self.conn.execute("CREATE TABLE account (id INTEGER PRIMARY KEY,"
                          " balance INTEGER NOT NULL CHECK (balance >= 0))")
        self.conn.execute("INSERT INTO account VALUES (1, ?)", (balance,))
        self.crash_before_vote = False

    def prepare(self, delta):
        if self.crash_before_vote:
            print(f"  {self.name}: no answer, coordinator times out and counts it as NO")
            return None                                   # 协调者会等到超时
        self.conn.execute("BEGIN IMMEDIATE")              # 取得写锁
        try:
            self.conn.execute("UPDATE account SET balance = balance + ? WHERE id = 1", (delta,))
        except sqlite3.IntegrityError:
            self.conn.execute("ROLLBACK")
            print(f"  {self.name}: vote NO (balance would go negative)")
            return "NO"
        print(f"  {self.name}: vote YES (change done, not committed, lock held)")
        return "YES"

    def finish(self, decision):
        if not self.conn.in_transaction:                  # 投了 NO，或者根本没有准备
            print(f"  {self.name}: {decision} received, nothing prepared, ACK")
            return
        self.conn.execute(decision)                       # "COMMIT" 或 "ROLLBACK"
        print(f"  {self.name}: {decision} done, locks released, ACK")

    def balance(self):
        return self.conn.execute("SELECT balance FROM account").fetchone()[0]


class Coordinator:
    def __init__(self, participants):
        self.participants = participants
        self.decision_log = []                            # 协调者崩溃后仍然保留（持久化的日志）

    def run(self, txid, deltas):
        print(f"{txid} phase 1: PREPARE")
        votes = [p.prepare(d) for p, d in zip(self.participants, deltas)]
        decision = "COMMIT" if all(v == "YES" for v in votes) else "ROLLBACK"
        self.decision_log.append((txid, decision))        # 先写日志，再进入第二阶段
        print(f"{txid} phase 2: {decision}")
        for p in self.participants:
            p.finish(decision)
        print("  balances:", " ".join(f"{p.name}={p.balance()}" for p in self.participants))


a = Participant("bank_a", FILES[0], 100)
b = Participant("bank_b", FILES[1], 0)
coordinator = Coordinator([a, b])

coordinator.run("tx1", [-60, +60])          # 两边都投 YES -> COMMIT
coordinator.run("tx2", [-60, +60])          # bank_a 会变成 -20 -> 投 NO -> 所有人 ROLLBACK

# 参与者处于已准备（不确定）状态时，它持有的锁会挡住其他所有人。
print("tx3 phase 1: PREPARE")
a.prepare(-10)
b.prepare(+10)
other = sqlite3.connect(FILES[1], isolation_level=None, timeout=0)
try:
    other.execute("BEGIN IMMEDIATE")
except sqlite3.OperationalError as exc:
    print("  another writer on bank_b while tx3 is in doubt:", type(exc).__name__)
print("tx3 coordinator decides (late): ROLLBACK")
coordinator.decision_log.append(("tx3", "ROLLBACK"))
a.finish("ROLLBACK")
b.finish("ROLLBACK")

b.crash_before_vote = True                  # 一个始终不回应的参与者
coordinator.run("tx4", [-10, +10])          # 没有投票 = NO -> ROLLBACK
print("decision log:", coordinator.decision_log)

for conn in (a.conn, b.conn, other):
    conn.close()
for f in FILES:
    os.remove(f)
