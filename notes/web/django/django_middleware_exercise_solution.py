"""练习“Django 中间件链”的参考答案。"""


def build_handler(view, middleware):
    """把 middleware 列表包在 view 外面，返回最外层的 handler(request)。"""
    instances = []      # 按 MIDDLEWARE 的顺序（从外到内），包装完成后才填满

    def call_view(request):
        for layer in instances:
            process_view = getattr(layer, "process_view", None)
            if process_view is not None:
                response = process_view(request, view)
                if response is not None:
                    return response
        try:
            return view(request)
        except Exception as exc:
            for layer in reversed(instances):
                process_exception = getattr(layer, "process_exception", None)
                if process_exception is not None:
                    response = process_exception(request, exc)
                    if response is not None:
                        return response
            raise

    handler = call_view
    for factory in reversed(middleware):
        handler = factory(handler)      # 内层先创建，每个工厂只调用一次
        instances.insert(0, handler)
    return handler
