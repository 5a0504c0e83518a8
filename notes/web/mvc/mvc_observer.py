"""经典（Smalltalk-80 风格）的 MVC：模型主动通知它的视图（观察者模式）。

在桌面 GUI 里，模型和程序活得一样久，所以它一变化，就把通知推送给每个订阅了它的视图。
Web MVC 做不到这一点（HTTP 是“一问一答”），所以在 Web 中由控制器在每次请求时渲染视图。
"""


class ThermostatModel:
    """模型：状态 + 业务规则 + 观察者列表。它完全不知道视图长什么样。"""

    MIN, MAX = 5, 30

    def __init__(self, target):
        self._target = target
        self._observers = []

    def subscribe(self, callback):
        self._observers.append(callback)

    @property
    def target(self):
        return self._target

    def set_target(self, value):
        if not self.MIN <= value <= self.MAX:           # 业务规则
            raise ValueError(f"target must be between {self.MIN} and {self.MAX}")
        self._target = value
        for notify in self._observers:                 # 把变化推送给视图
            notify(self)


class CelsiusView:
    def __call__(self, model):
        print(f"  celsius view    : {model.target} C")


class BarView:
    def __call__(self, model):
        print(f"  bar view        : {'#' * (model.target // 5)}")


class KeyboardController:
    """控制器：把原始的用户输入翻译成对模型的操作。"""

    def __init__(self, model):
        self.model = model

    def on_key(self, key):
        print(f"key {key!r}")
        step = {"+": 5, "-": -5}.get(key)
        if step is None:
            print("  controller      : unknown key, ignored")
            return
        try:
            self.model.set_target(self.model.target + step)
        except ValueError as exc:
            print(f"  controller      : rejected ({exc})")


model = ThermostatModel(target=20)
model.subscribe(CelsiusView())
model.subscribe(BarView())
controller = KeyboardController(model)
for key in ["+", "+", "+", "x", "-"]:
    controller.on_key(key)
