"""练习“迷你 Flask 路由表”的参考答案。"""
import re
from urllib.parse import urlencode


class NotFound(Exception):
    """没有任何规则匹配这个路径（404）。"""


class MethodNotAllowed(Exception):
    """路径匹配，但方法不被允许（405）。"""

    def __init__(self, allowed):
        super().__init__(", ".join(allowed))
        self.allowed = allowed


CONVERTERS = {"string": (r"[^/]+", str), "int": (r"\d+", int), "path": (r".+", str)}
VARIABLE = re.compile(r"<(?:(\w+):)?(\w+)>")


class MiniFlask:
    """只有路由功能的迷你 Flask 应用。"""

    def __init__(self):
        """创建一个空的路由表。"""
        self.rules = []        # (规则, 正则, {变量: 转换函数}, 方法集合, 端点)
        self.views = {}        # 端点 -> 视图函数

    def route(self, rule, methods=("GET",), endpoint=None):
        """返回一个装饰器：把被装饰的函数登记为 rule 的视图，并原样返回它。"""
        def decorator(view):
            self._add_rule(rule, view, methods, endpoint or view.__name__)
            return view
        return decorator

    def _add_rule(self, rule, view, methods, endpoint):
        if self.views.get(endpoint, view) is not view:
            raise ValueError(f"端点 {endpoint!r} 已经登记给了另一个函数")
        casts = {}
        pattern, pos = "", 0
        for m in VARIABLE.finditer(rule):
            converter, name = m.group(1) or "string", m.group(2)
            if converter not in CONVERTERS:
                raise ValueError(f"未知的转换器 {converter!r}")
            regex, casts[name] = CONVERTERS[converter]
            pattern += re.escape(rule[pos:m.start()]) + f"(?P<{name}>{regex})"
            pos = m.end()
        pattern += re.escape(rule[pos:])
        allowed = set(methods)
        if "GET" in allowed:
            allowed.add("HEAD")
        self.rules.append((rule, re.compile(pattern + r"\Z"), casts, allowed, endpoint))
        self.views[endpoint] = view

    def match(self, method, path):
        """返回 (视图函数, 参数字典)；找不到时抛出 NotFound，方法不允许时抛出 MethodNotAllowed。"""
        allowed = set()
        for _, regex, casts, methods, endpoint in self.rules:
            m = regex.match(path)
            if not m:
                continue
            if method not in methods:
                allowed |= methods
                continue
            return self.views[endpoint], {k: casts[k](v) for k, v in m.groupdict().items()}
        if allowed:
            raise MethodNotAllowed(sorted(allowed))
        raise NotFound(path)

    def url_for(self, endpoint, **values):
        """根据端点名和变量值反向生成 URL。"""
        for rule, _, casts, _, rule_endpoint in self.rules:
            if rule_endpoint != endpoint:
                continue
            path = VARIABLE.sub(lambda m: str(values[m.group(2)]), rule)
            extra = {k: v for k, v in values.items() if k not in casts}
            return path + ("?" + urlencode(extra) if extra else "")
        raise LookupError(f"没有端点 {endpoint!r}")
