"""练习“请求 ID 中间件”的参考答案。"""
import re
import uuid

VALID_ID = re.compile(r"[A-Za-z0-9._-]{1,64}\Z")


class RequestIdMiddleware:
    """给每个请求分配请求 ID 的 WSGI 中间件。"""

    def __init__(self, app, generate=None):
        """app 是被包住的 WSGI 应用；generate 是生成新 ID 的无参函数，默认用 uuid4().hex。"""
        self.app = app
        self.generate = generate or (lambda: uuid.uuid4().hex)

    def __call__(self, environ, start_response):
        """按 WSGI 约定处理一个请求：确定请求 ID，调用内层应用，并在响应首部里带上这个 ID。"""
        incoming = environ.get("HTTP_X_REQUEST_ID", "")
        # 客户端传来的 ID 会进日志，不合法的一律丢弃，防止日志注入
        request_id = incoming if VALID_ID.match(incoming) else self.generate()
        environ["request_id"] = request_id

        def start_response_with_id(status, headers, exc_info=None):
            # 返回服务器的 write 可调用对象，exc_info 也要原样传下去
            return start_response(status, list(headers) + [("X-Request-ID", request_id)], exc_info)

        # 不读取、不拼接响应体：原样返回，服务器才能流式发送并调用 close()
        return self.app(environ, start_response_with_id)
