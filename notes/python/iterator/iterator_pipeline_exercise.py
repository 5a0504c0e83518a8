"""练习：用生成器写一条惰性的数据处理流水线。

输入是若干行文本（比如打开的文件对象），每行形如 "alice, 90"：
    读行 read_lines → 解析 parse_records → 过滤 filter_min → 分批 batched

要求：
- 每一步都是惰性的：只在下游真正需要时才从上游取数据，不能先把全部数据读进列表；
- 因此整条流水线也能处理无穷的输入；
- pipeline() 把四步串起来，返回一个迭代器（不是列表）。
"""


def read_lines(source):
    """逐行产出 source 中的文本：去掉首尾空白，跳过空行。

    source 是任意可迭代的字符串序列（文件对象、列表、生成器……）。
    """
    raise NotImplementedError("在这里实现 read_lines")


def parse_records(lines):
    """把每行 "名字, 分数" 解析成元组 (名字, 整数分数) 并逐个产出。

    以 "#" 开头的行是注释，跳过；名字和分数两边的空白要去掉。
    """
    raise NotImplementedError("在这里实现 parse_records")


def filter_min(records, min_score):
    """只产出分数大于等于 min_score 的记录。"""
    raise NotImplementedError("在这里实现 filter_min")


def batched(iterable, size):
    """把 iterable 按顺序切成长度为 size 的列表逐个产出，最后一批可以不满。

    size 小于 1 时，调用 batched(...) 的那一刻就要抛出 ValueError，
    而不是等到第一次 next() 才抛出。
    """
    raise NotImplementedError("在这里实现 batched")


def pipeline(source, min_score, size):
    """把 read_lines、parse_records、filter_min、batched 串成一条流水线，返回迭代器。"""
    raise NotImplementedError("在这里实现 pipeline")
