"""进程内模拟 RabbitMQ 的四种交换机：direct / fanout / topic / headers，外加默认交换机。
这不是 RabbitMQ 客户端，只是把 broker 的路由规则用几十行 Python 写出来。"""


def topic_match(pattern, key):
    """按 '.' 切成单词；'*' 恰好匹配一个单词，'#' 匹配零个或多个单词。"""
    p, k = pattern.split("."), key.split(".")

    def match(i, j):
        if i == len(p):
            return j == len(k)
        if p[i] == "#":
            # '#' 先尝试吞掉 0 个单词，再尝试吞掉 1 个、2 个……
            return any(match(i + 1, jj) for jj in range(j, len(k) + 1))
        if j == len(k):
            return False
        return (p[i] == "*" or p[i] == k[j]) and match(i + 1, j + 1)

    return match(0, 0)


class Exchange:
    def __init__(self, name, kind):
        self.name, self.kind = name, kind
        self.bindings = []                   # (队列名, 绑定键 或 headers 参数)

    def bind(self, queue, binding_key="", arguments=None):
        self.bindings.append((queue, arguments if self.kind == "headers" else binding_key))

    def route(self, routing_key, headers=None):
        out = []
        for queue, rule in self.bindings:
            if self.kind == "fanout":
                ok = True                                     # 忽略路由键
            elif self.kind == "direct":
                ok = rule == routing_key                      # 路由键 == 绑定键
            elif self.kind == "topic":
                ok = topic_match(rule, routing_key)
            else:                                             # headers：忽略路由键，看消息头
                rule = dict(rule)
                mode = rule.pop("x-match", "all")
                hits = [headers.get(h) == v for h, v in rule.items()]
                ok = all(hits) if mode == "all" else any(hits)
            if ok and queue not in out:
                out.append(queue)
        return sorted(out)


def show(exchange, routing_key, headers=None):
    queues = exchange.route(routing_key, headers or {})
    label = routing_key if headers is None else " ".join(f"{h}={v}" for h, v in headers.items())
    print(f"  {label:<22} -> {queues if queues else 'unroutable (dropped)'}")


print("direct exchange 'logs':")
logs = Exchange("logs", "direct")
for level in ("error", "warning", "info"):
    logs.bind("q_all", level)
logs.bind("q_error", "error")            # 同一个 error 消息会复制到两个队列
for rk in ("error", "info", "debug"):
    show(logs, rk)

print("fanout exchange 'broadcast':")
bc = Exchange("broadcast", "fanout")
for q in ("q_mail", "q_sms", "q_push"):
    bc.bind(q)
show(bc, "anything")

print("topic exchange 'orders':")
orders = Exchange("orders", "topic")
orders.bind("q_created", "*.created")
orders.bind("q_orders_any", "order.#")
orders.bind("q_eu", "order.*.eu")
for rk in ("order.created", "order.paid.eu", "user.created", "order", "order.paid.eu.extra"):
    show(orders, rk)

print("headers exchange 'reports':")
rep = Exchange("reports", "headers")
rep.bind("q_pdf_all", arguments={"x-match": "all", "format": "pdf", "type": "report"})
rep.bind("q_pdf_any", arguments={"x-match": "any", "format": "pdf", "type": "log"})
show(rep, "", {"format": "pdf", "type": "report"})
show(rep, "", {"format": "csv", "type": "log"})

print("default exchange '' (every queue is bound under its own name):")
default = Exchange("", "direct")
for q in ("q_all", "q_error", "task_queue"):
    default.bind(q, q)
show(default, "task_queue")
