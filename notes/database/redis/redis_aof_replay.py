"""一个极简的 AOF：把写命令按 RESP 协议追加到日志，重启时重放；再演示 AOF 重写、尾部截断和 RDB 前导。

时钟是注入的（now_ms），所以输出是确定的。不需要 Redis 服务器。
"""
import json


def resp(*args):
    """RESP 数组：*参数个数 然后每个参数 $长度\\r\\n内容\\r\\n。AOF 文件里存的就是这种格式。"""
    out = "*%d\r\n" % len(args)
    for arg in args:
        arg = str(arg)
        out += "$%d\r\n%s\r\n" % (len(arg.encode()), arg)
    return out


def parse_resp(text):
    """逐条解析 RESP 命令；遇到不完整的尾部就停下，返回 (命令列表, 是否被截断)。"""
    commands, i = [], 0
    while i < len(text):
        try:
            end = text.index("\r\n", i)
            count = int(text[i + 1:end])
            i = end + 2
            args = []
            for _ in range(count):
                end = text.index("\r\n", i)
                length = int(text[i + 1:end])
                i = end + 2
                if i + length + 2 > len(text):
                    raise ValueError("truncated")
                args.append(text[i:i + length])
                i += length + 2
            commands.append(args)
        except ValueError:
            return commands, True
    return commands, False


class MiniRedis:
    def __init__(self, clock):
        self.clock = clock
        self.data = {}
        self.expires = {}     # key -> 绝对过期时间（毫秒）
        self.aof = ""

    def _alive(self, key):
        if key in self.expires and self.expires[key] <= self.clock():
            del self.data[key], self.expires[key]     # 惰性删除
        return key in self.data

    def execute(self, *args, log=True):
        cmd = args[0].upper()
        if cmd == "SET":
            self.data[args[1]] = args[2]
            self.expires.pop(args[1], None)
        elif cmd == "INCR":
            value = int(self.data[args[1]]) + 1 if self._alive(args[1]) else 1
            self.data[args[1]] = str(value)
        elif cmd == "DEL":
            self.data.pop(args[1], None)
            self.expires.pop(args[1], None)
        elif cmd == "EXPIRE":
            # 写进 AOF 的是绝对时间：重放时（可能是几小时后）不能把过期时间往后推
            at = self.clock() + int(args[2]) * 1000
            self.expires[args[1]] = at
            args = ("PEXPIREAT", args[1], at)
        elif cmd == "PEXPIREAT":
            self.expires[args[1]] = int(args[2])
        elif cmd == "GET":
            return self.data[args[1]] if self._alive(args[1]) else None
        if log:
            self.aof += resp(*args)
        return "OK"

    def load(self, text):
        snapshot = None
        # 混合持久化：文件开头是快照。真实的 AOF 里这一段是二进制 RDB，以 "REDIS" 开头
        if text.startswith("RDB "):
            header, text = text.split("\n", 1)
            snapshot = json.loads(header[4:])
            self.data, self.expires = snapshot["data"], snapshot["expires"]
        commands, truncated = parse_resp(text)
        for args in commands:
            self.execute(*args, log=False)
        return len(commands), truncated

    def rewrite(self, rdb_preamble=False):
        """AOF 重写：不读旧日志，而是按当前内存里的数据生成最短的命令序列。"""
        live = {k: v for k, v in sorted(self.data.items()) if self._alive(k)}
        if rdb_preamble:
            expires = {k: self.expires[k] for k in live if k in self.expires}
            return "RDB " + json.dumps({"data": live, "expires": expires}, sort_keys=True) + "\n"
        out = ""
        for key, value in live.items():
            out += resp("SET", key, value)
            if key in self.expires:
                out += resp("PEXPIREAT", key, self.expires[key])
        return out


now = [1_700_000_000_000]
clock = lambda: now[0]

r = MiniRedis(clock)
r.execute("SET", "user:1", "alice")
r.execute("EXPIRE", "user:1", 60)
print("AOF so far:")
print(repr(r.aof))

for _ in range(100):
    r.execute("INCR", "counter")
r.execute("SET", "tmp", "x")
r.execute("DEL", "tmp")
print("commands in AOF:", len(parse_resp(r.aof)[0]), "bytes:", len(r.aof))

print("== 重启：重放 AOF ==")
restarted = MiniRedis(clock)
print("replayed commands, truncated:", restarted.load(r.aof))
print("same data:", restarted.data == r.data, "counter =", restarted.execute("GET", "counter"))

print("== 重写 ==")
rewritten = r.rewrite()
print("after rewrite: commands =", len(parse_resp(rewritten)[0]), "bytes =", len(rewritten))
print(repr(rewritten))

print("== 尾部被截断（写到一半时宕机） ==")
broken = r.aof + resp("SET", "last", "value")[:-7]
again = MiniRedis(clock)
print("replayed commands, truncated:", again.load(broken))
print("'last' loaded:", again.execute("GET", "last"))

print("== 混合持久化：RDB 前导 + 之后的增量命令 ==")
mixed = r.rewrite(rdb_preamble=True)
r.aof = ""
r.execute("INCR", "counter")
mixed += r.aof
print(repr(mixed))
loaded = MiniRedis(clock)
print("replayed commands after preamble:", loaded.load(mixed)[0], "counter =", loaded.execute("GET", "counter"))

print("== 过期时间是绝对的 ==")
now[0] += 61_000          # 61 秒后重启
late = MiniRedis(clock)
late.load(mixed)
print("user:1 after 61 s:", late.execute("GET", "user:1"))
