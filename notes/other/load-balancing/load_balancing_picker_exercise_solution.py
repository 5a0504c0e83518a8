"""练习“平滑加权轮询与加权最少连接”的参考答案。"""


def _checked(weights):
    if not weights:
        raise ValueError("至少需要一台服务器")
    for name, weight in weights.items():
        if isinstance(weight, bool) or not isinstance(weight, int) or weight <= 0:
            raise ValueError(f"{name} 的权重必须是正整数")
    return dict(weights)


class SmoothWeightedRoundRobin:
    """Nginx 风格的平滑加权轮询。"""

    def __init__(self, weights):
        """weights 是 {服务器名: 正整数权重}。"""
        self._weights = _checked(weights)
        self._current = dict.fromkeys(self._weights, 0)
        self._down = set()

    def pick(self):
        """选出下一台服务器并返回它的名字。"""
        up = [name for name in self._weights if name not in self._down]
        if not up:
            raise LookupError("没有可用的服务器")
        total = 0
        best = None
        for name in up:                               # 按顺序遍历，严格大于才替换：相等时留住靠前的
            self._current[name] += self._weights[name]
            total += self._weights[name]
            if best is None or self._current[name] > self._current[best]:
                best = name
        self._current[best] -= total
        return best

    def _reset(self):
        self._current = dict.fromkeys(self._weights, 0)

    def mark_down(self, name):
        """摘除一台服务器，并把所有 current 清零。"""
        if name not in self._weights:
            raise KeyError(name)
        self._down.add(name)
        self._reset()

    def mark_up(self, name):
        """恢复一台服务器，并把所有 current 清零。"""
        if name not in self._weights:
            raise KeyError(name)
        self._down.discard(name)
        self._reset()


class LeastConnections:
    """加权最少连接。"""

    def __init__(self, weights):
        """weights 是 {服务器名: 正整数权重}。"""
        self._weights = _checked(weights)
        self._active = dict.fromkeys(self._weights, 0)

    def acquire(self):
        """选出 活跃连接数/权重 最小的服务器，计一个新连接，返回名字。"""
        best = None
        for name, weight in self._weights.items():
            # active/weight < best_active/best_weight，交叉相乘避免浮点误差
            if best is None or self._active[name] * self._weights[best] < self._active[best] * weight:
                best = name
        self._active[best] += 1
        return best

    def release(self, name):
        """一个连接结束：name 的活跃连接数减 1。"""
        if name not in self._active:
            raise KeyError(name)
        if self._active[name] == 0:
            raise ValueError(f"{name} 没有活跃连接")
        self._active[name] -= 1

    def active(self, name):
        """返回 name 当前的活跃连接数。"""
        return self._active[name]
