"""Lost update, and three ways to prevent it (sqlite3, autocommit statements).

Two clients each add to a counter by "read, compute in Python, write back".
Interleaved, the second write silently overwrites the first one.
"""
import os
import sqlite3

db = sqlite3.connect(":memory:", isolation_level=None)
db.execute("CREATE TABLE item (id INTEGER PRIMARY KEY, stock INTEGER, version INTEGER)")


def reset():
    db.execute("DELETE FROM item")
    db.execute("INSERT INTO item VALUES (1, 10, 0)")


def stock():
    return db.execute("SELECT stock FROM item WHERE id = 1").fetchone()[0]


# 1. The bug: read-modify-write from two clients, interleaved.
reset()
a = stock()                       # client A reads 10
b = stock()                       # client B reads 10
db.execute("UPDATE item SET stock = ? WHERE id = 1", (a - 1,))   # A writes 9
db.execute("UPDATE item SET stock = ? WHERE id = 1", (b - 1,))   # B writes 9
print("read-modify-write: two sales, stock =", stock(), "(expected 8: one update lost)")

# 2. Fix: let the database do the arithmetic in one atomic statement.
reset()
for client in "AB":
    db.execute("UPDATE item SET stock = stock - 1 WHERE id = 1 AND stock > 0")
print("atomic UPDATE stock = stock - 1: stock =", stock())

# 3. Fix: optimistic locking with a version column (compare-and-set).
reset()
seen = {c: db.execute("SELECT stock, version FROM item WHERE id = 1").fetchone() for c in "AB"}
for client in "AB":
    old_stock, old_version = seen[client]
    cur = db.execute("UPDATE item SET stock = ?, version = version + 1"
                     " WHERE id = 1 AND version = ?", (old_stock - 1, old_version))
    print(f"optimistic {client}: rows updated = {cur.rowcount}",
          "-> ok" if cur.rowcount else "-> conflict, re-read and retry")
    if cur.rowcount == 0:
        old_stock, old_version = db.execute("SELECT stock, version FROM item WHERE id = 1").fetchone()
        db.execute("UPDATE item SET stock = ?, version = version + 1 WHERE id = 1 AND version = ?",
                   (old_stock - 1, old_version))
print("optimistic locking: stock =", stock())

# 4. Fix: pessimistic locking: lock first, then read and write. MySQL/PostgreSQL
#    lock rows with SELECT ... FOR UPDATE; SQLite locks the whole database for
#    writing with BEGIN IMMEDIATE. Two connections to one file show the waiting.
PATH = "isolation_lost_update.db"
if os.path.exists(PATH):
    os.remove(PATH)
conn_a = sqlite3.connect(PATH, isolation_level=None, timeout=0)
conn_b = sqlite3.connect(PATH, isolation_level=None, timeout=0)
conn_a.execute("CREATE TABLE item (id INTEGER PRIMARY KEY, stock INTEGER)")
conn_a.execute("INSERT INTO item VALUES (1, 10)")


def sell(conn):
    conn.execute("BEGIN IMMEDIATE")
    current = conn.execute("SELECT stock FROM item WHERE id = 1").fetchone()[0]
    conn.execute("UPDATE item SET stock = ? WHERE id = 1", (current - 1,))
    return current


print("pessimistic A: locked, read", sell(conn_a))
try:
    sell(conn_b)
except sqlite3.OperationalError as exc:
    print("pessimistic B: must wait for A's lock:", type(exc).__name__)
conn_a.execute("COMMIT")
print("pessimistic B: after A commits, locked, read", sell(conn_b))
conn_b.execute("COMMIT")
print("pessimistic locking: stock =", conn_a.execute("SELECT stock FROM item").fetchone()[0])
conn_a.close()
conn_b.close()
os.remove(PATH)
