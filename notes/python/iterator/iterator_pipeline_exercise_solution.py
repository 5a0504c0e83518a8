"""练习“惰性的生成器流水线”的参考答案。"""


def read_lines(source):
    """逐行产出 source 中的文本：去掉首尾空白，跳过空行。"""
    for line in source:
        line = line.strip()
        if line:
            yield line


def parse_records(lines):
    """把每行 "名字, 分数" 解析成元组 (名字, 整数分数) 并逐个产出，跳过注释行。"""
    for line in lines:
        if line.startswith("#"):
            continue
        name, score = line.split(",", 1)
        yield name.strip(), int(score)


def filter_min(records, min_score):
    """只产出分数大于等于 min_score 的记录。"""
    return (record for record in records if record[1] >= min_score)


def batched(iterable, size):
    """把 iterable 切成长度为 size 的列表逐个产出，最后一批可以不满。"""
    # 外层是普通函数：参数检查在调用时立即执行。
    # 如果把检查写进生成器函数体，要到第一次 next() 才会执行。
    if size < 1:
        raise ValueError("size 至少为 1")
    return _batches(iter(iterable), size)


def _batches(iterator, size):
    batch = []
    for item in iterator:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def pipeline(source, min_score, size):
    """把四个步骤串成一条流水线，返回迭代器。"""
    return batched(filter_min(parse_records(read_lines(source)), min_score), size)
