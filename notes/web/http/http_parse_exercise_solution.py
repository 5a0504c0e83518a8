"""练习“解析 HTTP/1.1 请求”的参考答案。"""
from collections import namedtuple

Request = namedtuple("Request", "method target version headers body")


def parse_request(data):
    """解析 data 开头的一个 HTTP/1.1 请求，返回 (Request, 剩余字节)；headers 是键为小写名字的 dict。"""
    end = data.find(b"\r\n\r\n")
    if end < 0:
        raise ValueError("首部不完整：没有找到空行")
    lines = data[:end].decode("latin-1").split("\r\n")
    parts = lines[0].split(" ")
    if len(parts) != 3 or not all(parts) or not parts[2].startswith("HTTP/"):
        raise ValueError(f"请求行不合法：{lines[0]!r}")
    method, target, version = parts

    headers = {}
    for line in lines[1:]:
        name, colon, value = line.partition(":")
        if not colon or not name or name != name.strip() or " " in name:
            raise ValueError(f"首部行不合法：{line!r}")
        name, value = name.lower(), value.strip()
        headers[name] = f"{headers[name]}, {value}" if name in headers else value

    pos = end + 4
    if "transfer-encoding" in headers and "content-length" in headers:
        raise ValueError("同时出现 Content-Length 和 Transfer-Encoding")
    if "transfer-encoding" in headers:
        if headers["transfer-encoding"].lower().split(",")[-1].strip() != "chunked":
            raise ValueError("不支持的 Transfer-Encoding")
        body, pos = _read_chunked(data, pos)
    elif "content-length" in headers:
        length = headers["content-length"]
        if not length.isdigit():
            raise ValueError(f"Content-Length 不合法：{length!r}")
        body = data[pos:pos + int(length)]
        if len(body) < int(length):
            raise ValueError("消息体不完整")
        pos += int(length)
    else:
        body = b""
    return Request(method, target, version, headers, body), data[pos:]


def _read_line(data, pos):
    """读出 pos 开始的一行（不含 CRLF），返回 (行, 下一行的起点)。"""
    end = data.find(b"\r\n", pos)
    if end < 0:
        raise ValueError("分块编码不完整")
    return data[pos:end], end + 2


def _read_chunked(data, pos):
    chunks = []
    while True:
        line, pos = _read_line(data, pos)
        size_text = line.split(b";", 1)[0].strip()
        try:
            size = int(size_text, 16)
        except ValueError:
            raise ValueError(f"块长度不合法：{line!r}") from None
        if size == 0:
            break
        chunk = data[pos:pos + size]
        if len(chunk) < size or data[pos + size:pos + size + 2] != b"\r\n":
            raise ValueError("数据块不完整")
        chunks.append(chunk)
        pos += size + 2
    # 跳过可选的尾部字段，直到空行
    while True:
        line, pos = _read_line(data, pos)
        if not line:
            return b"".join(chunks), pos
