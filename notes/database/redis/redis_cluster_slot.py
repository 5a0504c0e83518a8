"""Redis Cluster 的 key 路由：CRC16/XMODEM、16384 个槽、hash tag，以及客户端如何处理 MOVED 和 ASK。

不需要 Redis 服务器：槽的计算和重定向都在本地模拟。
"""
import binascii

SLOTS = 16384


def crc16_xmodem(data):
    """逐位计算 CRC16/XMODEM：多项式 0x1021，初值 0，不反转。Redis 的 crc16.c 用的就是它。"""
    crc = 0
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            if crc & 0x8000:
                crc = ((crc << 1) ^ 0x1021) & 0xFFFF
            else:
                crc = (crc << 1) & 0xFFFF
    return crc


def hash_tag(key):
    """有 {…} 且第一个 { 之后的第一个 } 之间非空时，只对花括号里的内容求哈希。"""
    start = key.find(b"{")
    if start != -1:
        end = key.find(b"}", start + 1)
        if end != -1 and end != start + 1:
            return key[start + 1:end]
    return key


def key_slot(key):
    return crc16_xmodem(hash_tag(key.encode())) % SLOTS


print("== CRC16/XMODEM ==")
print("crc16('123456789') = 0x%04X" % crc16_xmodem(b"123456789"))
print("bitwise == binascii.crc_hqx:",
      all(crc16_xmodem(k) == binascii.crc_hqx(k, 0) for k in (b"", b"foo", b"user:1000", bytes(range(256)))))

print("== 槽位 ==")
for key in ["foo", "bar", "hello", "user:1000", "{user:1000}.cart", "{user:1000}.orders",
            "a{b}c{d}", "{}.x", "{}.y", "x{", "foo{}{bar}", "foo{{bar}}zap"]:
    print("%-20s tag=%-12r slot=%d" % (key, hash_tag(key.encode()).decode(), key_slot(key)))

print("== 槽 -> 节点 ==")
# redis-cli --cluster create 给 3 个主节点的默认划分
ranges = [(0, 5460, "A"), (5461, 10922, "B"), (10923, 16383, "C")]


def owner(slot):
    for low, high, node in ranges:
        if low <= slot <= high:
            return node
    raise LookupError(slot)


for key in ["foo", "bar", "hello"]:
    print("%-6s slot %5d -> node %s" % (key, key_slot(key), owner(key_slot(key))))


class FakeCluster:
    """服务端：每个节点只处理自己的槽；槽迁移中的 key 已经搬走时回复 ASK。"""

    def __init__(self):
        self.slot_owner = {slot: owner(slot) for slot in range(SLOTS)}
        self.data = {"A": {}, "B": {}, "C": {}}
        self.migrating = {}   # slot -> 目标节点

    def handle(self, node, command, key, value=None):
        slot = key_slot(key)
        own = self.slot_owner[slot]
        if own != node and not (command == "ASKING-GET" and self.migrating.get(slot) == node):
            return "MOVED %d %s" % (slot, own)
        if command == "SET":
            self.data[node][key] = value
            return "OK"
        if key in self.data[node]:
            return self.data[node][key]
        if self.migrating.get(slot):
            return "ASK %d %s" % (slot, self.migrating[slot])
        return None


class SmartClient:
    """客户端缓存一份"槽 -> 节点"表，按它直接发往正确的节点；收到 MOVED 就更新表。"""

    def __init__(self, cluster):
        self.cluster = cluster
        self.slot_cache = dict(cluster.slot_owner)
        self.log = []

    def call(self, command, key, value=None):
        node = self.slot_cache[key_slot(key)]
        for _ in range(3):
            reply = self.cluster.handle(node, command, key, value)
            if isinstance(reply, str) and reply.startswith("MOVED"):
                _, slot, node = reply.split()
                self.slot_cache[int(slot)] = node          # 永久更新本地槽表
                self.log.append(reply)
                continue
            if isinstance(reply, str) and reply.startswith("ASK"):
                _, slot, target = reply.split()
                self.log.append(reply)
                # 只对这一次请求：先发 ASKING，再向目标节点查询；不更新槽表
                return self.cluster.handle(target, "ASKING-GET", key)
            return reply
        raise RuntimeError("too many redirects")


print("== MOVED 与 ASK ==")
cluster = FakeCluster()
client = SmartClient(cluster)
client.call("SET", "foo", "1")
client.call("SET", "bar", "2")
print("GET foo ->", client.call("GET", "foo"), "redirects:", client.log)

# 运维把 foo 所在的槽从 C 迁往 A：迁移过程中，已经搬走的 key 在目标节点上
slot = key_slot("foo")
cluster.migrating[slot] = "A"
cluster.data["A"]["foo"] = cluster.data["C"].pop("foo")
print("GET foo during migration ->", client.call("GET", "foo"), "redirects:", client.log[-1:])
print("slot cache still says:", client.slot_cache[slot])

# 迁移完成（CLUSTER SETSLOT … NODE A）：旧节点对这个槽一律回复 MOVED
del cluster.migrating[slot]
cluster.slot_owner[slot] = "A"
print("GET foo after migration ->", client.call("GET", "foo"), "redirects:", client.log[-1:])
print("slot cache now says:", client.slot_cache[slot])
print("GET foo again ->", client.call("GET", "foo"), "new redirects:", len(client.log) - 2)
