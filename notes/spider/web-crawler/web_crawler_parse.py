"""Crawler building blocks that need no network: URL handling, HTML extraction, robots.txt,
a Bloom filter for "seen" URLs and a backoff schedule."""
import hashlib
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

# 1. Resolve relative links against the page they appear on.
base = "http://a.com/x/y.html"
for href in ["z.html", "/z.html", "../z", "//cdn.b.com/s.js", "?page=2", "#top"]:
    print(f"urljoin({href!r:20}) -> {urljoin(base, href)}")


# 2. Normalise URLs so that one page is stored once.
def normalize(url):
    url, _fragment = urldefrag(url)                       # #fragment never reaches the server
    parts = urlsplit(url)
    scheme, host = parts.scheme.lower(), (parts.hostname or "").lower()
    port = parts.port
    default = {"http": 80, "https": 443}.get(scheme)
    netloc = host if port in (None, default) else f"{host}:{port}"
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


variants = ["HTTP://Example.COM", "http://example.com:80/", "http://example.com/#section-2"]
print("normalised:", sorted({normalize(u) for u in variants}))
print("port kept:", normalize("https://example.com:8443/a?b=1"))


# 3. Extract structured data with the standard-library parser.
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

# 4. robots.txt: groups per User-agent, the "*" group is the fallback.
#    (urllib.robotparser applies the first matching rule in file order, while
#    RFC 9309 says the longest match wins: list specific Allow lines first.)
robots = RobotFileParser()
robots.parse("""User-agent: *
Disallow: /private
Crawl-delay: 2

User-agent: badbot
Disallow: /""".splitlines())
for agent, path in [("mybot", "/public"), ("mybot", "/private/x"), ("badbot", "/public")]:
    print(f"can_fetch({agent}, {path}): {robots.can_fetch(agent, path)}")
print("crawl delay for mybot:", robots.crawl_delay("mybot"))


# 5. A Bloom filter: a compact "have I seen this URL?" set that may say "yes"
#    for a URL it has never seen (false positive) but never "no" for one it has.
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

# 6. Exponential backoff between retries (real crawlers add random jitter).
base_delay, cap = 0.5, 10.0
print("backoff schedule:", [min(cap, base_delay * 2 ** attempt) for attempt in range(6)])
