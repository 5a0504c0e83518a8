"""练习“TCP 状态机”的参考答案。"""

TRANSITIONS = {
    ("CLOSED", "listen"): ("LISTEN", None),
    ("CLOSED", "connect"): ("SYN_SENT", "SYN"),
    ("LISTEN", "recv_syn"): ("SYN_RCVD", "SYN+ACK"),
    ("LISTEN", "close"): ("CLOSED", None),
    ("SYN_SENT", "recv_syn_ack"): ("ESTABLISHED", "ACK"),
    ("SYN_SENT", "recv_syn"): ("SYN_RCVD", "SYN+ACK"),       # 同时打开
    ("SYN_SENT", "close"): ("CLOSED", None),
    ("SYN_RCVD", "recv_ack"): ("ESTABLISHED", None),
    ("SYN_RCVD", "close"): ("FIN_WAIT_1", "FIN"),
    ("ESTABLISHED", "close"): ("FIN_WAIT_1", "FIN"),           # 主动关闭
    ("ESTABLISHED", "recv_fin"): ("CLOSE_WAIT", "ACK"),        # 被动关闭
    ("FIN_WAIT_1", "recv_ack"): ("FIN_WAIT_2", None),
    ("FIN_WAIT_1", "recv_fin"): ("CLOSING", "ACK"),            # 同时关闭
    ("FIN_WAIT_1", "recv_fin_ack"): ("TIME_WAIT", "ACK"),
    ("FIN_WAIT_2", "recv_fin"): ("TIME_WAIT", "ACK"),
    ("CLOSING", "recv_ack"): ("TIME_WAIT", None),
    ("CLOSE_WAIT", "close"): ("LAST_ACK", "FIN"),
    ("LAST_ACK", "recv_ack"): ("CLOSED", None),
    ("TIME_WAIT", "recv_fin"): ("TIME_WAIT", "ACK"),           # 最后的 ACK 丢了，对方重传 FIN
    ("TIME_WAIT", "timeout"): ("CLOSED", None),
}

RESET_TO_CLOSED = {"SYN_SENT", "ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2",
                   "CLOSE_WAIT", "CLOSING", "LAST_ACK", "TIME_WAIT"}


def step(state, event):
    """处理一个事件，返回 (新状态, 发出的报文段或 None)；不允许的组合抛出 ValueError。"""
    if event == "recv_rst":
        if state == "SYN_RCVD":
            return "LISTEN", None
        if state in RESET_TO_CLOSED:
            return "CLOSED", None
    elif (state, event) in TRANSITIONS:
        return TRANSITIONS[state, event]
    raise ValueError(f"{state} 状态下不能处理 {event}")


def run(events, state="CLOSED"):
    """从 state 开始依次处理 events，返回每一步之后的状态列表。"""
    states = []
    for event in events:
        state, _ = step(state, event)
        states.append(state)
    return states
