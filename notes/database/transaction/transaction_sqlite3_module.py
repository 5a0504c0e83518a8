"""Python 的 sqlite3 模块如何管理事务（默认的传统模式）。

- 执行 INSERT/UPDATE/DELETE/REPLACE 之前，模块会悄悄地执行 BEGIN；
- commit() 之前，其他连接看不到任何修改；
- `with conn:` 成功时提交、出现异常时回滚，但**不会**关闭连接；
- 没有 commit() 就 close()，未提交的修改会被丢弃；
- isolation_level=None 表示自动提交：每条语句立即提交。
"""
import os
import sqlite3

PATH = "transaction_module_demo.db"
if os.path.exists(PATH):
    os.remove(PATH)

writer = sqlite3.connect(PATH)          # 默认：隐式开启事务
reader = sqlite3.connect(PATH)
writer.execute("CREATE TABLE t (x INTEGER)")


def seen_by_reader():
    return [row[0] for row in reader.execute("SELECT x FROM t ORDER BY x")]


writer.execute("SELECT count(*) FROM t").fetchone()
print("after SELECT, in_transaction:", writer.in_transaction)
writer.execute("INSERT INTO t VALUES (1)")
print("after INSERT, in_transaction:", writer.in_transaction)
print("reader before commit:", seen_by_reader())
writer.commit()
print("reader after commit :", seen_by_reader())

with writer:                             # 正常结束 -> 提交
    writer.execute("INSERT INTO t VALUES (2)")
try:
    with writer:                         # 抛出异常 -> 回滚
        writer.execute("INSERT INTO t VALUES (3)")
        raise ValueError("business check failed")
except ValueError:
    pass
print("after two with-blocks:", seen_by_reader())
print("connection still open:", writer.execute("SELECT 1").fetchone() == (1,))

writer.execute("INSERT INTO t VALUES (4)")
writer.close()                           # 没有提交：第 4 行丢失
print("after close() without commit:", seen_by_reader())

auto = sqlite3.connect(PATH, isolation_level=None)   # 自动提交模式
auto.execute("INSERT INTO t VALUES (5)")
print("autocommit, in_transaction:", auto.in_transaction, "| reader:", seen_by_reader())
auto.execute("BEGIN")                    # 自动提交模式下的显式事务
auto.execute("INSERT INTO t VALUES (6)")
auto.execute("ROLLBACK")
print("explicit BEGIN ... ROLLBACK:", seen_by_reader())

auto.close()
reader.close()
os.remove(PATH)
