"""HTTP/1.1 报文的边界：空行结束首部，消息体的长度由 Content-Length 或分块编码决定。

缓冲区里是同一条持久连接上先后到达的两个响应：
第一个用 Content-Length，第二个用 Transfer-Encoding: chunked。
如果把第一个空行之后的所有字节都当成消息体，就会把第二个响应也吞进去。
"""
from http import HTTPStatus

STREAM = (
    b"HTTP/1.1 200 OK\r\n"
    b"Content-Type: text/plain\r\n"
    b"Content-Length: 5\r\n"
    b"\r\n"
    b"hello"
    b"HTTP/1.1 201 Created\r\n"
    b"Content-Type: text/plain\r\n"
    b"Transfer-Encoding: chunked\r\n"
    b"Location: /items/7\r\n"
    b"\r\n"
    b"4\r\nWiki\r\n"
    b"6\r\npedia!\r\n"
    b"0\r\n"
    b"\r\n"
)


def parse_one(buf, pos):
    """从 buf[pos:] 解析一个响应，返回 (起始行, 首部, 消息体, 下一个响应的起点)。"""
    head_end = buf.index(b"\r\n\r\n", pos)          # 第一个空行：首部结束
    lines = buf[pos:head_end].decode("latin-1").split("\r\n")
    start_line, header_lines = lines[0], lines[1:]
    headers = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    pos = head_end + 4
    if headers.get("transfer-encoding") == "chunked":
        body = b""
        while True:                                  # 每块：十六进制长度 CRLF 数据 CRLF
            size_end = buf.index(b"\r\n", pos)
            size = int(buf[pos:size_end], 16)
            pos = size_end + 2
            if size == 0:                            # 长度为 0 的块表示结束
                pos = buf.index(b"\r\n", pos) + 2    # 本例没有尾部字段（trailer），跳过最后的空行
                break
            body += buf[pos:pos + size]
            pos += size + 2
    else:
        length = int(headers.get("content-length", 0))
        body = buf[pos:pos + length]
        pos += length
    return start_line, headers, body, pos


def main():
    naive = STREAM.split(b"\r\n\r\n", 1)[1]
    print("naive 'everything after the blank line':", naive[:22], "...")

    pos = 0
    while pos < len(STREAM):
        start_line, headers, body, pos = parse_one(STREAM, pos)
        version, code, reason = start_line.split(" ", 2)
        print([version, code, reason], "| framing:",
              "chunked" if "transfer-encoding" in headers else "Content-Length",
              "| body:", body)
        status = HTTPStatus(int(code))
        print("   class %sxx, phrase %r, name %s" % (code[0], status.phrase, status.name))
    print("consumed all bytes:", pos == len(STREAM))


if __name__ == "__main__":
    main()
