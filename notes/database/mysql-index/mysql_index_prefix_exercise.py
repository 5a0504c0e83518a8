"""练习：判断联合索引能用到哪几列（最左前缀），以及查询要不要回表。

用 MySQL InnoDB 的规则（不考虑 8.0.13 起的 skip scan 和优化器的成本选择）：

usable_prefix(index_columns, conditions)
- index_columns：联合索引的列，按定义顺序，例如 ["a", "b", "c"]；
- conditions：WHERE 里的条件，字典 {列名: 条件类型}，与书写顺序无关。条件类型是：
    "eq"       等值：=、IN、IS NULL
    "range"    范围：>、>=、<、<=、BETWEEN
    "prefix"   LIKE 'abc%'（前缀匹配，相当于一个范围）
    "suffix"   LIKE '%abc'（以通配符开头）
    "function" 对列做了函数运算或隐式类型转换，如 DATE(col) = ...
- 从索引第一列开始逐列检查：
    该列没有条件             -> 停止；
    "eq"                     -> 这一列能用，继续看下一列；
    "range" 或 "prefix"      -> 这一列能用，但后面的列都不能再用于定位，停止；
    "suffix" 或 "function"   -> 这一列用不上，停止。
- 返回能用于定位的列组成的列表（可能为空列表）。

needs_lookup(index_columns, primary_key, selected_columns)
- InnoDB 二级索引的叶子里存的是索引列的值加主键值；
- 如果 SELECT 的列全部能从二级索引里拿到（索引列或主键列），就是覆盖索引，不需要回表，返回 False；
- 否则返回 True。
"""


def usable_prefix(index_columns, conditions):
    """返回联合索引 index_columns 在条件 conditions 下能用于定位的列（按索引顺序的列表）。"""
    raise NotImplementedError("在这里实现 usable_prefix")


def needs_lookup(index_columns, primary_key, selected_columns):
    """走二级索引 index_columns 查询 selected_columns 时是否需要回表。"""
    raise NotImplementedError("在这里实现 needs_lookup")
