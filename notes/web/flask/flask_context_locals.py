"""How Flask's global-looking `request` and `g` work: context-local proxies.

A simulation with contextvars (modern Flask/Werkzeug also build on contextvars).
Each request pushes its own context, so two requests handled at the same time
in two threads never see each other's data, even though the view function
reads the same module-level name `request`.
"""
import contextvars
import threading

_cv_request = contextvars.ContextVar("request")
_cv_g = contextvars.ContextVar("g")


class LocalProxy:
    """Forwards attribute access to whatever object the context variable holds now."""

    def __init__(self, var, what):
        object.__setattr__(self, "_var", var)
        object.__setattr__(self, "_what", what)

    def _get(self):
        try:
            return self._var.get()
        except LookupError:
            raise RuntimeError(f"Working outside of {self._what} context.") from None

    def __getattr__(self, name):
        return getattr(self._get(), name)

    def __setattr__(self, name, value):
        setattr(self._get(), name, value)


request = LocalProxy(_cv_request, "request")
g = LocalProxy(_cv_g, "application")


class Request:
    def __init__(self, path, args):
        self.path, self.args = path, args


class Namespace:
    pass


class App:
    def __init__(self):
        self.before, self.after, self.teardown = [], [], []
        self.log = []

    def before_request(self, f):
        self.before.append(f)
        return f

    def after_request(self, f):
        self.after.append(f)
        return f

    def teardown_request(self, f):
        self.teardown.append(f)
        return f

    def handle(self, path, args, view):
        # "push" the contexts: every request gets a fresh request object and g
        tokens = (_cv_request.set(Request(path, args)), _cv_g.set(Namespace()))
        try:
            rv = None
            for f in self.before:
                rv = f()
                if rv is not None:          # a hook may answer early, skipping the view
                    break
            if rv is None:
                rv = view()
            for f in reversed(self.after):  # after_request hooks run in reverse order
                rv = f(rv)
            return rv
        finally:
            for f in reversed(self.teardown):
                f()
            _cv_g.reset(tokens[1])          # "pop" the contexts
            _cv_request.reset(tokens[0])


app = App()


@app.before_request
def load_user():
    g.user = request.args.get("user")
    if g.user is None:
        return "401 please log in"


@app.after_request
def add_footer(response):
    return response + " [served]"


@app.teardown_request
def close_db():
    app.log.append(f"teardown {request.path}")


def profile():                      # the view reads the "global" request and g
    return f"200 {g.user} is viewing {request.path}"


print(app.handle("/me", {"user": "ada"}, profile))
print(app.handle("/me", {}, profile))
print("teardown log:", app.log)

# Two requests at the same time in two threads: each sees only its own request.
barrier = threading.Barrier(2)
results = {}


def slow_view():
    barrier.wait()                  # both requests are now inside their views
    return f"200 {g.user} is viewing {request.path}"


def worker(name, path):
    results[name] = app.handle(path, {"user": name}, slow_view)


threads = [threading.Thread(target=worker, args=("ada", "/a")),
           threading.Thread(target=worker, args=("bob", "/b"))]
for t in threads:
    t.start()
for t in threads:
    t.join()
for name in sorted(results):
    print(f"thread {name}: {results[name]}")

try:
    request.path                    # no request is being handled here
except RuntimeError as exc:
    print("outside a request:", type(exc).__name__, "-", exc)
