"""练习“迷你 RabbitMQ 路由器”的参考答案。"""

KINDS = ("direct", "fanout", "topic")


def topic_matches(binding_key, routing_key):
    """按 topic 交换机的规则判断 routing_key 是否匹配 binding_key。"""
    pattern, words = binding_key.split("."), routing_key.split(".")
    # reachable 是一个集合：读完 pattern 的前 i 个单词后，routing_key 可能读到的位置
    reachable = {0}
    for part in pattern:
        if part == "#":
            # "#" 可以吞掉 0 个或更多单词：从最小的位置起，后面所有位置都可达
            reachable = set(range(min(reachable), len(words) + 1)) if reachable else set()
        else:
            reachable = {j + 1 for j in reachable
                         if j < len(words) and (part == "*" or part == words[j])}
    return len(words) in reachable


class Broker:
    """进程内的迷你消息代理：交换机、绑定和队列。"""

    def __init__(self):
        """创建一个只有默认交换机 "" 的代理。"""
        self._exchanges = {"": {"kind": "direct", "alternate": None, "bindings": []}}
        self._queues = {}

    def declare_exchange(self, name, kind, alternate=None):
        """声明交换机；kind 为 "direct"、"fanout" 或 "topic"，alternate 是备用交换机的名字。"""
        if kind not in KINDS:
            raise ValueError(f"不支持的交换机类型 {kind!r}")
        existing = self._exchanges.get(name)
        if existing is not None:
            if existing["kind"] != kind:
                raise ValueError(f"交换机 {name!r} 已经以 {existing['kind']} 类型声明过")
            return
        self._exchanges[name] = {"kind": kind, "alternate": alternate, "bindings": []}

    def declare_queue(self, name):
        """声明队列，并以队列名为绑定键自动绑定到默认交换机。"""
        if name not in self._queues:
            self._queues[name] = []
            self._exchanges[""]["bindings"].append((name, name))

    def _binding_target(self, queue, exchange):
        if queue not in self._queues:
            raise KeyError(queue)
        if exchange not in self._exchanges:
            raise KeyError(exchange)
        if exchange == "":
            raise ValueError("默认交换机不能手动绑定或解绑")
        return self._exchanges[exchange]["bindings"]

    def bind(self, queue, exchange, binding_key=""):
        """把队列用 binding_key 绑定到交换机。"""
        bindings = self._binding_target(queue, exchange)
        if (queue, binding_key) not in bindings:
            bindings.append((queue, binding_key))

    def unbind(self, queue, exchange, binding_key=""):
        """解除一个绑定。"""
        bindings = self._binding_target(queue, exchange)
        if (queue, binding_key) in bindings:
            bindings.remove((queue, binding_key))

    def _match(self, kind, binding_key, routing_key):
        if kind == "fanout":
            return True
        if kind == "direct":
            return binding_key == routing_key
        return topic_matches(binding_key, routing_key)

    def publish(self, exchange, routing_key, body):
        """发布一条消息，返回收到它的队列名（排序后的列表）。"""
        ex = self._exchanges[exchange]          # 不存在时抛 KeyError
        targets = sorted({queue for queue, key in ex["bindings"]
                          if self._match(ex["kind"], key, routing_key)})
        if not targets:
            if ex["alternate"] is not None:
                return self.publish(ex["alternate"], routing_key, body)
            return []                            # 无法路由：丢弃
        for queue in targets:
            self._queues[queue].append(body)
        return targets

    def messages(self, queue):
        """返回队列中的消息列表（副本）。"""
        return list(self._queues[queue])
