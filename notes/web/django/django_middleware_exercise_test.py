"""练习“Django 中间件链”的测试（学习者看不到这个文件）。"""
import unittest

from django_middleware_exercise import build_handler


def make_layer(name, log, short_circuit=None, view_response=None, exception_response=None):
    """生成一个类式中间件，记录前后两个阶段。

    short_circuit 不为 None 时直接返回它（短路）；view_response、exception_response 为 False 时
    不定义 process_view、process_exception，否则定义该方法并让它返回这个值。
    """

    class Layer:
        def __init__(self, get_response):
            log.append(f"init {name}")
            self.get_response = get_response

        def __call__(self, request):
            log.append(f"{name} before")
            if short_circuit is not None:
                return short_circuit
            response = self.get_response(request)
            log.append(f"{name} after")
            return f"{name}({response})"

    if view_response is not False:
        def process_view(self, request, view):
            log.append(f"{name} process_view {view.__name__}")
            return view_response
        Layer.process_view = process_view
    if exception_response is not False:
        def process_exception(self, request, exc):
            log.append(f"{name} process_exception {type(exc).__name__}")
            return exception_response
        Layer.process_exception = process_exception
    return Layer


class MiddlewareChainTests(unittest.TestCase):
    def setUp(self):
        self.log = []

    def view(self, request):
        self.log.append("view")
        return f"hello {request['user']}"

    def test_onion_order(self):
        outer = make_layer("A", self.log, view_response=False, exception_response=False)
        inner = make_layer("B", self.log, view_response=False, exception_response=False)
        handler = build_handler(self.view, [outer, inner])
        self.log.clear()
        self.assertEqual(handler({"user": "ada"}), "A(B(hello ada))")
        self.assertEqual(self.log, ["A before", "B before", "view", "B after", "A after"])

    def test_factories_run_once_inner_first(self):
        outer = make_layer("A", self.log, view_response=False, exception_response=False)
        inner = make_layer("B", self.log, view_response=False, exception_response=False)
        handler = build_handler(self.view, [outer, inner])
        self.assertEqual(self.log, ["init B", "init A"])
        for _ in range(3):
            handler({"user": "ada"})
        self.assertEqual(self.log.count("init A") + self.log.count("init B"), 2)

    def test_short_circuit_skips_inner_layers_and_view(self):
        outer = make_layer("A", self.log, view_response=False, exception_response=False)
        guard = make_layer("Auth", self.log, short_circuit="403 Forbidden", view_response=False, exception_response=False)
        inner = make_layer("B", self.log, view_response=False, exception_response=False)
        handler = build_handler(self.view, [outer, guard, inner])
        self.log.clear()
        self.assertEqual(handler({}), "A(403 Forbidden)")
        self.assertEqual(self.log, ["A before", "Auth before", "A after"])

    def test_function_middleware_and_empty_list(self):
        def upper(get_response):
            def middleware(request):
                return get_response(request).upper()
            return middleware

        self.assertEqual(build_handler(self.view, [upper])({"user": "bob"}), "HELLO BOB")
        self.assertEqual(build_handler(self.view, [])({"user": "bob"}), "hello bob")

    def test_process_view_runs_outer_first_and_can_answer(self):
        outer = make_layer("A", self.log, view_response=None, exception_response=False)
        cache = make_layer("Cache", self.log, view_response="cached page", exception_response=False)
        inner = make_layer("B", self.log, view_response=None, exception_response=False)
        handler = build_handler(self.view, [outer, cache, inner])
        self.log.clear()
        self.assertEqual(handler({"user": "ada"}), "A(Cache(B(cached page)))")
        self.assertEqual(self.log, ["A before", "Cache before", "B before", "A process_view view",
                                    "Cache process_view view", "B after", "Cache after", "A after"])

    def test_process_exception_runs_inner_first(self):
        def broken_view(request):
            raise ZeroDivisionError("boom")

        outer = make_layer("A", self.log, view_response=False, exception_response="500 handled by A")
        inner = make_layer("B", self.log, view_response=False, exception_response=None)
        handler = build_handler(broken_view, [outer, inner])
        self.log.clear()
        self.assertEqual(handler({}), "A(B(500 handled by A))")
        self.assertEqual(self.log, ["A before", "B before", "B process_exception ZeroDivisionError",
                                    "A process_exception ZeroDivisionError", "B after", "A after"])

    def test_unhandled_exception_propagates(self):
        def broken_view(request):
            raise KeyError("user")

        only = make_layer("B", self.log, view_response=False, exception_response=None)
        handler = build_handler(broken_view, [only])
        with self.assertRaises(KeyError):
            handler({})


if __name__ == "__main__":
    unittest.main()
