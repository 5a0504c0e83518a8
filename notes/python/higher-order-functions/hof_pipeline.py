"""内置高阶函数：map / filter / reduce / sorted(key=) / max(key=)。"""
from functools import reduce
from operator import add, itemgetter

nums = range(1, 11)

# 1. map 和 filter 返回惰性迭代器，只能消费一次
squares = map(lambda x: x * x, nums)
print(type(squares).__name__, list(squares), list(squares))
evens = filter(lambda x: x % 2 == 0, nums)
print(list(evens))
print(list(filter(None, [0, 1, "", "a", None, [], [2]])))   # None 表示按真假过滤
print(list(map(add, [1, 2, 3], [10, 20])))                  # 多个可迭代对象，按最短的停

# 2. 串成流水线：偶数 -> 平方 -> 求和
total = reduce(add, map(lambda x: x * x, filter(lambda x: x % 2 == 0, nums)))
print("pipeline:", total)
print("comprehension:", sum(x * x for x in nums if x % 2 == 0))

# 3. reduce：把序列“折叠”成一个值，initializer 是初始累加值
print(reduce(lambda acc, x: acc * x, range(1, 6)))            # 5! = 120
print(reduce(lambda acc, x: acc * 10 + x, [1, 3, 5, 7]))      # 1357
print(reduce(add, [], 0))
try:
    reduce(add, [])
except TypeError as exc:
    print("empty without initializer:", type(exc).__name__)

# 4. key 函数：sorted / min / max 先对每个元素算 key，再比较 key
people = [("bob", 25), ("alice", 30), ("carol", 25)]
print(sorted(people, key=itemgetter(1)))
print(sorted(people, key=lambda p: (-p[1], p[0])))             # 年龄降序，名字升序
print(max(people, key=itemgetter(1)), min(people, key=itemgetter(1)))  # 并列时取第一个
print(sorted(["bob", "alice", "Carol"]), sorted(["bob", "alice", "Carol"], key=str.lower))
