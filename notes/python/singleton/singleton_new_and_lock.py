"""用 __new__ 实现单例，并用双重检查锁定保证多线程下也只创建一个实例。"""
import threading
import time


class Singleton:
    _instance = None
    _lock = threading.Lock()

    def __new__(cls, *args, **kwargs):
        if cls._instance is None:  # 第一次检查：已经创建就直接返回，不用加锁
            with cls._lock:
                if cls._instance is None:  # 第二次检查：等锁期间可能别的线程已经创建了
                    cls._instance = super().__new__(cls)  # 不要把 args 传给 object.__new__
        return cls._instance

    def __init__(self, value):
        self.value = value  # 注意：每次调用 Singleton(...) 都会再次执行 __init__


a = Singleton(1)
b = Singleton(2)
print("__new__ singleton:", a is b, a.value, b.value)


def count_distinct(objects):
    """按身份（is）统计有几个不同的对象。"""
    distinct = []
    for obj in objects:
        if not any(obj is seen for seen in distinct):
            distinct.append(obj)
    return len(distinct)


def run_threads(factory, n=8):
    """n 个线程同时调用 factory()，收集它们拿到的对象。"""
    barrier = threading.Barrier(n)
    results = []
    results_lock = threading.Lock()

    def worker():
        barrier.wait()  # 让所有线程尽量同时开始
        obj = factory()
        with results_lock:
            results.append(obj)

    threads = [threading.Thread(target=worker) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


class UnsafeSingleton:
    """没有锁：检查和创建之间有一个空档，多个线程可以同时通过检查。"""

    _instance = None

    def __new__(cls):
        if cls._instance is None:
            time.sleep(0.1)  # 模拟较慢的初始化，放大竞态窗口
            cls._instance = super().__new__(cls)
        return cls._instance


class SafeSingleton:
    _instance = None
    _lock = threading.Lock()

    def __new__(cls):
        if cls._instance is None:
            with cls._lock:
                if cls._instance is None:
                    time.sleep(0.1)  # 同样慢，但只有一个线程能进来创建
                    cls._instance = super().__new__(cls)
        return cls._instance


print("unsafe: more than one instance:", count_distinct(run_threads(UnsafeSingleton)) > 1)
print("safe: instances:", count_distinct(run_threads(SafeSingleton)))
