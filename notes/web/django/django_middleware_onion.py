"""Django-style middleware: an onion of get_response callables (a simulation).

Each middleware class is built once at startup with the next layer's callable
(get_response). On a request it runs its "before" code, calls get_response,
then runs its "after" code. A layer may return a response without calling
get_response: the inner layers and the view are then skipped.
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
            return HttpResponse("Forbidden", 403, "Forbidden")   # short-circuit
        response = self.get_response(request)
        print("auth: after")
        return response


def hello_view(request):
    print("view runs")
    return HttpResponse(f"hello {request['user']}")


# settings.MIDDLEWARE: the first entry is the OUTERMOST layer.
MIDDLEWARE = [TimingMiddleware, AuthMiddleware]


def load_middleware(view):
    handler = view
    for middleware_class in reversed(MIDDLEWARE):   # wrap from the inside out
        handler = middleware_class(handler)
    return handler


handler = load_middleware(hello_view)

for request in [{"user": "alice"}, {}]:
    print(f"--- request {request}")
    response = handler(request)
    print(response.status, response.reason, response.content, response.headers)
