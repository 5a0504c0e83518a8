"""练习：实现一个迷你的 Flask 路由表：@app.route、转换器、405 和 url_for。

要求：
- route(rule, methods=("GET",), endpoint=None) 是装饰器工厂：装饰时就登记规则，并原样返回被装饰的函数；
  端点名默认是函数名；同一个端点名已经登记给另一个函数时抛出 ValueError；
- 规则里的变量写成 <name> 或 <转换器:name>：
  string（默认）匹配一个不含 "/" 的非空段，int 匹配一串数字并转成 int，path 匹配可以含 "/" 的非空字符串；
  未知的转换器在登记时抛出 ValueError；
- 允许 GET 的规则自动也允许 HEAD；
- match(method, path) 返回 (视图函数, 参数字典)：
  没有规则的路径能匹配时抛出 NotFound；路径能匹配但方法都不允许时抛出 MethodNotAllowed，
  它的 allowed 属性是所有匹配规则允许的方法，去重后按字母排序的列表；
- url_for(endpoint, **values) 用规则里的变量生成路径（值用 str() 转换），
  规则里没有的多余参数按传入顺序拼成查询字符串（urllib.parse.urlencode）；
  端点不存在或缺少变量时抛出 LookupError（KeyError 也可以，它是 LookupError 的子类）。
"""
import re
from urllib.parse import urlencode


class NotFound(Exception):
    """没有任何规则匹配这个路径（404）。"""


class MethodNotAllowed(Exception):
    """路径匹配，但方法不被允许（405）。"""

    def __init__(self, allowed):
        super().__init__(", ".join(allowed))
        self.allowed = allowed


class MiniFlask:
    """只有路由功能的迷你 Flask 应用。"""

    def __init__(self):
        """创建一个空的路由表。"""
        raise NotImplementedError("在这里实现 MiniFlask.__init__")

    def route(self, rule, methods=("GET",), endpoint=None):
        """返回一个装饰器：把被装饰的函数登记为 rule 的视图，并原样返回它。"""
        raise NotImplementedError("在这里实现 route")

    def match(self, method, path):
        """返回 (视图函数, 参数字典)；找不到时抛出 NotFound，方法不允许时抛出 MethodNotAllowed。"""
        raise NotImplementedError("在这里实现 match")

    def url_for(self, endpoint, **values):
        """根据端点名和变量值反向生成 URL。"""
        raise NotImplementedError("在这里实现 url_for")
