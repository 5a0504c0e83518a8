"""练习“反向代理：轮询、首部改写与真实客户端 IP”的测试（学习者看不到这个文件）。"""
import unittest

from proxy_balancer_exercise import NoHealthyBackend, RoundRobinBalancer, forward_headers, real_client_ip


class BalancerTests(unittest.TestCase):
    def test_round_robin_order(self):
        balancer = RoundRobinBalancer(["b1", "b2", "b3"])
        self.assertEqual([balancer.pick() for _ in range(7)], ["b1", "b2", "b3", "b1", "b2", "b3", "b1"])

    def test_down_backends_are_skipped_and_can_come_back(self):
        balancer = RoundRobinBalancer(["b1", "b2", "b3"])
        self.assertEqual(balancer.pick(), "b1")
        balancer.mark_down("b2")
        self.assertEqual([balancer.pick() for _ in range(4)], ["b3", "b1", "b3", "b1"])
        balancer.mark_up("b2")
        self.assertEqual([balancer.pick() for _ in range(3)], ["b2", "b3", "b1"])

    def test_no_healthy_backend_and_unknown_names(self):
        balancer = RoundRobinBalancer(["b1", "b2"])
        balancer.mark_down("b1")
        balancer.mark_down("b2")
        with self.assertRaises(NoHealthyBackend):
            balancer.pick()
        balancer.mark_up("b2")
        self.assertEqual(balancer.pick(), "b2")
        with self.assertRaises(KeyError):
            balancer.mark_down("b9")
        with self.assertRaises(NoHealthyBackend):
            RoundRobinBalancer([]).pick()


class ForwardHeadersTests(unittest.TestCase):
    def test_appends_to_existing_x_forwarded_for(self):
        incoming = {"Host": "shop.example", "x-forwarded-for": "203.0.113.7"}
        result = forward_headers(incoming, "198.51.100.9", proto="https")
        self.assertEqual(result, {"Host": "shop.example", "X-Forwarded-For": "203.0.113.7, 198.51.100.9",
                                  "X-Forwarded-Proto": "https"})
        self.assertEqual(incoming, {"Host": "shop.example", "x-forwarded-for": "203.0.113.7"})

    def test_creates_x_forwarded_for_and_drops_hop_by_hop_headers(self):
        incoming = {"Host": "shop.example", "Connection": "keep-alive, X-Trace-Hop", "Keep-Alive": "timeout=5",
                    "X-Trace-Hop": "1", "Upgrade": "websocket", "Accept": "*/*", "X-Forwarded-Proto": "ftp"}
        result = forward_headers(incoming, "198.51.100.9")
        self.assertEqual(result, {"Host": "shop.example", "Accept": "*/*", "X-Forwarded-For": "198.51.100.9",
                                  "X-Forwarded-Proto": "http"})


class RealClientIpTests(unittest.TestCase):
    TRUSTED = {"10.0.0.2", "10.0.0.3"}

    def test_skips_trusted_proxies_from_the_right(self):
        self.assertEqual(real_client_ip("198.51.100.9", "10.0.0.2", self.TRUSTED), "198.51.100.9")
        self.assertEqual(real_client_ip("198.51.100.9, 10.0.0.3", "10.0.0.2", self.TRUSTED), "198.51.100.9")

    def test_spoofed_left_values_are_ignored(self):
        # 客户端自己写了 X-Forwarded-For: 1.2.3.4，代理在末尾追加了它看到的真实地址
        self.assertEqual(real_client_ip("1.2.3.4, 198.51.100.9", "10.0.0.2", self.TRUSTED), "198.51.100.9")

    def test_untrusted_peer_and_edge_cases(self):
        self.assertEqual(real_client_ip("1.2.3.4", "198.51.100.9", self.TRUSTED), "198.51.100.9")
        self.assertEqual(real_client_ip(None, "10.0.0.2", self.TRUSTED), "10.0.0.2")
        self.assertEqual(real_client_ip("", "198.51.100.9", self.TRUSTED), "198.51.100.9")
        self.assertEqual(real_client_ip("10.0.0.3 ,10.0.0.2", "10.0.0.2", self.TRUSTED), "10.0.0.3")


if __name__ == "__main__":
    unittest.main()
