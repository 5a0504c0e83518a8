"""练习“一致性哈希环”的参考答案。"""
import bisect
import hashlib


def ring_hash(text):
    """把字符串确定性地映射到 0 … 2**32-1：md5 摘要的前 4 个字节（大端序）。"""
    return int.from_bytes(hashlib.md5(text.encode("utf-8")).digest()[:4], "big")


class ConsistentHashRing:
    """带虚拟节点的一致性哈希环。"""

    def __init__(self, nodes=(), vnodes=100):
        """创建哈希环，每个物理节点放 vnodes 个虚拟节点，并加入 nodes 中的所有节点。"""
        if vnodes < 1:
            raise ValueError("vnodes 至少为 1")
        self.vnodes = vnodes
        self._points = []        # 排好序的虚拟节点位置
        self._owner = {}         # 位置 -> 物理节点（查表，不需要再算哈希）
        self._nodes = set()
        for node in nodes:
            self.add_node(node)

    def _positions(self, node):
        return [ring_hash(f"{node}#{i}") for i in range(self.vnodes)]

    def add_node(self, node):
        """把一个物理节点（连同它的虚拟节点）加入环；已存在时抛 ValueError。"""
        if node in self._nodes:
            raise ValueError(f"节点 {node!r} 已经在环上")
        self._nodes.add(node)
        for point in self._positions(node):
            # 极少见的位置冲突：名字小的节点优先，保证所有客户端结果一致
            if point in self._owner:
                self._owner[point] = min(self._owner[point], node)
                continue
            bisect.insort(self._points, point)
            self._owner[point] = node

    def remove_node(self, node):
        """从环上摘除一个物理节点的全部虚拟节点；不存在时抛 KeyError。"""
        if node not in self._nodes:
            raise KeyError(node)
        self._nodes.remove(node)
        for point in self._positions(node):
            if self._owner.get(point) == node:
                del self._owner[point]
                del self._points[bisect.bisect_left(self._points, point)]

    def nodes(self):
        """返回所有物理节点，按名字排序。"""
        return sorted(self._nodes)

    def _start(self, key):
        if not self._points:
            raise LookupError("哈希环上没有节点")
        i = bisect.bisect_left(self._points, ring_hash(key))
        return i % len(self._points)      # 越过最大的位置就绕回第 0 个

    def get_node(self, key):
        """返回 key 顺时针遇到的第一个虚拟节点所属的物理节点；环为空时抛 LookupError。"""
        return self._owner[self._points[self._start(key)]]

    def get_nodes(self, key, n):
        """从 key 的位置顺时针收集前 n 个不同的物理节点，返回列表。"""
        if not self._points:
            return []
        start = self._start(key)
        wanted = min(n, len(self._nodes))
        found = []
        for step in range(len(self._points)):
            node = self._owner[self._points[(start + step) % len(self._points)]]
            if node not in found:
                found.append(node)
                if len(found) == wanted:
                    break
        return found
