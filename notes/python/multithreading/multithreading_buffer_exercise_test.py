"""练习“有界缓冲区”的测试（学习者看不到这个文件）。

可能阻塞的调用都放在守护线程里，并且只等有限的时间：实现有死锁或忽略了 timeout 时，
测试会失败，而不是一直卡住。
"""
import threading
import time
import unittest

from multithreading_buffer_exercise import BoundedBuffer


def start(target, *args):
    thread = threading.Thread(target=target, args=args, daemon=True)
    thread.start()
    return thread


def call(func, limit=1.0):
    """在守护线程里调用 func()：返回它的返回值，或原样抛出它的异常；limit 秒内没结束就让测试失败。"""
    outcome = []

    def runner():
        try:
            outcome.append((True, func()))
        except BaseException as exc:  # 把异常带回测试线程
            outcome.append((False, exc))

    thread = start(runner)
    thread.join(limit)
    if thread.is_alive():
        raise AssertionError(f"{limit} 秒内没有返回：是不是一直阻塞了？")
    ok, value = outcome[0]
    if not ok:
        raise value
    return value


class BoundedBufferTests(unittest.TestCase):
    def test_first_in_first_out(self):
        buf = BoundedBuffer(3)
        for item in ("a", "b", "c"):
            call(lambda: buf.put(item))
        self.assertEqual(len(buf), 3)
        self.assertEqual([call(buf.get) for _ in range(3)], ["a", "b", "c"])
        self.assertEqual(len(buf), 0)

    def test_rejects_a_capacity_below_one(self):
        with self.assertRaises(ValueError):
            BoundedBuffer(0)

    def test_get_on_empty_buffer_times_out(self):
        buf = BoundedBuffer(2)
        started = time.monotonic()
        with self.assertRaises(TimeoutError):
            call(lambda: buf.get(timeout=0.05))
        waited = time.monotonic() - started
        self.assertEqual(0.04 <= waited < 1.0, True)

    def test_put_on_full_buffer_times_out_and_changes_nothing(self):
        buf = BoundedBuffer(2)
        call(lambda: buf.put(1))
        call(lambda: buf.put(2))
        with self.assertRaises(TimeoutError):
            call(lambda: buf.put(3, timeout=0.05))
        self.assertEqual(len(buf), 2)
        self.assertEqual(call(buf.get), 1)

    def test_blocked_put_and_get_resume(self):
        buf = BoundedBuffer(1)
        call(lambda: buf.put("a"))
        errors = []

        def blocked_put():
            try:
                buf.put("b")  # 满了：阻塞到主线程取走 "a"
            except Exception as exc:
                errors.append(type(exc).__name__)

        producer = start(blocked_put)
        time.sleep(0.05)
        self.assertEqual(producer.is_alive(), True)  # put 应该还在等
        self.assertEqual(call(buf.get), "a")
        producer.join(1)
        self.assertEqual((producer.is_alive(), errors), (False, []))
        self.assertEqual(call(buf.get), "b")

        got = []
        consumer = start(lambda: got.append(buf.get(timeout=2)))  # 空了：阻塞到有人放入
        time.sleep(0.05)
        self.assertEqual(consumer.is_alive(), True)
        call(lambda: buf.put("c"))
        consumer.join(1)
        self.assertEqual((consumer.is_alive(), got), (False, ["c"]))

    def test_many_producers_and_consumers(self):
        buf = BoundedBuffer(3)
        producers_count, consumers_count, per_producer = 4, 4, 250
        received, errors, sizes = [], [], []
        lock = threading.Lock()

        def produce(p):
            try:
                for i in range(per_producer):
                    buf.put((p, i), timeout=2)
                    sizes.append(len(buf))
            except Exception as exc:
                errors.append(type(exc).__name__)

        def consume():
            try:
                while True:
                    item = buf.get(timeout=2)
                    if item is None:  # 哨兵：没有更多数据了
                        return
                    with lock:
                        received.append(item)
            except Exception as exc:
                errors.append(type(exc).__name__)

        def finish():
            for _ in range(consumers_count):
                buf.put(None, timeout=2)

        consumers = [start(consume) for _ in range(consumers_count)]
        producers = [start(produce, p) for p in range(producers_count)]
        deadline = time.monotonic() + 5
        for t in producers:
            t.join(max(0.0, deadline - time.monotonic()))
        finisher = start(finish)
        for t in consumers + [finisher]:
            t.join(max(0.0, deadline - time.monotonic()))

        self.assertEqual(errors, [])
        self.assertEqual(sum(t.is_alive() for t in producers + consumers + [finisher]), 0)
        expected = [(p, i) for p in range(producers_count) for i in range(per_producer)]
        self.assertEqual(sorted(received), expected)  # 一个不少，一个不多
        self.assertEqual(max(sizes) <= 3, True)  # 从不超过容量


if __name__ == "__main__":
    unittest.main()
