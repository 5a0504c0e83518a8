"""装饰器不一定返回包装函数：注册型装饰器、类实现的装饰器、装饰方法和装饰类。"""
import functools

HANDLERS = {}


def register(name):
    """把函数登记到表里，然后原样返回（不做包装）。"""

    def decorator(func):
        print(f"register {name!r} -> {func.__name__}")
        HANDLERS[name] = func
        return func

    return decorator


print("before definition")


@register("greet")
def greet(who):
    return f"hello {who}"


print("after definition")
print(HANDLERS["greet"]("ann"), HANDLERS["greet"] is greet)


class CountCalls:
    """用类实现的装饰器：实例保存状态，__call__ 转发调用。"""

    def __init__(self, func):
        functools.update_wrapper(self, func)
        self.func = func
        self.calls = 0

    def __call__(self, *args, **kwargs):
        self.calls += 1
        return self.func(*args, **kwargs)


@CountCalls
def square(x):
    return x * x


print(square(3), square(4), square.calls, square.__name__, type(square).__name__)


def trace(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        # 装饰方法时，args[0] 就是 self
        print(f"call {func.__qualname__} with {args[1:]}")
        return func(*args, **kwargs)

    return wrapper


class Account:
    def __init__(self, balance):
        self.balance = balance

    @trace
    def deposit(self, amount):
        self.balance += amount
        return self.balance


print(Account(100).deposit(50))


def add_repr(cls):
    """类装饰器：接收类，给它加一个 __repr__，再把同一个类返回。"""

    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{cls.__name__}({fields})"

    cls.__repr__ = __repr__
    return cls


@add_repr
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


print(Point(1, 2), type(Point).__name__)
