"""Django 风格的中间件：由一层层 get_response 可调用对象组成的洋葱（一个模拟）。

每个中间件类在启动时只实例化一次，构造时拿到内层的可调用对象（get_response）。
处理请求时，它先执行自己的“前置”代码，再调用 get_response，然后执行“后置”代码。
某一层也可以不调用 get_response 直接返回响应：这时更内层的中间件和视图都会被跳过。
"""


class HttpResponse:
    def __init__(self, content, status=200, reason="OK"):
        self.content, self.status, self.reason = content, status, reason
        self.headers = {}


class TimingMiddleware:
    def __init__(self, get_response):
        print("init TimingMiddleware")
        self.get_response = get_response

    def __call__(self, request):
        print("timing: before")
        response = self.get_response(request)
        print("timing: after")
        response.headers["X-Timing"] = "measured"
        return response


class AuthMiddleware:
    def __init__(self, get_response):
        print("init AuthMiddleware")
        self.get_response = get_response

    def __call__(self, request):
        print("auth: before")
        if not request.get("user"):
            return HttpResponse("Forbidden", 403, "Forbidden")   # 短路：直接返回，不再往里走
        response = self.get_response(request)
        print("auth: after")
        return response


def hello_view(request):
    print("view runs")
    return HttpResponse(f"hello {request['user']}")


# settings.MIDDLEWARE：列表中的第一项是最外层。
MIDDLEWARE = [TimingMiddleware, AuthMiddleware]


def load_middleware(view):
    handler = view
    for middleware_class in reversed(MIDDLEWARE):   # 从内向外逐层包装
        handler = middleware_class(handler)
    return handler


handler = load_middleware(hello_view)

for request in [{"user": "alice"}, {}]:
    print(f"--- request {request}")
    response = handler(request)
    print(response.status, response.reason, response.content, response.headers)
