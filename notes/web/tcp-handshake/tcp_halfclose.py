"""TCP 半关闭（half-close）演示：客户端 shutdown(SHUT_WR) 发出 FIN 后，仍能收到服务端的回复。

服务端和客户端都在本机 127.0.0.1 上，端口由操作系统分配（端口 0）。
"""
import socket
import socketserver
import threading


class EchoUntilEOF(socketserver.BaseRequestHandler):
    def handle(self):
        data = b""
        # 一直读到对端的 FIN：recv 返回 b"" 就表示对方不会再发数据了
        while True:
            chunk = self.request.recv(1024)
            if not chunk:
                break
            data += chunk
        print("server: received", data)
        print("server: recv() returned b'' -> the client sent FIN (half-close)")
        # 对端已经关闭了“写方向”，但本端的写方向仍然打开，可以继续发数据
        self.request.sendall(b"got " + data)
        # handle() 返回后 socketserver 会关闭这个连接，服务端也发出 FIN


def main():
    server = socketserver.TCPServer(("127.0.0.1", 0), EchoUntilEOF)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        with socket.create_connection(server.server_address) as client:
            # 先打印再发送：服务端要等到 FIN 才会打印，输出顺序因此是确定的
            print("client: send b'hello', then shutdown(SHUT_WR) to send FIN")
            client.sendall(b"hello")
            client.shutdown(socket.SHUT_WR)   # 只关闭发送方向：发出 FIN，仍可接收
            reply = b""
            while True:
                chunk = client.recv(1024)
                if not chunk:
                    break
                reply += chunk
            print("client: reply =", reply.decode())
            print("client: next recv() ->", client.recv(1024))
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


if __name__ == "__main__":
    main()
