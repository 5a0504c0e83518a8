"""客户端使用的一个迷你正向代理：绝对形式的请求目标、出口过滤、缓存、
匿名模式（不加 X-Forwarded-For），以及只转发字节的 CONNECT 隧道。
域名 origin.test 和 blocked.test 由代理自己的映射表解析到 127.0.0.1。"""
import http.client
import selectors
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

origin_log = []
proxy_log = []


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


class Origin(Quiet):
    def do_GET(self):
        origin_log.append((self.path, self.headers.get("Via"), self.headers.get("X-Forwarded-For")))
        self.reply(200, "top secret" if self.path == "/secret" else f"hello from origin, you asked for {self.path}")


class ForwardProxy(Quiet):
    hosts = {}                        # 代理自己的域名解析（代替 DNS）
    blocked = {"blocked.test"}        # 出口访问策略
    cache = {}

    def do_GET(self):
        proxy_log.append(f"GET {self.path}")
        url = urlsplit(self.path)     # 客户端对代理说话时发送完整的 URL
        if url.hostname in self.blocked:
            self.reply(403, "blocked by company policy")
            return
        if self.path in self.cache:
            self.reply(200, self.cache[self.path], [("X-Cache", "HIT")])
            return
        host, port = self.hosts[url.hostname]
        conn = http.client.HTTPConnection(host, port, timeout=5)
        try:
            # 对源站使用 origin-form（只有路径），也不加 X-Forwarded-For：这个代理隐藏了它的客户端
            conn.request("GET", url.path or "/", headers={"Host": url.netloc, "Via": "1.1 corp-proxy"})
            resp = conn.getresponse()
            body = resp.read().decode()
        finally:
            conn.close()
        self.cache[self.path] = body
        self.reply(resp.status, body, [("X-Cache", "MISS")])

    def do_CONNECT(self):
        proxy_log.append(f"CONNECT {self.path}")
        name, _, _port = self.path.rpartition(":")
        upstream = socket.create_connection(self.hosts[name], timeout=5)
        self.send_response(200, "Connection Established")
        self.end_headers()
        self.close_connection = True
        # 从这里开始，代理只在两个方向上原样复制字节，不解析内容
        # （如果是 HTTPS，这些字节就是它无法解密的 TLS 记录）。
        with selectors.DefaultSelector() as sel, upstream:
            sel.register(self.connection, selectors.EVENT_READ, upstream)
            sel.register(upstream, selectors.EVENT_READ, self.connection)
            while True:
                events = sel.select(timeout=5)
                if not events:
                    return
                for key, _ in events:
                    data = key.fileobj.recv(65536)
                    if not data:
                        return
                    key.data.sendall(data)


def serve(server):
    t = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    t.start()
    return t


if __name__ == "__main__":
    origin = ThreadingHTTPServer(("127.0.0.1", 0), Origin)
    proxy = ThreadingHTTPServer(("127.0.0.1", 0), ForwardProxy)
    ForwardProxy.hosts = {"origin.test": origin.server_address}
    servers = [origin, proxy]
    threads = [serve(s) for s in servers]
    phost, pport = proxy.server_address
    try:
        # 经代理访问普通 HTTP：连接的是代理，请求行里写完整的 URL。
        for attempt in ("1st", "2nd"):
            conn = http.client.HTTPConnection(phost, pport, timeout=5)
            conn.request("GET", "http://origin.test/hello", headers={"Host": "origin.test"})
            resp = conn.getresponse()
            print(f"{attempt} GET http://origin.test/hello -> {resp.status} {resp.read().decode()!r} "
                  f"[X-Cache: {resp.getheader('X-Cache')}]")
            conn.close()

        conn = http.client.HTTPConnection(phost, pport, timeout=5)
        conn.request("GET", "http://blocked.test/", headers={"Host": "blocked.test"})
        resp = conn.getresponse()
        print(f"GET http://blocked.test/ -> {resp.status} {resp.read().decode()!r}")
        conn.close()

        # 隧道（HTTPS 客户端就是这样用的）：先发 CONNECT，再通过隧道和源站通信。
        conn = http.client.HTTPConnection(phost, pport, timeout=5)
        conn.set_tunnel("origin.test", 80)
        conn.request("GET", "/secret")
        resp = conn.getresponse()
        print(f"GET /secret through the CONNECT tunnel -> {resp.status} {resp.read().decode()!r}")
        conn.close()
    finally:
        for s in servers:
            s.shutdown()
            s.server_close()
        for t in threads:
            t.join()

    print("proxy log:", proxy_log)
    print("the proxy saw the path /secret:", any("/secret" in line for line in proxy_log))
    print("origin log (path, Via, X-Forwarded-For):", origin_log)
