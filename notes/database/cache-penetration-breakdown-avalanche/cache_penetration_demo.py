"""缓存穿透：查询根本不存在的数据。对比 不设防 / 缓存空值 / 布隆过滤器 三种做法。"""
import hashlib

MISSING = object()   # 缓存里的“空值”标记，区别于“缓存里没有这个 key”


class FakeDB:
    def __init__(self, rows):
        self.rows = rows
        self.hits = 0

    def get(self, key):
        self.hits += 1
        return self.rows.get(key)


class TTLCache:
    """用手动推进的时钟代替真实时间，保证输出确定。"""
    def __init__(self):
        self.now = 0
        self.data = {}

    def get(self, key):
        item = self.data.get(key)
        if item is None or item[1] <= self.now:
            return None          # 没有或已过期
        return item[0]

    def set(self, key, value, ttl):
        self.data[key] = (value, self.now + ttl)


class BloomFilter:
    def __init__(self, m_bits, k):
        self.m, self.k = m_bits, k
        self.bits = bytearray(m_bits // 8 + 1)

    def _positions(self, item):
        d = hashlib.sha256(item.encode()).digest()
        for i in range(self.k):
            yield int.from_bytes(d[4 * i:4 * i + 4], "big") % self.m

    def add(self, item):
        for p in self._positions(item):
            self.bits[p // 8] |= 1 << (p % 8)

    def might_contain(self, item):
        return all(self.bits[p // 8] & (1 << (p % 8)) for p in self._positions(item))


rows = {f"user:{i}": f"name-{i}" for i in range(1, 1001)}
attack = ["user:999999"] * 20          # 同一个不存在的 id 被请求 20 次


def cache_aside(cache, db, key, null_ttl=None):
    value = cache.get(key)
    if value is not None:
        return None if value is MISSING else value
    value = db.get(key)
    if value is not None:
        cache.set(key, value, ttl=300)
    elif null_ttl is not None:
        cache.set(key, MISSING, ttl=null_ttl)   # 空值也缓存，但 TTL 要短
    return value


# 1) 不设防：查不到就不写缓存，每次都打到数据库
db, cache = FakeDB(rows), TTLCache()
for key in attack:
    cache_aside(cache, db, key)
naive = db.hits

# 2) 缓存空值（TTL 60 秒）
db, cache = FakeDB(rows), TTLCache()
for key in attack:
    cache_aside(cache, db, key, null_ttl=60)
null_cache = db.hits
cache.now = 61                          # 空值过期后再来一次，会再查一次库
cache_aside(cache, db, "user:999999", null_ttl=60)
null_cache_after_ttl = db.hits

# 3) 布隆过滤器挡在缓存前面：说“不存在”就一定不存在
bloom = BloomFilter(m_bits=10_000, k=7)
for key in rows:
    bloom.add(key)
db, cache = FakeDB(rows), TTLCache()
for key in attack:
    if bloom.might_contain(key):
        cache_aside(cache, db, key)
bloom_hits = db.hits

print(f"penetration DB hits: naive {naive} | null-cache {null_cache} | bloom {bloom_hits}")
print("null-cache after its TTL expires: DB hits", null_cache_after_ttl)
print("bloom: false negatives =", sum(not bloom.might_contain(k) for k in rows))
probes = [f"user:{i}" for i in range(100_001, 110_001)]
fp = sum(bloom.might_contain(k) for k in probes) / len(probes)
print(f"bloom: false positive rate {fp:.2%} (theory ~0.82% for m=10000, n=1000, k=7)")
