"""How Python's sqlite3 module manages transactions (default, legacy mode).

- Before INSERT/UPDATE/DELETE/REPLACE it silently issues BEGIN.
- Nothing is visible to other connections until commit().
- `with conn:` commits on success, rolls back on an exception, and does NOT close.
- close() without commit() throws the pending changes away.
- isolation_level=None means autocommit: every statement commits at once.
"""
import os
import sqlite3

PATH = "transaction_module_demo.db"
if os.path.exists(PATH):
    os.remove(PATH)

writer = sqlite3.connect(PATH)          # default: implicit transactions
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

with writer:                             # success -> commit
    writer.execute("INSERT INTO t VALUES (2)")
try:
    with writer:                         # exception -> rollback
        writer.execute("INSERT INTO t VALUES (3)")
        raise ValueError("business check failed")
except ValueError:
    pass
print("after two with-blocks:", seen_by_reader())
print("connection still open:", writer.execute("SELECT 1").fetchone() == (1,))

writer.execute("INSERT INTO t VALUES (4)")
writer.close()                           # no commit: row 4 is lost
print("after close() without commit:", seen_by_reader())

auto = sqlite3.connect(PATH, isolation_level=None)   # autocommit mode
auto.execute("INSERT INTO t VALUES (5)")
print("autocommit, in_transaction:", auto.in_transaction, "| reader:", seen_by_reader())
auto.execute("BEGIN")                    # explicit transaction in autocommit mode
auto.execute("INSERT INTO t VALUES (6)")
auto.execute("ROLLBACK")
print("explicit BEGIN ... ROLLBACK:", seen_by_reader())

auto.close()
reader.close()
os.remove(PATH)
