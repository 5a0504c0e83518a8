"""A bank transfer as one transaction in sqlite3: commit, rollback, savepoints.

isolation_level=None puts the sqlite3 module in autocommit mode, so every
BEGIN / COMMIT / ROLLBACK / SAVEPOINT below is written out explicitly in SQL.
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
        # credit first, debit second: if the debit fails, the credit must be undone
        db.execute("UPDATE account SET balance = balance + ? WHERE id = ?", (amount, dst))
        db.execute("UPDATE account SET balance = balance - ? WHERE id = ?", (amount, src))
        db.execute("COMMIT")
        return "committed"
    except sqlite3.Error as exc:
        db.execute("ROLLBACK")               # undo every change since BEGIN
        return f"rolled back ({type(exc).__name__})"


print("start:", balances())
print("transfer 30 :", transfer(1, 2, 30), balances())
print("transfer 500:", transfer(1, 2, 500), balances())   # CHECK fails on the debit

# Savepoints: pay three bills in one transaction; one that fails is undone alone.
print("bills 50, 90, 20 in one transaction, one savepoint each:")
db.execute("BEGIN")
for bill in (50, 90, 20):
    db.execute("SAVEPOINT bill")
    try:
        db.execute("UPDATE account SET balance = balance - ? WHERE id = 1", (bill,))
        db.execute("RELEASE SAVEPOINT bill")
        print(f"  bill {bill}: paid")
    except sqlite3.IntegrityError:
        db.execute("ROLLBACK TO SAVEPOINT bill")   # undo this bill only
        db.execute("RELEASE SAVEPOINT bill")
        print(f"  bill {bill}: skipped, not enough money")
db.execute("COMMIT")
print("after bills :", balances())

# A failed statement is not a rollback: only that statement fails, the transaction stays open.
db.execute("BEGIN")
db.execute("UPDATE account SET balance = 999 WHERE id = 2")
try:
    db.execute("UPDATE no_such_table SET x = 1")
except sqlite3.OperationalError as exc:
    print("failed statement ->", type(exc).__name__, "| still in transaction:", db.in_transaction)
db.execute("ROLLBACK")
print("after ROLLBACK:", balances(), "| in transaction:", db.in_transaction)
