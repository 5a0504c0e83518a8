"""练习：在进程内实现一个迷你 RabbitMQ 路由器（交换机、绑定、队列）。

要求：
- topic_matches(binding_key, routing_key)：两者都按 "." 切成单词；绑定键里的 "*" 恰好匹配
  一个单词，"#" 匹配零个或多个单词，其他单词必须完全相等；
- Broker() 创建时已经有默认交换机：名字是空字符串 ""，类型 direct；
- declare_exchange(name, kind, alternate=None)：kind 只能是 "direct"、"fanout"、"topic"，
  否则抛 ValueError；同名交换机再次声明时类型相同就什么也不做，类型不同抛 ValueError；
  alternate 是备用交换机的名字；
- declare_queue(name)：创建空队列（已存在就什么也不做），并自动以队列名为绑定键绑定到默认交换机；
- bind(queue, exchange, binding_key="") / unbind(...)：队列或交换机不存在时抛 KeyError；
  不允许手动绑定或解绑默认交换机，抛 ValueError；
- publish(exchange, routing_key, body)：交换机不存在抛 KeyError。按交换机类型找出匹配的队列：
  direct 要求绑定键与路由键相等，fanout 忽略路由键，topic 用 topic_matches；
  每个匹配的队列收到一份 body（一个队列被多个绑定匹配也只收到一份），返回这些队列名（排序后的列表）；
  没有任何队列匹配时：交换机配置了 alternate，就用同样的路由键改发给备用交换机并返回它的结果；
  否则消息被丢弃，返回 []；
- messages(queue)：返回队列中的消息（按到达顺序的列表副本）。
"""


def topic_matches(binding_key, routing_key):
    """按 topic 交换机的规则判断 routing_key 是否匹配 binding_key。"""
    raise NotImplementedError("在这里实现 topic_matches")


class Broker:
    """进程内的迷你消息代理：交换机、绑定和队列。"""

    def __init__(self):
        """创建一个只有默认交换机 "" 的代理。"""
        raise NotImplementedError("在这里实现 Broker.__init__")

    def declare_exchange(self, name, kind, alternate=None):
        """声明交换机；kind 为 "direct"、"fanout" 或 "topic"，alternate 是备用交换机的名字。"""
        raise NotImplementedError("在这里实现 declare_exchange")

    def declare_queue(self, name):
        """声明队列，并以队列名为绑定键自动绑定到默认交换机。"""
        raise NotImplementedError("在这里实现 declare_queue")

    def bind(self, queue, exchange, binding_key=""):
        """把队列用 binding_key 绑定到交换机。"""
        raise NotImplementedError("在这里实现 bind")

    def unbind(self, queue, exchange, binding_key=""):
        """解除一个绑定。"""
        raise NotImplementedError("在这里实现 unbind")

    def publish(self, exchange, routing_key, body):
        """发布一条消息，返回收到它的队列名（排序后的列表）。"""
        raise NotImplementedError("在这里实现 publish")

    def messages(self, queue):
        """返回队列中的消息列表（副本）。"""
        raise NotImplementedError("在这里实现 messages")
