"""练习：用 sqlite3 写一个原子的转账函数。

要求：
- 连接由调用方用 sqlite3.connect(..., isolation_level=None) 打开（自动提交模式），
  所以 transfer 要自己执行 BEGIN、COMMIT、ROLLBACK；
- 表结构见 SCHEMA：account 表带 CHECK (balance >= 0)，transfer_log 表记录每笔成功的转账；
- 一笔转账 = 给 src 扣款 + 给 dst 加款 + 在 transfer_log 插入一行，三件事在同一个事务里，
  要么全部生效，要么全部不生效；
- amount 必须是正整数，src 和 dst 必须不同，否则抛 ValueError，数据库不做任何改动；
- 任何一个账户不存在：回滚，抛 AccountNotFound；
- 余额不足（扣款会违反 CHECK 约束）：回滚，抛 InsufficientFunds；
- 其他任何数据库错误：回滚，把原来的异常继续抛出；
- 无论成功还是失败，函数返回或抛出异常时都不能留下未结束的事务（conn.in_transaction 为 False）；
- 成功时返回 (src 的新余额, dst 的新余额)。
"""
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
    raise NotImplementedError("在这里实现 transfer")
