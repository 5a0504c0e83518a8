"""练习：实现 Nginx 的平滑加权轮询（带摘除/恢复）和加权最少连接。

SmoothWeightedRoundRobin(weights)：weights 是 {服务器名: 权重}（字典顺序就是服务器顺序）。
- 权重必须是正整数，weights 不能为空，否则抛 ValueError；
- pick()：每个可用服务器的 current 加上自己的权重，选 current 最大的（相等时选顺序在前的），
  被选中的减去所有可用服务器的权重之和，返回它的名字；
  权重 A=5、B=1、C=1 时连续 7 次得到 A A B A C A A；
- mark_down(name) / mark_up(name)：摘除或恢复一台服务器（未知名字抛 KeyError）；
  摘除的服务器不参与选择，也不计入总权重；每次 mark_down / mark_up 都把所有 current 清零；
  所有服务器都被摘除时 pick() 抛 LookupError。

LeastConnections(weights)：同样的 weights 规则。
- acquire()：选 活跃连接数 / 权重 最小的服务器（相等时选顺序在前的），它的活跃连接数加 1，返回名字；
  比较时不要用浮点数除法：a/wa < b/wb 等价于 a*wb < b*wa；
- release(name)：连接结束，活跃连接数减 1；已经是 0 时抛 ValueError，未知名字抛 KeyError；
- active(name)：返回当前活跃连接数。
"""


class SmoothWeightedRoundRobin:
    """Nginx 风格的平滑加权轮询。"""

    def __init__(self, weights):
        """weights 是 {服务器名: 正整数权重}。"""
        raise NotImplementedError("在这里实现 SmoothWeightedRoundRobin.__init__")

    def pick(self):
        """选出下一台服务器并返回它的名字。"""
        raise NotImplementedError("在这里实现 pick")

    def mark_down(self, name):
        """摘除一台服务器，并把所有 current 清零。"""
        raise NotImplementedError("在这里实现 mark_down")

    def mark_up(self, name):
        """恢复一台服务器，并把所有 current 清零。"""
        raise NotImplementedError("在这里实现 mark_up")


class LeastConnections:
    """加权最少连接。"""

    def __init__(self, weights):
        """weights 是 {服务器名: 正整数权重}。"""
        raise NotImplementedError("在这里实现 LeastConnections.__init__")

    def acquire(self):
        """选出 活跃连接数/权重 最小的服务器，计一个新连接，返回名字。"""
        raise NotImplementedError("在这里实现 acquire")

    def release(self, name):
        """一个连接结束：name 的活跃连接数减 1。"""
        raise NotImplementedError("在这里实现 release")

    def active(self, name):
        """返回 name 当前的活跃连接数。"""
        raise NotImplementedError("在这里实现 active")
