"""练习“线程安全的单例元类”的参考答案。"""
import threading


class SingletonMeta(type):
    """单例元类：调用类时返回这个类唯一的实例。"""

    _instances = {}

    def __init__(cls, name, bases, namespace, **kwargs):
        super().__init__(name, bases, namespace, **kwargs)
        # 每个类（包括子类）在定义时就拿到自己的锁：
        # 锁的创建不存在竞争，不同类的创建也不会互相阻塞，
        # 一个单例的 __init__ 里再去获取另一个单例也不会死锁。
        cls._singleton_lock = threading.Lock()

    def __call__(cls, *args, **kwargs):
        """第一次调用时创建并缓存实例（线程安全），之后直接返回缓存的实例。"""
        instance = SingletonMeta._instances.get(cls)
        if instance is None:  # 第一次检查：已经创建就不用加锁
            with cls._singleton_lock:  # with 保证 __init__ 抛异常时锁也会释放
                instance = SingletonMeta._instances.get(cls)
                if instance is None:  # 第二次检查：等锁期间可能别的线程已经创建了
                    # __new__ 和 __init__ 都在锁里执行完，再放进缓存：
                    # 别的线程拿不到半成品，__init__ 失败时也不会缓存任何东西
                    instance = super().__call__(*args, **kwargs)
                    SingletonMeta._instances[cls] = instance
        return instance
