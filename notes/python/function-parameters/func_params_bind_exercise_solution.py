"""练习 bind_arguments 的参考答案。"""
import inspect

P = inspect.Parameter


def bind_arguments(func, /, *args, **kwargs):
    """按 Python 的规则把 args、kwargs 绑定到 func 的形参上，返回 {形参名: 值}。"""
    params = list(inspect.signature(func).parameters.values())
    positional = [p for p in params if p.kind in (P.POSITIONAL_ONLY, P.POSITIONAL_OR_KEYWORD)]
    var_positional = any(p.kind == P.VAR_POSITIONAL for p in params)
    var_keyword = any(p.kind == P.VAR_KEYWORD for p in params)

    # 1. 位置实参从左到右填入位置形参，多出来的交给 *args
    if len(args) > len(positional) and not var_positional:
        raise TypeError(f"最多接受 {len(positional)} 个位置实参，却收到了 {len(args)} 个")
    bound = {p.name: value for p, value in zip(positional, args)}
    extra_args = tuple(args[len(positional):])

    # 2. 关键字实参按名字匹配；仅限位置形参和 *args/**kwargs 本身都不能按名字赋值
    by_name = {p.name: p for p in params if p.kind in (P.POSITIONAL_OR_KEYWORD, P.KEYWORD_ONLY)}
    extra_kwargs = {}
    for name, value in kwargs.items():
        if name not in by_name:
            if not var_keyword:
                raise TypeError(f"不认识的关键字实参 {name!r}")
            extra_kwargs[name] = value
        elif name in bound:
            raise TypeError(f"形参 {name!r} 收到了多个值")
        else:
            bound[name] = value

    # 3. 按签名顺序整理结果，没传的取默认值，缺少必需的形参就报错
    result = {}
    for p in params:
        if p.kind == P.VAR_POSITIONAL:
            result[p.name] = extra_args
        elif p.kind == P.VAR_KEYWORD:
            result[p.name] = extra_kwargs
        elif p.name in bound:
            result[p.name] = bound[p.name]
        elif p.default is not P.empty:
            result[p.name] = p.default
        else:
            raise TypeError(f"缺少必需的形参 {p.name!r}")
    return result
