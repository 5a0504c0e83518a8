"""练习“离线的链接提取器与待抓取队列”的参考答案。"""
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit, urlunsplit

DEFAULT_PORTS = {"http": 80, "https": 443}


def normalize_url(url):
    """规范化绝对 URL：去掉 #片段；协议和主机名转小写；去掉默认端口；空路径补成 "/"。"""
    url, _fragment = urldefrag(url)
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()  # hostname 已经是小写，也去掉了用户名和端口
    port = parts.port
    netloc = host if port in (None, DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


class _AnchorParser(HTMLParser):
    """收集第一个 <base href> 和所有 <a href> 的原始值。"""

    def __init__(self):
        super().__init__()  # convert_charrefs=True：属性值里的 &amp; 也会变成 &
        self.base = None
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")  # 标签名和属性名已经被转成小写
        if tag == "base" and href is not None and self.base is None:
            self.base = href.strip()
        elif tag == "a" and href is not None:
            self.hrefs.append(href.strip())


def extract_links(html, page_url):
    """返回 html 中所有 <a href> 指向的规范化绝对 URL 列表（去重，保持首次出现的顺序）。"""
    parser = _AnchorParser()
    parser.feed(html)
    parser.close()
    base = urljoin(page_url, parser.base) if parser.base else page_url
    links, seen = [], set()
    for href in parser.hrefs:
        if not href or href.startswith("#"):
            continue  # 空链接和页内锚点都指向当前页面
        absolute = urljoin(base, href)
        if urlsplit(absolute).scheme.lower() not in DEFAULT_PORTS:
            continue  # mailto:、javascript:、tel: 等
        link = normalize_url(absolute)
        if link not in seen:
            seen.add(link)
            links.append(link)
    return links


class Frontier:
    """广度优先的待抓取队列。"""

    def __init__(self, start_url):
        """以 start_url 为起点：它（规范化后）第一个入队，它的主机就是允许抓取的主机。"""
        start = normalize_url(start_url)
        self._netloc = urlsplit(start).netloc
        self._queue = deque([start])
        self._seen = {start}  # 入过队的都记住，弹出之后也不会再入队

    def add(self, url):
        """符合同主机规则且从没入过队的 URL 放到队尾并返回 True，否则返回 False。"""
        link = normalize_url(url)
        parts = urlsplit(link)
        if parts.scheme not in DEFAULT_PORTS or parts.netloc != self._netloc or link in self._seen:
            return False
        self._seen.add(link)
        self._queue.append(link)
        return True

    def pop(self):
        """取出最早入队的 URL；队列为空时抛出 IndexError。"""
        return self._queue.popleft()  # 空 deque 的 popleft 本来就抛出 IndexError

    def __len__(self):
        """还在排队、没有被取出的 URL 个数。"""
        return len(self._queue)
