"""练习“迷你 Flask 路由表”的测试（学习者看不到这个文件）。"""
import unittest

from flask_routes_exercise import MethodNotAllowed, MiniFlask, NotFound


def make_app():
    app = MiniFlask()

    @app.route("/")
    def index():
        return "home"

    @app.route("/users/<int:user_id>")
    def show_user(user_id):
        return f"user {user_id}"

    @app.route("/users", methods=["POST"])
    def create_user():
        return "created"

    @app.route("/files/<name>")
    def show_file(name):
        return name

    @app.route("/static/<path:filename>", endpoint="static")
    def send_static(filename):
        return filename

    return app, index, show_user, create_user, show_file, send_static


class RouteRegistrationTests(unittest.TestCase):
    def test_decorator_registers_and_returns_the_function(self):
        app = MiniFlask()

        def hello():
            return "hi"

        decorated = app.route("/hello")(hello)
        self.assertIs(decorated, hello)
        self.assertEqual(app.match("GET", "/hello"), (hello, {}))

    def test_duplicate_endpoint_and_unknown_converter(self):
        app = MiniFlask()

        @app.route("/a")
        def page():
            return "a"

        def other():
            return "b"

        with self.assertRaises(ValueError):
            app.route("/b", endpoint="page")(other)
        with self.assertRaises(ValueError):
            app.route("/c/<uuid:item>")(other)


class MatchTests(unittest.TestCase):
    def test_int_converter(self):
        app, _, show_user, *_ = make_app()
        view, kwargs = app.match("GET", "/users/42")
        self.assertEqual((view, kwargs), (show_user, {"user_id": 42}))
        self.assertEqual(type(kwargs["user_id"]), int)
        for path in ["/users/abc", "/users/-1", "/users/", "/users/42/extra"]:
            with self.subTest(path=path):
                with self.assertRaises(NotFound):
                    app.match("GET", path)

    def test_string_and_path_converters(self):
        app, *_, show_file, send_static = make_app()
        self.assertEqual(app.match("GET", "/files/report.txt"), (show_file, {"name": "report.txt"}))
        with self.assertRaises(NotFound):
            app.match("GET", "/files/a/b.txt")
        self.assertEqual(app.match("GET", "/static/css/app.css"), (send_static, {"filename": "css/app.css"}))
        with self.assertRaises(NotFound):
            app.match("GET", "/static/")

    def test_methods_head_and_405(self):
        app, index, show_user, create_user, *_ = make_app()
        self.assertEqual(app.match("POST", "/users"), (create_user, {}))
        self.assertEqual(app.match("HEAD", "/"), (index, {}))
        with self.assertRaises(MethodNotAllowed) as caught:
            app.match("GET", "/users")
        self.assertEqual(caught.exception.allowed, ["POST"])
        with self.assertRaises(MethodNotAllowed) as caught:
            app.match("DELETE", "/users/1")
        self.assertEqual(caught.exception.allowed, ["GET", "HEAD"])
        with self.assertRaises(NotFound):
            app.match("GET", "/missing")


class UrlForTests(unittest.TestCase):
    def test_builds_paths_and_query_strings(self):
        app, *_ = make_app()
        self.assertEqual(app.url_for("index"), "/")
        self.assertEqual(app.url_for("show_user", user_id=7), "/users/7")
        self.assertEqual(app.url_for("static", filename="css/app.css"), "/static/css/app.css")
        self.assertEqual(app.url_for("show_user", user_id=7, tab="posts", page=2), "/users/7?tab=posts&page=2")

    def test_unknown_endpoint_or_missing_value(self):
        app, *_ = make_app()
        with self.assertRaises(LookupError):
            app.url_for("nope")
        with self.assertRaises(LookupError):
            app.url_for("show_user")
        with self.assertRaises(LookupError):
            app.url_for("send_static", filename="x")


if __name__ == "__main__":
    unittest.main()
