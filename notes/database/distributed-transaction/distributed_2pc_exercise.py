"""练习：在 sqlite3 上实现两阶段提交（2PC）的参与者和协调者。

参与者 Participant 包装一个 sqlite3 连接（调用方用 isolation_level=None、timeout=0 打开，
每个参与者是一个独立的数据库文件）：
- prepare(statements)：执行 BEGIN IMMEDIATE（取得写锁），依次执行 statements
  （[(sql, 参数元组), ...]）。全部成功就投 YES：返回 True，事务保持打开、不提交；
  任何 sqlite3.Error 都回滚并投 NO：返回 False；
- commit()：提交已准备的事务；
- rollback()：回滚已准备的事务；没有打开的事务时什么也不做（要幂等，可以放心多次调用）。

协调者 Coordinator：
- execute(txid, work)：work 是 {参与者名字: statements}，不在 work 里的参与者执行空列表；
- 第一阶段：依次让每个参与者 prepare；prepare 抛出任何异常（网络断开、进程崩溃……）都算投 NO；
- 只有全体投 YES（prepare 返回 True）才决定 "COMMIT"，否则决定 "ROLLBACK"；
- 先把 (txid, 决定) 追加到 self.log，再进入第二阶段；
- 第二阶段：对所有参与者（包括投了 NO 的）调用 commit() 或 rollback()；
- 返回决定（"COMMIT" 或 "ROLLBACK"）。
"""
import sqlite3


class Participant:
    """两阶段提交的参与者：一个 sqlite3 连接。"""

    def __init__(self, name, conn):
        """name 是参与者的名字，conn 是用 isolation_level=None 打开的 sqlite3 连接。"""
        raise NotImplementedError("在这里实现 Participant.__init__")

    def prepare(self, statements):
        """第一阶段：在一个打开的事务里执行 statements，返回投票 True（YES）或 False（NO）。"""
        raise NotImplementedError("在这里实现 Participant.prepare")

    def commit(self):
        """第二阶段：提交已准备的事务。"""
        raise NotImplementedError("在这里实现 Participant.commit")

    def rollback(self):
        """第二阶段：回滚已准备的事务；没有打开的事务时什么也不做。"""
        raise NotImplementedError("在这里实现 Participant.rollback")


class Coordinator:
    """两阶段提交的协调者。"""

    def __init__(self, participants):
        """participants 是参与者列表（有 name、prepare、commit、rollback）；self.log 是决定日志。"""
        raise NotImplementedError("在这里实现 Coordinator.__init__")

    def execute(self, txid, work):
        """运行一个全局事务，返回 "COMMIT" 或 "ROLLBACK"。"""
        raise NotImplementedError("在这里实现 Coordinator.execute")
