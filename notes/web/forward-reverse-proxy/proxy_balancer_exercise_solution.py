"""练习“反向代理：轮询、首部改写与真实客户端 IP”的参考答案。"""

HOP_BY_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization",
              "te", "trailer", "transfer-encoding", "upgrade"}


class NoHealthyBackend(Exception):
    """所有后端都被标记为下线（或者根本没有后端）。"""


class RoundRobinBalancer:
    """在没有下线的后端之间轮询。"""

    def __init__(self, backends):
        """backends：后端名字的列表，轮询按这个顺序进行。"""
        self.backends = list(backends)
        self.down = set()
        self.next_index = 0

    def pick(self):
        """返回下一个可用后端的名字；没有可用后端时抛出 NoHealthyBackend。"""
        for _ in range(len(self.backends)):
            name = self.backends[self.next_index % len(self.backends)]
            self.next_index = (self.next_index + 1) % len(self.backends)
            if name not in self.down:
                return name
        raise NoHealthyBackend("没有可用的后端")

    def _check(self, name):
        if name not in self.backends:
            raise KeyError(name)

    def mark_down(self, name):
        """把后端 name 标记为下线（例如连接被拒绝之后）。"""
        self._check(name)
        self.down.add(name)

    def mark_up(self, name):
        """把后端 name 恢复为可用（例如健康检查又通过了）。"""
        self._check(name)
        self.down.discard(name)


def forward_headers(headers, remote_addr, proto="http"):
    """返回反向代理转发给后端的首部：去掉逐跳首部，追加 X-Forwarded-For，设置 X-Forwarded-Proto。"""
    connection = next((v for k, v in headers.items() if k.lower() == "connection"), "")
    drop = HOP_BY_HOP | {t.strip().lower() for t in connection.split(",") if t.strip()}
    drop |= {"x-forwarded-for", "x-forwarded-proto"}
    result = {k: v for k, v in headers.items() if k.lower() not in drop}
    prior = next((v for k, v in headers.items() if k.lower() == "x-forwarded-for"), "")
    result["X-Forwarded-For"] = f"{prior}, {remote_addr}" if prior else remote_addr
    result["X-Forwarded-Proto"] = proto
    return result


def real_client_ip(x_forwarded_for, remote_addr, trusted):
    """根据 X-Forwarded-For、TCP 对端地址和受信任代理集合，返回真实的客户端 IP。"""
    if remote_addr not in trusted:
        # 对端不是我们的代理：它带来的 X-Forwarded-For 谁都能伪造
        return remote_addr
    chain = [ip.strip() for ip in (x_forwarded_for or "").split(",") if ip.strip()]
    chain.append(remote_addr)
    for ip in reversed(chain):
        if ip not in trusted:
            return ip
    return chain[0]
