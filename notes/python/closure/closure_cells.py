"""闭包的内部结构：自由变量、cell 对象、nonlocal、共享的 cell。"""

# 1. 工厂函数返回内层函数，内层函数带着外层的变量 n
def make_multiplier(n):
    def multiply(x):
        return x * n
    return multiply


times3 = make_multiplier(3)          # make_multiplier 的栈帧已经结束
print(times3(5), times3.__code__.co_freevars, times3.__closure__[0].cell_contents)
print(make_multiplier.__code__.co_cellvars)

# 2. 只引用全局变量的函数不是闭包
RATE = 0.1


def tax(amount):
    return amount * RATE


print("global only:", tax.__closure__)


# 3. nonlocal 让内层函数可以重新绑定外层变量
def make_counter():
    count = 0

    def inc():
        nonlocal count
        count += 1
        return count
    return inc


c1, c2 = make_counter(), make_counter()
print(c1(), c1(), c1(), "|", c2())    # 每次调用工厂都会得到新的 cell


# 4. 同一次调用里创建的多个内层函数共享同一个 cell
def make_account(balance):
    def deposit(amount):
        nonlocal balance
        balance += amount
        return balance

    def get_balance():
        return balance
    return deposit, get_balance


deposit, get_balance = make_account(100)
deposit(50)
print(get_balance(), deposit.__closure__[0] is get_balance.__closure__[0])


# 5. 只修改可变对象的内容（不重新绑定名字）时不需要 nonlocal
def make_logger():
    lines = []

    def log(msg):
        lines.append(msg)
        return len(lines)
    return log


log = make_logger()
log("a")
print(log("b"), log.__closure__[0].cell_contents)
