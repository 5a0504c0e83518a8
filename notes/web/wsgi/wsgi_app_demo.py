"""一个最小的 WSGI 应用，不启动服务器，直接像 WSGI 服务器那样调用它。

WSGI 服务器做的事情其实就是：把 HTTP 请求解析成 environ 字典，
调用 app(environ, start_response)，再把返回的字节串拼成 HTTP 响应发出去。
"""
import io
from urllib.parse import parse_qs
from wsgiref.util import setup_testing_defaults


def app(environ, start_response):
    method = environ["REQUEST_METHOD"]
    path = environ["PATH_INFO"]
    if path == "/greet":
        name = parse_qs(environ["QUERY_STRING"]).get("name", ["stranger"])[0]
        body = "Hello, %s! You sent %s %s" % (name, method, path)
        status = "200 OK"
    elif path == "/echo" and method == "POST":
        # 请求体不在 environ 的普通键里，要从 wsgi.input 这个类文件对象中读，
        # 最多读 CONTENT_LENGTH 个字节
        length = int(environ.get("CONTENT_LENGTH") or 0)
        data = environ["wsgi.input"].read(length).decode()
        body = "echo: %s (%d bytes, %s)" % (data, length, environ["CONTENT_TYPE"])
        status = "200 OK"
    else:
        body = "not found: " + path
        status = "404 Not Found"
    payload = body.encode("utf-8")
    start_response(status, [("Content-Type", "text/plain; charset=utf-8"),
                            ("Content-Length", str(len(payload)))])
    return [payload]                    # 必须返回“字节串的可迭代对象”


def call(method, path, query="", body=b"", content_type=""):
    """扮演 WSGI 服务器：准备 environ、提供 start_response、收集响应体。"""
    environ = {"REQUEST_METHOD": method, "SCRIPT_NAME": "", "PATH_INFO": path,
               "QUERY_STRING": query,
               "CONTENT_LENGTH": str(len(body)), "CONTENT_TYPE": content_type,
               "wsgi.input": io.BytesIO(body)}
    setup_testing_defaults(environ)      # 补齐 SERVER_NAME、wsgi.version 等必需的键
    captured = {}

    def start_response(status, headers, exc_info=None):
        captured["status"], captured["headers"] = status, headers

    result = app(environ, start_response)
    try:
        body = b"".join(result)
    finally:
        if hasattr(result, "close"):     # 规范要求：返回值有 close() 就必须调用
            result.close()
    print("%s %s%s -> %s" % (method, path, "?" + query if query else "", captured["status"]))
    print("   headers:", captured["headers"])
    print("   body:", body.decode())
    return environ


def main():
    env = call("GET", "/greet", "name=Ada")
    for key in ("SERVER_NAME", "SERVER_PROTOCOL", "SCRIPT_NAME", "wsgi.url_scheme", "wsgi.version"):
        print("   environ[%r] = %r" % (key, env[key]))
    call("POST", "/echo", body=b"x=1&y=2", content_type="application/x-www-form-urlencoded")
    call("GET", "/missing")


if __name__ == "__main__":
    main()
