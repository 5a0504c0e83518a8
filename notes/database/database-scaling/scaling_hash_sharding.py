"""按 user_id 哈希分库：单分片查询、跨分片的分散-聚合、分页和平均值的坑，以及扩容要搬多少数据。

四个 sqlite3 内存数据库代表四个分片；另有一个"单库"作为对照，保存全部数据。
"""
import sqlite3
import zlib

SHARDS = 4
SCHEMA = "CREATE TABLE orders (order_id INTEGER PRIMARY KEY, user_id INTEGER, amount INTEGER, created INTEGER)"


def shard_of(user_id, shards=SHARDS):
    """确定性的哈希（不能用内置 hash()）：crc32 取模。"""
    return zlib.crc32(str(user_id).encode()) % shards


shards = [sqlite3.connect(":memory:") for _ in range(SHARDS)]
single = sqlite3.connect(":memory:")
for db in shards + [single]:
    db.execute(SCHEMA)

# 200 个订单，20 个用户；created 是下单时间（各不相同），amount 与用户有关（大客户金额大）
for order_id in range(1, 201):
    user_id = (order_id * 7) % 20 + 1
    row = (order_id, user_id, user_id * 10 + order_id % 7, 1000 + order_id * 3)
    shards[shard_of(user_id)].execute("INSERT INTO orders VALUES (?, ?, ?, ?)", row)
    single.execute("INSERT INTO orders VALUES (?, ?, ?, ?)", row)

print("rows per shard:", [db.execute("SELECT count(*) FROM orders").fetchone()[0] for db in shards])

print("== 带分片键的查询：只访问一个分片 ==")
uid = 7
rows = shards[shard_of(uid)].execute(
    "SELECT order_id FROM orders WHERE user_id = ? ORDER BY created", (uid,)).fetchall()
print("user 7 -> shard %d, orders %s" % (shard_of(uid), [r[0] for r in rows]))

print("== 不带分片键：分散到所有分片再聚合 ==")
PAGE, OFFSET = 5, 10
sql_page = "SELECT order_id, created FROM orders ORDER BY created DESC LIMIT ? OFFSET ?"
expected = single.execute(sql_page, (PAGE, OFFSET)).fetchall()

# 错误：每个分片各自 OFFSET 10 LIMIT 5，再合并取前 5
wrong = sorted((r for db in shards for r in db.execute(sql_page, (PAGE, OFFSET))),
               key=lambda r: -r[1])[:PAGE]
# 正确：每个分片取前 OFFSET + PAGE 条，合并排序后再跳过 OFFSET 条
top = [r for db in shards for r in db.execute(sql_page, (OFFSET + PAGE, 0))]
right = sorted(top, key=lambda r: -r[1])[OFFSET:OFFSET + PAGE]
print("page 3 (single db):     ", [r[0] for r in expected])
print("per-shard OFFSET (wrong):", [r[0] for r in wrong], wrong == expected)
print("fetch OFFSET+PAGE (right):", [r[0] for r in right], right == expected)
print("rows fetched for the right answer:", len(top), "= shards x (offset + page)")

# 基于游标的翻页：记住上一页最后一条的 created，每个分片只取 created < 它的前 PAGE 条
last_created = expected[-1][1]
cursor_sql = "SELECT order_id, created FROM orders WHERE created < ? ORDER BY created DESC LIMIT ?"
merged = sorted((r for db in shards for r in db.execute(cursor_sql, (last_created, PAGE))),
                key=lambda r: -r[1])[:PAGE]
print("next page by cursor:", [r[0] for r in merged],
      merged == single.execute(sql_page, (PAGE, OFFSET + PAGE)).fetchall())

print("== 聚合：平均值不能直接平均 ==")
per_shard = [db.execute("SELECT sum(amount), count(*) FROM orders").fetchone() for db in shards]
true_avg = single.execute("SELECT avg(amount) FROM orders").fetchone()[0]
avg_of_avgs = sum(s / c for s, c in per_shard) / len(per_shard)
combined = sum(s for s, _ in per_shard) / sum(c for _, c in per_shard)
print("true avg %.2f, avg of shard avgs %.2f, sum/count %.2f" % (true_avg, avg_of_avgs, combined))

print("== 扩容：取模分片要搬多少用户 ==")
users = range(1, 10001)
for new in (5, 8):
    moved = sum(1 for u in users if shard_of(u, SHARDS) != shard_of(u, new))
    print("%d -> %d shards: %.0f%% of users move" % (SHARDS, new, 100.0 * moved / len(users)))
