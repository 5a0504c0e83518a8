"""练习：反向代理的三件小事——轮询选后端、转发时改写首部、后端识别真实客户端 IP。

要求：
1. RoundRobinBalancer(backends)：backends 是后端名字的列表。
   - pick() 按列表顺序循环选择，跳过被标记为下线的后端：从上一次选中的位置之后开始找；
     没有可用后端时抛出 NoHealthyBackend；
   - mark_down(name) / mark_up(name) 把后端标记为下线 / 恢复；名字不在列表里时抛出 KeyError。
2. forward_headers(headers, remote_addr, proto="http") 返回转发给后端的新首部 dict，不修改传入的 dict：
   - 去掉逐跳（hop-by-hop）首部：HOP_BY_HOP 里的那些，以及 Connection 首部的值里列出的名字；
   - X-Forwarded-For：已有时在末尾追加 ", remote_addr"，没有时就是 remote_addr；
   - 设置 X-Forwarded-Proto 为 proto；
   - 这两个首部在结果里统一用上面的写法作为键；首部名的比较都不区分大小写，其他首部原样保留。
3. real_client_ip(x_forwarded_for, remote_addr, trusted) 在后端上找出真实客户端 IP：
   - 直接连上来的 remote_addr 不在 trusted（受信任代理的集合）里时，首部不可信，返回 remote_addr；
   - 否则把 X-Forwarded-For 里的地址（逗号分隔，去掉空白）和 remote_addr 排成一列，从右往左跳过受信任的代理，
     返回遇到的第一个不受信任的地址；全都受信任时返回最左边的那个。x_forwarded_for 可以是 None 或空串。
"""

HOP_BY_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization",
              "te", "trailer", "transfer-encoding", "upgrade"}


class NoHealthyBackend(Exception):
    """所有后端都被标记为下线（或者根本没有后端）。"""


class RoundRobinBalancer:
    """在没有下线的后端之间轮询。"""

    def __init__(self, backends):
        """backends：后端名字的列表，轮询按这个顺序进行。"""
        raise NotImplementedError("在这里实现 RoundRobinBalancer.__init__")

    def pick(self):
        """返回下一个可用后端的名字；没有可用后端时抛出 NoHealthyBackend。"""
        raise NotImplementedError("在这里实现 pick")

    def mark_down(self, name):
        """把后端 name 标记为下线（例如连接被拒绝之后）。"""
        raise NotImplementedError("在这里实现 mark_down")

    def mark_up(self, name):
        """把后端 name 恢复为可用（例如健康检查又通过了）。"""
        raise NotImplementedError("在这里实现 mark_up")


def forward_headers(headers, remote_addr, proto="http"):
    """返回反向代理转发给后端的首部：去掉逐跳首部，追加 X-Forwarded-For，设置 X-Forwarded-Proto。"""
    raise NotImplementedError("在这里实现 forward_headers")


def real_client_ip(x_forwarded_for, remote_addr, trusted):
    """根据 X-Forwarded-For、TCP 对端地址和受信任代理集合，返回真实的客户端 IP。"""
    raise NotImplementedError("在这里实现 real_client_ip")
