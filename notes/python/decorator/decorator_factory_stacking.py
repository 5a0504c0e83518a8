"""带参数的装饰器（装饰器工厂）与多个装饰器的叠加顺序。"""
import functools


def retry(times=3, exceptions=(Exception,)):
    """工厂：先接收配置，再返回真正的装饰器。"""

    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            for attempt in range(1, times + 1):
                try:
                    return func(*args, **kwargs)
                except exceptions as exc:
                    print(f"attempt {attempt} failed: {type(exc).__name__}")
                    if attempt == times:
                        raise  # 次数用完，把最后一次的异常原样抛出

        return wrapper

    return decorator


calls = 0


@retry(times=3, exceptions=(ConnectionError,))
def flaky():
    """前两次失败，第三次成功。"""
    global calls
    calls += 1
    if calls < 3:
        raise ConnectionError("temporary failure")
    return "ok"


print(flaky(), "after", calls, "calls")


@retry(times=2)
def always_fails():
    raise ValueError("bad input")


try:
    always_fails()
except ValueError:
    print("gave up: ValueError")

print("--- stacking ---")


def tag(name):
    print(f"make tag({name!r})")  # 工厂调用：自上而下求值

    def decorator(func):
        print(f"apply tag({name!r}) to {func.__name__}")  # 装饰：自下而上应用

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            return f"<{name}>{func(*args, **kwargs)}</{name}>"

        return wrapper

    return decorator


@tag("b")
@tag("i")
def hello(who):
    return f"hi {who}"


print(hello("bob"))
