"""数据描述符与非数据描述符的查找优先级、__set_name__、property、classmethod 和 staticmethod。"""


class DataDesc:
    """定义了 __get__ 和 __set__：数据描述符，优先于实例字典。"""

    def __get__(self, obj, objtype=None):
        return "from data descriptor"

    def __set__(self, obj, value):
        print("  DataDesc.__set__ got", value)


class NonDataDesc:
    """只定义了 __get__：非数据描述符，实例字典里的同名属性会遮住它。"""

    def __get__(self, obj, objtype=None):
        return "from non-data descriptor"


class Demo:
    data = DataDesc()
    nondata = NonDataDesc()

    def method(self):
        return "method"


d = Demo()
d.data = 1                        # 走 DataDesc.__set__，不写入实例字典
d.__dict__["data"] = "in instance dict"
d.__dict__["nondata"] = "in instance dict"
print("data:", d.data)            # 数据描述符赢
print("nondata:", d.nondata)      # 实例字典赢
print("class access:", Demo.nondata)

# 函数是非数据描述符：通过实例访问得到绑定方法，实例字典可以遮住它
print("bound method:", type(d.method).__name__, d.method())
d.method = lambda: "shadowed"
print("after shadowing:", d.method())
print("function.__get__:", Demo.__dict__["method"].__get__(d, Demo)())


class Positive:
    """带校验的描述符：__set_name__ 在类创建时告诉它自己叫什么名字。"""

    def __set_name__(self, owner, name):
        print("  __set_name__:", owner.__name__, name)
        self.name = name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self               # 通过类访问时返回描述符本身
        return obj.__dict__[self.name]

    def __set__(self, obj, value):
        if value <= 0:
            raise ValueError(f"{self.name} must be positive")
        obj.__dict__[self.name] = value   # 数据描述符优先，存在同名实例字典项里也不会递归


print("define Order:")


class Order:
    qty = Positive()
    price = Positive()

    def __init__(self, qty, price):
        self.qty = qty
        self.price = price

    @property
    def total(self):
        return self.qty * self.price

    @classmethod
    def from_text(cls, text):
        qty, price = text.split("x")
        return cls(int(qty), int(price))

    @staticmethod
    def currency():
        return "CNY"


o = Order.from_text("3x5")
print("order:", o.qty, o.price, o.total, Order.currency(), o.currency())
try:
    o.qty = -1
except ValueError as exc:
    print("ValueError:", exc)
try:
    o.total = 1
except AttributeError:
    print("property without setter: AttributeError")
print("qty in instance dict:", o.__dict__)
print("Order.qty is a descriptor:", type(Order.qty).__name__)
print("property is a data descriptor:", hasattr(property, "__set__"))
