"""asyncio 的事件循环建立在 selectors 之上：add_reader、sock_recv 和 streams 回显服务器。"""
import asyncio
import selectors
import socket
import sys


async def echo(reader, writer):
    """每个连接一个协程：readline 在没有数据时挂起，而不是阻塞线程。"""
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(line.upper())
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def client(port, i):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"hi from {i}\n".encode())
    await writer.drain()
    reply = await reader.readline()
    writer.close()
    await writer.wait_closed()
    return reply.decode().strip()


async def main():
    loop = asyncio.get_running_loop()
    print("running on a SelectorEventLoop:", isinstance(loop, asyncio.SelectorEventLoop))

    # 底层 API：给文件描述符登记“可读”回调，就是 selector.register 的一层包装
    a, b = socket.socketpair()
    a.setblocking(False)
    fut = loop.create_future()

    def on_readable():
        loop.remove_reader(a.fileno())
        fut.set_result(a.recv(100))

    loop.add_reader(a.fileno(), on_readable)
    loop.call_later(0.05, b.send, b"data via add_reader")
    print(await fut)

    # 协程 API：sock_recv 在内部登记 add_reader，数据到来前挂起当前协程
    loop.call_later(0.05, b.send, b"data via sock_recv")
    print(await loop.sock_recv(a, 100))
    a.close()
    b.close()

    # 高层 API：streams；三个客户端和服务器都在同一个线程、同一个事件循环里
    server = await asyncio.start_server(echo, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    replies = await asyncio.gather(*(client(port, i) for i in range(3)))
    print("replies:", replies)
    server.close()
    await server.wait_closed()


# 显式用 DefaultSelector 创建选择器事件循环（Linux 上是 epoll，macOS 上是 kqueue）
loop = asyncio.SelectorEventLoop(selectors.DefaultSelector())
try:
    loop.run_until_complete(main())
finally:
    loop.close()

# 默认的事件循环：Unix 上是选择器事件循环，Windows 上（3.8 起）是基于 IOCP 的 ProactorEventLoop
default = asyncio.new_event_loop()
print("default loop is selector-based exactly when not on Windows:",
      isinstance(default, asyncio.SelectorEventLoop) == (sys.platform != "win32"))
default.close()
