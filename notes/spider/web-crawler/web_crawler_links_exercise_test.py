"""练习“离线的链接提取器与待抓取队列”的测试（学习者看不到这个文件）。"""
import unittest

from web_crawler_links_exercise import Frontier, extract_links, normalize_url

PAGE = "http://a.com/dir/page.html"


class NormalizeTests(unittest.TestCase):
    def test_normalize_url(self):
        cases = [
            "HTTP://Example.COM",
            "http://example.com:80/a/B?X=1#frag",
            "https://example.com:443",
            "https://Example.com:8443/p",
            "http://example.com:443/",
        ]
        self.assertEqual([normalize_url(url) for url in cases], [
            "http://example.com/",
            "http://example.com/a/B?X=1",  # 路径和查询参数保持大小写
            "https://example.com/",
            "https://example.com:8443/p",
            "http://example.com:443/",  # 443 不是 http 的默认端口
        ])


class ExtractLinksTests(unittest.TestCase):
    def test_resolves_relative_links_and_normalises_them(self):
        html = """<html><body>
        <a href="next.html">下一页</a>
        <A HREF="/Top">顶部</A>
        <a href="../up">上一级</a>
        <a href="//CDN.b.com/x">CDN</a>
        <a href="?page=2">第 2 页</a>
        <a href="https://c.com:443/y#sec">外站</a>
        <a href="/search?q=a&amp;b=1">搜索</a>
        </body></html>"""
        self.assertEqual(extract_links(html, PAGE), [
            "http://a.com/dir/next.html",
            "http://a.com/Top",
            "http://a.com/up",
            "http://cdn.b.com/x",
            "http://a.com/dir/page.html?page=2",
            "https://c.com/y",
            "http://a.com/search?q=a&b=1",
        ])

    def test_skips_other_schemes_anchors_and_duplicates(self):
        html = """<p>
        <a href="mailto:admin@a.com">邮件</a>
        <a href="javascript:void(0)">按钮</a>
        <a href="tel:10086">电话</a>
        <a href="">空</a>
        <a name="no-href">没有 href</a>
        <a href="#top">回到顶部</a>
        <link rel="stylesheet" href="style.css">
        <a href="b.html">B</a>
        <a href="a.html">A</a>
        <a href="b.html#part-2">B 的第二部分</a>
        <a href="/dir/a.html">A again</a>
        <a href="HTTP://A.COM:80/dir/b.html">B again</a>
        </p>"""
        self.assertEqual(extract_links(html, PAGE), ["http://a.com/dir/b.html", "http://a.com/dir/a.html"])

    def test_uses_the_base_element(self):
        html = """<html><head><base href="/docs/v2/"></head>
        <body><a href="intro">简介</a> <a href="../v1/old">旧版</a> <a href="/abs">绝对路径</a></body></html>"""
        self.assertEqual(extract_links(html, PAGE), [
            "http://a.com/docs/v2/intro",
            "http://a.com/docs/v1/old",
            "http://a.com/abs",
        ])


class FrontierTests(unittest.TestCase):
    def test_accepts_only_new_urls_of_the_same_host(self):
        frontier = Frontier("http://A.com")
        self.assertEqual(len(frontier), 1)
        added = [frontier.add(url) for url in [
            "http://a.com:80/#top",      # 就是起始页
            "http://a.com/x",            # 新的
            "http://A.COM/x#y",          # 和上一个是同一页
            "http://b.com/",             # 别的主机
            "http://www.a.com/",         # 子域名也算别的主机
            "http://a.com:8080/",        # 端口不同
            "https://a.com/secure",      # 同一主机的 https
            "ftp://a.com/file",          # 不是 http/https
        ]]
        self.assertEqual(added, [False, True, False, False, False, False, True, False])
        self.assertEqual(len(frontier), 3)

    def test_pops_breadth_first_and_remembers_popped_urls(self):
        frontier = Frontier("http://a.com/")
        frontier.add("http://a.com/1")
        frontier.add("http://a.com/2")
        self.assertEqual([frontier.pop(), frontier.pop()], ["http://a.com/", "http://a.com/1"])
        self.assertEqual(frontier.add("http://a.com/1"), False)  # 已经抓过了
        self.assertEqual(frontier.add("http://a.com/3"), True)
        self.assertEqual([frontier.pop(), frontier.pop()], ["http://a.com/2", "http://a.com/3"])
        self.assertEqual(len(frontier), 0)
        with self.assertRaises(IndexError):
            frontier.pop()

    def test_crawls_an_offline_site(self):
        site = {
            "http://a.com/": '<a href="/a">A</a> <a href="b">B</a> <a href="http://other.com/">外站</a>',
            "http://a.com/a": '<a href="/c">C</a> <a href="/">首页</a> <a href="/b#x">B</a>',
            "http://a.com/b": '<a href="/c">C</a> <a href="mailto:x@a.com">邮件</a>',
            "http://a.com/c": '<a href="/a">A</a> <a href="/d?id=1">D</a>',
            "http://a.com/d?id=1": "没有链接",
        }
        frontier, visited = Frontier("http://a.com/"), []
        while len(frontier) > 0 and len(visited) < 50:  # 上限：去重有问题时也不会死循环
            url = frontier.pop()
            visited.append(url)
            for link in extract_links(site.get(url, ""), url):
                frontier.add(link)
        self.assertEqual(visited, [
            "http://a.com/", "http://a.com/a", "http://a.com/b", "http://a.com/c", "http://a.com/d?id=1",
        ])


if __name__ == "__main__":
    unittest.main()
