"""用 sqlite3 把一次银行转账放进一个事务：提交、回滚、保存点。

isolation_level=None 让 sqlite3 模块进入自动提交模式，所以下面的
BEGIN / COMMIT / ROLLBACK / SAVEPOINT 都用 SQL 明确写出来。
"""
import sqlite3

db = sqlite3.connect(":memory:", isolation_level=None)
db.execute("CREATE TABLE account (id INTEGER PRIMARY KEY,"
           " balance INTEGER NOT NULL CHECK (balance >= 0))")
db.execute("INSERT INTO account VALUES (1, 100), (2, 0)")


def balances():
    return db.execute("SELECT id, balance FROM account ORDER BY id").fetchall()


def transfer(src, dst, amount):
    db.execute("BEGIN")
    try:
        # 先加款、后扣款：如果扣款失败，已经成功的加款也必须撤销
        db.execute("UPDATE account SET balance = balance + ? WHERE id = ?", (amount, dst))
        db.execute("UPDATE account SET balance = balance - ? WHERE id = ?", (amount, src))
        db.execute("COMMIT")
        return "committed"
    except sqlite3.Error as exc:
        db.execute("ROLLBACK")               # 撤销 BEGIN 以来的所有修改
        return f"rolled back ({type(exc).__name__})"


print("start:", balances())
print("transfer 30 :", transfer(1, 2, 30), balances())
print("transfer 500:", transfer(1, 2, 500), balances())   # 扣款时违反 CHECK 约束

# 保存点：在一个事务里支付三张账单，失败的那一张单独撤销。
print("bills 50, 90, 20 in one transaction, one savepoint each:")
db.execute("BEGIN")
for bill in (50, 90, 20):
    db.execute("SAVEPOINT bill")
    try:
        db.execute("UPDATE account SET balance = balance - ? WHERE id = 1", (bill,))
        db.execute("RELEASE SAVEPOINT bill")
        print(f"  bill {bill}: paid")
    except sqlite3.IntegrityError:
        db.execute("ROLLBACK TO SAVEPOINT bill")   # 只撤销这一张账单
        db.execute("RELEASE SAVEPOINT bill")
        print(f"  bill {bill}: skipped, not enough money")
db.execute("COMMIT")
print("after bills :", balances())

# 语句出错不等于回滚：失败的只是这一条语句，事务仍然开着。
db.execute("BEGIN")
db.execute("UPDATE account SET balance = 999 WHERE id = 2")
try:
    db.execute("UPDATE no_such_table SET x = 1")
except sqlite3.OperationalError as exc:
    print("failed statement ->", type(exc).__name__, "| still in transaction:", db.in_transaction)
db.execute("ROLLBACK")
print("after ROLLBACK:", balances(), "| in transaction:", db.in_transaction)
