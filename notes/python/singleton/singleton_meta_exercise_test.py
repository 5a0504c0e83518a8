"""练习“线程安全的单例元类”的测试（学习者看不到这个文件）。

所有创建实例的调用都放在守护线程里并设置超时：实现有死锁时测试失败，而不是卡住。
"""
import threading
import time
import unittest

from singleton_meta_exercise import SingletonMeta

TIMEOUT = 1.0


def race(func, threads):
    """让 threads 个线程同时调用 func()，返回 (结果列表, 异常类型名列表, 超时未结束的线程数)。"""
    barrier = threading.Barrier(threads)
    results, errors = [], []

    def worker():
        try:
            barrier.wait(TIMEOUT)
            results.append(func())
        except BaseException as exc:  # 测试要报告所有异常，而不是让线程悄悄死掉
            errors.append(type(exc).__name__)

    workers = [threading.Thread(target=worker, daemon=True) for _ in range(threads)]
    for t in workers:
        t.start()
    deadline = time.monotonic() + TIMEOUT
    for t in workers:
        t.join(max(0.0, deadline - time.monotonic()))
    return results, errors, sum(t.is_alive() for t in workers)


def call(func):
    """在一个线程里调用 func()：返回值原样返回，异常原样抛出，超时则测试失败。"""
    results, errors, hung = race(func, 1)
    if hung:
        raise AssertionError(f"{TIMEOUT} 秒内没有返回，可能死锁了")
    if errors:
        raise AssertionError(f"抛出了 {errors[0]}")
    return results[0]


def outcome(func):
    """在一个线程里调用 func()，返回 "ok"、抛出的异常类型名或 "hung"。"""
    results, errors, hung = race(func, 1)
    return "hung" if hung else (errors[0] if errors else "ok")


class SingletonMetaTests(unittest.TestCase):
    def test_same_instance_and_still_a_class(self):
        class Config(metaclass=SingletonMeta):
            def __init__(self, env):
                self.env = env

        first = call(lambda: Config("prod"))
        second = call(lambda: Config("test"))
        self.assertEqual(first is second, True)
        self.assertEqual(second.env, "prod")  # 第二次的参数被忽略
        self.assertEqual(isinstance(first, Config), True)

    def test_racing_threads_create_one_fully_initialised_instance(self):
        init_calls = []

        class Slow(metaclass=SingletonMeta):
            def __init__(self):
                init_calls.append(1)
                self.ready = False
                time.sleep(0.05)  # 初始化很慢，放大竞态窗口
                self.ready = True

        results, errors, hung = race(lambda: Slow(), 16)
        self.assertEqual((errors, hung), ([], 0))
        self.assertEqual(len(init_calls), 1)
        self.assertEqual(len({id(obj) for obj in results}), 1)
        self.assertEqual([obj.ready for obj in results], [True] * 16)

    def test_each_class_and_subclass_has_its_own_instance(self):
        class Base(metaclass=SingletonMeta):
            pass

        class Child(Base):
            pass

        class Other(metaclass=SingletonMeta):
            pass

        base, child, other = call(lambda: (Base(), Child(), Other()))
        self.assertEqual(base is child, False)
        self.assertEqual(base is other, False)
        self.assertEqual(type(child).__name__, "Child")
        self.assertEqual(call(lambda: Child()) is child, True)
        self.assertEqual(call(lambda: Base()) is base, True)

    def test_failed_init_is_not_cached(self):
        attempts = []

        class Flaky(metaclass=SingletonMeta):
            def __init__(self):
                attempts.append(1)
                if len(attempts) == 1:
                    raise ConnectionError("第一次初始化失败")

        self.assertEqual(outcome(lambda: Flaky()), "ConnectionError")
        first = call(lambda: Flaky())  # 锁必须已经释放，否则这里会超时
        self.assertEqual(call(lambda: Flaky()) is first, True)
        self.assertEqual(len(attempts), 2)

    def test_a_singleton_can_create_another_singleton(self):
        class Database(metaclass=SingletonMeta):
            pass

        class Service(metaclass=SingletonMeta):
            def __init__(self):
                self.db = Database()  # 在持有 Service 的锁时获取另一个单例

        service = call(lambda: Service())
        self.assertEqual(service.db is call(lambda: Database()), True)


if __name__ == "__main__":
    unittest.main()
