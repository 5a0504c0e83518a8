"""丢失更新，以及三种防止它的办法（sqlite3，自动提交的语句）。

两个客户端都用“读出、在 Python 里计算、写回”的方式修改同一个计数。
两者交错执行时，第二次写入会悄无声息地覆盖第一次。
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


# 1. 问题：两个客户端交错地“读-改-写”。
reset()
a = stock()                       # 客户端 A 读到 10
b = stock()                       # 客户端 B 读到 10
db.execute("UPDATE item SET stock = ? WHERE id = 1", (a - 1,))   # A 写入 9
db.execute("UPDATE item SET stock = ? WHERE id = 1", (b - 1,))   # B 也写入 9
print("read-modify-write: two sales, stock =", stock(), "(expected 8: one update lost)")

# 2. 解决：让数据库在一条原子语句里完成计算。
reset()
for client in "AB":
    db.execute("UPDATE item SET stock = stock - 1 WHERE id = 1 AND stock > 0")
print("atomic UPDATE stock = stock - 1: stock =", stock())

# 3. 解决：用版本号列实现乐观锁（比较并设置）。
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

# 4. 解决：悲观锁，先加锁，再读和写。MySQL/PostgreSQL 用 SELECT ... FOR UPDATE
#    锁住行；SQLite 用 BEGIN IMMEDIATE 锁住整个数据库的写入。
#    连接同一个文件的两个连接演示了“必须等待”。
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
