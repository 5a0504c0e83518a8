"""五种形参、实参的绑定规则、调用时的 * / ** 解包。"""
import inspect


def signup(user_id, /, name, *tags, admin=False, **extra):
    return f"user_id={user_id} name={name} tags={tags} admin={admin} extra={extra}"


# 1. inspect 能告诉我们每个形参属于哪一种
for param in inspect.signature(signup).parameters.values():
    print(f"{param.name:8} {param.kind.name}")

# 2. 合法的调用
print(signup(1, "ann"))
print(signup(2, name="bob"))
print(signup(3, "cat", "vip", "beta", admin=True, city="Paris"))

# 3. 调用时解包：* 展开位置实参，** 展开关键字实参
args = (4, "dan", "new")
opts = {"admin": True, "lang": "zh"}
print(signup(*args, **opts))
print(signup(*[5], *["eve"], **{"city": "Rome"}, lang="en"))


# 4. 违反规则的调用会抛 TypeError（只看异常类型）
def attempt(label, call):
    try:
        print(f"{label:26} -> {call()}")
    except TypeError as exc:
        print(f"{label:26} -> {type(exc).__name__}")


attempt("user_id passed by keyword", lambda: signup(user_id=1, name="x"))
attempt("name given twice", lambda: signup(1, "x", name="y"))
attempt("name missing", lambda: signup(1))
# 多出来的位置实参被 *tags 收走，admin 仍是默认值
attempt("True passed positionally", lambda: signup(1, "x", True))


# 5. 仅限位置形参的名字还可以出现在 **kwargs 里
def tag(name, /, **attrs):
    return name, attrs


print(tag("div", name="main"))


# 6. 仅限关键字形参可以没有默认值，即使排在有默认值的形参之后
def connect(host, port=5432, *, timeout, retries=3):
    return host, port, timeout, retries


print(connect("db", timeout=1.5))
