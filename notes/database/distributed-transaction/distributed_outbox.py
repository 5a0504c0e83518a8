"""本地消息表（事务发件箱）加幂等消费者（sqlite3）。

1. 订单行和待发送的消息在**同一个**本地事务里写入，所以不会出现有订单没消息、
   或者有消息没订单的情况。
2. 投递程序读取未发送的消息，发布出去，再把它标记为已发送。如果它在“发布”和
   “标记”之间崩溃，之后会再发布一次：投递语义是至少一次。
3. 消费者记住处理过的消息 id（唯一键），重复的消息不产生任何效果：在至少一次
   投递之上得到“恰好一次的效果”。
"""
import json
import sqlite3

orders = sqlite3.connect(":memory:")
orders.executescript("""
CREATE TABLE orders (id INTEGER PRIMARY KEY, item TEXT);
CREATE TABLE outbox (msg_id TEXT PRIMARY KEY, payload TEXT, sent INTEGER DEFAULT 0);
""")
inventory = sqlite3.connect(":memory:")
inventory.executescript("""
CREATE TABLE stock (item TEXT PRIMARY KEY, qty INTEGER);
CREATE TABLE processed (msg_id TEXT PRIMARY KEY);
INSERT INTO stock VALUES ('book', 5);
""")
broker = []                                   # 代替 Kafka / RabbitMQ


def place_order(order_id, item, fail=False):
    try:
        with orders:                          # 一个本地事务
            orders.execute("INSERT INTO orders VALUES (?, ?)", (order_id, item))
            if fail:
                raise RuntimeError("crash before commit")
            orders.execute("INSERT INTO outbox (msg_id, payload) VALUES (?, ?)",
                           (f"order-{order_id}", json.dumps({"item": item})))
        print(f"order {order_id}: committed with its outbox message")
    except RuntimeError as exc:
        print(f"order {order_id}: {exc}, neither row nor message kept")


def relay(crash_before_mark=False):
    rows = orders.execute("SELECT msg_id, payload FROM outbox WHERE sent = 0 ORDER BY msg_id").fetchall()
    for msg_id, payload in rows:
        broker.append((msg_id, payload))
        print(f"relay: published {msg_id}")
        if crash_before_mark:
            print("relay: crashed before marking it sent")
            return
        with orders:
            orders.execute("UPDATE outbox SET sent = 1 WHERE msg_id = ?", (msg_id,))


def consume():
    while broker:
        msg_id, payload = broker.pop(0)
        try:
            with inventory:                   # 去重和业务修改放在同一个事务里
                inventory.execute("INSERT INTO processed VALUES (?)", (msg_id,))
                inventory.execute("UPDATE stock SET qty = qty - 1 WHERE item = ?",
                                  (json.loads(payload)["item"],))
            print(f"consumer: applied {msg_id}")
        except sqlite3.IntegrityError:
            print(f"consumer: duplicate {msg_id} ignored")


place_order(1, "book")
place_order(2, "book", fail=True)
relay(crash_before_mark=True)                 # 消息已发出，但没有标记
relay()                                       # 重启后的投递程序再发一次
consume()
print("orders:", orders.execute("SELECT id FROM orders").fetchall(),
      "| stock:", inventory.execute("SELECT qty FROM stock").fetchone()[0])
