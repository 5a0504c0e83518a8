"""练习：实现 @retry(times, exceptions) 装饰器。

要求：
- retry(times, exceptions) 是装饰器工厂，返回一个装饰器；
- 被装饰的函数抛出 exceptions 中的异常时，立即重新调用它，最多一共调用 times 次；
- 某一次调用成功，就返回这次的结果；
- times 次都失败，把最后一次的异常原样抛给调用方；
- 不在 exceptions 里的异常不重试，直接抛出；
- 用 functools.wraps 保留原函数的 __name__ 和 __doc__。
"""
import functools


def retry(times, exceptions=(Exception,)):
    """返回一个装饰器：被装饰的函数最多调用 times 次，只在抛出 exceptions 中的异常时重试。"""
    raise NotImplementedError("在这里实现 retry")
