"""Two-phase commit (2PC) across two sqlite3 databases (a teaching simulation).

Phase 1 (prepare): each participant does its work inside a local transaction,
keeps the transaction OPEN (locks held) and votes YES, or rolls back and votes NO.
Phase 2: the coordinator logs its decision, then sends COMMIT to everyone if all
voted YES, otherwise ROLLBACK to everyone.
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
        self.conn.execute("PRAGMA synchronous = OFF")     # a demo: skip fsync to stay fast
        self.conn.execute("CREATE TABLE account (id INTEGER PRIMARY KEY,"
                          " balance INTEGER NOT NULL CHECK (balance >= 0))")
        self.conn.execute("INSERT INTO account VALUES (1, ?)", (balance,))
        self.crash_before_vote = False

    def prepare(self, delta):
        if self.crash_before_vote:
            print(f"  {self.name}: no answer, coordinator times out and counts it as NO")
            return None                                   # coordinator will time out
        self.conn.execute("BEGIN IMMEDIATE")              # take the write lock
        try:
            self.conn.execute("UPDATE account SET balance = balance + ? WHERE id = 1", (delta,))
        except sqlite3.IntegrityError:
            self.conn.execute("ROLLBACK")
            print(f"  {self.name}: vote NO (balance would go negative)")
            return "NO"
        print(f"  {self.name}: vote YES (change done, not committed, lock held)")
        return "YES"

    def finish(self, decision):
        if not self.conn.in_transaction:                  # voted NO or never prepared
            print(f"  {self.name}: {decision} received, nothing prepared, ACK")
            return
        self.conn.execute(decision)                       # "COMMIT" or "ROLLBACK"
        print(f"  {self.name}: {decision} done, locks released, ACK")

    def balance(self):
        return self.conn.execute("SELECT balance FROM account").fetchone()[0]


class Coordinator:
    def __init__(self, participants):
        self.participants = participants
        self.decision_log = []                            # survives a coordinator crash

    def run(self, txid, deltas):
        print(f"{txid} phase 1: PREPARE")
        votes = [p.prepare(d) for p, d in zip(self.participants, deltas)]
        decision = "COMMIT" if all(v == "YES" for v in votes) else "ROLLBACK"
        self.decision_log.append((txid, decision))        # log BEFORE phase 2
        print(f"{txid} phase 2: {decision}")
        for p in self.participants:
            p.finish(decision)
        print("  balances:", " ".join(f"{p.name}={p.balance()}" for p in self.participants))


a = Participant("bank_a", FILES[0], 100)
b = Participant("bank_b", FILES[1], 0)
coordinator = Coordinator([a, b])

coordinator.run("tx1", [-60, +60])          # both vote YES -> COMMIT
coordinator.run("tx2", [-60, +60])          # bank_a would go to -20 -> NO -> ROLLBACK everywhere

# While a participant is prepared (in doubt), its locks block everybody else.
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

b.crash_before_vote = True                  # a participant that never answers
coordinator.run("tx4", [-10, +10])          # no vote = NO -> ROLLBACK
print("decision log:", coordinator.decision_log)

for conn in (a.conn, b.conn, other):
    conn.close()
for f in FILES:
    os.remove(f)
