"""练习：用 selectors 在一个线程里同时服务多个连接的按行处理循环。

serve_lines(conns, handler) 的要求：
- conns 是一组已经连接好的套接字（测试里是 socket.socketpair() 的一端）；
- 用一个 selectors.DefaultSelector 同时等待所有连接可读，不能按顺序逐个阻塞读取；
- 每次可读时最多 recv(4096) 字节；数据按 b"\\n" 切成行（一行可能分几次到达，一次也可能到达好几行）；
- 每收到完整的一行（不含换行符），调用 handler(line) 得到 bytes，把结果加上 b"\\n" 发回同一个连接；
- recv 返回 b"" 表示对方不再发送：如果还剩一段没有换行符的数据，把它也当作一行处理；
  然后注销并关闭这个连接；
- 所有连接都关闭后返回一个列表：第 i 个元素是 conns[i] 上处理的行数。
"""
import selectors


def serve_lines(conns, handler):
    """服务所有连接直到它们都关闭，返回每个连接处理的行数。"""
    raise NotImplementedError("在这里实现 serve_lines")
