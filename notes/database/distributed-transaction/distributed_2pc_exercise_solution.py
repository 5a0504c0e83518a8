"""练习“两阶段提交协调者”的参考答案。"""
import sqlite3


class Participant:
    """两阶段提交的参与者：一个 sqlite3 连接。"""

    def __init__(self, name, conn):
        """name 是参与者的名字，conn 是用 isolation_level=None 打开的 sqlite3 连接。"""
        self.name = name
        self.conn = conn

    def prepare(self, statements):
        """第一阶段：在一个打开的事务里执行 statements，返回投票 True（YES）或 False（NO）。"""
        try:
            self.conn.execute("BEGIN IMMEDIATE")      # 取得写锁，直到第二阶段才释放
            for sql, params in statements:
                self.conn.execute(sql, params)
        except sqlite3.Error:
            self.rollback()
            return False
        return True                                   # 事务保持打开：已执行、持锁、未提交

    def commit(self):
        """第二阶段：提交已准备的事务。"""
        if self.conn.in_transaction:
            self.conn.execute("COMMIT")

    def rollback(self):
        """第二阶段：回滚已准备的事务；没有打开的事务时什么也不做。"""
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")


class Coordinator:
    """两阶段提交的协调者。"""

    def __init__(self, participants):
        """participants 是参与者列表（有 name、prepare、commit、rollback）；self.log 是决定日志。"""
        self.participants = list(participants)
        self.log = []

    def execute(self, txid, work):
        """运行一个全局事务，返回 "COMMIT" 或 "ROLLBACK"。"""
        votes = []
        for participant in self.participants:
            try:
                votes.append(participant.prepare(work.get(participant.name, [])))
            except Exception:
                votes.append(False)                   # 没有回应、崩溃：按 NO 处理
        decision = "COMMIT" if all(vote is True for vote in votes) else "ROLLBACK"
        self.log.append((txid, decision))             # 先记日志，再通知参与者
        for participant in self.participants:
            if decision == "COMMIT":
                participant.commit()
            else:
                participant.rollback()
        return decision
