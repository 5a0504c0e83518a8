"""函数是一等对象：存进容器、作为参数、作为返回值。"""


def inc(x):
    return x + 1


def double(x):
    return x * 2


# 1. 函数可以赋值给变量、放进字典，像普通数据一样传来传去
ops = {"inc": inc, "double": double, "neg": lambda x: -x}
print([name for name in ops], [ops[name](5) for name in ops])
alias = double
print(alias is double, alias.__name__, ops["neg"].__name__)


# 2. 接收函数作参数
def apply_twice(func, x):
    return func(func(x))


print(apply_twice(inc, 5), apply_twice(double, 5))


# 3. 返回函数：compose(f, g)(x) == f(g(x))
def compose(*funcs):
    def composed(x):
        for func in reversed(funcs):
            x = func(x)
        return x
    return composed


print(compose(inc, double)(5), compose(double, inc)(5))
pipeline = compose(str, inc, double)
print(repr(pipeline(20)))


# 4. 返回的函数记住了创建时的参数（这就是闭包）
def make_scaler(factor):
    def scale(x):
        return x * factor
    return scale


triple = make_scaler(3)
print(triple(7), [make_scaler(k)(10) for k in (1, 2, 3)])
