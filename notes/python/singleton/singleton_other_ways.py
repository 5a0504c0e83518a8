"""单例的其他写法：模块级对象、类装饰器、元类，以及共享状态的 Borg 模式。"""
import importlib
import sys
import tempfile
import threading
from pathlib import Path

# 1. 模块级对象：模块第一次导入时执行一次，之后从 sys.modules 缓存里取
sys.dont_write_bytecode = True
with tempfile.TemporaryDirectory() as folder:
    Path(folder, "app_config.py").write_text(
        'print("  executing app_config module body")\n'
        'settings = {"env": "prod"}\n',
        encoding="utf-8",
    )
    sys.path.insert(0, folder)
    import app_config
    import app_config as again

    again_again = importlib.import_module("app_config")
    sys.path.remove(folder)
print("module:", app_config is again is again_again, app_config.settings["env"])
print("cached in sys.modules:", sys.modules["app_config"] is app_config)


# 2. 类装饰器：用一个字典缓存实例，名字 Database 从此指向函数
def singleton(cls):
    instances = {}
    lock = threading.Lock()

    def get_instance(*args, **kwargs):
        with lock:
            if cls not in instances:
                instances[cls] = cls(*args, **kwargs)
        return instances[cls]

    return get_instance


@singleton
class Database:
    def __init__(self, url):
        self.url = url


d1 = Database("sqlite:///a.db")
d2 = Database("sqlite:///b.db")  # 参数被忽略，拿到的还是第一个实例
print("decorator:", d1 is d2, d1.url, type(Database).__name__)
try:
    isinstance(d1, Database)
except TypeError:
    print("isinstance(d1, Database) -> TypeError")


# 3. 元类：拦截“调用类”这一步，类本身保持不变
class SingletonMeta(type):
    _instances = {}
    _lock = threading.Lock()

    def __call__(cls, *args, **kwargs):
        if cls not in SingletonMeta._instances:
            with SingletonMeta._lock:
                if cls not in SingletonMeta._instances:
                    SingletonMeta._instances[cls] = super().__call__(*args, **kwargs)
        return SingletonMeta._instances[cls]


class Logger(metaclass=SingletonMeta):
    def __init__(self, name):
        print(f"  Logger.__init__({name!r})")  # 只会执行一次
        self.name = name


l1 = Logger("a")
l2 = Logger("b")
print("metaclass:", l1 is l2, l1.name, isinstance(l1, Logger))


# 4. Borg：允许有多个实例，但它们共享同一份状态
class Borg:
    _shared_state = {}

    def __init__(self):
        self.__dict__ = self._shared_state


c1 = Borg()
c2 = Borg()
c1.debug = True
print("borg:", c1 is c2, c2.debug)
