"""练习 @retry(times, exceptions) 的参考答案。"""
import functools


def retry(times, exceptions=(Exception,)):
    """返回一个装饰器：被装饰的函数最多调用 times 次，只在抛出 exceptions 中的异常时重试。"""
    if times < 1:
        raise ValueError("times 至少为 1")

    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            for attempt in range(1, times + 1):
                try:
                    return func(*args, **kwargs)
                except exceptions:
                    # 最后一次也失败：把这次的异常原样抛出
                    if attempt == times:
                        raise
        return wrapper

    return decorator
