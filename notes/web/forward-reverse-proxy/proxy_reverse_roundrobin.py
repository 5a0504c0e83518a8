"""一个迷你反向代理：唯一的公开入口、在后端之间轮询、故障转移、
X-Forwarded-For、Via 首部，以及静态文件缓存。全部运行在 127.0.0.1 上。"""
import http.client
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.request import ProxyHandler, Request, build_opener

HOP_BY_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization",
              "te", "trailer", "transfer-encoding", "upgrade"}
backend_hits = {}


class Quiet(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def reply(self, status, body, headers=()):
        data = body.encode()
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def make_backend(name):
    class Backend(Quiet):
        def do_GET(self):
            backend_hits[name] = backend_hits.get(name, 0) + 1
            xff = self.headers.get("X-Forwarded-For", "-")
            self.reply(200, f"{name} served {self.path} for client {xff} (Host: {self.headers['Host']})")
    return ThreadingHTTPServer(("127.0.0.1", 0), Backend)


class ReverseProxy(Quiet):
    backends = []                  # [(名字, (主机, 端口))]
    down = set()
    events = []
    cache = {}
    lock = threading.Lock()
    counter = 0

    def pick(self):
        with self.lock:            # 在没有被标记为下线的后端之间轮询
            for _ in range(len(self.backends)):
                name, addr = self.backends[ReverseProxy.counter % len(self.backends)]
                ReverseProxy.counter += 1
                if name not in self.down:
                    return name, addr
        return None

    def do_GET(self):
        if self.path.startswith("/static/") and self.path in self.cache:
            self.reply(200, self.cache[self.path], [("X-Cache", "HIT"), ("Via", "1.1 mini-proxy")])
            return
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
        prior = self.headers.get("X-Forwarded-For")
        client_ip = self.client_address[0]
        headers["X-Forwarded-For"] = f"{prior}, {client_ip}" if prior else client_ip
        headers["X-Forwarded-Proto"] = "http"
        while (choice := self.pick()) is not None:
            name, (host, port) = choice
            conn = http.client.HTTPConnection(host, port, timeout=5)
            try:
                conn.request("GET", self.path, headers=headers)   # Host 首部原样透传
                resp = conn.getresponse()
                body = resp.read().decode()
            except ConnectionError:
                with self.lock:
                    self.down.add(name)    # 被动健康检查：把它移出轮询
                    self.events.append(f"{name} refused the connection on {self.path}, retried elsewhere")
                continue
            finally:
                conn.close()
            extra = [("Via", "1.1 mini-proxy")]
            if self.path.startswith("/static/"):
                self.cache[self.path] = body
                extra.append(("X-Cache", "MISS"))
            self.reply(resp.status, body, extra)
            return
        self.reply(502, "Bad Gateway: no healthy backend")


def serve(server):
    t = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    t.start()
    return t


if __name__ == "__main__":
    b1, b2 = make_backend("backend-1"), make_backend("backend-2")
    dead = socket.socket()             # 先占一个端口再关闭：那里没有人监听
    dead.bind(("127.0.0.1", 0))
    dead_addr = dead.getsockname()
    dead.close()
    ReverseProxy.backends = [("backend-1", b1.server_address), ("backend-2", b2.server_address),
                             ("backend-3", dead_addr)]
    proxy = ThreadingHTTPServer(("127.0.0.1", 0), ReverseProxy)
    servers = [b1, b2, proxy]
    threads = [serve(s) for s in servers]
    opener = build_opener(ProxyHandler({}))        # 直接连接我们的代理，不走环境变量里的代理
    base = f"http://127.0.0.1:{proxy.server_address[1]}"
    try:
        requests = [("/a", {}), ("/b", {}), ("/c", {}), ("/d", {}),
                    ("/e", {"X-Forwarded-For": "203.0.113.7"}),      # 客户端自己伪造的首部
                    ("/static/app.css", {}), ("/static/app.css", {})]
        for path, extra in requests:
            req = Request(base + path, headers={"Host": "shop.example", **extra})
            with opener.open(req, timeout=5) as resp:
                body = resp.read().decode()
                cache = resp.headers.get("X-Cache")
                print(f"GET {path:16} -> {body}" + (f" [X-Cache: {cache}]" if cache else ""))
        print("Via header seen by the client:", resp.headers["Via"])
        print("proxy events:", ReverseProxy.events)
        print("marked down:", sorted(ReverseProxy.down))
        print("backend hits:", dict(sorted(backend_hits.items())))
    finally:
        for s in servers:
            s.shutdown()
            s.server_close()
        for t in threads:
            t.join()
