"""练习：自己实现“实参绑定到形参”的规则 bind_arguments。

要求：
- bind_arguments(func, *args, **kwargs) 不调用 func，只返回“如果这样调用 func，每个形参会得到什么”；
- 用 inspect.signature(func).parameters 读出形参的名字、种类（kind）和默认值，
  但不要调用 Signature.bind / bind_partial，绑定规则要自己写；
- 返回一个字典：形参名 -> 值，按形参在签名中的顺序排列；
  没传的形参取默认值，*args 形参得到元组（可以为空），**kwargs 形参得到字典（可以为空）；
- 以下情况抛 TypeError：位置实参太多而没有 *args；同一个形参既按位置又按关键字赋值；
  关键字实参的名字不是任何可按关键字传的形参、又没有 **kwargs（仅限位置形参的名字也算）；
  有形参既没传值又没有默认值；
- 仅限位置形参的名字作为关键字实参出现、且有 **kwargs 时，它进入 **kwargs 的字典；
- func 是仅限位置形参，所以被绑定的函数自己也可以有一个叫 func 的形参。
"""
import inspect


def bind_arguments(func, /, *args, **kwargs):
    """按 Python 的规则把 args、kwargs 绑定到 func 的形参上，返回 {形参名: 值}。"""
    raise NotImplementedError("在这里实现 bind_arguments")
