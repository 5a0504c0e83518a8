"""练习“平滑加权轮询与加权最少连接”的测试（学习者看不到这个文件）。"""
import unittest

from load_balancing_picker_exercise import LeastConnections, SmoothWeightedRoundRobin


def picks(balancer, n):
    return "".join(balancer.pick() for _ in range(n))


class SmoothWeightedRoundRobinTests(unittest.TestCase):
    def test_nginx_sequence_repeats_every_total_weight(self):
        balancer = SmoothWeightedRoundRobin({"A": 5, "B": 1, "C": 1})
        self.assertEqual(picks(balancer, 7), "AABACAA")
        self.assertEqual(picks(balancer, 7), "AABACAA")      # 7 轮后 current 全部回到 0

    def test_every_cycle_is_proportional_and_ties_go_to_the_first(self):
        balancer = SmoothWeightedRoundRobin({"a": 3, "b": 2, "c": 1})
        self.assertEqual(picks(balancer, 6), "abacba")       # 第 3 轮 a 和 c 相等，选靠前的 a
        for _ in range(50):
            cycle = picks(balancer, 6)
            self.assertEqual((cycle.count("a"), cycle.count("b"), cycle.count("c")), (3, 2, 1))
        equal = SmoothWeightedRoundRobin({"x": 1, "y": 1, "z": 1})
        self.assertEqual(picks(equal, 7), "xyzxyzx")         # 权重相同就是普通轮询

    def test_marked_down_servers_are_skipped(self):
        balancer = SmoothWeightedRoundRobin({"A": 5, "B": 1, "C": 1})
        picks(balancer, 3)
        balancer.mark_down("A")
        self.assertEqual(picks(balancer, 4), "BCBC")
        balancer.mark_up("A")
        self.assertEqual(picks(balancer, 7), "AABACAA")      # 清零后从头开始一个周期
        for name in "ABC":
            balancer.mark_down(name)
        with self.assertRaises(LookupError):
            balancer.pick()
        with self.assertRaises(KeyError):
            balancer.mark_down("D")

    def test_weights_are_validated(self):
        for weights in ({}, {"a": 0}, {"a": -1}, {"a": 1.5}, {"a": 2, "b": "3"}):
            with self.subTest(weights=weights):
                with self.assertRaises(ValueError):
                    SmoothWeightedRoundRobin(weights)
                with self.assertRaises(ValueError):
                    LeastConnections(weights)


class LeastConnectionsTests(unittest.TestCase):
    def test_picks_the_least_busy_and_ties_go_to_the_first(self):
        balancer = LeastConnections({"a": 1, "b": 1, "c": 1})
        self.assertEqual([balancer.acquire() for _ in range(3)], ["a", "b", "c"])
        balancer.release("b")
        self.assertEqual(balancer.acquire(), "b")
        balancer.release("c")
        balancer.release("a")
        self.assertEqual([balancer.acquire(), balancer.acquire()], ["a", "c"])
        self.assertEqual([balancer.active(name) for name in "abc"], [1, 1, 1])

    def test_weights_scale_the_connection_count(self):
        balancer = LeastConnections({"big": 3, "small": 1})
        self.assertEqual([balancer.acquire() for _ in range(8)],
                         ["big", "small", "big", "big", "big", "small", "big", "big"])
        self.assertEqual((balancer.active("big"), balancer.active("small")), (6, 2))

    def test_release_errors(self):
        balancer = LeastConnections({"a": 1})
        with self.assertRaises(ValueError):
            balancer.release("a")                            # 没有活跃连接
        with self.assertRaises(KeyError):
            balancer.release("zzz")
        balancer.acquire()
        balancer.release("a")
        self.assertEqual(balancer.active("a"), 0)


if __name__ == "__main__":
    unittest.main()
