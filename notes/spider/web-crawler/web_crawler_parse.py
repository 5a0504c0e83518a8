"""不需要网络的爬虫组件：URL 处理、HTML 提取、robots.txt、
记录“已见过”URL 的布隆过滤器，以及退避重试的时间表。"""
import hashlib
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

# 1. 以链接所在页面为基准解析相对链接。
base = "http://a.com/x/y.html"
for href in ["z.html", "/z.html", "../z", "//cdn.b.com/s.js", "?page=2", "#top"]:
    print(f"urljoin({href!r:20}) -> {urljoin(base, href)}")


# 2. 规范化 URL，让同一个页面只保存一次。
def normalize(url):
    url, _fragment = urldefrag(url)                       # #片段永远不会发到服务器
    parts = urlsplit(url)
    scheme, host = parts.scheme.lower(), (parts.hostname or "").lower()
    port = parts.port
    default = {"http": 80, "https": 443}.get(scheme)
    netloc = host if port in (None, default) else f"{host}:{port}"
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


variants = ["HTTP://Example.COM", "http://example.com:80/", "http://example.com/#section-2"]
print("normalised:", sorted({normalize(u) for u in variants}))
print("port kept:", normalize("https://example.com:8443/a?b=1"))


# 3. 用标准库的解析器提取结构化数据。
class ProductParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.items, self._field = [], None

    def handle_starttag(self, tag, attrs):
        cls = dict(attrs).get("class", "")
        if tag == "li" and "product" in cls.split():
            self.items.append({})
        elif self.items and cls in ("name", "price"):
            self._field = cls

    def handle_data(self, data):
        if self._field and data.strip():
            self.items[-1][self._field] = data.strip()
            self._field = None


html = """<UL><LI CLASS="product"><span class="name">Tea &amp; Cake</span>
<span class="price">12.50</span></LI>
<li class="product sale"><span class="name">Coffee</span><span class="price">9.90</span></li></UL>"""
parser = ProductParser()
parser.feed(html)
print("products:", [(i["name"], float(i["price"])) for i in parser.items])

# 4. robots.txt：按 User-agent 分组，"*" 组是兜底。
#    （urllib.robotparser 按文件顺序采用第一条匹配的规则，而
#    RFC 9309 规定最长匹配优先：所以把具体的 Allow 行写在前面。）
robots = RobotFileParser()
robots.parse("""User-agent: *
Disallow: /private
Crawl-delay: 2

User-agent: badbot
Disallow: /""".splitlines())
for agent, path in [("mybot", "/public"), ("mybot", "/private/x"), ("badbot", "/public")]:
    print(f"can_fetch({agent}, {path}): {robots.can_fetch(agent, path)}")
print("crawl delay for mybot:", robots.crawl_delay("mybot"))


# 5. 布隆过滤器：一个紧凑的“这个 URL 见过吗？”集合。对从没见过的 URL
#    它可能误答“见过”（假阳性），但对见过的 URL 绝不会答“没见过”。
class BloomFilter:
    def __init__(self, bits, hashes):
        self.size, self.k, self.bits = bits, hashes, bytearray(bits // 8 + 1)

    def _positions(self, item):
        digest = hashlib.sha256(item.encode()).digest()
        for i in range(self.k):
            yield int.from_bytes(digest[4 * i:4 * i + 4], "big") % self.size

    def add(self, item):
        for pos in self._positions(item):
            self.bits[pos // 8] |= 1 << (pos % 8)

    def __contains__(self, item):
        return all(self.bits[pos // 8] >> (pos % 8) & 1 for pos in self._positions(item))


bloom = BloomFilter(bits=10_000, hashes=7)
added = [f"http://a.com/page/{i}" for i in range(1000)]
for url in added:
    bloom.add(url)
unseen = [f"http://a.com/other/{i}" for i in range(1000)]
false_positives = sum(url in bloom for url in unseen)
print("every added URL reported as seen:", all(url in bloom for url in added))
print("false positives among 1000 new URLs:", false_positives, "| below 3%:", false_positives < 30)
print("bytes used:", len(bloom.bits))

# 6. 重试之间的指数退避（真实的爬虫还会加上随机抖动）。
base_delay, cap = 0.5, 10.0
print("backoff schedule:", [min(cap, base_delay * 2 ** attempt) for attempt in range(6)])
