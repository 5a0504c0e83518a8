"""练习“MVCC 快照存储”的测试（学习者看不到这个文件）。"""
import unittest

from isolation_mvcc_exercise import MVCCStore, WriteConflict


def committed(store, **items):
    """用一个单独的事务写入并提交 items。"""
    txn = store.begin()
    for key, value in items.items():
        txn.put(key, value)
    txn.commit()


class MVCCTests(unittest.TestCase):
    def setUp(self):
        self.store = MVCCStore()
        committed(self.store, acct=100)

    def test_no_dirty_read_but_reads_own_writes(self):
        writer = self.store.begin()
        writer.put("acct", 0)
        reader = self.store.begin()
        self.assertEqual(reader.get("acct"), 100)         # 别人未提交的修改看不到
        self.assertEqual(writer.get("acct"), 0)           # 自己的修改看得到
        self.assertEqual(reader.get("missing", "none"), "none")
        writer.rollback()
        self.assertEqual(self.store.begin().get("acct"), 100)

    def test_reads_are_repeatable_within_a_snapshot(self):
        reader = self.store.begin()
        self.assertEqual(reader.get("acct"), 100)
        committed(self.store, acct=50)
        self.assertEqual(reader.get("acct"), 100)         # 同一个快照，值不变
        self.assertEqual(self.store.begin().get("acct"), 50)

    def test_snapshot_is_taken_at_begin(self):
        reader = self.store.begin()
        committed(self.store, acct=70)                    # reader 还没读过任何东西
        self.assertEqual(reader.get("acct"), 100)

    def test_scan_shows_no_phantoms(self):
        committed(self.store, **{"order:1": "a", "order:2": "b"})
        reader = self.store.begin()
        first = reader.scan("order:")
        self.assertEqual(first, [("order:1", "a"), ("order:2", "b")])
        other = self.store.begin()
        other.put("order:3", "c")
        other.delete("order:1")
        other.commit()
        self.assertEqual(reader.scan("order:"), first)
        reader.put("order:0", "mine")
        self.assertEqual(reader.scan("order:"),
                         [("order:0", "mine"), ("order:1", "a"), ("order:2", "b")])
        self.assertEqual(self.store.begin().scan("order:"), [("order:2", "b"), ("order:3", "c")])

    def test_first_committer_wins(self):
        t1, t2 = self.store.begin(), self.store.begin()
        t1.put("acct", t1.get("acct") - 10)
        t2.put("acct", t2.get("acct") - 20)
        t2.put("note", "t2 was here")
        t1.commit()
        with self.assertRaises(WriteConflict):
            t2.commit()                                   # 否则 t1 的扣款会被覆盖：丢失更新
        latest = self.store.begin()
        self.assertEqual(latest.get("acct"), 90)
        self.assertEqual(latest.get("note"), None)        # 失败的事务一个修改都不能留下

    def test_disjoint_writes_both_commit(self):
        t1, t2 = self.store.begin(), self.store.begin()
        t1.put("alice", "off")
        t2.put("bob", "off")
        t1.commit()
        t2.commit()                                       # 写的 key 不同，不算冲突
        latest = self.store.begin()
        self.assertEqual((latest.get("alice"), latest.get("bob")), ("off", "off"))

    def test_delete_and_finished_transactions(self):
        txn = self.store.begin()
        txn.delete("acct")
        self.assertEqual(txn.get("acct", "gone"), "gone")
        txn.commit()
        self.assertEqual(self.store.begin().get("acct", "gone"), "gone")
        for action in (lambda: txn.get("acct"), lambda: txn.put("x", 1), txn.commit, txn.rollback):
            with self.assertRaises(RuntimeError):
                action()


if __name__ == "__main__":
    unittest.main()
