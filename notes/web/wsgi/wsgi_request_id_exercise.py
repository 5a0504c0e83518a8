"""练习：写一个给每个请求加上请求 ID 的 WSGI 中间件。

要求：
- RequestIdMiddleware(app, generate) 本身是一个 WSGI 应用：middleware(environ, start_response)；
- 请求首部 X-Request-ID（在 environ 里是 HTTP_X_REQUEST_ID）存在且合法时沿用它，
  合法指的是 1 到 64 个字符、只含字母、数字、点、下划线和连字符；
  否则调用 generate() 生成一个新的 ID；
- 把 ID 放进 environ["request_id"]，让内层应用能读到；
- 在响应首部的末尾追加 ("X-Request-ID", ID)，应用自己的状态和首部原样保留；
- 包装后的 start_response 要把 exc_info 原样传给服务器的 start_response，并返回它的返回值
  （也就是 write 可调用对象）；
- 原样返回内层应用的响应体可迭代对象，不要自己把它读完。
"""
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
        raise NotImplementedError("在这里实现 RequestIdMiddleware.__call__")
