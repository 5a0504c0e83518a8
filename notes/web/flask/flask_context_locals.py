"""Flask 里看起来像全局变量的 `request` 和 `g` 是怎么工作的：上下文局部代理。

这里用 contextvars 模拟（新版 Flask/Werkzeug 本身也建立在 contextvars 之上）。
每个请求都会推入自己的上下文，所以两个线程同时处理的两个请求永远看不到对方的数据，
尽管视图函数读的是同一个模块级名字 `request`。
"""
import contextvars
import threading

_cv_request = contextvars.ContextVar("request")
_cv_g = contextvars.ContextVar("g")


class LocalProxy:
    """把属性访问转发给上下文变量此刻保存的那个对象。"""

    def __init__(self, var, what):
        object.__setattr__(self, "_var", var)
        object.__setattr__(self, "_what", what)

    def _get(self):
        try:
            return self._var.get()
        except LookupError:
            raise RuntimeError(f"Working outside of {self._what} context.") from None

    def __getattr__(self, name):
        return getattr(self._get(), name)

    def __setattr__(self, name, value):
        setattr(self._get(), name, value)


request = LocalProxy(_cv_request, "request")
g = LocalProxy(_cv_g, "application")


class Request:
    def __init__(self, path, args):
        self.path, self.args = path, args


class Namespace:
    pass


class App:
    def __init__(self):
        self.before, self.after, self.teardown = [], [], []
        self.log = []

    def before_request(self, f):
        self.before.append(f)
        return f

    def after_request(self, f):
        self.after.append(f)
        return f

    def teardown_request(self, f):
        self.teardown.append(f)
        return f

    def handle(self, path, args, view):
        # “推入”上下文：每个请求都得到一个新的 request 对象和新的 g
        tokens = (_cv_request.set(Request(path, args)), _cv_g.set(Namespace()))
        try:
            rv = None
            for f in self.before:
                rv = f()
                if rv is not None:          # 钩子可以提前给出响应，跳过视图
                    break
            if rv is None:
                rv = view()
            for f in reversed(self.after):  # after_request 钩子按注册的逆序执行
                rv = f(rv)
            return rv
        finally:
            for f in reversed(self.teardown):
                f()
            _cv_g.reset(tokens[1])          # “弹出”上下文
            _cv_request.reset(tokens[0])


app = App()


@app.before_request
def load_user():
    g.user = request.args.get("user")
    if g.user is None:
        return "401 please log in"


@app.after_request
def add_footer(response):
    return response + " [served]"


@app.teardown_request
def close_db():
    app.log.append(f"teardown {request.path}")


def profile():                      # 视图读取“全局的” request 和 g
    return f"200 {g.user} is viewing {request.path}"


print(app.handle("/me", {"user": "ada"}, profile))
print(app.handle("/me", {}, profile))
print("teardown log:", app.log)

# 两个线程同时处理两个请求：每个线程只能看到自己的请求。
barrier = threading.Barrier(2)
results = {}


def slow_view():
    barrier.wait()                  # 此时两个请求都已进入各自的视图
    return f"200 {g.user} is viewing {request.path}"


def worker(name, path):
    results[name] = app.handle(path, {"user": name}, slow_view)


threads = [threading.Thread(target=worker, args=("ada", "/a")),
           threading.Thread(target=worker, args=("bob", "/b"))]
for t in threads:
    t.start()
for t in threads:
    t.join()
for name in sorted(results):
    print(f"thread {name}: {results[name]}")

try:
    request.path                    # 这里没有正在处理的请求
except RuntimeError as exc:
    print("outside a request:", type(exc).__name__, "-", exc)
