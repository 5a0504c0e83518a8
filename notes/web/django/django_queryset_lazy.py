"""惰性 QuerySet 与 N+1 问题，用 sqlite3 演示（模拟 Django 的 ORM）。

用一个 trace 回调统计真正发到数据库的每一条 SELECT。
"""
import sqlite3

conn = sqlite3.connect(":memory:")
conn.executescript("""
CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT);
CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT,
                   author_id INTEGER REFERENCES author(id));
INSERT INTO author VALUES (1, 'Ada'), (2, 'Bob');
INSERT INTO book VALUES (1, 'A1', 1), (2, 'A2', 1), (3, 'B1', 2), (4, 'B2', 2);
""")

queries = []
conn.set_trace_callback(lambda sql: queries.append(sql) if sql.startswith("SELECT") else None)


class Author:
    def __init__(self, id, name):
        self.id, self.name = id, name
        self._books = None

    @property
    def books(self):                       # 反向外键：相当于 author.book_set
        if self._books is None:            # 没有预取 -> 每个作者一条查询
            rows = conn.execute("SELECT id, title, author_id FROM book WHERE author_id = ? ORDER BY id",
                                (self.id,))
            self._books = [Book(*r) for r in rows]
        return self._books


class Book:
    def __init__(self, id, title, author_id, author=None):
        self.id, self.title, self.author_id = id, title, author_id
        self._author = author

    @property
    def author(self):                      # 正向外键：book.author
        if self._author is None:           # 没有加载 -> 每本书一条查询
            row = conn.execute("SELECT id, name FROM author WHERE id = ?", (self.author_id,)).fetchone()
            self._author = Author(*row)
        return self._author


class BookQuerySet:
    """惰性地构造 SQL：在 QuerySet 被求值之前，什么都不执行。"""

    def __init__(self, where=(), params=(), related=False):
        self.where, self.params, self.related = where, params, related
        self._cache = None

    def filter(self, **kw):                 # 返回一个新的 QuerySet，不查询
        (field, value), = kw.items()
        return BookQuerySet(self.where + (f"book.{field} = ?",), self.params + (value,), self.related)

    def select_related(self, name):         # 用 JOIN 在同一条查询里带出作者
        return BookQuerySet(self.where, self.params, related=True)

    def _fetch(self):
        if self._cache is None:             # 只求值一次，之后使用缓存
            cols = "book.id, book.title, book.author_id"
            sql = f"SELECT {cols}{', author.name' if self.related else ''} FROM book"
            if self.related:
                sql += " JOIN author ON author.id = book.author_id"
            if self.where:
                sql += " WHERE " + " AND ".join(self.where)
            rows = conn.execute(sql + " ORDER BY book.id", self.params).fetchall()
            self._cache = [Book(*r[:3], author=Author(r[2], r[3]) if self.related else None)
                           for r in rows]
        return self._cache

    def __iter__(self):
        return iter(self._fetch())

    def __len__(self):
        return len(self._fetch())

    def __bool__(self):
        return bool(self._fetch())


def count(label, action):
    queries.clear()
    result = action()
    n = len(queries)
    print(f"{label:40} -> {n} {'query' if n == 1 else 'queries'} | {result}")


qs = BookQuerySet()
count("qs = Book.objects.filter(author_id=1)", lambda: type(qs.filter(author_id=1)).__name__)
ada_books = qs.filter(author_id=1)
count("list(qs)", lambda: [b.title for b in ada_books])
count("len(qs) + bool(qs) on the same qs", lambda: (len(ada_books), bool(ada_books)))
count("naive loop: book.author.name", lambda: [b.author.name for b in BookQuerySet()])
count("select_related('author')", lambda: [b.author.name for b in BookQuerySet().select_related("author")])


def authors_naive():
    authors = [Author(*r) for r in conn.execute("SELECT id, name FROM author ORDER BY id")]
    return {a.name: len(a.books) for a in authors}


def authors_prefetch():
    authors = [Author(*r) for r in conn.execute("SELECT id, name FROM author ORDER BY id")]
    ids = [a.id for a in authors]
    marks = ", ".join("?" * len(ids))
    rows = conn.execute(f"SELECT id, title, author_id FROM book WHERE author_id IN ({marks}) ORDER BY id", ids)
    by_author = {a.id: [] for a in authors}
    for r in rows:                          # 在 Python 里拼接，和 prefetch_related 一样
        by_author[r[2]].append(Book(*r))
    for a in authors:
        a._books = by_author[a.id]
    return {a.name: len(a.books) for a in authors}


count("naive loop: author.book_set", authors_naive)
count("prefetch_related('book_set')", authors_prefetch)
