"""Classic (Smalltalk-80 style) MVC: the model notifies its views (observer pattern).

In a desktop GUI the model lives as long as the program, so when it changes it
pushes a notification to every view that subscribed. Web MVC cannot do this
(HTTP is request/response), so there the controller renders a view per request.
"""


class ThermostatModel:
    """Model: state + rules + a list of observers. Knows nothing about views' looks."""

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
        if not self.MIN <= value <= self.MAX:           # business rule
            raise ValueError(f"target must be between {self.MIN} and {self.MAX}")
        self._target = value
        for notify in self._observers:                 # push the change
            notify(self)


class CelsiusView:
    def __call__(self, model):
        print(f"  celsius view    : {model.target} C")


class BarView:
    def __call__(self, model):
        print(f"  bar view        : {'#' * (model.target // 5)}")


class KeyboardController:
    """Controller: translates raw user input into model operations."""

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
