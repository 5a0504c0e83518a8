"""练习“重定向方法与 POST 响应缓存规则”的参考答案。"""


def redirect_request(status, method, body):
    """返回跟随 status 重定向时的 (新方法, 新请求体)；请求体被丢弃时为 None。"""
    if status == 303:
        if method in ("GET", "HEAD"):
            return method, body
        return "GET", None
    if status in (301, 302):
        # 规范允许把 POST 改成 GET，浏览器实际上都会这样做
        if method == "POST":
            return "GET", None
        return method, body
    if status in (307, 308):
        return method, body
    raise ValueError(f"{status} 不是要自动跟随的重定向")


def post_response_cacheable(request_uri, headers):
    """POST request_uri 得到的响应（首部为 headers）能否被缓存并复用给之后的 GET，返回 True 或 False。"""
    lower = {name.lower(): value for name, value in headers.items()}
    directives = [d.strip().lower() for d in lower.get("cache-control", "").split(",") if d.strip()]
    if "no-store" in directives:
        return False
    explicit = "expires" in lower
    for directive in directives:
        name, _, value = directive.partition("=")
        if name in ("max-age", "s-maxage") and value.isdigit():
            explicit = True
    # 只有新鲜度信息还不够，Content-Location 必须指向请求的 URI 本身
    return explicit and lower.get("content-location") == request_uri
