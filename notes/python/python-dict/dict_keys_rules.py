"""dict 的键规则、插入顺序、迭代时修改，以及 defaultdict / __missing__ / setdefault。"""
from collections import Counter, OrderedDict, defaultdict

# 1. 相等的键就是同一个键：保留第一次出现的键对象，值取最后一次
d = {1: "a", 1.0: "b", True: "c"}
print("equal keys      :", d)

# 2. 哪些对象可以做键：取决于能否 hash()
for key in ([1, 2], (1, [2]), (1, (2, 3)), frozenset([1]), {1: 2}):
    try:
        hash(key)
        verdict = "hashable"
    except TypeError as exc:
        verdict = type(exc).__name__
    print(f"{key!r:16}:", verdict)


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):          # 只定义 __eq__ 会让 __hash__ 变成 None
        return (self.x, self.y) == (other.x, other.y)


class HPoint(Point):
    def __hash__(self):               # 相等的对象必须有相同的哈希
        return hash((self.x, self.y))


print("Point.__hash__  :", Point.__hash__)
try:
    {Point(1, 2): "p"}
except TypeError as exc:
    print("Point as key    :", type(exc).__name__)
print("HPoint lookup   :", {HPoint(1, 2): "p"}[HPoint(1, 2)])

# 3. 插入顺序：更新值不改变位置，删除后再插入会排到末尾
d = {"b": 1, "a": 2, "c": 3}
d["b"] = 10
print("update keeps pos:", list(d))
del d["b"]
d["b"] = 20
print("re-insert -> end:", list(d))
print("order-blind ==  :", {"x": 1, "y": 2} == {"y": 2, "x": 1})
print("OrderedDict ==  :", OrderedDict(x=1, y=2) == OrderedDict(y=2, x=1))

# 4. 迭代时改变字典大小会报错；先拷贝键再改
try:
    for k in d:
        d[k + "!"] = 0
except RuntimeError as exc:
    print("grow while iter :", type(exc).__name__)
d = {"a": 1, "b": 2, "c": 3}
for k in list(d):
    if d[k] % 2:
        del d[k]
print("delete via list :", d)

# 5. 缺失键的几种处理方式
counts = {}
print("get default     :", counts.get("x", 0))
try:
    counts["x"]
except KeyError as exc:
    print("missing key     :", type(exc).__name__)

groups = defaultdict(list)
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups[word[0]].append(word)
print("defaultdict     :", dict(groups))

index = {}
for word in ["apple", "avocado", "banana"]:
    index.setdefault(word[0], []).append(word)
print("setdefault      :", index)


class ZeroDict(dict):
    def __missing__(self, key):       # d[key] 找不到时调用，get() 不会调用它
        return 0


z = ZeroDict(a=1)
print("__missing__     :", z["a"], z["nope"], z.get("nope"), "nope" in z)
print("Counter         :", Counter("abracadabra").most_common(3))

shared = dict.fromkeys(["x", "y"], [])
shared["x"].append(1)
print("fromkeys trap   :", shared)
