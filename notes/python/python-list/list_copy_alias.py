"""list 的引用语义：别名、+= 与 +、嵌套列表陷阱、浅拷贝与深拷贝、排序。"""
import copy


def show(label, *values):
    print(f"{label:<13} ->", *values)


# 1. 赋值只是让另一个名字指向同一个列表（别名）
a = [1, 2, 3]
b = a
b += [4]            # += 调用 __iadd__，原地 extend，a 也跟着变
show("b += [4]", a, b is a)
b = b + [5]         # + 创建新列表，再把 b 重新绑定到新对象
show("b = b + [5]", a, b, b is a)

# 2. [[0] * 3] * 2 复制的是同一个内层列表的引用
grid = [[0] * 3] * 2
grid[0][0] = 1
show("[[0]*3]*2", grid, grid[0] is grid[1])
grid = [[0] * 3 for _ in range(2)]
grid[0][0] = 1
show("comprehension", grid, grid[0] is grid[1])

# 3. 浅拷贝只复制外层指针数组，深拷贝递归复制
outer = [[1, 2], [3, 4]]
shallow = outer.copy()          # 同 outer[:]、list(outer)、copy.copy(outer)
deep = copy.deepcopy(outer)
outer[0].append(99)
show("shallow", shallow, shallow[0] is outer[0])
show("deep", deep, deep[0] is outer[0])

# 4. sorted 返回新列表；list.sort 原地排序并返回 None；两者都稳定
people = [("bob", 25), ("alice", 30), ("carol", 25), ("dave", 30)]
show("sorted by age", sorted(people, key=lambda p: p[1]))
show("sort returns", people.sort(key=lambda p: p[0]), people[0])

# 5. 遍历时删除元素会跳过下一个元素
nums = [1, 2, 2, 3]
for n in nums:
    if n == 2:
        nums.remove(n)
show("remove in for", nums)
nums = [1, 2, 2, 3]
show("filter copy", [n for n in nums if n != 2])
