"""练习“待办应用的路由器和控制器”的测试（学习者看不到这个文件）。"""
import unittest

from mvc_router_exercise import Router, TodoModel, make_app


def echo(request, **params):
    """把收到的请求和参数原样返回，方便检查路由器传了什么。"""
    return "200 OK", (request, params)


class RouterTests(unittest.TestCase):
    def test_static_route_and_request(self):
        router = Router()
        router.add("GET", "/todos", echo)
        self.assertEqual(router.dispatch("GET", "/todos"),
                         ("200 OK", ({"method": "GET", "path": "/todos", "form": {}}, {})))
        self.assertEqual(router.dispatch("GET", "/todos", {"q": "x"})[1][0]["form"], {"q": "x"})

    def test_path_parameters_are_passed_as_keywords(self):
        router = Router()
        router.add("POST", "/users/{user}/todos/{id}/done", echo)
        status, (request, params) = router.dispatch("POST", "/users/ada/todos/7/done")
        self.assertEqual(params, {"user": "ada", "id": "7"})
        self.assertEqual(request["path"], "/users/ada/todos/7/done")

    def test_404_when_no_pattern_matches(self):
        router = Router()
        router.add("GET", "/todos/{id}", echo)
        for path in ["/todo/1", "/todos", "/todos/1/extra", "/todos//", "/"]:
            with self.subTest(path=path):
                self.assertEqual(router.dispatch("GET", path), ("404 Not Found", path))

    def test_405_lists_allowed_methods(self):
        router = Router()
        router.add("GET", "/todos", echo)
        router.add("POST", "/todos", echo)
        router.add("GET", "/todos/{id}", echo)
        self.assertEqual(router.dispatch("DELETE", "/todos"), ("405 Method Not Allowed", "GET, POST"))
        self.assertEqual(router.dispatch("PUT", "/todos/3"), ("405 Method Not Allowed", "GET"))

    def test_first_matching_route_wins(self):
        router = Router()
        router.add("GET", "/todos/new", lambda request: ("200 OK", "form page"))
        router.add("GET", "/todos/{id}", lambda request, id: ("200 OK", f"todo {id}"))
        self.assertEqual(router.dispatch("GET", "/todos/new"), ("200 OK", "form page"))
        self.assertEqual(router.dispatch("GET", "/todos/5"), ("200 OK", "todo 5"))


class TodoAppTests(unittest.TestCase):
    def test_create_then_list(self):
        app = make_app(TodoModel())
        self.assertEqual(app.dispatch("POST", "/todos", {"title": "learn MVC"}), ("303 See Other", "/todos"))
        self.assertEqual(app.dispatch("POST", "/todos", {"title": "write notes"}), ("303 See Other", "/todos"))
        self.assertEqual(app.dispatch("GET", "/todos"), ("200 OK", "2 open\n[ ] 1. learn MVC\n[ ] 2. write notes"))

    def test_validation_errors_become_400(self):
        app = make_app(TodoModel())
        self.assertEqual(app.dispatch("POST", "/todos", {"title": "   "}), ("400 Bad Request", "标题不能为空"))
        self.assertEqual(app.dispatch("POST", "/todos"), ("400 Bad Request", "标题不能为空"))
        self.assertEqual(app.dispatch("POST", "/todos", {"title": "x" * 31}), ("400 Bad Request", "标题不能超过 30 个字符"))
        self.assertEqual(app.dispatch("GET", "/todos"), ("200 OK", "0 open"))

    def test_show_and_complete(self):
        app = make_app(TodoModel())
        app.dispatch("POST", "/todos", {"title": "learn MVC"})
        self.assertEqual(app.dispatch("GET", "/todos/1"), ("200 OK", "[ ] 1. learn MVC"))
        self.assertEqual(app.dispatch("POST", "/todos/1/done"), ("303 See Other", "/todos"))
        self.assertEqual(app.dispatch("GET", "/todos/1"), ("200 OK", "[x] 1. learn MVC"))
        self.assertEqual(app.dispatch("DELETE", "/todos/1"), ("405 Method Not Allowed", "GET"))

    def test_unknown_or_malformed_ids_become_404(self):
        app = make_app(TodoModel())
        for method, path in [("GET", "/todos/9"), ("GET", "/todos/abc"), ("POST", "/todos/9/done"), ("POST", "/todos/x/done")]:
            with self.subTest(path=path):
                self.assertEqual(app.dispatch(method, path), ("404 Not Found", path))


if __name__ == "__main__":
    unittest.main()
