"""真实的 WSGI 服务器：wsgiref 负责 HTTP，应用只管 environ 进、字节串出。

调用链：wsgiref 服务器 -> validator（检查双方是否遵守 PEP 3333）
        -> 中间件 -> 应用。
服务器只监听 127.0.0.1 的随机端口，客户端用 urllib 并绕过环境中的代理。
"""
import threading
import urllib.error
import urllib.request
from urllib.parse import parse_qs
from wsgiref.simple_server import WSGIRequestHandler, make_server
from wsgiref.validate import validator

LOG = []   # 中间件写的“访问日志”


def app(environ, start_response):
    if environ["PATH_INFO"] == "/boom":
        raise RuntimeError("bug in the application")
    name = parse_qs(environ["QUERY_STRING"]).get("name", ["stranger"])[0]
    body = ("Hello, %s! You sent %s %s" % (name, environ["REQUEST_METHOD"],
                                           environ["PATH_INFO"])).encode()
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
    return [body]


def middleware(wrapped_app):
    """中间件本身也是一个 WSGI 应用：它包住另一个应用，可以改请求、改响应、处理异常。"""
    def wrapper(environ, start_response):
        LOG.append("middleware saw %s %s" % (environ["REQUEST_METHOD"], environ["PATH_INFO"]))

        def start_response_with_header(status, headers, exc_info=None):
            LOG.append("app answered " + status)
            return start_response(status, headers + [("X-Powered-By", "tiny-middleware")], exc_info)

        try:
            return wrapped_app(environ, start_response_with_header)
        except Exception:
            # 把未捕获的异常变成 500 响应，而不是让服务器断开连接
            LOG.append("middleware caught an exception")
            body = b"internal error"
            start_response("500 Internal Server Error",
                           [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
            return [body]
    return wrapper


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):   # 不往 stderr 打印访问日志
        pass


def main():
    server = make_server("127.0.0.1", 0, validator(middleware(app)), handler_class=QuietHandler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    base = "http://127.0.0.1:%d" % server.server_port
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        for path in ("/hi?name=Bob", "/boom"):
            try:
                resp = opener.open(base + path)
            except urllib.error.HTTPError as err:   # 4xx/5xx 在 urllib 中以异常的形式出现
                resp = err
            with resp:
                print(resp.status, resp.reason, "|", resp.headers["Content-Type"],
                      "| X-Powered-By:", resp.headers["X-Powered-By"])
                print("   body:", resp.read().decode())
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
    print("middleware log:")
    for line in LOG:
        print("  ", line)


if __name__ == "__main__":
    main()
