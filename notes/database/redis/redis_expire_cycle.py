"""模拟 Redis 删除过期 key 的两种方式：惰性删除（访问时检查）和定期删除（抽样清理）。

定期删除按 Redis 文档描述的经典算法：每次从设置了过期时间的 key 中随机抽 20 个，删除已过期的；
如果过期的超过 25%，就再抽一轮。时钟是注入的，随机数有固定种子，所以输出是确定的。
"""
import random

SAMPLE = 20
rng = random.Random(2024)


class Keyspace:
    def __init__(self):
        self.data = {}
        self.expires = {}           # 只保存设置了过期时间的 key
        self.expire_keys = []       # 便于随机抽样
        self.now = 0

    def set(self, key, value, ttl=None):
        self.data[key] = value
        if ttl is not None:
            if key not in self.expires:
                self.expire_keys.append(key)
            self.expires[key] = self.now + ttl

    def _delete(self, key):
        del self.data[key]
        del self.expires[key]
        self.expire_keys.remove(key)

    def get(self, key):
        """惰性删除：读到一个已过期的 key 时，先删掉再当作不存在。"""
        if key in self.expires and self.expires[key] <= self.now:
            self._delete(key)
            return None
        return self.data.get(key)

    def active_expire_cycle(self, max_rounds=16):
        """定期删除：抽样 20 个，过期比例超过 25% 就继续，最多 max_rounds 轮（代替 Redis 的时间上限）。"""
        rounds = deleted = 0
        while self.expire_keys and rounds < max_rounds:
            rounds += 1
            picked = {self.expire_keys[int(rng.random() * len(self.expire_keys))] for _ in range(SAMPLE)}
            expired = sorted(k for k in picked if self.expires[k] <= self.now)
            for key in expired:
                self._delete(key)
            deleted += len(expired)
            if len(expired) <= SAMPLE // 4:
                break
        return rounds, deleted


ks = Keyspace()
for i in range(1000):
    ks.set("session:%d" % i, "v", ttl=10 if i % 10 < 7 else 1000)   # 70% 在 t=10 过期
for i in range(200):
    ks.set("user:%d" % i, "v")                                       # 没有过期时间

ks.now = 10
print("t=10: keys in memory =", len(ks.data))
print("GET session:0 ->", ks.get("session:0"), "(lazy delete, keys now %d)" % len(ks.data))

print("只靠惰性删除：没人访问的过期 key 一直占着内存")
print("  expired but still stored:", sum(1 for k, t in ks.expires.items() if t <= ks.now))

print("定期删除：每 100 ms（hz 10）跑一次")
for tick in range(1, 11):
    rounds, deleted = ks.active_expire_cycle()
    left = sum(1 for k, t in ks.expires.items() if t <= ks.now)
    print("  cycle %2d: rounds=%2d deleted=%3d expired left=%3d" % (tick, rounds, deleted, left))

left = sum(1 for k, t in ks.expires.items() if t <= ks.now)
print("most expired keys reclaimed:", left < 100)
print("keys without TTL untouched:", sum(1 for k in ks.data if k.startswith("user:")))
print("a few expired keys may remain until sampled or read:", left > 0)
