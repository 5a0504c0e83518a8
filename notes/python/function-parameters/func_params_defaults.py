"""默认值只在 def 执行时求值一次；参数按“对象引用”传递。"""

# 1. 可变默认值陷阱：所有调用共享同一个列表
def add_bad(item, bucket=[]):
    bucket.append(item)
    return bucket


print(add_bad(1), add_bad(2))
print("shared default:", add_bad.__defaults__)


# 2. 修正：用 None 作哨兵，每次调用新建列表
def add_good(item, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(item)
    return bucket


print(add_good(1), add_good(2))

# 3. None 本身是合法值时，用一个独有的哨兵对象
_MISSING = object()


def lookup(mapping, key, default=_MISSING):
    if key in mapping:
        return mapping[key]
    if default is _MISSING:
        raise KeyError(key)
    return default


print(lookup({"a": 1}, "b", None))
try:
    lookup({"a": 1}, "b")
except KeyError as exc:
    print("no default ->", type(exc).__name__)

# 4. 默认值表达式在 def 那一刻求值，之后不会再算
calls = 0


def make_default():
    global calls
    calls += 1
    return calls


def stamp(value=make_default()):
    return value


print("def evaluated default", calls, "time(s); calls return", stamp(), stamp())


# 5. 传参是“传对象引用”：函数里修改对象，外面看得到；重新绑定形参，外面看不到
def mutate(items):
    items.append("x")


def rebind(items):
    items = ["new"]
    return items


data = ["a"]
mutate(data)
print("after mutate:", data)
rebind(data)
print("after rebind:", data)
