"""partial 的实际用途：回调、线程任务、partialmethod，以及和 lambda 的区别。"""
import pickle
import threading
from functools import partial, partialmethod


# 1. 回调：事件只会用固定的参数调用处理函数，partial 提前绑定额外的参数
def on_click(button_id, event):
    return f"button {button_id} got {event}"


callbacks = [partial(on_click, i) for i in range(3)]
print([cb("click") for cb in callbacks])

# 2. 创建时就绑定值（partial）对比 调用时才查找变量（lambda 闭包）
def value_of(x):
    return x


lambdas = [lambda: i for i in range(3)]
partials = [partial(value_of, i) for i in range(3)]
print([f() for f in lambdas], [f() for f in partials])

# 3. partial 可以被 pickle（只要底层函数可以），lambda 不行
restored = pickle.loads(pickle.dumps(partial(int, base=2)))
print("partial pickled:", restored("111"))
try:
    pickle.dumps(lambda s: int(s, base=2))
except (pickle.PicklingError, AttributeError) as exc:
    print("lambda pickled: failed with", type(exc).__name__)

# 4. 给线程传带关键字参数的任务
results = []
lock = threading.Lock()


def download(url, retries, timeout):
    with lock:
        results.append(f"{url} retries={retries} timeout={timeout}")


threads = [
    threading.Thread(target=partial(download, url, retries=2, timeout=5))
    for url in ["a.example", "b.example"]
]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results))


# 5. partialmethod：在类里预设方法的参数，self 仍然会正常绑定
class Light:
    def __init__(self):
        self.on = False

    def set_state(self, on):
        self.on = on
        return self.on

    turn_on = partialmethod(set_state, True)
    turn_off = partialmethod(set_state, False)


light = Light()
print(light.turn_on(), light.turn_off(), light.on)
