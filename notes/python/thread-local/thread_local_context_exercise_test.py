"""练习“按线程隔离的请求上下文”的测试（学习者看不到这个文件）。

每个测试都在新线程里运行，线程只等有限的时间：不会被别的测试残留的值影响，也不会卡住。
"""
import threading
import time
import unittest
from concurrent.futures import ThreadPoolExecutor

from thread_local_context_exercise import (
    clear_request,
    format_log,
    get_request_id,
    get_user,
    request_scope,
    set_request,
)

TIMEOUT = 2.0


def in_new_thread(func):
    """在一个新线程里调用 func()：返回它的返回值，或原样抛出它的异常。"""
    outcome = []

    def runner():
        try:
            outcome.append((True, func()))
        except BaseException as exc:  # 把异常带回测试线程
            outcome.append((False, exc))

    thread = threading.Thread(target=runner, daemon=True)
    thread.start()
    thread.join(TIMEOUT)
    if thread.is_alive():
        raise AssertionError(f"{TIMEOUT} 秒内没有返回")
    ok, value = outcome[0]
    if not ok:
        raise value
    return value


def current():
    return get_request_id(), get_user(), format_log("hi")


class RequestContextTests(unittest.TestCase):
    def test_defaults_when_nothing_is_set(self):
        self.assertEqual(in_new_thread(current), (None, None, "[-] hi"))

    def test_set_get_and_clear(self):
        def scenario():
            set_request("r1", "alice")
            after_set = current()
            clear_request()
            after_clear = current()
            clear_request()  # 再清一次也不报错
            return after_set, after_clear

        self.assertEqual(in_new_thread(scenario), (("r1", "alice", "[r1] hi"), (None, None, "[-] hi")))

    def test_threads_do_not_see_each_other(self):
        users = ["alice", "bob", "carol", "dave", "erin", "frank"]
        barrier = threading.Barrier(len(users))
        seen, errors = {}, []

        def handle(number, user):
            try:
                set_request(f"r{number}", user)
                barrier.wait(TIMEOUT)  # 所有线程都设置完之后再读
                seen[user] = current()
            except Exception as exc:
                errors.append(type(exc).__name__)

        threads = [threading.Thread(target=handle, args=(n, u), daemon=True) for n, u in enumerate(users)]
        for t in threads:
            t.start()
        deadline = time.monotonic() + TIMEOUT
        for t in threads:
            t.join(max(0.0, deadline - time.monotonic()))
        self.assertEqual(errors, [])
        self.assertEqual(seen, {u: (f"r{n}", u, f"[r{n}] hi") for n, u in enumerate(users)})

    def test_a_new_thread_does_not_inherit_values(self):
        def parent():
            set_request("r-parent", "root")
            child = in_new_thread(current)
            return child, current()

        child, parent_after = in_new_thread(parent)
        self.assertEqual(child, (None, None, "[-] hi"))
        self.assertEqual(parent_after, ("r-parent", "root", "[r-parent] hi"))

    def test_request_scope_restores_previous_values(self):
        def scenario():
            steps = []
            with request_scope("outer", "alice"):
                steps.append(current())
                with request_scope("inner", "bob"):
                    steps.append(current())
                steps.append(current())  # 内层退出后回到 outer
            steps.append(current())  # 全部退出后回到没有设置的状态
            try:
                with request_scope("boom", "carol"):
                    raise KeyError("出错")
            except KeyError:
                pass
            steps.append(current())  # 抛出异常也要恢复
            return steps

        self.assertEqual(in_new_thread(scenario), [
            ("outer", "alice", "[outer] hi"),
            ("inner", "bob", "[inner] hi"),
            ("outer", "alice", "[outer] hi"),
            (None, None, "[-] hi"),
            (None, None, "[-] hi"),
        ])

    def test_request_scope_prevents_leaks_in_a_thread_pool(self):
        def handle(number):
            before = get_request_id()
            with request_scope(f"r{number}", f"user{number}"):
                inside = format_log("handled")
            return before, inside

        def run_pool():
            with ThreadPoolExecutor(max_workers=1) as pool:  # 只有一个工作线程：任务一个接一个地复用它
                return list(pool.map(handle, [1, 2, 3]))

        self.assertEqual(in_new_thread(run_pool), [
            (None, "[r1] handled"),
            (None, "[r2] handled"),
            (None, "[r3] handled"),
        ])


if __name__ == "__main__":
    unittest.main()
