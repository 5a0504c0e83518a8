"""练习“MVCC 快照存储”的参考答案。"""

_DELETED = object()          # 删除标记（墓碑）：删除也是一个新版本


class WriteConflict(Exception):
    """提交时发现写写冲突：别的事务在本事务的快照之后提交了同一个 key。"""


class MVCCStore:
    """多版本的键值存储。"""

    def __init__(self):
        """创建一个空的存储。"""
        self.clock = 0               # 最近一次提交的版本号
        self.versions = {}           # key -> [(提交版本号, 值或 _DELETED), ...]，按版本号递增

    def begin(self):
        """开启一个事务并取得快照，返回 Transaction。"""
        return Transaction(self, self.clock)


class Transaction:
    """一个快照隔离的事务。"""

    def __init__(self, store, snapshot):
        """由 MVCCStore.begin 调用：store 是所属的存储，snapshot 是快照（例如最近一次提交的版本号）。"""
        self._store = store
        self._snapshot = snapshot
        self._writes = {}
        self._finished = False

    def _check_open(self):
        if self._finished:
            raise RuntimeError("事务已经结束")

    def _visible(self, key):
        if key in self._writes:
            return self._writes[key]
        for version, value in reversed(self._store.versions.get(key, [])):
            if version <= self._snapshot:
                return value
        return _DELETED

    def get(self, key, default=None):
        """读取 key：自己的修改优先，否则读快照中已提交的版本。"""
        self._check_open()
        value = self._visible(key)
        return default if value is _DELETED else value

    def put(self, key, value):
        """在本事务中写入 key。"""
        self._check_open()
        self._writes[key] = value

    def delete(self, key):
        """在本事务中删除 key。"""
        self._check_open()
        self._writes[key] = _DELETED

    def scan(self, prefix):
        """返回本事务可见的、以 prefix 开头的 [(key, value), ...]，按 key 排序。"""
        self._check_open()
        keys = set(self._store.versions) | set(self._writes)
        result = []
        for key in sorted(k for k in keys if k.startswith(prefix)):
            value = self._visible(key)
            if value is not _DELETED:
                result.append((key, value))
        return result

    def commit(self):
        """提交；与快照之后提交的事务写了同一个 key 时抛出 WriteConflict。"""
        self._check_open()
        self._finished = True
        versions = self._store.versions
        for key in self._writes:
            history = versions.get(key)
            if history and history[-1][0] > self._snapshot:
                raise WriteConflict(key)
        if self._writes:
            self._store.clock += 1
            for key, value in self._writes.items():
                versions.setdefault(key, []).append((self._store.clock, value))

    def rollback(self):
        """回滚：放弃本事务的全部修改。"""
        self._check_open()
        self._finished = True
        self._writes = {}
