"""用有序列表模拟 InnoDB 的聚簇索引和二级索引，数一数"回表"的次数。

- 聚簇索引：按主键 id 排序，叶子里存整行；
- 二级索引 idx_name_age (name, age)：叶子里只存 (name, age, id)，要别的列必须拿 id 回表；
- 索引条件下推（ICP，MySQL 5.6+）：能用索引里的列判断的条件，先在索引上判断，再决定要不要回表。
"""
import bisect

SURNAMES = ["王", "李", "张", "刘", "陈"]
GIVEN = ["伟", "芳", "娜", "敏", "静", "强"]

# 聚簇索引：(id, 整行)，按 id 有序
clustered = []
for i in range(1, 601):
    name = SURNAMES[i % 5] + GIVEN[(i // 5) % 6]
    clustered.append((i, {"id": i, "name": name, "age": 18 + (i * 7) % 40, "city": "city%d" % (i % 4)}))
clustered_ids = [row_id for row_id, _ in clustered]

# 二级索引：(name, age, id)，按 (name, age, id) 有序
secondary = sorted((row["name"], row["age"], row_id) for row_id, row in clustered)

stats = {"index_entries": 0, "back_to_table": 0}


def fetch_row(row_id):
    """回表：拿主键到聚簇索引里再查一次，取整行。"""
    stats["back_to_table"] += 1
    i = bisect.bisect_left(clustered_ids, row_id)
    return clustered[i][1]


def scan_name_prefix(prefix):
    """在二级索引上定位到第一个 name >= prefix 的位置，顺着叶子往后扫，直到前缀不再匹配。"""
    i = bisect.bisect_left(secondary, (prefix,))
    while i < len(secondary) and secondary[i][0].startswith(prefix):
        stats["index_entries"] += 1
        yield secondary[i]
        i += 1


def reset():
    stats["index_entries"] = 0
    stats["back_to_table"] = 0


def report(title, rows):
    print("%-34s rows=%-3d index entries=%-3d back-to-table=%d"
          % (title, len(rows), stats["index_entries"], stats["back_to_table"]))


print("SELECT * FROM t WHERE name LIKE '张%' AND age = 27")

# MySQL 5.5 及以前：存储引擎只按 name 前缀取索引项，每一项都回表取整行，再由 Server 层判断 age
reset()
rows = []
for name, age, row_id in scan_name_prefix("张"):
    row = fetch_row(row_id)
    if row["age"] == 27:
        rows.append(row)
report("without ICP:", rows)

# MySQL 5.6+ 的 ICP：age 在索引里，先在索引项上判断，不满足的不回表
reset()
rows_icp = []
for name, age, row_id in scan_name_prefix("张"):
    if age == 27:
        rows_icp.append(fetch_row(row_id))
report("with ICP (Using index condition):", rows_icp)
print("same result:", rows == rows_icp)

print()
print("SELECT id, name, age FROM t WHERE name = '张伟'")
reset()
covered = [(row_id, name, age) for name, age, row_id in scan_name_prefix("张伟")]
report("covering index (Using index):", covered)
print("first three:", covered[:3])

print()
print("SELECT * FROM t WHERE id = 300")
reset()
print("clustered index lookup:", fetch_row(300))
print("lookups:", stats["back_to_table"], "(主键查询直接在聚簇索引叶子拿到整行)")
