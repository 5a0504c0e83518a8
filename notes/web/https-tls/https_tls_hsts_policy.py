"""模拟浏览器的 HSTS 策略（RFC 6797）：解析 Strict-Transport-Security，记住主机，改写 http:// 链接。

时间用注入的假时钟（秒），输出可重复。
"""
import ipaddress
from urllib.parse import urlsplit, urlunsplit


def parse_sts(value):
    """解析 STS 首部值，返回 (max_age, include_subdomains)；语法不合法返回 None（整条忽略）。"""
    seen = {}
    for part in value.split(";"):
        part = part.strip()
        if not part:
            continue
        name, _, arg = part.partition("=")
        name = name.strip().lower()                # 指令名不区分大小写
        if name in seen:                           # 每个指令只能出现一次
            return None
        arg = arg.strip()
        if len(arg) >= 2 and arg[0] == arg[-1] == '"':
            arg = arg[1:-1]                        # 值可以加引号
        seen[name] = arg
    if "max-age" not in seen or not seen["max-age"].isdigit():
        return None                                # max-age 是必需的
    return int(seen["max-age"]), "includesubdomains" in seen


def is_ip(host):
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        return False


class Browser:
    def __init__(self, clock, preload=()):
        self.clock = clock
        self.known = {}                            # host -> (expires_at, include_subdomains)
        for host in preload:                       # 预加载列表：随浏览器发行
            self.known[host] = (float("inf"), True)

    def receive(self, url, sts_value):
        parts = urlsplit(url)
        if parts.scheme != "https":
            return "ignored: STS over plain http"  # 只认 HTTPS 响应里的 STS（§8.1）
        if is_ip(parts.hostname):
            return "ignored: IP address host"      # IP 字面量不记为 HSTS 主机（第 8 节）
        parsed = parse_sts(sts_value)
        if parsed is None:
            return "ignored: invalid header"
        max_age, subdomains = parsed
        if max_age == 0:
            self.known.pop(parts.hostname, None)
            return "removed %s" % parts.hostname
        self.known[parts.hostname] = (self.clock() + max_age, subdomains)
        return "noted %s for %ds, includeSubDomains=%s" % (parts.hostname, max_age, subdomains)

    def is_hsts_host(self, host):
        labels = host.split(".")
        for i in range(len(labels)):               # 先看自己，再看各级父域
            candidate = ".".join(labels[i:])
            entry = self.known.get(candidate)
            if entry is None:
                continue
            expires_at, subdomains = entry
            if self.clock() >= expires_at:
                continue                           # 过期的记录不再生效
            if i == 0 or subdomains:
                return True
        return False

    def navigate(self, url):
        parts = urlsplit(url)
        if parts.scheme == "http" and self.is_hsts_host(parts.hostname):
            netloc = parts.hostname if parts.port in (None, 80) else "%s:%d" % (parts.hostname, parts.port)
            return urlunsplit(("https", netloc, parts.path, parts.query, parts.fragment)) + "  (internal upgrade)"
        if parts.scheme == "http":
            return url + "  (plain HTTP: can be intercepted)"
        return url


now = [0]
browser = Browser(lambda: now[0])

print("== parsing ==")
for value in ["max-age=31536000; includeSubDomains; preload",
              'MAX-AGE="600"',
              "includeSubDomains",
              "max-age=10; max-age=20"]:
    print("%-48r -> %s" % (value, parse_sts(value)))

print("== first visit: the gap HSTS cannot close by itself ==")
print(browser.navigate("http://bank.example/login"))
print(browser.receive("http://bank.example/", "max-age=31536000"))
print(browser.receive("https://bank.example/", "max-age=31536000; includeSubDomains"))
print(browser.receive("https://127.0.0.1/", "max-age=31536000"))

print("== later visits ==")
now[0] = 86400
for url in ["http://bank.example/login", "http://api.bank.example:8080/v1?q=1", "http://other.example/"]:
    print(browser.navigate(url))

print("== expiry and max-age=0 ==")
print(browser.receive("https://shop.example/", "max-age=3600"))
now[0] += 3599
print("shop.example at +3599 s:", browser.is_hsts_host("shop.example"))
now[0] += 1
print("shop.example at +3600 s:", browser.is_hsts_host("shop.example"))
print(browser.receive("https://bank.example/", "max-age=0"))
print(browser.navigate("http://bank.example/login"))

print("== preload list shipped with the browser ==")
fresh = Browser(lambda: 0, preload=["bank.example"])
print(fresh.navigate("http://www.bank.example/"))
