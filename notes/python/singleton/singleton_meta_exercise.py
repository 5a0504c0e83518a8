"""练习：实现线程安全的单例元类 SingletonMeta。

用法：
    class Config(metaclass=SingletonMeta):
        def __init__(self, env):
            self.env = env

    Config("prod") is Config("test")   # True，第二次的参数被忽略

要求：
- 每个使用 SingletonMeta 的类只创建一个实例，之后调用类都返回它；
- 多个线程同时第一次调用类时，也只创建一个实例，__init__ 只执行一次；
- 其他线程拿到的必须是 __init__ 已经执行完的对象；
- 每个类（包括子类）各有自己的实例，互不影响；
- __init__ 抛出异常时异常原样抛给调用方，不缓存半成品，下次调用重新创建；
- 一个单例的 __init__ 里可以去获取另一个单例，不能死锁。
"""
import threading


class SingletonMeta(type):
    """单例元类：调用类时返回这个类唯一的实例。"""

    def __call__(cls, *args, **kwargs):
        """第一次调用时创建并缓存实例（线程安全），之后直接返回缓存的实例。"""
        raise NotImplementedError("在这里实现 SingletonMeta.__call__")
