"""面向过程代码里最常见的坑：函数偷偷读写全局变量。对比“显式传参、返回结果”的写法。"""

# ---------- 依赖全局状态的写法 ----------
tax_rate = 0.10
cart = []


def add_item(price):
    cart.append(price)            # 修改全局列表：调用者看不出来


def total():
    return round(sum(cart) * (1 + tax_rate), 2)   # 结果取决于“此刻”的全局变量


add_item(100)
add_item(50)
print("global total:", total())

tax_rate = 0.20                   # 程序别处改了一下税率……
print("same call, different result:", total())

add_item(10)                      # ……又有人往购物车里加了东西
print("and again:", total())


# ---------- 显式传参、返回新值的写法 ----------
def add_item_pure(items, price):
    return items + (price,)       # 不修改入参，返回新的元组


def total_pure(items, rate):
    return round(sum(items) * (1 + rate), 2)


items = add_item_pure(add_item_pure((), 100), 50)
print("pure total:", total_pure(items, 0.10))
print("pure total again:", total_pure(items, 0.10))
print("input unchanged:", items)
