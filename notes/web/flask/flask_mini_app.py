"""只用标准库写的迷你 Flask（一个模拟，不是真正的 Flask）。

它从 Flask 照搬了这几点：
- @app.route(rule, methods=...) 在模块被导入时就把视图登记到 URL 映射里；
  在请求到来之前，视图一行都不会执行。
- 规则里可以带转换器，例如 <int:user_id>。
- 路径存在但方法不对返回 405，路径不存在返回 404。
- 应用对象是一个 WSGI 可调用对象：app(environ, start_response)。
"""
import json
import re
import threading
import urllib.request
from wsgiref.simple_server import WSGIRequestHandler, make_server
from wsgiref.util import setup_testing_defaults

CONVERTERS = {"string": r"[^/]+", "int": r"\d+", "path": r".+"}
REASONS = {200: "OK", 201: "CREATED", 404: "NOT FOUND", 405: "METHOD NOT ALLOWED"}


class MiniFlask:
    def __init__(self, import_name):
        self.import_name = import_name
        self.url_map = []   # (规则, 正则, 转换器, 允许的方法, 视图)

    def route(self, rule, methods=("GET",)):
        def decorator(view):
            self.add_url_rule(rule, view, methods)
            return view                      # 原样返回函数本身，不做包装
        return decorator

    def add_url_rule(self, rule, view, methods):
        converters = {}

        def to_regex(match):
            conv, name = match.group(1) or "string", match.group(2)
            converters[name] = int if conv == "int" else str
            return f"(?P<{name}>{CONVERTERS[conv]})"

        regex = re.compile(re.sub(r"<(?:(\w+):)?(\w+)>", to_regex, rule) + r"\Z")
        self.url_map.append((rule, regex, converters, tuple(methods), view))

    def dispatch(self, method, path):
        allowed = []
        for rule, regex, converters, methods, view in self.url_map:
            m = regex.match(path)
            if not m:
                continue
            if method not in methods:
                allowed.extend(methods)
                continue
            kwargs = {k: converters[k](v) for k, v in m.groupdict().items()}
            return view(**kwargs)
        if allowed:
            return "Method Not Allowed", 405, {"Allow": ", ".join(allowed)}
        return "Not Found", 404

    def make_response(self, rv):
        if not isinstance(rv, tuple):
            rv = (rv,)
        body = rv[0]                                   # Flask 接受 body、
        status = rv[1] if len(rv) > 1 else 200         # (body, status) 或
        headers = rv[2] if len(rv) > 2 else {}         # (body, status, headers)
        if isinstance(body, dict):            # Flask 也会把 dict 转成 JSON
            body, ctype = json.dumps(body), "application/json"
        else:
            ctype = "text/plain; charset=utf-8"
        header_list = [("Content-Type", ctype)] + list(headers.items())
        return f"{status} {REASONS[status]}", header_list, body.encode("utf-8")

    def wsgi_app(self, environ, start_response):
        rv = self.dispatch(environ["REQUEST_METHOD"], environ["PATH_INFO"])
        status, headers, body = self.make_response(rv)
        start_response(status, headers)
        return [body]

    def __call__(self, environ, start_response):     # WSGI 入口
        return self.wsgi_app(environ, start_response)


app = MiniFlask(__name__)
USERS = {1: "alice", 2: "bob"}


@app.route("/")
def index():
    return "Hello from miniflask"


@app.route("/users/<int:user_id>")
def get_user(user_id):
    if user_id not in USERS:
        return {"error": "no such user"}, 404
    return {"id": user_id, "name": USERS[user_id]}


@app.route("/users", methods=["POST"])
def create_user():
    USERS[3] = "carol"
    return {"id": 3, "name": "carol"}, 201


print(f"registered at import time: {len(app.url_map)} rules")


def call(method, path):
    """像 WSGI 服务器或测试客户端那样，直接调用这个 WSGI 应用。"""
    environ = {"REQUEST_METHOD": method, "PATH_INFO": path}
    setup_testing_defaults(environ)
    seen = {}

    def start_response(status, headers):
        seen["status"], seen["headers"] = status, dict(headers)

    body = b"".join(app(environ, start_response)).decode()
    extra = f" (Allow: {seen['headers']['Allow']})" if "Allow" in seen["headers"] else ""
    print(f"{method:6} {path:12} -> {seen['status']}{extra} | {body}")


for method, path in [("GET", "/"), ("GET", "/users/1"), ("GET", "/users/abc"),
                     ("GET", "/users/7"), ("POST", "/users"), ("DELETE", "/"),
                     ("GET", "/missing")]:
    call(method, path)


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):   # 不打印访问日志，保持 stdout/stderr 干净
        pass


server = make_server("127.0.0.1", 0, app, handler_class=QuietHandler)
thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
thread.start()
try:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    url = f"http://127.0.0.1:{server.server_port}/users/2"
    with opener.open(url, timeout=5) as resp:
        print("over real HTTP via wsgiref:", resp.status, resp.read().decode())
finally:
    server.shutdown()
    server.server_close()
    thread.join()

print("url map:")
for rule, _, _, methods, view in app.url_map:
    print(f"  {rule:22} {','.join(methods):5} -> {view.__name__}")
