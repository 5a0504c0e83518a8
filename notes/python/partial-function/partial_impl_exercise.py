"""练习：自己实现一个与 functools.partial 行为相同的类 Partial。

要求：
- Partial(func, *args, **keywords) 保存三个属性：func（原函数）、args（元组）、keywords（字典）；
- func 不可调用时，在创建时就抛 TypeError；
- 调用 p(*more, **extra) 等价于 func(*args, *more, **{**keywords, **extra})：
  预设的位置实参在前，调用时的追加在后；调用时的关键字实参覆盖预设的；
- 调用不能修改 p.keywords，同一个 Partial 可以反复调用；
- func 本身是 Partial 时展开成一层：func 取内层的原函数，args 和 keywords 合并（外层的覆盖内层的）；
- 签名里的 / 让 func 和 self 成为仅限位置形参，所以被包装的函数可以有名为 func 或 self 的关键字形参。
"""


class Partial:
    """预先固定部分实参的可调用对象。"""

    def __init__(self, func, /, *args, **keywords):
        """保存 func、args、keywords；func 是 Partial 时展开成一层。"""
        raise NotImplementedError("在这里实现 __init__")

    def __call__(self, /, *args, **keywords):
        """用“预设实参 + 本次实参”调用 func 并返回结果。"""
        raise NotImplementedError("在这里实现 __call__")
