"""一个守礼貌的广度优先爬虫（urllib + html.parser + robotparser），抓取本地的测试站点。"""
import threading
import time
from collections import deque
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.error import HTTPError
from urllib.parse import urldefrag, urljoin, urlsplit
from urllib.request import ProxyHandler, Request, build_opener
from urllib.robotparser import RobotFileParser

# ---------------------------------------------------------------- 本地测试站点
PAGES = {
    "/robots.txt": ("text/plain", "User-agent: *\nDisallow: /private\n"),
    "/": ("text/html", """<html><head><title>Home</title></head><body>
        <a href="a">A</a> <a href="/b">B</a> <a href="/b#reviews">B again</a>
        <a href="http://other.example/x">elsewhere</a>
        <a href="mailto:admin@example.com">mail</a>
        <a href="/private/data">secret</a></body></html>"""),
    "/a": ("text/html", '<title>Page A</title><a href="c">C</a> <a href="/">home</a>'),
    "/b": ("text/html", '<title>Page B</title><a href="/a">A</a> <a href="/missing">?</a>'),
    "/c": ("text/html", '<title>Page C &amp; more</title><a href="../a">A</a>'),
    "/private/data": ("text/html", "<title>Private</title>"),
}
server_log = []


class Site(BaseHTTPRequestHandler):
    def do_GET(self):
        server_log.append((self.path, self.headers.get("User-Agent")))
        if self.path not in PAGES:
            self.send_error(404)
            return
        ctype, text = PAGES[self.path]
        body = text.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", f"{ctype}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):      # 不往 stderr 打日志
        pass


# ---------------------------------------------------------------- 爬虫
class LinkParser(HTMLParser):
    """收集 <title> 的文本和所有 <a href>。"""

    def __init__(self):
        super().__init__()             # convert_charrefs=True：&amp; 会变成 &
        self.links, self.title, self._in_title = [], "", False

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)
        elif tag == "title":
            self._in_title = True

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


USER_AGENT = "study-notes-bot/1.0 (+https://example.com/bot)"
opener = build_opener(ProxyHandler({}))    # 忽略环境变量里设置的代理


def fetch(url):
    req = Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with opener.open(req, timeout=5) as resp:
            charset = resp.headers.get_content_charset() or "utf-8"
            return resp.status, resp.headers.get_content_type(), resp.read().decode(charset, "replace")
    except HTTPError as err:               # 4xx / 5xx 以异常的形式返回
        err.close()
        return err.code, None, ""


def crawl(start, max_pages=20, delay=0.01):
    root = urlsplit(start)
    path_of = lambda url: urlsplit(url).path or "/"

    status, _, robots_txt = fetch(urljoin(start, "/robots.txt"))
    robots = RobotFileParser()
    robots.parse(robots_txt.splitlines() if status == 200 else [])

    frontier, seen, crawled = deque([start]), {start}, []
    while frontier and len(crawled) < max_pages:
        url = frontier.popleft()
        time.sleep(delay)                  # 礼貌：对同一主机的两次请求之间停顿一下
        status, ctype, html = fetch(url)
        crawled.append(path_of(url))
        if status != 200 or ctype != "text/html":
            print(f"fetch {path_of(url)} -> {status}")
            continue
        parser = LinkParser()
        parser.feed(html)
        print(f"fetch {path_of(url)} -> {status} title={parser.title!r} links={len(parser.links)}")
        for href in parser.links:
            link, _fragment = urldefrag(urljoin(url, href))   # 绝对地址，去掉 #片段
            parts = urlsplit(link)
            if parts.scheme not in ("http", "https"):
                print(f"  skip (not http): {link}")
            elif parts.netloc != root.netloc:
                print(f"  skip (other host): {link}")
            elif not robots.can_fetch(USER_AGENT, link):
                print(f"  skip (robots.txt): {parts.path}")
            elif link not in seen:
                seen.add(link)
                frontier.append(link)
    return crawled


if __name__ == "__main__":
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        start = f"http://127.0.0.1:{server.server_address[1]}/"
        print("crawled:", crawl(start))
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
    paths = [p for p, _ in server_log]
    print("robots.txt fetched:", paths.count("/robots.txt"), "time(s)")
    print("server ever served /private/data:", "/private/data" in paths)
    print("every request sent our User-Agent:", all(ua == USER_AGENT for _, ua in server_log))
