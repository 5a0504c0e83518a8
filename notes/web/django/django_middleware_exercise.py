"""练习：按 Django 的方式把中间件组装成洋葱，并支持 process_view 和 process_exception。

要求：build_handler(view, middleware) 返回处理请求的可调用对象 handler(request)。
- middleware 是中间件工厂的列表（类或函数都行），和 settings.MIDDLEWARE 一样，第一项在最外层；
- 每个工厂只在 build_handler 里调用一次：factory(get_response) 返回这一层的可调用对象，
  get_response 是紧挨着的内层；从最后一项开始往外包，所以最内层最先创建；
- 最内层的 get_response 负责调用视图：
  1. 先按 middleware 的顺序（从外到内），对定义了 process_view 的中间件调用 process_view(request, view)；
     某一个返回了非 None 的值，就把它当作响应，后面的 process_view 和视图都不再调用；
  2. 否则调用 view(request)；
  3. 视图抛出异常（Exception）时，按相反的顺序（从内到外），对定义了 process_exception 的中间件
     调用 process_exception(request, exc)；第一个返回非 None 的值就是响应；都返回 None 时把原来的异常继续抛出。
- 真正的 Django 的 process_view 还会收到视图的位置参数和关键字参数，这里省略了。
"""


def build_handler(view, middleware):
    """把 middleware 列表包在 view 外面，返回最外层的 handler(request)。"""
    raise NotImplementedError("在这里实现 build_handler")
