"""只用标准库实现的迷你版 Django MTV（一个模拟，不是真正的 Django）。

- urlpatterns + 路径转换器       ~ django.urls.path / resolve / reverse
- 基于 sqlite3 的 Book 模型      ~ 带一个极简 manager 的 models.Model
- 视图返回类似 HttpResponse 的对象
- 一个支持 {{ var }}、{{ obj.attr }}、{% for %} 和自动转义的模板引擎
"""
import html
import re
import sqlite3

# ---------------------------------------------------------------- 模型（Model）
conn = sqlite3.connect(":memory:")
conn.execute("CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT, year INTEGER)")
conn.executemany("INSERT INTO book (title, year) VALUES (?, ?)",
                 [("Fluent Python", 2015), ("<script>alert(1)</script>", 2024)])


class DoesNotExist(Exception):
    pass


class Book:
    def __init__(self, id, title, year):
        self.id, self.title, self.year = id, title, year

    class objects:                       # 一个极简的“manager”
        @staticmethod
        def all():
            rows = conn.execute("SELECT id, title, year FROM book ORDER BY id")
            return [Book(*row) for row in rows]

        @staticmethod
        def get(pk):
            row = conn.execute("SELECT id, title, year FROM book WHERE id = ?", (pk,)).fetchone()
            if row is None:
                raise DoesNotExist(pk)
            return Book(*row)


# ---------------------------------------------------------------- 模板（Template）
def lookup(context, dotted):
    value = context
    for part in dotted.split("."):
        value = value[part] if isinstance(value, dict) else getattr(value, part)
    return value


def render(template, context):
    def expand_for(m):
        var, seq, inner = m.group(1), m.group(2), m.group(3)
        return "".join(render(inner, {**context, var: item}) for item in lookup(context, seq))

    template = re.sub(r"{% for (\w+) in ([\w.]+) %}(.*?){% endfor %}", expand_for, template, flags=re.S)
    # 自动转义：和 Django 模板一样，每个 {{ value }} 都先经过 html.escape
    return re.sub(r"{{ ([\w.]+) }}", lambda m: html.escape(str(lookup(context, m.group(1)))), template)


TEMPLATES = {
    "book_list.html": "<ul>{% for b in books %}<li>{{ b.title }} ({{ b.year }})</li>{% endfor %}</ul>",
    "book_detail.html": "<h1>{{ book.title }}</h1><p>published {{ book.year }}</p>",
}


# ---------------------------------------------------------------- 视图（View）
class HttpResponse:
    def __init__(self, content, status=200):
        self.content, self.status = content, status


def book_list(request):
    return HttpResponse(render(TEMPLATES["book_list.html"], {"books": Book.objects.all()}))


def book_detail(request, pk):
    try:
        book = Book.objects.get(pk=pk)
    except DoesNotExist:                   # get_object_or_404 替你做的就是这件事
        return HttpResponse("Not Found", status=404)
    return HttpResponse(render(TEMPLATES["book_detail.html"], {"book": book}))


# ---------------------------------------------------------------- URL 配置（URLconf）
CONVERTERS = {"int": (r"[0-9]+", int), "str": (r"[^/]+", str), "slug": (r"[-a-zA-Z0-9_]+", str)}


def path(route, view, name):
    casts = {}

    def repl(m):
        conv, var = m.group(1), m.group(2)
        casts[var] = CONVERTERS[conv][1]
        return f"(?P<{var}>{CONVERTERS[conv][0]})"

    regex = re.compile("^" + re.sub(r"<(\w+):(\w+)>", repl, route) + r"\Z")
    return {"route": route, "regex": regex, "casts": casts, "view": view, "name": name}


urlpatterns = [
    path("books/", book_list, name="book_list"),
    path("books/<int:pk>/", book_detail, name="book_detail"),
]


def resolve(url):
    for p in urlpatterns:
        m = p["regex"].match(url.lstrip("/"))
        if m:
            return p["view"], {k: p["casts"][k](v) for k, v in m.groupdict().items()}
    return None, {}


def reverse(name, **kwargs):
    for p in urlpatterns:
        if p["name"] == name:
            return "/" + re.sub(r"<\w+:(\w+)>", lambda m: str(kwargs[m.group(1)]), p["route"])
    raise LookupError(name)


def handle(url):
    view, kwargs = resolve(url)
    response = view({"path": url}, **kwargs) if view else HttpResponse("Not Found", 404)
    print(f"GET {url} -> {response.status} {response.content}")


print("resolve('/books/2/') ->", resolve("/books/2/")[0].__name__, resolve("/books/2/")[1])
print("reverse('book_detail', pk=1) ->", reverse("book_detail", pk=1))
for url in ["/books/", "/books/1/", "/books/2/", "/books/99/", "/books/abc/", "/authors/"]:
    handle(url)
