"""练习“迷你 RabbitMQ 路由器”的测试（学习者看不到这个文件）。"""
import unittest

from rabbitmq_broker_exercise import Broker, topic_matches


def broker_with_queues(*names):
    broker = Broker()
    for name in names:
        broker.declare_queue(name)
    return broker


class TopicMatchTests(unittest.TestCase):
    def check(self, binding_key, expected):
        for routing_key, matches in expected.items():
            with self.subTest(binding_key=binding_key, routing_key=routing_key):
                self.assertEqual(topic_matches(binding_key, routing_key), matches)

    def test_star_matches_exactly_one_word(self):
        self.check("order.*", {"order.created": True, "order": False, "order.paid.eu": False})
        self.check("*.created", {"user.created": True, "created": False, "a.b.created": False})
        self.check("*.*", {"a.b": True, "a": False, "a.b.c": False})
        self.check("order.created", {"order.created": True, "order.paid": False})

    def test_hash_matches_zero_or_more_words(self):
        self.check("#", {"a": True, "a.b.c": True})
        self.check("order.#", {"order": True, "order.created": True, "order.paid.eu": True,
                               "user.order": False})
        self.check("#.eu", {"eu": True, "order.paid.eu": True, "order.eu.paid": False})
        self.check("a.#.b", {"a.b": True, "a.x.b": True, "a.x.y.b": True, "a.b.c": False})
        self.check("a.*.#", {"a": False, "a.b": True, "a.b.c.d": True})
        self.check("#.*", {"a": True, "a.b": True})
        self.check("#.#", {"x": True, "x.y.z": True})


class BrokerTests(unittest.TestCase):
    def test_direct_exchange_needs_an_equal_key(self):
        broker = broker_with_queues("q_all", "q_error")
        broker.declare_exchange("logs", "direct")
        for level in ("error", "warning", "info"):
            broker.bind("q_all", "logs", level)
        broker.bind("q_error", "logs", "error")
        self.assertEqual(broker.publish("logs", "error", "disk full"), ["q_all", "q_error"])
        self.assertEqual(broker.publish("logs", "info", "started"), ["q_all"])
        self.assertEqual(broker.publish("logs", "debug", "noise"), [])      # 无法路由：丢弃
        self.assertEqual(broker.messages("q_all"), ["disk full", "started"])
        self.assertEqual(broker.messages("q_error"), ["disk full"])

    def test_fanout_ignores_the_key_and_topic_delivers_once(self):
        broker = broker_with_queues("q_mail", "q_sms", "q_orders", "q_eu")
        broker.declare_exchange("signup", "fanout")
        broker.bind("q_mail", "signup")
        broker.bind("q_sms", "signup", "whatever")
        self.assertEqual(broker.publish("signup", "any.key", "welcome"), ["q_mail", "q_sms"])

        broker.declare_exchange("events", "topic")
        broker.bind("q_orders", "events", "order.#")
        broker.bind("q_orders", "events", "*.paid.*")        # 两个绑定都匹配：只收一份
        broker.bind("q_eu", "events", "#.eu")
        self.assertEqual(broker.publish("events", "order.paid.eu", "m1"), ["q_eu", "q_orders"])
        self.assertEqual(broker.publish("events", "user.created", "m2"), [])
        self.assertEqual(broker.messages("q_orders"), ["m1"])
        broker.unbind("q_eu", "events", "#.eu")
        self.assertEqual(broker.publish("events", "order.paid.eu", "m3"), ["q_orders"])
        self.assertEqual(broker.messages("q_eu"), ["m1"])

    def test_default_exchange_routes_by_queue_name(self):
        broker = broker_with_queues("task_queue")
        broker.declare_queue("task_queue")                   # 重复声明：什么也不变
        self.assertEqual(broker.publish("", "task_queue", "job-1"), ["task_queue"])
        self.assertEqual(broker.publish("", "no_such_queue", "job-2"), [])
        self.assertEqual(broker.messages("task_queue"), ["job-1"])
        with self.assertRaises(ValueError):
            broker.bind("task_queue", "", "other")

    def test_unroutable_messages_go_to_the_alternate_exchange(self):
        broker = broker_with_queues("q_paid", "q_unrouted")
        broker.declare_exchange("unrouted", "fanout")
        broker.bind("q_unrouted", "unrouted")
        broker.declare_exchange("orders", "direct", alternate="unrouted")
        broker.bind("q_paid", "orders", "paid")
        self.assertEqual(broker.publish("orders", "paid", "o1"), ["q_paid"])
        self.assertEqual(broker.publish("orders", "refunded", "o2"), ["q_unrouted"])
        self.assertEqual(broker.messages("q_unrouted"), ["o2"])

    def test_declarations_are_checked(self):
        broker = broker_with_queues("q")
        broker.declare_exchange("x", "topic")
        broker.declare_exchange("x", "topic")                # 同样的声明可以重复
        with self.assertRaises(ValueError):
            broker.declare_exchange("x", "fanout")
        with self.assertRaises(ValueError):
            broker.declare_exchange("y", "headers-ish")
        with self.assertRaises(KeyError):
            broker.bind("missing_queue", "x", "a.b")
        with self.assertRaises(KeyError):
            broker.bind("q", "missing_exchange", "a.b")
        with self.assertRaises(KeyError):
            broker.publish("missing_exchange", "a.b", "m")


if __name__ == "__main__":
    unittest.main()
