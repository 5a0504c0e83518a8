"""用 SQLite 的 EXPLAIN QUERY PLAN 观察：全表扫描、索引查找、覆盖索引、最左前缀和索引失效。

SQLite 不是 MySQL：计划的写法不同（没有 type / rows / Extra 这些列），
但"能不能用索引、要不要回表"的道理是一样的。
"""
import sqlite3

db = sqlite3.connect(":memory:")
db.executescript(
    """
    CREATE TABLE users (
        id    INTEGER PRIMARY KEY,   -- rowid 的别名：表本身就是按它排序的 B 树
        name  TEXT,
        age   INTEGER,
        city  TEXT,
        phone TEXT,                  -- 注意：手机号存成了文本
        bio   TEXT
    );
    CREATE INDEX idx_name_age_city ON users (name, age, city);
    CREATE INDEX idx_phone ON users (phone);
    """
)
db.executemany(
    "INSERT INTO users VALUES (?, ?, ?, ?, ?, ?)",
    [(i, "user%03d" % (i % 200), i % 60, "city%d" % (i % 7), "138%08d" % i, "...")
     for i in range(1, 2001)],
)


def plan(sql):
    """返回查询计划的文字（多行用 " / " 连接）。"""
    details = [row[3] for row in db.execute("EXPLAIN QUERY PLAN " + sql)]
    # 较早的 SQLite 写作 "SCAN TABLE users"，新版本是 "SCAN users"：统一成新写法
    return " / ".join(d.replace("TABLE ", "") for d in details)


def show(title, sql):
    print(title)
    print("   ", sql)
    print("    ->", plan(sql))


print("== 主键与全表扫描 ==")
show("按主键（rowid）查找", "SELECT * FROM users WHERE id = 42")
show("没有索引的列", "SELECT * FROM users WHERE bio = 'x'")

print("== 联合索引 (name, age, city) 与最左前缀 ==")
show("只用第一列", "SELECT * FROM users WHERE name = 'user001'")
show("前两列，WHERE 里的顺序无关", "SELECT * FROM users WHERE age = 1 AND name = 'user001'")
show("跳过中间列：city 用不上", "SELECT * FROM users WHERE name = 'user001' AND city = 'city1'")
show("范围条件之后的列用不上", "SELECT * FROM users WHERE name = 'user001' AND age > 10 AND city = 'city1'")
show("缺少第一列", "SELECT * FROM users WHERE age = 1 AND city = 'city1'")

print("== 覆盖索引：不回表 ==")
show("要的列都在索引里（id 就是 rowid）", "SELECT id, name, age FROM users WHERE name = 'user001'")
show("缺第一列，但扫描更小的索引就够了", "SELECT name, age FROM users WHERE age = 1")

print("== 索引失效 ==")
show("对列做函数运算", "SELECT * FROM users WHERE substr(name, 1, 5) = 'user0'")
show("以 % 开头的 LIKE", "SELECT * FROM users WHERE name LIKE '%001'")
show("OR 的一边没有索引", "SELECT * FROM users WHERE name = 'user001' OR bio = 'x'")
show("前缀匹配（GLOB 区分大小写，可以变成范围）", "SELECT * FROM users WHERE name GLOB 'user00*'")
show("文本列与数字比较（SQLite 先按列的类型亲和性转换常量）",
     "SELECT * FROM users WHERE phone = 13800000042")

print("== 排序 ==")
show("索引顺序正好满足 ORDER BY", "SELECT * FROM users WHERE name = 'user001' ORDER BY age")
show("需要额外排序（类似 MySQL 的 Using filesort）", "SELECT * FROM users WHERE name = 'user001' ORDER BY city")

print("== 结果一致性检查 ==")
n = db.execute("SELECT count(*) FROM users WHERE name = 'user001' AND age > 10").fetchone()[0]
print("name = 'user001' AND age > 10 ->", n, "rows")
print("phone = 13800000042 ->", db.execute("SELECT id FROM users WHERE phone = 13800000042").fetchall())
