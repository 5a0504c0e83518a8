"""从两个连接看 SQLite 的隔离（WAL 模式）。

SQLite 的事务是可串行化的。WAL 模式下，读者使用第一次读取时取得的快照，
所以永远看不到未提交的数据（没有脏读），并且在事务结束之前一直看到同样的行
（没有不可重复读，也没有幻读）。快照已经过期的事务不能写入，只能回滚重试。
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

# isolation_level=None：BEGIN/COMMIT 自己写；timeout=0：从不等待锁
a = sqlite3.connect(PATH, isolation_level=None, timeout=0)
b = sqlite3.connect(PATH, isolation_level=None, timeout=0)


def look(conn):
    balance = conn.execute("SELECT balance FROM acct WHERE id = 1").fetchone()[0]
    rows = conn.execute("SELECT count(*) FROM acct").fetchone()[0]
    return f"balance={balance} rows={rows}"


print("1) dirty read?")
b.execute("BEGIN")
b.execute("UPDATE acct SET balance = 0 WHERE id = 1")          # 未提交
print("   A reads while B's update is uncommitted:", look(a))
b.execute("ROLLBACK")

print("2) non-repeatable read / phantom?")
a.execute("BEGIN")
print("   A read 1:", look(a))                                   # 快照在这里取得
b.execute("UPDATE acct SET balance = 50 WHERE id = 1")          # 自动提交
b.execute("INSERT INTO acct VALUES (2, 10)")                    # 自动提交
print("   B committed an update and an insert")
print("   A read 2:", look(a))                                   # 还是同一个快照
a.execute("COMMIT")
print("   A in a new transaction:", look(a))

print("3) write with a stale snapshot?")
a.execute("BEGIN")
print("   A reads:", look(a))
b.execute("UPDATE acct SET balance = balance + 1 WHERE id = 1")  # B 抢先提交
try:
    a.execute("UPDATE acct SET balance = balance - 5 WHERE id = 1")
except sqlite3.OperationalError as exc:
    print("   A's write is refused:", type(exc).__name__, "-> roll back and retry")
a.execute("ROLLBACK")
a.execute("UPDATE acct SET balance = balance - 5 WHERE id = 1")  # 重试
print("   after retry:", look(a))

a.close()
b.close()
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(PATH + suffix):
        os.remove(PATH + suffix)
