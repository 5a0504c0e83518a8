"""进程内模拟 RabbitMQ 的消费端语义：prefetch 公平分发、手动 ack / nack / reject、
死信交换机（DLX），以及“至少一次”投递带来的重复消息和幂等消费。不连接真实 broker。"""
from collections import Counter, deque


# ---------- 1) prefetch：broker 最多给每个消费者多少条“已投递未确认”的消息 ----------
def work_queue(prefetch, n_msgs=8, cost=None):
    cost = cost or {"fast": 1, "slow": 3}          # 处理一条消息要几个时间片
    names = list(cost)
    queue = deque(range(1, n_msgs + 1))
    unacked = {c: deque() for c in names}
    progress = dict.fromkeys(names, 0)
    got, rr, t = Counter(), 0, 0
    while queue or any(unacked.values()):
        # broker 轮询（round-robin）推送，但跳过“未确认数已达 prefetch”的消费者
        while queue:
            for _ in names:
                c = names[rr % len(names)]
                rr += 1
                if prefetch is None or len(unacked[c]) < prefetch:
                    unacked[c].append(queue.popleft())
                    got[c] += 1
                    break
            else:
                break                                # 所有消费者都满了
        # 每个消费者干一个时间片，做完一条就 ack
        for c in names:
            if unacked[c]:
                progress[c] += 1
                if progress[c] == cost[c]:
                    unacked[c].popleft()             # 相当于 basic.ack：确认并移出
                    progress[c] = 0
        t += 1
    return got, t


for prefetch in (None, 1):
    got, t = work_queue(prefetch)
    label = "no prefetch limit" if prefetch is None else f"prefetch={prefetch}"
    print(f"{label:<17}: fast got {got['fast']}, slow got {got['slow']}, all done at t={t}")


# ---------- 2) ack / nack / reject / 死信 / 重投 ----------
class Broker:
    def __init__(self):
        self.queues = {"tasks": deque(), "tasks.dead": deque()}
        self.dead_letter = {"tasks": "tasks.dead"}   # 相当于 x-dead-letter-exchange 指向的队列
        self.unacked = {}                            # delivery_tag -> (queue, 消息)
        self.tag = 0

    def publish(self, queue, msg_id, body):
        self.queues[queue].append({"id": msg_id, "body": body, "redelivered": False})

    def get(self, queue):
        msg = self.queues[queue].popleft()
        self.tag += 1
        self.unacked[self.tag] = (queue, msg)
        return self.tag, msg

    def ack(self, tag):
        del self.unacked[tag]

    def nack(self, tag, requeue):
        queue, msg = self.unacked.pop(tag)
        if requeue:
            msg["redelivered"] = True
            self.queues[queue].appendleft(msg)       # 放回队列（尽量放回原位置）
        else:
            self.queues[self.dead_letter[queue]].append(msg)

    def channel_closed(self):
        """消费者崩溃、连接断开：所有未确认的消息重新入队，标记 redelivered。"""
        for tag in sorted(self.unacked, reverse=True):
            self.nack(tag, requeue=True)


broker = Broker()
for i, body in enumerate(["pay order 1", "BAD DATA", "pay order 2"], start=1):
    broker.publish("tasks", f"m{i}", body)

charged = []          # 副作用：扣款记录
processed_ids = []    # 幂等表：已处理过的消息 id（真实系统里放数据库唯一索引或 Redis）


def handle(consumer, tag, msg, crash_before_ack=False):
    flag = " (redelivered)" if msg["redelivered"] else ""
    if msg["body"] == "BAD DATA":
        if not msg["redelivered"]:
            print(f"{consumer}: {msg['id']}{flag} failed -> nack, requeue")
            broker.nack(tag, requeue=True)
        else:
            print(f"{consumer}: {msg['id']}{flag} failed again -> reject, to dead-letter queue")
            broker.nack(tag, requeue=False)
        return
    if msg["id"] in processed_ids:
        print(f"{consumer}: {msg['id']}{flag} already processed -> skip side effect, ack")
        broker.ack(tag)
        return
    charged.append(msg["body"])
    processed_ids.append(msg["id"])
    if crash_before_ack:
        print(f"{consumer}: {msg['id']}{flag} charged, then crashed before ack")
        broker.channel_closed()
        return
    print(f"{consumer}: {msg['id']}{flag} charged -> ack")
    broker.ack(tag)


handle("C1", *broker.get("tasks"))
handle("C1", *broker.get("tasks"))
handle("C1", *broker.get("tasks"))
handle("C1", *broker.get("tasks"), crash_before_ack=True)
handle("C2", *broker.get("tasks"))
print("tasks left:", len(broker.queues["tasks"]),
      "| dead letters:", [m["id"] for m in broker.queues["tasks.dead"]])
print("charges:", charged)
