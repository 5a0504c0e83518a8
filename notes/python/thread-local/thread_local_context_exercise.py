"""练习：用 threading.local 实现按线程隔离的“请求上下文”。

多线程 Web 服务器一个线程处理一个请求。把当前请求的 ID 和用户放进线程本地对象，
调用链上的任何函数（比如写日志的 format_log）都能直接读到，不用层层传参。

要求：
- 每个线程只看得到自己设置的值，其他线程（包括主线程）互不影响；
- 没有设置过时，get_request_id() 和 get_user() 返回 None；
- clear_request() 清除当前线程的值，没设置过也不报错；
- request_scope(request_id, user) 是上下文管理器：进入时设置，退出时（包括抛出异常时）
  恢复成进入之前的值，所以可以嵌套，也能避免线程池复用线程时把值残留给下一个任务。
"""
import contextlib
import threading


def set_request(request_id, user):
    """为当前线程设置请求 ID 和用户。"""
    raise NotImplementedError("在这里实现 set_request")


def get_request_id():
    """返回当前线程的请求 ID，没有设置过时返回 None。"""
    raise NotImplementedError("在这里实现 get_request_id")


def get_user():
    """返回当前线程的用户，没有设置过时返回 None。"""
    raise NotImplementedError("在这里实现 get_user")


def clear_request():
    """清除当前线程的请求 ID 和用户；没有设置过也不报错。"""
    raise NotImplementedError("在这里实现 clear_request")


def format_log(message):
    """返回带当前请求 ID 的日志行，例如 "[r1] message"；没有请求 ID 时为 "[-] message"。"""
    raise NotImplementedError("在这里实现 format_log")


def request_scope(request_id, user):
    """上下文管理器：with 块内当前线程的请求是 (request_id, user)，退出时恢复原来的值。

    提示：可以用 @contextlib.contextmanager 把它写成生成器函数。
    """
    raise NotImplementedError("在这里实现 request_scope")
