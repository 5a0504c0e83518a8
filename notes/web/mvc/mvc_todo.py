"""只用标准库实现的 Web 风格 MVC。

模型（Model）      = TodoModel：数据、业务规则和持久化（sqlite3）
视图（View）       = render_html / render_json：只负责展示，没有业务规则，也不写 SQL
控制器（Controller）= TodoController：把请求变成对模型的调用，再挑选一个视图
"""
import json
import sqlite3
from string import Template


class ValidationError(Exception):
    """违反业务规则时由模型抛出。"""


class TodoModel:
    """模型：拥有数据，以及关于这些数据的全部规则。"""

    def __init__(self, conn):
        self.conn = conn
        conn.execute(
            "CREATE TABLE todo (id INTEGER PRIMARY KEY, title TEXT NOT NULL,"
            " done INTEGER NOT NULL DEFAULT 0)"
        )

    def add(self, title):
        title = title.strip()
        if not title:                                  # 业务规则 1
            raise ValidationError("title must not be empty")
        if len(title) > 30:                            # 业务规则 2
            raise ValidationError("title is longer than 30 characters")
        with self.conn:                                # 一个事务
            cur = self.conn.execute("INSERT INTO todo (title) VALUES (?)", (title,))
        return cur.lastrowid

    def complete(self, todo_id):
        with self.conn:
            cur = self.conn.execute("UPDATE todo SET done = 1 WHERE id = ?", (todo_id,))
        if cur.rowcount == 0:
            raise LookupError(todo_id)

    def all(self):
        rows = self.conn.execute("SELECT id, title, done FROM todo ORDER BY id")
        return [{"id": i, "title": t, "done": bool(d)} for i, t, d in rows]


# 视图：把上下文字典变成文本，从不访问数据库。
ITEM = Template("  [$mark] $id. $title")
PAGE = Template("Todo list ($open open)\n$items")


def render_html(context):
    items = [
        ITEM.substitute(mark="x" if t["done"] else " ", id=t["id"], title=t["title"])
        for t in context["todos"]
    ]
    return PAGE.substitute(open=context["open"], items="\n".join(items))


def render_json(context):
    return json.dumps(context["todos"])


class TodoController:
    """控制器：解析输入、调用模型、选择视图。这里不写业务规则。"""

    def __init__(self, model):
        self.model = model

    def handle(self, method, path, form=None):
        path, _, fmt = path.partition("?format=")
        parts = path.strip("/").split("/")
        if parts[0] != "todos":
            return "404 Not Found", path
        if method == "GET" and len(parts) == 1:
            todos = self.model.all()
            context = {"todos": todos, "open": sum(not t["done"] for t in todos)}
            view = render_json if fmt == "json" else render_html   # 选择一个视图
            return "200 OK", view(context)
        if method == "POST" and len(parts) == 1:
            try:
                self.model.add((form or {}).get("title", ""))
            except ValidationError as exc:
                return "400 Bad Request", str(exc)
            return "303 See Other", "/todos"        # POST 之后重定向（PRG）
        if method == "POST" and len(parts) == 3 and parts[2] == "done":
            try:
                self.model.complete(int(parts[1]))
            except (ValueError, LookupError):
                return "404 Not Found", path
            return "303 See Other", "/todos"
        return "405 Method Not Allowed", method


def main():
    controller = TodoController(TodoModel(sqlite3.connect(":memory:")))
    requests = [
        ("POST", "/todos", {"title": "learn MVC"}),
        ("POST", "/todos", {"title": "   "}),
        ("POST", "/todos", {"title": "write notes"}),
        ("POST", "/todos/1/done", None),
        ("POST", "/todos/9/done", None),
        ("DELETE", "/todos", None),
        ("GET", "/todos", None),
        ("GET", "/todos?format=json", None),
    ]
    for method, path, form in requests:
        status, body = controller.handle(method, path, form)
        print(f"{method} {path} -> {status}: {body}")


if __name__ == "__main__":
    main()
