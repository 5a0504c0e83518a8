"""用原始 socket 说 HTTP/1.1：在同一条 TCP 连接上依次发送三个请求（持久连接）。

服务端是本机 127.0.0.1 上的 http.server（protocol_version 设为 HTTP/1.1）。
客户端手工拼请求报文，并按 Content-Length 切分出每个响应的消息体。
"""
import socket
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

PAGE = b"<h1>hi</h1>"
ETAG = '"v1"'


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"          # 默认是 HTTP/1.0，每个响应后都会关闭连接

    def log_message(self, format, *args):
        pass

    def do_GET(self):
        if self.path != "/hello":
            body = b"no such page"
            self.send_response(404)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        if self.headers.get("If-None-Match") == ETAG:
            self.send_response(304)            # 缓存仍然有效：没有消息体
            self.send_header("ETag", ETAG)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(PAGE)))
        self.send_header("ETag", ETAG)
        self.send_header("Cache-Control", "max-age=60")
        self.end_headers()
        self.wfile.write(PAGE)


def read_response(f):
    """从字节流里读出一个完整的响应：起始行、首部、再按 Content-Length 读消息体。"""
    status_line = f.readline().decode("latin-1").rstrip("\r\n")
    headers = {}
    while True:
        line = f.readline().decode("latin-1").rstrip("\r\n")
        if line == "":                          # 空行：首部结束
            break
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    code = int(status_line.split()[1])
    if code in (204, 304) or code < 200:        # 这些响应按规定没有消息体
        body = b""
    else:
        body = f.read(int(headers.get("content-length", 0)))
    return status_line, headers, body


def main():
    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    host, port = server.server_address
    requests = [
        "GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        "GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\nIf-None-Match: %s\r\n\r\n" % ETAG,
        "GET /nope HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
    ]
    try:
        with socket.create_connection((host, port)) as sock, sock.makefile("rb") as f:
            for raw in requests:
                print(">>>", raw.split("\r\n")[0], "|", " | ".join(raw.split("\r\n")[2:-2]) or "-")
                sock.sendall(raw.encode("ascii"))
                status_line, headers, body = read_response(f)
                print("<<<", status_line)
                for name in ("content-type", "content-length", "etag", "cache-control"):
                    if name in headers:
                        print("    %s: %s" % (name, headers[name]))
                print("    body:", body)
            print("same TCP connection for all 3 requests; after 'Connection: close' the server "
                  "closed it:", f.read() == b"")
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


if __name__ == "__main__":
    main()
