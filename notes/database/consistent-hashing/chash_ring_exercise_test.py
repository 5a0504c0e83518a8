"""练习“一致性哈希环”的测试（学习者看不到这个文件）。"""
import bisect
import hashlib
import unittest

from chash_ring_exercise import ConsistentHashRing, ring_hash

NODES = ["cache-a", "cache-b", "cache-c"]
KEYS = [f"user:{i}" for i in range(3000)]


def reference_md5(text):
    return int.from_bytes(hashlib.md5(text.encode("utf-8")).digest()[:4], "big")


def reference_lookup(nodes, vnodes, key):
    """不用学习者的代码，按定义直接算出 key 的归属。"""
    owner = {reference_md5(f"{node}#{i}"): node for node in nodes for i in range(vnodes)}
    points = sorted(owner)
    i = bisect.bisect_left(points, reference_md5(key))
    return owner[points[i % len(points)]]


class ConsistentHashRingTests(unittest.TestCase):
    def test_ring_hash_is_the_md5_prefix(self):
        self.assertEqual(ring_hash("user:42"), 1457184536)
        self.assertEqual(ring_hash(""), 3558706393)
        self.assertEqual(ring_hash("缓存"), 3893113102)        # 按 UTF-8 编码
        self.assertEqual(ring_hash("cache-a#0"), 865605960)

    def test_lookup_follows_the_clockwise_rule(self):
        ring = ConsistentHashRing(NODES, vnodes=5)
        for key in KEYS[:400] + ["", "zzz", "缓存"]:
            with self.subTest(key=key):
                self.assertEqual(ring.get_node(key), reference_lookup(NODES, 5, key))

    def test_adding_a_node_moves_a_bounded_share_only_to_it(self):
        ring = ConsistentHashRing(NODES, vnodes=100)
        before = {key: ring.get_node(key) for key in KEYS}
        ring.add_node("cache-d")
        after = {key: ring.get_node(key) for key in KEYS}
        moved = [key for key in KEYS if before[key] != after[key]]
        self.assertEqual({after[key] for key in moved}, {"cache-d"})
        share = len(moved) / len(KEYS)                          # 理想值 1/4
        self.assertEqual(0.15 < share < 0.35, True, f"moved {share:.0%} of the keys")
        self.assertEqual(ring.nodes(), ["cache-a", "cache-b", "cache-c", "cache-d"])

    def test_removing_a_node_moves_only_its_keys(self):
        ring = ConsistentHashRing(NODES + ["cache-d"], vnodes=100)
        before = {key: ring.get_node(key) for key in KEYS}
        ring.remove_node("cache-b")
        after = {key: ring.get_node(key) for key in KEYS}
        for key in KEYS:
            if before[key] == "cache-b":
                self.assertNotEqual(after[key], "cache-b")
            else:
                self.assertEqual(after[key], before[key])
        # 摘掉的节点的负载分散给了其余所有节点，而不是只给一个后继
        receivers = {after[key] for key in KEYS if before[key] == "cache-b"}
        self.assertEqual(receivers, {"cache-a", "cache-c", "cache-d"})
        self.assertEqual(ring.nodes(), ["cache-a", "cache-c", "cache-d"])

    def test_virtual_nodes_balance_the_load(self):
        ring = ConsistentHashRing(NODES, vnodes=200)
        counts = {node: 0 for node in NODES}
        for key in KEYS:
            counts[ring.get_node(key)] += 1
        busiest = max(counts.values()) / (len(KEYS) / len(NODES))
        self.assertEqual(busiest < 1.2, True, f"counts {counts}")

    def test_replicas_and_errors(self):
        ring = ConsistentHashRing(NODES, vnodes=50)
        for key in KEYS[:200]:
            replicas = ring.get_nodes(key, 2)
            self.assertEqual(len(replicas), 2)
            self.assertEqual(len(set(replicas)), 2)
            self.assertEqual(replicas[0], ring.get_node(key))
        self.assertEqual(sorted(ring.get_nodes("user:42", 10)), NODES)
        with self.assertRaises(ValueError):
            ring.add_node("cache-a")
        with self.assertRaises(KeyError):
            ring.remove_node("cache-x")
        empty = ConsistentHashRing(vnodes=10)
        with self.assertRaises(LookupError):
            empty.get_node("user:1")


if __name__ == "__main__":
    unittest.main()
