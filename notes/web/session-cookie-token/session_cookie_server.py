"""服务端 Session + Cookie：登录后服务端保存会话，浏览器只保存会话 ID。

- 服务端：http.server，会话存放在内存字典 SESSIONS 里（生产中常放 Redis 或数据库）；
  用 http.cookies.SimpleCookie 生成 Set-Cookie、解析 Cookie 首部。
- 客户端：urllib + http.cookiejar.CookieJar，像浏览器一样自动保存并回传 Cookie。
会话 ID 是随机生成的，所以这里不打印它的值，只打印它的属性和变化。
"""
import http.cookiejar
import secrets
import threading
import urllib.error
import urllib.request
from http.cookies import SimpleCookie
from http.server import BaseHTTPRequestHandler, HTTPServer

SESSIONS = {}                       # 会话 ID -> 会话数据，只在服务端
USERS = {"alice": "wonderland"}


def session_cookie(sid, max_age=None):
    c = SimpleCookie()
    c["sid"] = sid
    c["sid"]["path"] = "/"
    c["sid"]["httponly"] = True     # JavaScript 读不到，降低 XSS 盗取风险
    c["sid"]["samesite"] = "Lax"    # 跨站的 POST 等请求不带它，降低 CSRF 风险
    if max_age is not None:
        c["sid"]["max-age"] = max_age
    return c["sid"].OutputString()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, format, *args):
        pass

    def current_session(self):
        cookie = SimpleCookie(self.headers.get("Cookie", ""))
        if "sid" in cookie:
            return cookie["sid"].value, SESSIONS.get(cookie["sid"].value)
        return None, None

    def send(self, status, text, set_cookie=None):
        body = text.encode()
        self.send_response(status)
        if set_cookie:
            self.send_header("Set-Cookie", set_cookie)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        sid, data = self.current_session()
        if self.path == "/":                       # 匿名访客也先拿到一个会话
            if data is None:
                sid = secrets.token_urlsafe(16)
                SESSIONS[sid] = {"user": None}
                self.send(200, "welcome, guest", session_cookie(sid))
            else:
                self.send(200, "welcome back")
        elif self.path == "/cart":
            if data and data["user"]:
                self.send(200, "cart of " + data["user"])
            else:
                self.send(401, "please log in")

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        form = dict(p.split("=", 1) for p in self.rfile.read(length).decode().split("&"))
        old_sid, _ = self.current_session()
        if self.path == "/login":
            if USERS.get(form.get("user")) != form.get("pwd"):
                self.send(401, "bad credentials")
                return
            # 登录成功：作废旧会话、换一个新 ID，防止会话固定（session fixation）攻击
            SESSIONS.pop(old_sid, None)
            sid = secrets.token_urlsafe(16)
            SESSIONS[sid] = {"user": form["user"]}
            self.send(200, "logged in", session_cookie(sid))
        elif self.path == "/logout":
            SESSIONS.pop(old_sid, None)            # 服务端删除会话：立即失效
            self.send(200, "logged out", session_cookie("", max_age=0))


def main():
    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    base = "http://127.0.0.1:%d" % server.server_address[1]
    jar = http.cookiejar.CookieJar()
    browser = urllib.request.build_opener(urllib.request.ProxyHandler({}),
                                          urllib.request.HTTPCookieProcessor(jar))

    def request(path, data=None):
        try:
            with browser.open(base + path, data=data) as resp:
                return resp.status, resp.read().decode(), resp.headers.get("Set-Cookie")
        except urllib.error.HTTPError as err:
            return err.code, err.read().decode(), None

    def jar_sid():
        return next((c.value for c in jar if c.name == "sid"), None)

    try:
        status, text, set_cookie = request("/")
        print("GET /          ->", status, text)
        print("  Set-Cookie attributes:", set_cookie.split("; ", 1)[1])
        guest_sid = jar_sid()
        print("  cookie stored by the client: sid=<%d random chars>" % len(guest_sid))
        print("GET /cart      ->", *request("/cart")[:2])
        print("POST /login    ->", *request("/login", b"user=alice&pwd=wonderland")[:2])
        print("  session id changed at login:", jar_sid() != guest_sid)
        print("  server-side store:", list(SESSIONS.values()))
        print("GET /cart      ->", *request("/cart")[:2])
        print("POST /logout   ->", *request("/logout", b"x=1")[:2])
        print("  client still has a sid cookie:", jar_sid() is not None)
        print("  server-side store:", list(SESSIONS.values()))
        print("GET /cart      ->", *request("/cart")[:2])
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


if __name__ == "__main__":
    main()
