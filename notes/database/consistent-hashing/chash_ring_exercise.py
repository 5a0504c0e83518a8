"""练习：实现带虚拟节点的一致性哈希环。

要求：
- ring_hash(text)：取 text 的 UTF-8 编码的 md5 摘要的前 4 个字节，按大端序转成 0 … 2**32-1
  的整数。必须是确定性的，不能用内置的 hash()（它每个进程随机加盐）；
- 每个物理节点 node 在环上放 vnodes 个虚拟节点，第 i 个的位置是 ring_hash(f"{node}#{i}")
  （i 从 0 到 vnodes-1）；
- get_node(key)：从 ring_hash(key) 出发顺时针找第一个位置 >= ring_hash(key) 的虚拟节点，
  返回它所属的物理节点；比所有位置都大时绕回位置最小的那个；环为空时抛出 LookupError；
- get_nodes(key, n)：同样从 key 的位置顺时针走，依次收集前 n 个**不同**的物理节点
  （用于放副本）；节点不足 n 个时返回全部节点；第一个一定等于 get_node(key)；
- add_node(node)：节点已存在时抛 ValueError；remove_node(node)：节点不存在时抛 KeyError；
- nodes()：返回所有物理节点，按名字排序。
查找要用有序列表 + 二分查找（bisect），不要每次都遍历所有虚拟节点。
"""
import bisect
import hashlib


def ring_hash(text):
    """把字符串确定性地映射到 0 … 2**32-1：md5 摘要的前 4 个字节（大端序）。"""
    raise NotImplementedError("在这里实现 ring_hash")


class ConsistentHashRing:
    """带虚拟节点的一致性哈希环。"""

    def __init__(self, nodes=(), vnodes=100):
        """创建哈希环，每个物理节点放 vnodes 个虚拟节点，并加入 nodes 中的所有节点。"""
        raise NotImplementedError("在这里实现 ConsistentHashRing.__init__")

    def add_node(self, node):
        """把一个物理节点（连同它的虚拟节点）加入环；已存在时抛 ValueError。"""
        raise NotImplementedError("在这里实现 add_node")

    def remove_node(self, node):
        """从环上摘除一个物理节点的全部虚拟节点；不存在时抛 KeyError。"""
        raise NotImplementedError("在这里实现 remove_node")

    def nodes(self):
        """返回所有物理节点，按名字排序。"""
        raise NotImplementedError("在这里实现 nodes")

    def get_node(self, key):
        """返回 key 顺时针遇到的第一个虚拟节点所属的物理节点；环为空时抛 LookupError。"""
        raise NotImplementedError("在这里实现 get_node")

    def get_nodes(self, key, n):
        """从 key 的位置顺时针收集前 n 个不同的物理节点，返回列表。"""
        raise NotImplementedError("在这里实现 get_nodes")
