"""练习“按线程隔离的请求上下文”的参考答案。"""
import contextlib
import threading

_local = threading.local()  # 模块级对象，所有线程共享它，但属性按线程隔离


def set_request(request_id, user):
    """为当前线程设置请求 ID 和用户。"""
    _local.request_id = request_id
    _local.user = user


def get_request_id():
    """返回当前线程的请求 ID，没有设置过时返回 None。"""
    return getattr(_local, "request_id", None)


def get_user():
    """返回当前线程的用户，没有设置过时返回 None。"""
    return getattr(_local, "user", None)


def clear_request():
    """清除当前线程的请求 ID 和用户；没有设置过也不报错。"""
    _local.__dict__.clear()  # 只清空当前线程的那一份


def format_log(message):
    """返回带当前请求 ID 的日志行，例如 "[r1] message"；没有请求 ID 时为 "[-] message"。"""
    request_id = get_request_id()
    return f"[{'-' if request_id is None else request_id}] {message}"


@contextlib.contextmanager
def request_scope(request_id, user):
    """上下文管理器：with 块内当前线程的请求是 (request_id, user)，退出时恢复原来的值。"""
    saved = dict(_local.__dict__)  # 进入前的值（可能为空）
    set_request(request_id, user)
    try:
        yield
    finally:
        # 不论正常退出还是抛出异常，都恢复进入前的状态
        _local.__dict__.clear()
        _local.__dict__.update(saved)
