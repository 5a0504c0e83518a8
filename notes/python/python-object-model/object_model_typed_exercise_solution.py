"""练习 Typed 描述符的参考答案。"""

_MISSING = object()


class Typed:
    """带类型检查的字段描述符。"""

    def __init__(self, kind, default=_MISSING):
        """kind：允许的类型（或类型元组）；default：没赋值时读取到的值。"""
        self.kind = kind
        self.default = default
        self.name = None

    def __set_name__(self, owner, name):
        """类创建时被调用，name 是这个描述符在类里的属性名。"""
        self.name = name

    def __get__(self, obj, objtype=None):
        """obj 为 None 表示通过类访问。"""
        if obj is None:
            return self
        try:
            return obj.__dict__[self.name]
        except KeyError:
            if self.default is _MISSING:
                raise AttributeError(self.name) from None
            return self.default

    def __set__(self, obj, value):
        """检查类型后把值存进 obj.__dict__。"""
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name} 需要 {self.kind!r}，得到 {type(value).__name__}")
        # 数据描述符优先于实例字典，所以同名的键不会遮住描述符
        obj.__dict__[self.name] = value

    def __delete__(self, obj):
        """删除 obj 上已存的值。"""
        try:
            del obj.__dict__[self.name]
        except KeyError:
            raise AttributeError(self.name) from None
