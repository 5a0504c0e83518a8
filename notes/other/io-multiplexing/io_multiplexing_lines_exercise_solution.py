"""练习 serve_lines 的参考答案。"""
import selectors


def serve_lines(conns, handler):
    """服务所有连接直到它们都关闭，返回每个连接处理的行数。"""
    counts = [0] * len(conns)
    sel = selectors.DefaultSelector()
    try:
        for index, conn in enumerate(conns):
            # data 里放下标和这个连接自己的缓冲区
            sel.register(conn, selectors.EVENT_READ, (index, bytearray()))
        while sel.get_map():
            for key, _mask in sel.select(timeout=1.0):
                conn = key.fileobj
                index, buffer = key.data
                data = conn.recv(4096)
                if data:
                    buffer += data
                    while b"\n" in buffer:
                        line, _, rest = bytes(buffer).partition(b"\n")
                        buffer[:] = rest
                        conn.sendall(handler(line) + b"\n")
                        counts[index] += 1
                    continue
                if buffer:                      # 对方关闭前最后一段没有换行符
                    conn.sendall(handler(bytes(buffer)) + b"\n")
                    counts[index] += 1
                sel.unregister(conn)
                conn.close()
    finally:
        sel.close()
    return counts
