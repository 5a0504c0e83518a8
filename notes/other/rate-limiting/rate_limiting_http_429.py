"""本机上的 HTTP 限流：每个 API key 一个令牌桶，超限返回 429 Too Many Requests 和 Retry-After。

服务端是 127.0.0.1 上的 http.server；令牌桶的时钟是注入的假时钟，由客户端“拨动”，
所以结果与机器快慢无关。客户端遵守 Retry-After：把假时钟往前拨这么多秒再重试。
"""
import math
import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, HTTPServer


class FakeClock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


class TokenBucket:
    def __init__(self, capacity, rate, clock):
        self.capacity, self.rate, self.clock = capacity, rate, clock
        self.tokens, self.last = float(capacity), clock()

    def _refill(self):
        now = self.clock()
        self.tokens = min(self.capacity, self.tokens + (now - self.last) * self.rate)
        self.last = now

    def allow(self):
        self._refill()
        if self.tokens >= 1:
            self.tokens -= 1
            return True
        return False

    def wait_time(self):
        self._refill()
        return max(0.0, (1 - self.tokens) / self.rate)


CLOCK = FakeClock()
CAPACITY, RATE = 3, 0.5                           # 突发 3 个，之后每 2 秒 1 个
buckets = {}


class Handler(BaseHTTPRequestHandler):
    def log_message(self, format, *args):
        pass

    def do_GET(self):
        key = self.headers.get("X-Api-Key", "anonymous")
        bucket = buckets.setdefault(key, TokenBucket(CAPACITY, RATE, CLOCK))
        if bucket.allow():
            status, body = 200, b"ok"
        else:
            status, body = 429, b"slow down"
        self.send_response(status)
        if status == 429:
            # Retry-After 只能是整数秒（或 HTTP 日期），向上取整
            self.send_header("Retry-After", str(math.ceil(bucket.wait_time())))
        self.send_header("X-RateLimit-Limit", str(CAPACITY))
        self.send_header("X-RateLimit-Remaining", str(int(bucket.tokens)))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def call(opener, url, key):
    request = urllib.request.Request(url, headers={"X-Api-Key": key})
    try:
        with opener.open(request, timeout=5) as response:
            return response.status, response.headers
    except urllib.error.HTTPError as err:          # 4xx、5xx 以异常的形式返回
        with err:
            return err.code, err.headers


def main():
    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    url = "http://127.0.0.1:%d/api/items" % server.server_address[1]
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        def show(key):
            status, headers = call(opener, url, key)
            extra = "  Retry-After: %s" % headers["Retry-After"] if status == 429 else ""
            print("t=%4.1f %-6s -> %d  remaining=%s%s"
                  % (CLOCK(), key, status, headers["X-RateLimit-Remaining"], extra))
            return status, headers

        for _ in range(4):                          # 突发 4 个：前 3 个放行，第 4 个 429
            status, headers = show("alice")
        show("bob")                                 # 每个 key 各有一个桶，互不影响
        CLOCK.now += int(headers["Retry-After"])    # 遵守 Retry-After，而不是立刻重试
        show("alice")
        show("alice")
        CLOCK.now += 0.5
        status, headers = show("alice")
        CLOCK.now += int(headers["Retry-After"])
        show("alice")
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


if __name__ == "__main__":
    main()
