"""练习“原子转账”的参考答案。"""
import sqlite3

SCHEMA = """
CREATE TABLE account (
    id      INTEGER PRIMARY KEY,
    balance INTEGER NOT NULL CHECK (balance >= 0)
);
CREATE TABLE transfer_log (
    id     INTEGER PRIMARY KEY AUTOINCREMENT,
    src    INTEGER NOT NULL,
    dst    INTEGER NOT NULL,
    amount INTEGER NOT NULL
);
"""


class AccountNotFound(LookupError):
    """转出或转入的账户不存在。"""


class InsufficientFunds(Exception):
    """转出账户余额不足。"""


def transfer(conn, src, dst, amount):
    """在一个事务里从账户 src 转 amount 到账户 dst，成功时返回 (src 新余额, dst 新余额)。"""
    # 参数检查放在 BEGIN 之前：不合法的请求根本不开启事务
    if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
        raise ValueError("amount 必须是正整数")
    if src == dst:
        raise ValueError("不能转给自己")

    conn.execute("BEGIN")
    try:
        # 先加款、后扣款也可以：只要在同一个事务里，出错时两步一起撤销
        for account_id, delta in ((src, -amount), (dst, amount)):
            try:
                cur = conn.execute(
                    "UPDATE account SET balance = balance + ? WHERE id = ?", (delta, account_id))
            except sqlite3.IntegrityError:
                raise InsufficientFunds(f"账户 {account_id} 余额不足") from None
            if cur.rowcount != 1:
                raise AccountNotFound(account_id)
        conn.execute("INSERT INTO transfer_log (src, dst, amount) VALUES (?, ?, ?)",
                     (src, dst, amount))
        balances = tuple(
            conn.execute("SELECT balance FROM account WHERE id = ?", (account_id,)).fetchone()[0]
            for account_id in (src, dst))
        conn.execute("COMMIT")
        return balances
    except BaseException:
        # 任何异常（包括我们自己抛出的业务异常）都先回滚，再原样抛出；
        # 少数严重错误会让 SQLite 自己结束事务，所以先看一眼 in_transaction
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
