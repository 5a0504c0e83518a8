"""练习“待办应用的路由器和控制器”的参考答案。"""


# ---------------------------------------------------------------- 模型（与起始文件相同）
class ValidationError(Exception):
    """违反业务规则时由模型抛出。"""


class TodoModel:
    """模型：保存待办事项，并负责全部业务规则。"""

    def __init__(self):
        self._todos = {}
        self._next_id = 1

    def add(self, title):
        """新增一条待办并返回它的 id；标题为空或超过 30 个字符时抛出 ValidationError。"""
        title = title.strip()
        if not title:
            raise ValidationError("标题不能为空")
        if len(title) > 30:
            raise ValidationError("标题不能超过 30 个字符")
        todo_id = self._next_id
        self._next_id += 1
        self._todos[todo_id] = {"id": todo_id, "title": title, "done": False}
        return todo_id

    def get(self, todo_id):
        """返回一条待办的副本；不存在时抛出 LookupError。"""
        if todo_id not in self._todos:
            raise LookupError(todo_id)
        return dict(self._todos[todo_id])

    def complete(self, todo_id):
        """把一条待办标记为完成；不存在时抛出 LookupError。"""
        if todo_id not in self._todos:
            raise LookupError(todo_id)
        self._todos[todo_id]["done"] = True

    def all(self):
        """按 id 顺序返回全部待办的副本。"""
        return [dict(todo) for _, todo in sorted(self._todos.items())]


# ---------------------------------------------------------------- 视图（与起始文件相同）
def render_item(todo):
    """把一条待办渲染成一行文本。"""
    return f"[{'x' if todo['done'] else ' '}] {todo['id']}. {todo['title']}"


def render_list(todos):
    """把待办列表渲染成多行文本。"""
    return "\n".join([f"{sum(not t['done'] for t in todos)} open"] + [render_item(t) for t in todos])


# ---------------------------------------------------------------- 路由与控制器
class Router:
    """把 (方法, 路径) 分派给控制器动作。"""

    def __init__(self):
        """创建一个没有任何路由的路由器。"""
        self.routes = []

    def add(self, method, pattern, action):
        """登记一条路由：method 如 "GET"，pattern 如 "/todos/{id}"，action 是可调用对象。"""
        self.routes.append((method, pattern.strip("/").split("/"), action))

    @staticmethod
    def _match(segments, parts):
        """逐段比较；匹配时返回参数字典，否则返回 None。"""
        if len(segments) != len(parts):
            return None
        params = {}
        for segment, part in zip(segments, parts):
            if segment.startswith("{") and segment.endswith("}"):
                if not part:
                    return None
                params[segment[1:-1]] = part
            elif segment != part:
                return None
        return params

    def dispatch(self, method, path, form=None):
        """找到匹配的路由并调用 action(request, **params)；找不到时返回 404 或 405。"""
        parts = path.strip("/").split("/")
        allowed = []
        for route_method, segments, action in self.routes:
            params = self._match(segments, parts)
            if params is None:
                continue
            if route_method != method:
                if route_method not in allowed:
                    allowed.append(route_method)
                continue
            request = {"method": method, "path": path, "form": form or {}}
            return action(request, **params)
        if allowed:
            return "405 Method Not Allowed", ", ".join(allowed)
        return "404 Not Found", path


class TodoController:
    """控制器：解析输入、调用模型、选择视图。"""

    def __init__(self, model):
        """model 是 TodoModel。"""
        self.model = model

    def index(self, request):
        """列出全部待办。"""
        return "200 OK", render_list(self.model.all())

    def show(self, request, id):
        """显示一条待办。"""
        try:
            todo = self.model.get(int(id))
        except (ValueError, LookupError):
            return "404 Not Found", request["path"]
        return "200 OK", render_item(todo)

    def create(self, request):
        """用表单里的 title 新增一条待办。"""
        try:
            self.model.add(request["form"].get("title", ""))
        except ValidationError as exc:
            return "400 Bad Request", str(exc)
        # POST 之后重定向，刷新页面不会重复提交
        return "303 See Other", "/todos"

    def complete(self, request, id):
        """把一条待办标记为完成。"""
        try:
            self.model.complete(int(id))
        except (ValueError, LookupError):
            return "404 Not Found", request["path"]
        return "303 See Other", "/todos"


def make_app(model):
    """返回登记好四条待办路由的 Router。"""
    controller = TodoController(model)
    router = Router()
    router.add("GET", "/todos", controller.index)
    router.add("POST", "/todos", controller.create)
    router.add("GET", "/todos/{id}", controller.show)
    router.add("POST", "/todos/{id}/done", controller.complete)
    return router
