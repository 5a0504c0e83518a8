"""一个最小的 L7 负载均衡器（反向代理）：按 URL 前缀选后端池，池内轮询，
主动健康检查把挂掉的后端摘除，并给后端加上 X-Forwarded-For。全部跑在 127.0.0.1 上。"""
import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))   # 绕过环境里的代理


class BackendHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/health":
            body = b"ok"
        else:
            xff = self.headers.get("X-Forwarded-For")
            body = f"{self.server.name} served {self.path} (client {xff})".encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def start(handler, name=None):
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.name = name
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}).start()
    return server


def stop(server):
    server.shutdown()
    server.server_close()


backends = {name: start(BackendHandler, name) for name in ("api-1", "api-2", "static-1")}
url = {name: f"http://127.0.0.1:{s.server_address[1]}" for name, s in backends.items()}
pools = {"/api/": ["api-1", "api-2"], "/static/": ["static-1"]}   # L7：看得懂 URL 才能这样分
healthy = {name: True for name in backends}
counters = {prefix: 0 for prefix in pools}
lock = threading.Lock()


def pick(prefix):
    with lock:
        candidates = [b for b in pools[prefix] if healthy[b]]
        if not candidates:
            return None
        choice = candidates[counters[prefix] % len(candidates)]
        counters[prefix] += 1
        return choice


class ProxyHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        prefix = next((p for p in pools if self.path.startswith(p)), None)
        status, body = (404, b"no route") if prefix is None else (503, b"no healthy backend")
        while prefix is not None:
            backend = pick(prefix)
            if backend is None:
                break
            req = urllib.request.Request(url[backend] + self.path,
                                         headers={"X-Forwarded-For": self.client_address[0]})
            try:
                with opener.open(req, timeout=2) as resp:
                    status, body = resp.status, resp.read()
                break
            except urllib.error.HTTPError as e:   # 后端正常回了 4xx/5xx：原样转给客户端
                status, body = e.code, e.read()
                break
            except OSError:
                # 被动健康检查：转发失败就摘除该后端，换下一个重试（类似 Nginx 的 proxy_next_upstream）
                print(f"proxy: {backend} failed, marked DOWN, retrying")
                healthy[backend] = False
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def health_check():
    for name in backends:
        try:
            with opener.open(url[name] + "/health", timeout=0.5) as resp:
                healthy[name] = resp.status == 200
        except OSError:                       # 连接被拒、超时……都算不健康
            healthy[name] = False
    print("health:", ", ".join(f"{n} {'up' if ok else 'DOWN'}" for n, ok in healthy.items()))


proxy = start(ProxyHandler)
lb = f"http://127.0.0.1:{proxy.server_address[1]}"


def get(path):
    try:
        with opener.open(lb + path, timeout=2) as resp:
            print(f"GET {path:<16} -> {resp.status} {resp.read().decode()}")
    except urllib.error.HTTPError as e:
        print(f"GET {path:<16} -> {e.code}")


for path in ("/api/users", "/api/orders", "/api/users", "/static/logo.png"):
    get(path)

stop(backends["api-2"])                       # api-2 宕机
get("/api/orders")                            # 轮到 api-2：转发失败，换 api-1
get("/api/users")
health_check()                                # 主动健康检查也确认 api-2 挂了
get("/admin")

stop(proxy)
for name, server in backends.items():
    if name != "api-2":
        stop(server)
