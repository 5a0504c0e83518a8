"""练习：实现一个最小的 MVCC 快照存储（快照隔离）。

要求：
- MVCCStore.begin() 开启一个事务，快照就在这一刻取得：事务只能看到 begin 之前
  已经提交的数据，外加它自己的修改；
- Transaction.get(key, default=None)：按上面的规则读取，看不到或已删除就返回 default；
- Transaction.put(key, value) / delete(key)：只记在本事务里，提交前别人看不到（不会脏读）；
- Transaction.scan(prefix)：返回本事务能看到的、以 prefix 开头的 [(key, value), ...]，
  按 key 排序；快照之后别人提交的插入和删除都看不到（没有幻读）；
- Transaction.commit()：“先提交者胜”：如果本事务写过（put 或 delete）的某个 key，
  在本事务的快照之后已经被别的事务提交修改过，就放弃本事务的全部修改并抛出 WriteConflict；
  否则把全部修改作为一个新版本原子地提交；只读事务总能提交；
- Transaction.rollback()：放弃本事务的全部修改；
- 事务提交、回滚（包括因冲突失败）之后，再调用它的 get/put/delete/scan/commit/rollback
  都抛出 RuntimeError。
"""


class WriteConflict(Exception):
    """提交时发现写写冲突：别的事务在本事务的快照之后提交了同一个 key。"""


class MVCCStore:
    """多版本的键值存储。"""

    def __init__(self):
        """创建一个空的存储。"""
        raise NotImplementedError("在这里实现 MVCCStore.__init__")

    def begin(self):
        """开启一个事务并取得快照，返回 Transaction。"""
        raise NotImplementedError("在这里实现 MVCCStore.begin")


class Transaction:
    """一个快照隔离的事务。"""

    def __init__(self, store, snapshot):
        """由 MVCCStore.begin 调用：store 是所属的存储，snapshot 是快照（例如最近一次提交的版本号）。"""
        raise NotImplementedError("在这里实现 Transaction.__init__")

    def get(self, key, default=None):
        """读取 key：自己的修改优先，否则读快照中已提交的版本。"""
        raise NotImplementedError("在这里实现 Transaction.get")

    def put(self, key, value):
        """在本事务中写入 key。"""
        raise NotImplementedError("在这里实现 Transaction.put")

    def delete(self, key):
        """在本事务中删除 key。"""
        raise NotImplementedError("在这里实现 Transaction.delete")

    def scan(self, prefix):
        """返回本事务可见的、以 prefix 开头的 [(key, value), ...]，按 key 排序。"""
        raise NotImplementedError("在这里实现 Transaction.scan")

    def commit(self):
        """提交；与快照之后提交的事务写了同一个 key 时抛出 WriteConflict。"""
        raise NotImplementedError("在这里实现 Transaction.commit")

    def rollback(self):
        """回滚：放弃本事务的全部修改。"""
        raise NotImplementedError("在这里实现 Transaction.rollback")
