"""B+ 树：估算 InnoDB 一棵三层的树能放多少行，再用一棵小 B+ 树演示范围查询沿叶子链表扫描。"""
import bisect
import math

# ---- 1. 容量估算（粗略：忽略页头、页目录和填充因子） ----
PAGE = 16 * 1024          # InnoDB 默认页大小 16KB（innodb_page_size）
KEY, POINTER = 8, 6       # BIGINT 主键 8 字节 + 指向子页的指针约 6 字节
ROW = 1024                # 假设一行 1KB

fanout = PAGE // (KEY + POINTER)    # 非叶子页能放多少个 "键 + 指针"
rows_per_leaf = PAGE // ROW         # 叶子页能放多少行
print("B+ tree fan-out per internal page:", fanout)
print("rows per leaf page:", rows_per_leaf)
for height in (1, 2, 3, 4):
    print("height %d -> up to %s rows" % (height, format(fanout ** (height - 1) * rows_per_leaf, ",")))

n = fanout ** 2 * rows_per_leaf
# 对比：如果非叶子节点也存整行（B 树），每页只能放约 16 个"行 + 指针"，树就高得多
b_tree_height = math.ceil(math.log(n, rows_per_leaf))
binary_height = math.ceil(math.log2(n))
print("for %s rows: B+ tree 3 levels, B tree ~%d levels, binary tree ~%d levels"
      % (format(n, ","), b_tree_height, binary_height))

# ---- 2. 一棵小 B+ 树：每个节点最多 4 个键 ----
ORDER = 4


class Leaf:
    def __init__(self, keys):
        self.keys = keys
        self.next = None          # 叶子之间的链表指针


class Internal:
    def __init__(self, keys, children):
        self.keys = keys          # keys[i] = children[i + 1] 里的最小键
        self.children = children


def build(sorted_keys):
    """自底向上批量建树（bulk load）：先切叶子并串成链表，再一层层往上建。"""
    leaves = [Leaf(sorted_keys[i:i + ORDER]) for i in range(0, len(sorted_keys), ORDER)]
    for a, b in zip(leaves, leaves[1:]):
        a.next = b
    level, mins = leaves, [leaf.keys[0] for leaf in leaves]
    height = 1
    while len(level) > 1:
        parents, parent_mins = [], []
        for i in range(0, len(level), ORDER):
            group, group_mins = level[i:i + ORDER], mins[i:i + ORDER]
            parents.append(Internal(group_mins[1:], group))
            parent_mins.append(group_mins[0])
        level, mins = parents, parent_mins
        height += 1
    return level[0], height


def range_scan(root, low, high):
    """从根下降到 low 所在的叶子（每层一次二分），然后只沿 next 指针向右扫。"""
    visited = []
    node = root
    while isinstance(node, Internal):
        visited.append("I")
        node = node.children[bisect.bisect_right(node.keys, low)]
    result = []
    while node is not None:
        visited.append("L")
        for key in node.keys:
            if key > high:
                return result, visited
            if key >= low:
                result.append(key)
        node = node.next
    return result, visited


root, height = build(list(range(10, 410, 10)))   # 40 个键：10, 20, ..., 400
print()
print("40 keys, %d per node -> height %d" % (ORDER, height))
keys, visited = range_scan(root, 125, 215)
print("WHERE k BETWEEN 125 AND 215 ->", keys)
print("nodes visited:", "".join(visited), "(I = internal, L = leaf)")
keys, visited = range_scan(root, 400, 999)
print("WHERE k >= 400 ->", keys, "visited:", "".join(visited))
