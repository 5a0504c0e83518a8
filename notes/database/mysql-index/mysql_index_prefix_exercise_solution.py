"""练习"最左前缀与回表"的参考答案。"""

EQUALITY = {"eq"}
RANGE = {"range", "prefix"}


def usable_prefix(index_columns, conditions):
    """返回联合索引 index_columns 在条件 conditions 下能用于定位的列（按索引顺序的列表）。"""
    used = []
    for column in index_columns:
        kind = conditions.get(column)
        if kind in EQUALITY:
            used.append(column)
            continue
        if kind in RANGE:
            used.append(column)   # 范围列本身能用，但它后面的列在索引里不再有序
        break                     # 没有条件、以 % 开头的 LIKE、函数：到此为止
    return used


def needs_lookup(index_columns, primary_key, selected_columns):
    """走二级索引 index_columns 查询 selected_columns 时是否需要回表。"""
    available = set(index_columns) | set(primary_key)
    return not set(selected_columns) <= available
