"""一个确定性的 TCP 连接状态机模拟：三次握手、数据传输、四次挥手，以及旧的重复 SYN 被 RST 拒绝。

这不是真正的 TCP 实现，只模拟 RFC 9293（原 RFC 793）里的状态迁移和 seq/ack 计算规则：
- SYN 和 FIN 各占用 1 个序号，数据按字节占用序号，纯 ACK 不占用序号；
- ack = 期望收到的下一个序号（rcv_nxt）。
为了便于核对，ISN 取固定值；真实系统中 ISN 是按 RFC 6528 计算出的难以预测的数。
"""


class Endpoint:
    def __init__(self, name, isns):
        self.name = name
        self.state = "CLOSED"
        self.isns = iter(isns)  # 每个新连接取一个新的初始序号（ISN）
        self.snd_nxt = None     # 下一个要发送的序号
        self.rcv_nxt = None     # 期望收到的下一个序号

    def segment(self, flags, data=b""):
        seg = {"flags": flags, "seq": self.snd_nxt, "data": data}
        if "ACK" in flags:
            seg["ack"] = self.rcv_nxt
        # SYN、FIN 各消耗 1 个序号，数据消耗 len(data) 个
        self.snd_nxt += len(data) + ("SYN" in flags) + ("FIN" in flags)
        return seg

    # ---- 应用层调用 ----
    def listen(self):
        self.state = "LISTEN"

    def connect(self):
        self.state = "SYN_SENT"
        self.snd_nxt = next(self.isns)
        return self.segment(["SYN"])

    def send(self, data):
        return self.segment(["ACK"], data)

    def close(self):
        if self.state == "ESTABLISHED":
            self.state = "FIN_WAIT_1"       # 主动关闭
        elif self.state == "CLOSE_WAIT":
            self.state = "LAST_ACK"         # 被动关闭方也发 FIN
        return self.segment(["FIN", "ACK"])

    # ---- 收到报文段 ----
    def receive(self, seg):
        flags = seg["flags"]
        if "RST" in flags:
            if self.state == "SYN_RCVD":
                self.state = "LISTEN"       # 由被动打开进入的 SYN_RCVD 回到 LISTEN
            return None
        if self.state == "LISTEN" and flags == ["SYN"]:
            self.rcv_nxt = seg["seq"] + 1
            self.snd_nxt = next(self.isns)
            self.state = "SYN_RCVD"
            return self.segment(["SYN", "ACK"])
        if self.state == "SYN_SENT" and "SYN" in flags:
            if seg["ack"] != self.snd_nxt:   # 确认的不是我们的 SYN：旧连接的残留
                return {"flags": ["RST"], "seq": seg["ack"], "data": b""}
            self.rcv_nxt = seg["seq"] + 1
            self.state = "ESTABLISHED"
            return self.segment(["ACK"])
        # 以下状态都要求报文段正好是我们期望的序号
        assert seg["seq"] == self.rcv_nxt, (self.name, seg)
        self.rcv_nxt += len(seg["data"]) + ("FIN" in flags)
        acked_all = seg.get("ack") == self.snd_nxt
        if self.state == "SYN_RCVD" and acked_all:
            self.state = "ESTABLISHED"
        elif self.state == "FIN_WAIT_1" and acked_all:
            self.state = "FIN_WAIT_2"
        elif self.state == "LAST_ACK" and acked_all:
            self.state = "CLOSED"
            return None
        if "FIN" in flags:
            if self.state == "ESTABLISHED":
                self.state = "CLOSE_WAIT"   # 对方不再发数据，本方还可以发
            elif self.state == "FIN_WAIT_2":
                self.state = "TIME_WAIT"    # 主动关闭方等待 2MSL
            return self.segment(["ACK"])
        if seg["data"]:
            return self.segment(["ACK"])    # 对数据回一个纯 ACK
        return None


def describe(seg):
    text = "+".join(seg["flags"]) + " seq=%d" % seg["seq"]
    if "ack" in seg:
        text += " ack=%d" % seg["ack"]
    if seg["data"]:
        text += " data=%r" % seg["data"].decode()
    return text


def run(client, server, first, sender):
    """把报文段在两端之间来回传递，直到没有需要回复的报文段。"""
    seg, src = first, sender
    while seg is not None:
        dst = server if src is client else client
        arrow = "C->S" if src is client else "S->C"
        reply = dst.receive(seg)
        print("%-4s %-36s %-11s %s" % (arrow, describe(seg), client.state, server.state))
        seg, src = reply, dst


def main():
    client = Endpoint("client", isns=[1000])
    server = Endpoint("server", isns=[7000, 5000])
    server.listen()
    print("%-4s %-36s %-11s %s" % ("dir", "segment", "client", "server"))
    print("%-4s %-36s %-11s %s" % ("", "(initial)", client.state, server.state))

    print("-- client sends SYN seq=1000, but an old duplicate SYN seq=300 arrives first --")
    syn = client.connect()                            # 这个 SYN 还在网络里
    ghost = Endpoint("ghost", isns=[300])             # 早已结束的旧连接留下的 SYN
    first = server.receive(ghost.connect())           # 服务端把它当成新的连接请求
    print("%-4s %-36s %-11s %s" % ("old", "SYN seq=300", client.state, server.state))
    rst = client.receive(first)                       # 这个 SYN+ACK 确认的是 301，不是 1001
    print("%-4s %-36s %-11s %s" % ("S->C", describe(first), client.state, server.state))
    server.receive(rst)
    print("%-4s %-36s %-11s %s" % ("C->S", describe(rst), client.state, server.state))

    print("-- the real SYN arrives: three-way handshake --")
    run(client, server, syn, client)
    print("-- data --")
    run(client, server, client.send(b"hello"), client)
    run(client, server, server.send(b"ok"), server)
    print("-- four-way close --")
    run(client, server, client.close(), client)
    run(client, server, server.close(), server)
    print("client=%s server=%s" % (client.state, server.state))
    client.state = "CLOSED"                           # 2*MSL 计时器到期
    print("after 2*MSL:", client.state, server.state)


if __name__ == "__main__":
    main()
