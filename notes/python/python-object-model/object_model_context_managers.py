"""with 语句：__enter__/__exit__、返回 True 吞掉异常、contextlib.contextmanager 与 ExitStack。"""
import contextlib


class Tracer:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print(f"  enter {self.name}")
        return self.name.upper()          # 这个返回值绑定到 as 后面的名字

    def __exit__(self, exc_type, exc, tb):
        kind = exc_type.__name__ if exc_type else None
        print(f"  exit {self.name}, exception: {kind}")
        return self.suppress              # 真值：异常到此为止；假值：继续向外传播


print("1. normal exit")
with Tracer("a") as value:
    print("  body got", value)

print("2. exception propagates")
try:
    with Tracer("b"):
        raise KeyError("k")
except KeyError:
    print("  caught KeyError outside")

print("3. __exit__ returns True")
with Tracer("c", suppress=True):
    raise ValueError("swallowed")
print("  after with: no exception")

print("4. nested managers exit in reverse order")
with Tracer("outer"), Tracer("inner"):
    print("  body")


@contextlib.contextmanager
def tag(name):
    print(f"  <{name}>")
    try:
        yield name                          # yield 之前是 __enter__，之后是 __exit__
    except ZeroDivisionError:
        print(f"  {name} handled ZeroDivisionError")   # 不再抛出：相当于返回 True
    finally:
        print(f"  </{name}>")


print("5. contextlib.contextmanager")
with tag("p") as t:
    print("  inside", t)
with tag("q"):
    1 / 0
print("  after q: no exception")

print("6. ExitStack closes a variable number of resources")
with contextlib.ExitStack() as stack:
    names = [stack.enter_context(Tracer(n)) for n in ("x", "y", "z")]
    print("  opened", names)

print("7. contextlib.suppress")
with contextlib.suppress(FileNotFoundError):
    open("no-such-file.txt")
print("  suppressed FileNotFoundError")
