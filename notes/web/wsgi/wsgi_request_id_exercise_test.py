"""练习“请求 ID 中间件”的测试（学习者看不到这个文件）。"""
import sys
import unittest
from wsgiref.util import setup_testing_defaults

from wsgi_request_id_exercise import RequestIdMiddleware


def make_environ(**extra):
    environ = dict(extra)
    setup_testing_defaults(environ)
    return environ


class FakeServer:
    """记录 start_response 收到的参数，并像真正的服务器那样返回一个 write 函数。"""

    def __init__(self):
        self.calls = []
        self.written = []

    def start_response(self, status, headers, exc_info=None):
        self.calls.append((status, headers, exc_info))
        return self.written.append


def hello_app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"hello ", environ["request_id"].encode()]


def ids(*values):
    """依次返回给定值的 generate 函数。"""
    it = iter(values)
    return lambda: next(it)


class RequestIdMiddlewareTests(unittest.TestCase):
    def test_generates_id_when_header_missing(self):
        server = FakeServer()
        app = RequestIdMiddleware(hello_app, generate=ids("req-1"))
        body = b"".join(app(make_environ(), server.start_response))
        self.assertEqual(body, b"hello req-1")
        self.assertEqual(server.calls, [("200 OK", [("Content-Type", "text/plain"), ("X-Request-ID", "req-1")], None)])

    def test_each_request_gets_a_new_id(self):
        server = FakeServer()
        app = RequestIdMiddleware(hello_app, generate=ids("a", "b"))
        first = b"".join(app(make_environ(), server.start_response))
        second = b"".join(app(make_environ(), server.start_response))
        self.assertEqual([first, second], [b"hello a", b"hello b"])

    def test_reuses_valid_incoming_id(self):
        server = FakeServer()
        app = RequestIdMiddleware(hello_app, generate=ids("unused"))
        environ = make_environ(HTTP_X_REQUEST_ID="edge-7f3a.01_x")
        body = b"".join(app(environ, server.start_response))
        self.assertEqual(body, b"hello edge-7f3a.01_x")
        self.assertEqual(environ["request_id"], "edge-7f3a.01_x")
        self.assertEqual(server.calls[0][1][-1], ("X-Request-ID", "edge-7f3a.01_x"))

    def test_replaces_invalid_incoming_id(self):
        server = FakeServer()
        app = RequestIdMiddleware(hello_app, generate=ids("fresh-1", "fresh-2", "fresh-3"))
        for bad in ["", "a b", "x" * 65]:
            app(make_environ(HTTP_X_REQUEST_ID=bad), server.start_response)
        sent = [headers[-1] for _, headers, _ in server.calls]
        self.assertEqual(sent, [("X-Request-ID", "fresh-1"), ("X-Request-ID", "fresh-2"), ("X-Request-ID", "fresh-3")])

    def test_passes_exc_info_and_returns_write(self):
        def failing_app(environ, start_response):
            try:
                raise RuntimeError("boom")
            except RuntimeError:
                write = start_response("500 Internal Server Error", [], sys.exc_info())
            write(b"error")
            return []

        server = FakeServer()
        app = RequestIdMiddleware(failing_app, generate=ids("req-9"))
        self.assertEqual(list(app(make_environ(), server.start_response)), [])
        status, headers, exc_info = server.calls[0]
        self.assertEqual((status, headers), ("500 Internal Server Error", [("X-Request-ID", "req-9")]))
        self.assertEqual(exc_info[0], RuntimeError)
        self.assertEqual(server.written, [b"error"])

    def test_returns_the_app_iterable_unchanged(self):
        class Body:
            """只能迭代一次、带 close() 的响应体。"""

            def __init__(self):
                self.iterated = False

            def __iter__(self):
                self.iterated = True
                return iter([b"chunk"])

            def close(self):
                pass

        body = Body()

        def streaming_app(environ, start_response):
            start_response("200 OK", [])
            return body

        app = RequestIdMiddleware(streaming_app, generate=ids("s-1"))
        result = app(make_environ(), FakeServer().start_response)
        self.assertIs(result, body)
        self.assertEqual(body.iterated, False)


if __name__ == "__main__":
    unittest.main()
