"""Local message table / transactional outbox with an idempotent consumer (sqlite3).

1. The order row and the outgoing message are written in ONE local transaction,
   so there is never an order without its message or a message without its order.
2. A relay reads unsent messages, publishes them, then marks them sent. If it
   crashes between "publish" and "mark sent", it publishes again later:
   delivery is at-least-once.
3. The consumer remembers processed message ids (a UNIQUE key), so a duplicate
   has no effect: exactly-once *effect* on top of at-least-once delivery.
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
broker = []                                   # stands in for Kafka / RabbitMQ


def place_order(order_id, item, fail=False):
    try:
        with orders:                          # one local transaction
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
            with inventory:                   # dedupe + effect in one transaction
                inventory.execute("INSERT INTO processed VALUES (?)", (msg_id,))
                inventory.execute("UPDATE stock SET qty = qty - 1 WHERE item = ?",
                                  (json.loads(payload)["item"],))
            print(f"consumer: applied {msg_id}")
        except sqlite3.IntegrityError:
            print(f"consumer: duplicate {msg_id} ignored")


place_order(1, "book")
place_order(2, "book", fail=True)
relay(crash_before_mark=True)                 # message goes out, flag not set
relay()                                       # restarted relay sends it again
consume()
print("orders:", orders.execute("SELECT id FROM orders").fetchall(),
      "| stock:", inventory.execute("SELECT qty FROM stock").fetchone()[0])
