"""练习：解析一个原始的 HTTP/1.1 请求报文。

要求：
- parse_request(data) 接收字节串，返回 (Request, rest)：rest 是这个请求之后剩下的字节
  （持久连接上紧跟着的下一个请求），没有就是 b""；
- 请求行必须正好是“方法 空格 请求目标 空格 版本”三段，版本以 HTTP/ 开头；
- 首部到第一个空行（连续两个 CRLF）为止，每行“名字: 值”；名字统一转成小写，值去掉两端空白；
  同名首部出现多次时，按出现顺序用 ", " 连接；名字和冒号之间有空白的行是非法的；
- 消息体的长度：有 Transfer-Encoding: chunked 时按分块编码解码（块长度是十六进制，
  分号后的块扩展忽略，长度为 0 的块之后跟可选的尾部字段和一个空行）；否则按 Content-Length；
  两者都没有时消息体为 b""；
- 同时带 Content-Length 和 Transfer-Encoding 的请求一律拒绝（防止请求走私）；
- 任何格式错误或数据不完整，都抛出 ValueError。
"""
from collections import namedtuple

Request = namedtuple("Request", "method target version headers body")


def parse_request(data):
    """解析 data 开头的一个 HTTP/1.1 请求，返回 (Request, 剩余字节)；headers 是键为小写名字的 dict。"""
    raise NotImplementedError("在这里实现 parse_request")
