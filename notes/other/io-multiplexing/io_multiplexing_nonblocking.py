"""非阻塞 recv 抛出 BlockingIOError；选择器是水平触发：数据没读完，每次 select 都会报告。"""
import errno
import selectors
import socket

a, b = socket.socketpair()          # 一对互相连接的套接字，不需要监听端口

# 1. 阻塞套接字没有数据时 recv 会一直等；设置超时后，等到超时抛出异常
a.settimeout(0.05)
try:
    a.recv(1024)
except socket.timeout:              # 3.10 起 socket.timeout 就是内置的 TimeoutError
    print("blocking recv with timeout: timed out")

# 2. 非阻塞套接字没有数据时立即抛出 BlockingIOError（EAGAIN / EWOULDBLOCK）
a.setblocking(False)
print("timeout after setblocking(False):", a.gettimeout())
try:
    a.recv(1024)
except BlockingIOError as exc:
    print("non-blocking recv: BlockingIOError")
    print("  is an OSError:", isinstance(exc, OSError))
    print("  errno is EAGAIN/EWOULDBLOCK:", exc.errno in (errno.EAGAIN, errno.EWOULDBLOCK))

# 3. 选择器告诉我们何时可读；数据没读完时，下一次 select 仍然报告可读（水平触发）
sel = selectors.DefaultSelector()
sel.register(a, selectors.EVENT_READ)
print("readable before any data:", len(sel.select(timeout=0)) == 1)
b.sendall(b"x" * 10)
print("readable after peer sent 10 bytes:", len(sel.select(timeout=0.5)) == 1)
print("read 4 bytes:", a.recv(4))
print("still readable (level-triggered):", len(sel.select(timeout=0.5)) == 1)

# 4. 把缓冲区读空（读到 BlockingIOError 为止），选择器就不再报告
chunks = []
while True:
    try:
        chunk = a.recv(4)
    except BlockingIOError:
        break
    chunks.append(chunk)
print("drained:", chunks)
print("readable after draining:", len(sel.select(timeout=0)) == 1)

# 5. 发送方向：一直写到内核缓冲区满，非阻塞 send 同样抛出 BlockingIOError
b.setblocking(False)
sent = 0
try:
    while True:
        sent += b.send(b"y" * 4096)
except BlockingIOError:
    print("send buffer full: BlockingIOError after > 4 KiB:", sent > 4096)
sel.register(b, selectors.EVENT_WRITE)
writable = any(key.fileobj is b for key, _ in sel.select(timeout=0))
print("writable while buffer is full:", writable)

sel.close()
a.close()
b.close()
