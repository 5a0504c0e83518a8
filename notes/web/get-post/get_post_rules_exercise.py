"""练习：把“重定向后用什么方法”和“POST 响应能否缓存”写成函数。

要求：
- redirect_request(status, method, body) 返回浏览器跟随重定向时发出的 (方法, 请求体)：
  - 303：GET 和 HEAD 保持不变，其他方法一律改成 GET，并丢掉请求体（返回 None）；
  - 301、302：POST 改成不带请求体的 GET（浏览器都这样做，规范也允许），其他方法不变、请求体保留；
  - 307、308：方法和请求体都原样保留；
  - 其他状态码不是要自动跟随的重定向，抛出 ValueError。
- post_response_cacheable(request_uri, headers) 判断一个 POST 请求的响应能否被缓存，
  并用来回答之后对 request_uri 的 GET。条件是同时满足：
  - 有明确的新鲜度信息：Cache-Control 里有 max-age=N 或 s-maxage=N，或者有 Expires 首部；
  - 有 Content-Location 首部，并且它的值和 request_uri 完全相同；
  - Cache-Control 里没有 no-store。
  headers 是 dict，首部名不区分大小写；Cache-Control 的指令用逗号分隔，也不区分大小写。
"""


def redirect_request(status, method, body):
    """返回跟随 status 重定向时的 (新方法, 新请求体)；请求体被丢弃时为 None。"""
    raise NotImplementedError("在这里实现 redirect_request")


def post_response_cacheable(request_uri, headers):
    """POST request_uri 得到的响应（首部为 headers）能否被缓存并复用给之后的 GET，返回 True 或 False。"""
    raise NotImplementedError("在这里实现 post_response_cacheable")
