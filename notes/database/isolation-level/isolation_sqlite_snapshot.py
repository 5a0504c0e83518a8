"""What SQLite's isolation looks like from two connections (WAL mode).

SQLite transactions are serializable. In WAL mode a reader works on a snapshot
taken at its first read, so it never sees uncommitted data (no dirty read) and
keeps seeing the same rows until it ends its transaction (no non-repeatable read,
no phantom). A transaction whose snapshot is stale may not write: it must retry.
"""
import os
import sqlite3

PATH = "isolation_demo.db"
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(PATH + suffix):
        os.remove(PATH + suffix)

setup = sqlite3.connect(PATH, isolation_level=None)
setup.execute("PRAGMA journal_mode=WAL")
setup.execute("CREATE TABLE acct (id INTEGER PRIMARY KEY, balance INTEGER)")
setup.execute("INSERT INTO acct VALUES (1, 100)")
setup.close()

# isolation_level=None: we write BEGIN/COMMIT ourselves; timeout=0: never wait for locks
a = sqlite3.connect(PATH, isolation_level=None, timeout=0)
b = sqlite3.connect(PATH, isolation_level=None, timeout=0)


def look(conn):
    balance = conn.execute("SELECT balance FROM acct WHERE id = 1").fetchone()[0]
    rows = conn.execute("SELECT count(*) FROM acct").fetchone()[0]
    return f"balance={balance} rows={rows}"


print("1) dirty read?")
b.execute("BEGIN")
b.execute("UPDATE acct SET balance = 0 WHERE id = 1")          # not committed
print("   A reads while B's update is uncommitted:", look(a))
b.execute("ROLLBACK")

print("2) non-repeatable read / phantom?")
a.execute("BEGIN")
print("   A read 1:", look(a))                                   # snapshot taken here
b.execute("UPDATE acct SET balance = 50 WHERE id = 1")          # autocommit
b.execute("INSERT INTO acct VALUES (2, 10)")                    # autocommit
print("   B committed an update and an insert")
print("   A read 2:", look(a))                                   # same snapshot
a.execute("COMMIT")
print("   A in a new transaction:", look(a))

print("3) write with a stale snapshot?")
a.execute("BEGIN")
print("   A reads:", look(a))
b.execute("UPDATE acct SET balance = balance + 1 WHERE id = 1")  # B commits first
try:
    a.execute("UPDATE acct SET balance = balance - 5 WHERE id = 1")
except sqlite3.OperationalError as exc:
    print("   A's write is refused:", type(exc).__name__, "-> roll back and retry")
a.execute("ROLLBACK")
a.execute("UPDATE acct SET balance = balance - 5 WHERE id = 1")  # retry
print("   after retry:", look(a))

a.close()
b.close()
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(PATH + suffix):
        os.remove(PATH + suffix)
