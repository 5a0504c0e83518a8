"""GET 与 POST：参数放在哪里、服务端看到什么，以及 POST 之后用 303 重定向（PRG 模式）。

本机 127.0.0.1 上起一个 http.server，客户端用 urllib（绕过环境中的代理）发请求。
"""
import json
import threading
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, HTTPServer

SEEN = []  # 服务端按顺序记录收到的 "方法 路径"


class Handler(BaseHTTPRequestHandler):
    def log_message(self, format, *args):   # 不打印默认的访问日志
        pass

    def reply(self, status, payload, headers=()):
        body = json.dumps(payload, sort_keys=True).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        SEEN.append("GET " + self.path)
        url = urllib.parse.urlsplit(self.path)
        # GET 的参数只在 URL 的查询字符串里
        self.reply(200, {"method": "GET", "path": url.path,
                         "query": urllib.parse.parse_qs(url.query)})

    def do_POST(self):
        SEEN.append("POST " + self.path)
        # POST 的数据在请求体里，长度由 Content-Length 给出，格式由 Content-Type 说明
        length = int(self.headers.get("Content-Length", 0))
        raw = self.rfile.read(length)
        ctype = self.headers.get("Content-Type", "")
        if self.path == "/orders":
            # PRG：处理完 POST 后不直接返回页面，而是 303 让浏览器用 GET 去取结果
            self.reply(303, {"created": 42}, [("Location", "/orders/42")])
            return
        if ctype == "application/json":
            data = json.loads(raw)
        else:
            data = urllib.parse.parse_qs(raw.decode())
        self.reply(200, {"method": "POST", "path": self.path, "ctype": ctype,
                         "body": raw.decode(), "data": data})


def main():
    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    base = "http://127.0.0.1:%d" % server.server_address[1]
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        # 1. GET：参数编码进查询字符串（空格变成 +）
        query = urllib.parse.urlencode({"q": "python gil", "page": 2})
        print("GET URL:", "/search?" + query)
        with opener.open(base + "/search?" + query) as resp:
            print(resp.status, resp.read().decode())

        # 2. POST 表单：传了 data 参数，urllib 就改用 POST，默认表单编码
        form = urllib.parse.urlencode({"user": "alice", "pwd": "s3cret"}).encode()
        with opener.open(base + "/login", data=form) as resp:
            print(resp.status, resp.read().decode())

        # 3. POST JSON：需要自己声明 Content-Type
        req = urllib.request.Request(base + "/api/items", data=json.dumps({"name": "pen"}).encode(),
                                     headers={"Content-Type": "application/json"})
        with opener.open(req) as resp:
            print(resp.status, resp.read().decode())

        # 4. PRG：POST /orders 得到 303，客户端自动改用 GET 请求 Location
        with opener.open(base + "/orders", data=b"item=pen") as resp:
            print("after redirect:", resp.status, urllib.parse.urlsplit(resp.url).path)
            print(resp.read().decode())
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
    print("server saw, in order:")
    for line in SEEN:
        print("  " + line)


if __name__ == "__main__":
    main()
