"""练习“解析 HTTP/1.1 请求”的测试（学习者看不到这个文件）。"""
import unittest

from http_parse_exercise import parse_request


class ParseRequestTests(unittest.TestCase):
    def test_simple_get(self):
        data = b"GET /search?q=tcp HTTP/1.1\r\nHost: example.com\r\nAccept: */*\r\n\r\n"
        request, rest = parse_request(data)
        self.assertEqual((request.method, request.target, request.version), ("GET", "/search?q=tcp", "HTTP/1.1"))
        self.assertEqual(request.headers, {"host": "example.com", "accept": "*/*"})
        self.assertEqual(request.body, b"")
        self.assertEqual(rest, b"")

    def test_header_names_are_case_insensitive_and_repeats_are_joined(self):
        data = (b"GET / HTTP/1.1\r\nHOST: a.example\r\nAccept-Encoding:   gzip  \r\n"
                b"accept-encoding: br\r\nX-Empty:\r\n\r\n")
        request, _ = parse_request(data)
        self.assertEqual(request.headers, {"host": "a.example", "accept-encoding": "gzip, br", "x-empty": ""})

    def test_content_length_body_and_pipelined_rest(self):
        first = b"POST /login HTTP/1.1\r\nHost: x\r\ncontent-length: 21\r\n\r\nuser=alice&pwd=s3cret"
        second = b"GET /home HTTP/1.1\r\nHost: x\r\n\r\n"
        request, rest = parse_request(first + second)
        self.assertEqual(request.body, b"user=alice&pwd=s3cret")
        self.assertEqual(rest, second)
        following, rest = parse_request(rest)
        self.assertEqual((following.method, following.target, rest), ("GET", "/home", b""))

    def test_body_may_contain_a_blank_line(self):
        body = b"a\r\n\r\nb"
        data = b"PUT /raw HTTP/1.1\r\nContent-Length: 6\r\n\r\n" + body + b"NEXT"
        request, rest = parse_request(data)
        self.assertEqual((request.body, rest), (body, b"NEXT"))

    def test_chunked_body(self):
        data = (b"POST /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                b"4\r\nWiki\r\n"
                b"A;note=ten\r\npedia in c\r\n"
                b"6\r\nhunks.\r\n"
                b"0\r\nX-Checksum: 42\r\n\r\n"
                b"GET / HTTP/1.1\r\n\r\n")
        request, rest = parse_request(data)
        self.assertEqual(request.body, b"Wikipedia in chunks.")
        self.assertEqual(rest, b"GET / HTTP/1.1\r\n\r\n")

    def test_malformed_or_incomplete_requests_raise_value_error(self):
        bad = {
            "no blank line": b"GET / HTTP/1.1\r\nHost: x\r\n",
            "two-part request line": b"GET /\r\nHost: x\r\n\r\n",
            "not HTTP": b"GET / FTP/1.0\r\n\r\n",
            "space before colon": b"GET / HTTP/1.1\r\nHost : x\r\n\r\n",
            "line without colon": b"GET / HTTP/1.1\r\nHost\r\n\r\n",
            "short body": b"POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc",
            "bad length": b"POST / HTTP/1.1\r\nContent-Length: ten\r\n\r\nabc",
            "length and chunked": b"POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
            "bad chunk size": b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhi\r\n0\r\n\r\n",
            "unfinished chunks": b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel",
        }
        for label, data in bad.items():
            with self.subTest(label):
                with self.assertRaises(ValueError):
                    parse_request(data)


if __name__ == "__main__":
    unittest.main()
