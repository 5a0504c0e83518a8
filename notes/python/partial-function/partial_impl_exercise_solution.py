"""练习 Partial 的参考答案。"""


class Partial:
    """预先固定部分实参的可调用对象。"""

    def __init__(self, func, /, *args, **keywords):
        """保存 func、args、keywords；func 是 Partial 时展开成一层。"""
        if not callable(func):
            raise TypeError("Partial 的第一个参数必须可调用")
        if isinstance(func, Partial):
            args = func.args + args
            keywords = {**func.keywords, **keywords}   # 外层的覆盖内层的
            func = func.func
        self.func = func
        self.args = args
        self.keywords = keywords

    def __call__(self, /, *args, **keywords):
        """用“预设实参 + 本次实参”调用 func 并返回结果。"""
        # 合并成一个新字典，不要在 self.keywords 上 update
        merged = {**self.keywords, **keywords}
        return self.func(*self.args, *args, **merged)
