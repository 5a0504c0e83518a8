"""记录每次调用的装饰器：*args/**kwargs 透传参数，functools.wraps 保留元数据。"""
import functools


def log_calls(func):
    """打印函数名、实参和返回值。"""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        result = func(*args, **kwargs)
        parts = [repr(a) for a in args]
        parts += [f"{k}={v!r}" for k, v in kwargs.items()]
        print(f"{func.__name__}({', '.join(parts)}) -> {result!r}")
        return result  # 别忘了把原函数的返回值交回去

    return wrapper


@log_calls
def add(a, b):
    # 这个文档字符串会原样打印出来（用来检查 wraps 是否保留了它），所以保留英文原文
    """Add two numbers."""
    return a + b


add(2, 3)
add(a=1, b=10)
print(add.__name__, add.__doc__)

# __wrapped__ 指向原函数：绕过装饰器直接调用，不会打印日志
print(add.__wrapped__(2, 3))


def bare(func):
    """没有使用 functools.wraps 的装饰器。"""

    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper


@bare
def sub(a, b):
    """从 a 中减去 b。"""
    return a - b


print(sub(5, 3), sub.__name__, sub.__doc__, hasattr(sub, "__wrapped__"))
