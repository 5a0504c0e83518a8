"""练习：实现 TCP 连接的状态机（只看一端）。

step(state, event) 返回 (新状态, 这一步发出的报文段)。
状态用 RFC 的 11 个名字：CLOSED、LISTEN、SYN_SENT、SYN_RCVD、ESTABLISHED、FIN_WAIT_1、
FIN_WAIT_2、CLOSE_WAIT、CLOSING、LAST_ACK、TIME_WAIT。

事件：
- 应用调用："listen"（被动打开）、"connect"（主动打开）、"close"（关闭）；
- 收到报文段："recv_syn"、"recv_syn_ack"、"recv_ack"、"recv_fin"、
  "recv_fin_ack"（FIN 和对我方 FIN 的 ACK 在同一个报文段里）、"recv_rst"；
- "timeout"：TIME_WAIT 的 2MSL 计时器到期。

发出的报文段用字符串 "SYN"、"SYN+ACK"、"ACK"、"FIN" 表示，什么都不发时为 None。

规则以笔记里的 TCP 状态机图为准（握手、四次挥手、同时打开、同时关闭），另外：
- LISTEN 或 SYN_SENT 时 close，直接回到 CLOSED，不发报文段；SYN_RCVD 时 close，发 FIN 进入 FIN_WAIT_1；
- TIME_WAIT 又收到 FIN（对方重传的 FIN），再回一个 ACK，仍然留在 TIME_WAIT；
- 收到 RST 不回任何报文段：SYN_RCVD 回到 LISTEN，CLOSED 和 LISTEN 以外的其他状态都直接进入 CLOSED；
- 其余组合（包括未知的状态或事件）都抛出 ValueError。
"""


def step(state, event):
    """处理一个事件，返回 (新状态, 发出的报文段或 None)；不允许的组合抛出 ValueError。"""
    raise NotImplementedError("在这里实现 step")


def run(events, state="CLOSED"):
    """从 state 开始依次处理 events，返回每一步之后的状态列表。"""
    raise NotImplementedError("在这里实现 run")
