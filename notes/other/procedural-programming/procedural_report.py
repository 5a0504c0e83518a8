"""同一个成绩报表，用三种范式各写一遍：面向过程、面向对象、函数式。"""

RAW = """alice,90,80
bob,70,75
carol,88,95"""


# ---------- 1) 面向过程：自顶向下拆成几个函数，数据在函数之间传递 ----------
def parse(text):
    rows = []
    for line in text.splitlines():          # 顺序 + 迭代
        name, *scores = line.split(",")
        rows.append((name, [int(s) for s in scores]))
    return rows


def average(scores):
    return sum(scores) / len(scores)


def grade(avg):
    if avg >= 90:                            # 选择
        return "A"
    elif avg >= 80:
        return "B"
    return "C"


def report(rows):
    lines = []
    for name, scores in rows:
        avg = average(scores)
        lines.append(f"{name}: {avg:.1f} {grade(avg)}")
    return lines


def main():
    for line in report(parse(RAW)):
        print(line)


print("-- procedural --")
main()


# ---------- 2) 面向对象：数据和操作它的方法封装在一起 ----------
class Student:
    def __init__(self, name, scores):
        self.name = name
        self._scores = list(scores)

    @property
    def average(self):
        return sum(self._scores) / len(self._scores)

    def line(self):
        return f"{self.name}: {self.average:.1f} {grade(self.average)}"


print("-- object-oriented --")
for name, scores in parse(RAW):
    print(Student(name, scores).line())


# ---------- 3) 函数式：纯函数 + 不可变数据 + map/filter 组合 ----------
print("-- functional --")
pairs = tuple((n, average(s)) for n, s in parse(RAW))
print(*map(lambda p: f"{p[0]}: {p[1]:.1f} {grade(p[1])}", pairs), sep="\n")
good = tuple(n for n, avg in pairs if avg >= 80)
print("B or better:", ", ".join(good))
