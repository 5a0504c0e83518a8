"""练习：为待办应用写路由器和控制器（模型和视图已经写好）。

要求：
1. Router
   - add(method, pattern, action) 登记一条路由。pattern 按 "/" 分段，形如 "/todos/{id}/done"：
     {name} 匹配一个非空的段，其他段必须逐字相同；
   - dispatch(method, path, form=None) 按登记顺序找第一条路径和方法都匹配的路由，
     调用 action(request, **params) 并返回它的结果；request 是 {"method": ..., "path": ..., "form": form 或 {}}，
     params 是从路径里取出的参数（字符串）；
   - 没有任何路由的路径能匹配：返回 ("404 Not Found", path)；
   - 路径能匹配、但方法都不对：返回 ("405 Method Not Allowed", 允许的方法)，允许的方法按登记顺序去重，用 ", " 连接。
2. TodoController(model)：只做调度，不写业务规则，每个动作返回 (状态, 内容)：
   - index(request)：("200 OK", render_list(全部待办))；
   - show(request, id)：("200 OK", render_item(那一条))；
   - create(request)：用表单里的 title（没有就当作 ""）调用 model.add；
     成功返回 ("303 See Other", "/todos")，ValidationError 返回 ("400 Bad Request", 错误信息)；
   - complete(request, id)：调用 model.complete，成功返回 ("303 See Other", "/todos")；
   - show 和 complete 里 id 不是数字、或者模型抛出 LookupError 时，返回 ("404 Not Found", request["path"])。
3. make_app(model) 返回登记好四条路由的 Router：
   GET /todos → index，POST /todos → create，GET /todos/{id} → show，POST /todos/{id}/done → complete。
"""


# ---------------------------------------------------------------- 模型（已经写好）
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


# ---------------------------------------------------------------- 视图（已经写好）
def render_item(todo):
    """把一条待办渲染成一行文本。"""
    return f"[{'x' if todo['done'] else ' '}] {todo['id']}. {todo['title']}"


def render_list(todos):
    """把待办列表渲染成多行文本。"""
    return "\n".join([f"{sum(not t['done'] for t in todos)} open"] + [render_item(t) for t in todos])


# ---------------------------------------------------------------- 路由与控制器（由你来写）
class Router:
    """把 (方法, 路径) 分派给控制器动作。"""

    def __init__(self):
        """创建一个没有任何路由的路由器。"""
        raise NotImplementedError("在这里实现 Router.__init__")

    def add(self, method, pattern, action):
        """登记一条路由：method 如 "GET"，pattern 如 "/todos/{id}"，action 是可调用对象。"""
        raise NotImplementedError("在这里实现 Router.add")

    def dispatch(self, method, path, form=None):
        """找到匹配的路由并调用 action(request, **params)；找不到时返回 404 或 405。"""
        raise NotImplementedError("在这里实现 Router.dispatch")


class TodoController:
    """控制器：解析输入、调用模型、选择视图。"""

    def __init__(self, model):
        """model 是 TodoModel。"""
        self.model = model

    def index(self, request):
        """列出全部待办。"""
        raise NotImplementedError("在这里实现 index")

    def show(self, request, id):
        """显示一条待办。"""
        raise NotImplementedError("在这里实现 show")

    def create(self, request):
        """用表单里的 title 新增一条待办。"""
        raise NotImplementedError("在这里实现 create")

    def complete(self, request, id):
        """把一条待办标记为完成。"""
        raise NotImplementedError("在这里实现 complete")


def make_app(model):
    """返回登记好四条待办路由的 Router。"""
    raise NotImplementedError("在这里实现 make_app")
