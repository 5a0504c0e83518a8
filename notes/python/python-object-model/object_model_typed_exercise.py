"""练习：用描述符实现带类型检查的字段 Typed。

用法：
    class Point:
        x = Typed(int)
        y = Typed(int, default=0)

要求：
- Typed 是数据描述符（实现 __get__、__set__、__delete__），用 __set_name__ 记住字段名，存到 self.name；
- 通过类访问（Point.x）时返回描述符本身；
- 赋值时如果 isinstance(value, kind) 不成立，抛出 TypeError，原来的值保持不变；
- 值存在实例的 __dict__ 里，键就是字段名（不同实例互不影响）；
- 读取还没赋值的字段：有 default 就返回 default，否则抛出 AttributeError；
- del 实例的字段会删掉已存的值（之后读取又回到上一条规则）；没有值可删时抛出 AttributeError。
"""

_MISSING = object()


class Typed:
    """带类型检查的字段描述符。"""

    def __init__(self, kind, default=_MISSING):
        """kind：允许的类型（或类型元组）；default：没赋值时读取到的值。"""
        raise NotImplementedError("在这里实现 __init__")

    def __set_name__(self, owner, name):
        """类创建时被调用，name 是这个描述符在类里的属性名。"""
        raise NotImplementedError("在这里实现 __set_name__")

    def __get__(self, obj, objtype=None):
        """obj 为 None 表示通过类访问。"""
        raise NotImplementedError("在这里实现 __get__")

    def __set__(self, obj, value):
        """检查类型后把值存进 obj.__dict__。"""
        raise NotImplementedError("在这里实现 __set__")

    def __delete__(self, obj):
        """删除 obj 上已存的值。"""
        raise NotImplementedError("在这里实现 __delete__")
