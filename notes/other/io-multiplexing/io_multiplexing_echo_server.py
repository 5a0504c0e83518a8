"""一个线程、一个 selectors.DefaultSelector，同时服务多个客户端的回显服务器。"""
import selectors
import socket
import threading
import time

sel = selectors.DefaultSelector()
stats = {"accepted": 0, "closed": 0, "lines": 0}


def accept(server):
    conn, _addr = server.accept()
    conn.setblocking(False)                 # 交给选择器的套接字都设为非阻塞
    stats["accepted"] += 1
    sel.register(conn, selectors.EVENT_READ, data=(handle, bytearray()))


def handle(conn, buffer):
    data = conn.recv(4096)                  # 选择器说可读，这次 recv 不会阻塞
    if not data:                            # 对方关闭：注销并关闭
        sel.unregister(conn)
        conn.close()
        stats["closed"] += 1
        return
    buffer += data
    while b"\n" in buffer:                  # 按行回显，一次可能收到半行或多行
        line, _, rest = bytes(buffer).partition(b"\n")
        buffer[:] = rest
        conn.sendall(line.upper() + b"\n")  # 回复很短，内核发送缓冲区放得下
        stats["lines"] += 1


server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", 0))
server.listen()
server.setblocking(False)
sel.register(server, selectors.EVENT_READ, data=(accept, None))
port = server.getsockname()[1]

# 三个客户端：普通的阻塞套接字，和服务器在同一个线程里
clients = [socket.create_connection(("127.0.0.1", port), timeout=1) for _ in range(3)]
for i, client in enumerate(clients):
    client.sendall(f"hello from {i}\nsecond line {i}\n".encode())


def run_until(done, deadline):
    """事件循环：等就绪事件，再把每个事件分派给登记的回调。"""
    while not done():
        if time.monotonic() > deadline:
            raise RuntimeError("timed out")
        for key, _mask in sel.select(timeout=0.1):
            callback, extra = key.data
            if extra is None:
                callback(key.fileobj)
            else:
                callback(key.fileobj, extra)


deadline = time.monotonic() + 1.5
run_until(lambda: stats["lines"] == 6, deadline)

for i, client in enumerate(clients):
    reply = b""
    while reply.count(b"\n") < 2:
        reply += client.recv(4096)
    print(f"client {i} got:", reply.decode().splitlines())
    client.close()

run_until(lambda: stats["closed"] == 3, deadline)
print("accepted:", stats["accepted"], "lines:", stats["lines"], "closed:", stats["closed"])
print("only one thread:", threading.active_count() == 1)
print("registered left:", len(sel.get_map()))   # 只剩监听套接字
sel.unregister(server)
server.close()
sel.close()
