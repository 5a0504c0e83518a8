"""练习“原子转账”的测试（学习者看不到这个文件）。"""
import sqlite3
import unittest

from transaction_transfer_exercise import (
    SCHEMA, AccountNotFound, InsufficientFunds, transfer)


class TransferTests(unittest.TestCase):
    def setUp(self):
        self.conn = sqlite3.connect(":memory:", isolation_level=None)
        self.conn.executescript(SCHEMA)
        self.conn.execute("INSERT INTO account (id, balance) VALUES (1, 100), (2, 50), (3, 0)")

    def tearDown(self):
        self.conn.close()

    def balances(self):
        return self.conn.execute("SELECT id, balance FROM account ORDER BY id").fetchall()

    def log(self):
        return self.conn.execute("SELECT src, dst, amount FROM transfer_log ORDER BY id").fetchall()

    def test_successful_transfer_moves_money_and_logs_it(self):
        self.assertEqual(transfer(self.conn, 1, 3, 30), (70, 30))
        self.assertEqual(self.balances(), [(1, 70), (2, 50), (3, 30)])
        self.assertEqual(self.log(), [(1, 3, 30)])
        self.assertEqual(self.conn.in_transaction, False)

    def test_whole_balance_can_be_sent_and_total_is_kept(self):
        transfer(self.conn, 2, 1, 50)
        transfer(self.conn, 1, 3, 150)
        self.assertEqual(self.balances(), [(1, 0), (2, 0), (3, 150)])
        self.assertEqual(sum(balance for _, balance in self.balances()), 150)
        self.assertEqual(self.log(), [(2, 1, 50), (1, 3, 150)])

    def test_insufficient_funds_rolls_everything_back(self):
        with self.assertRaises(InsufficientFunds):
            transfer(self.conn, 2, 1, 51)
        self.assertEqual(self.balances(), [(1, 100), (2, 50), (3, 0)])
        self.assertEqual(self.log(), [])
        self.assertEqual(self.conn.in_transaction, False)

    def test_unknown_account_rolls_back_the_other_side(self):
        with self.assertRaises(AccountNotFound):
            transfer(self.conn, 1, 99, 10)      # 收款方不存在：付款方不能被扣款
        with self.assertRaises(AccountNotFound):
            transfer(self.conn, 99, 1, 10)      # 付款方不存在：收款方不能被加款
        self.assertEqual(self.balances(), [(1, 100), (2, 50), (3, 0)])
        self.assertEqual(self.log(), [])
        self.assertEqual(self.conn.in_transaction, False)

    def test_invalid_arguments_change_nothing(self):
        for src, dst, amount in ((1, 2, 0), (1, 2, -5), (1, 2, 2.5), (1, 1, 10)):
            with self.subTest(src=src, dst=dst, amount=amount):
                with self.assertRaises(ValueError):
                    transfer(self.conn, src, dst, amount)
                self.assertEqual(self.conn.in_transaction, False)
        self.assertEqual(self.balances(), [(1, 100), (2, 50), (3, 0)])

    def test_database_error_after_updates_is_rolled_back(self):
        # 日志表不见了：两条 UPDATE 已经执行，插入日志时才出错，整个转账必须撤销
        self.conn.execute("DROP TABLE transfer_log")
        with self.assertRaises(sqlite3.OperationalError):
            transfer(self.conn, 1, 2, 10)
        self.assertEqual(self.balances(), [(1, 100), (2, 50), (3, 0)])
        self.assertEqual(self.conn.in_transaction, False)


if __name__ == "__main__":
    unittest.main()
