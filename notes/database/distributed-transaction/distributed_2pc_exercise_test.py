"""练习“两阶段提交协调者”的测试（学习者看不到这个文件）。"""
import os
import sqlite3
import tempfile
import unittest

from distributed_2pc_exercise import Coordinator, Participant


def debit(account, amount):
    return [("UPDATE account SET balance = balance - ? WHERE id = ?", (amount, account))]


def credit(account, amount):
    return [("UPDATE account SET balance = balance + ? WHERE id = ?", (amount, account))]


class Recorder:
    """一个假的参与者：记录收到的调用；prepare 可以投票，也可以抛出异常。"""

    def __init__(self, name, vote=True, error=None):
        self.name = name
        self.vote = vote
        self.error = error
        self.calls = []
        self.coordinator = None          # 测试把协调者挂在这里，第二阶段时查看它的日志
        self.log_seen_in_phase2 = None

    def prepare(self, statements):
        self.calls.append("prepare")
        if self.error is not None:
            raise self.error
        return self.vote

    def commit(self):
        self.calls.append("commit")
        self.remember_log()

    def rollback(self):
        self.calls.append("rollback")
        self.remember_log()

    def remember_log(self):
        if self.coordinator is not None:
            self.log_seen_in_phase2 = list(self.coordinator.log)


class TwoPhaseCommitTests(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.paths = {name: os.path.join(self.tmp.name, name + ".db") for name in ("bank_a", "bank_b")}
        self.conns = []
        for name, balance in (("bank_a", 100), ("bank_b", 0)):
            setup = sqlite3.connect(self.paths[name], isolation_level=None)
            setup.execute("CREATE TABLE account (id INTEGER PRIMARY KEY,"
                          " balance INTEGER NOT NULL CHECK (balance >= 0))")
            setup.execute("INSERT INTO account VALUES (1, ?)", (balance,))
            setup.close()
        self.a = Participant("bank_a", self.connect("bank_a"))
        self.b = Participant("bank_b", self.connect("bank_b"))

    def tearDown(self):
        for conn in self.conns:
            conn.close()
        self.tmp.cleanup()

    def connect(self, name):
        conn = sqlite3.connect(self.paths[name], isolation_level=None, timeout=0)
        self.conns.append(conn)
        return conn

    def balance(self, name):
        """用一个新连接读余额：只能看到已经提交的数据。"""
        conn = self.connect(name)
        return conn.execute("SELECT balance FROM account WHERE id = 1").fetchone()[0]

    def test_all_yes_commits_everywhere(self):
        coordinator = Coordinator([self.a, self.b])
        decision = coordinator.execute("tx1", {"bank_a": debit(1, 60), "bank_b": credit(1, 60)})
        self.assertEqual(decision, "COMMIT")
        self.assertEqual((self.balance("bank_a"), self.balance("bank_b")), (40, 60))
        self.assertEqual(coordinator.log, [("tx1", "COMMIT")])
        self.assertEqual((self.a.conn.in_transaction, self.b.conn.in_transaction), (False, False))

    def test_one_no_vote_rolls_back_everywhere(self):
        coordinator = Coordinator([self.b, self.a])      # bank_b 先准备并投 YES
        decision = coordinator.execute("tx2", {"bank_a": debit(1, 500), "bank_b": credit(1, 500)})
        self.assertEqual(decision, "ROLLBACK")
        self.assertEqual((self.balance("bank_a"), self.balance("bank_b")), (100, 0))
        self.assertEqual(coordinator.log, [("tx2", "ROLLBACK")])
        self.assertEqual((self.a.conn.in_transaction, self.b.conn.in_transaction), (False, False))

    def test_prepared_participant_holds_its_lock_until_phase_two(self):
        self.assertEqual(self.b.prepare(credit(1, 10)), True)
        self.assertEqual(self.b.conn.in_transaction, True)
        other = self.connect("bank_b")
        with self.assertRaises(sqlite3.OperationalError):
            other.execute("BEGIN IMMEDIATE")             # 写锁被已准备的参与者占着
        self.assertEqual(self.balance("bank_b"), 0)      # 未提交的修改别人看不到
        self.b.commit()
        self.assertEqual(self.balance("bank_b"), 10)
        self.b.rollback()                                # 没有打开的事务：什么也不做
        self.assertEqual(self.balance("bank_b"), 10)

    def test_failing_statement_votes_no(self):
        vote = self.a.prepare([("UPDATE missing_table SET x = 1", ())])
        self.assertEqual(vote, False)
        self.assertEqual(self.a.conn.in_transaction, False)

    def test_crash_in_prepare_counts_as_no(self):
        silent = Recorder("bank_c", error=ConnectionError("no answer"))
        coordinator = Coordinator([self.a, silent])
        decision = coordinator.execute("tx3", {"bank_a": debit(1, 10)})
        self.assertEqual(decision, "ROLLBACK")
        self.assertEqual(self.balance("bank_a"), 100)
        self.assertEqual(silent.calls, ["prepare", "rollback"])

    def test_decision_is_logged_before_phase_two_and_sent_to_all(self):
        first, second = Recorder("p1"), Recorder("p2")
        coordinator = Coordinator([first, second])
        first.coordinator = second.coordinator = coordinator
        self.assertEqual(coordinator.execute("tx4", {}), "COMMIT")
        self.assertEqual(first.calls, ["prepare", "commit"])
        self.assertEqual(second.calls, ["prepare", "commit"])
        self.assertEqual(first.log_seen_in_phase2, [("tx4", "COMMIT")])

        yes_voter, no_voter = Recorder("p3"), Recorder("p4", vote=False)
        coordinator = Coordinator([yes_voter, no_voter])
        yes_voter.coordinator = no_voter.coordinator = coordinator
        self.assertEqual(coordinator.execute("tx5", {}), "ROLLBACK")
        self.assertEqual(yes_voter.calls, ["prepare", "rollback"])
        self.assertEqual(no_voter.calls, ["prepare", "rollback"])
        self.assertEqual(yes_voter.log_seen_in_phase2, [("tx5", "ROLLBACK")])


if __name__ == "__main__":
    unittest.main()
