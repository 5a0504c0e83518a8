"""练习：离线的链接提取器与待抓取队列（URL frontier）。

三个部分：
- normalize_url(url)：规范化 URL，让同一个页面只有一种写法；
- extract_links(html, page_url)：用 html.parser 取出页面里所有 <a href> 链接，
  转成规范化的绝对地址，只保留 http/https，去重并保持首次出现的顺序；
- Frontier(start_url)：广度优先的待抓取队列，只接受与起始 URL 同一主机的链接，
  每个 URL 一生只入队一次（弹出之后也记得）。
只用标准库（html.parser、urllib.parse），不访问网络。
"""
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit, urlunsplit


def normalize_url(url):
    """规范化绝对 URL：去掉 #片段；协议和主机名转小写；去掉默认端口（http 的 80、https 的 443）；
    空路径补成 "/"；路径和查询参数区分大小写，保持原样。"""
    raise NotImplementedError("在这里实现 normalize_url")


def extract_links(html, page_url):
    """返回 html 中所有 <a href> 指向的规范化绝对 URL 列表（去重，保持首次出现的顺序）。

    - 相对链接按 page_url 解析；页面里有 <base href="..."> 时改按它解析（它本身也可能是相对地址）；
    - 只保留 http 和 https 链接（跳过 mailto:、javascript: 等）；
    - 跳过空的 href 和只有 #片段 的链接（它们指向当前页面本身）。
    """
    raise NotImplementedError("在这里实现 extract_links")


class Frontier:
    """广度优先的待抓取队列。"""

    def __init__(self, start_url):
        """以 start_url 为起点：它（规范化后）第一个入队，它的主机就是允许抓取的主机。"""
        raise NotImplementedError("在这里实现 __init__")

    def add(self, url):
        """url 是绝对地址。规范化后如果是 http/https、主机（含非默认端口）与起始 URL 相同、
        而且从没入过队，就放到队尾并返回 True；否则返回 False。"""
        raise NotImplementedError("在这里实现 add")

    def pop(self):
        """取出最早入队的 URL；队列为空时抛出 IndexError。"""
        raise NotImplementedError("在这里实现 pop")

    def __len__(self):
        """还在排队、没有被取出的 URL 个数。"""
        raise NotImplementedError("在这里实现 __len__")
