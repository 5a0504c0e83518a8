"""本机上的真实 TLS：ssl 服务端 + 客户端，证书是内嵌的自签名证书。

证书由 openssl 事先生成（EC P-256，SAN 为 DNS:localhost 和 IP:127.0.0.1，
有效期 2000-01-01 到 2126-01-01），PEM 文本直接写在下面；运行时写进临时文件。
客户端只信任这一张证书，相当于把它放进了自己的信任库。
"""
import http.client
import os
import socket
import ssl
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

CERT_PEM = """\
-----BEGIN CERTIFICATE-----
MIIBjjCCATOgAwIBAgICEAAwCgYIKoZIzj0EAwIwFDESMBAGA1UEAwwJbG9jYWxo
b3N0MCAXDTAwMDEwMTAwMDAwMFoYDzIxMjYwMTAxMDAwMDAwWjAUMRIwEAYDVQQD
DAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAATXH29Xh/bj7oRU
DuqsE0RBb5xo/0j/LJpv7Iv51b0ZkvwXM1GqK/PB1zCu1K6kXtuXMol97F6TCn6m
j944QMn6o3MwcTAPBgNVHRMBAf8EBTADAQH/MA4GA1UdDwEB/wQEAwIChDATBgNV
HSUEDDAKBggrBgEFBQcDATAaBgNVHREEEzARgglsb2NhbGhvc3SHBH8AAAEwHQYD
VR0OBBYEFO9GmCMGBQg2m5adFzLbz2ozZh0yMAoGCCqGSM49BAMCA0kAMEYCIQCR
H54fSuZ6jlqKRYWq7bG3FDls+PIfE1F7e+Bzs61b1QIhAOEuCryUbtmYcBvKT40O
YvkL+07gOmM6K43gTHTd0EEm
-----END CERTIFICATE-----
"""

KEY_PEM = """\
-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg4fC51NDm0RiRMJy6
6+1jjW+/jxA5cbgZ2Pt7W+EEOquhRANCAATXH29Xh/bj7oRUDuqsE0RBb5xo/0j/
LJpv7Iv51b0ZkvwXM1GqK/PB1zCu1K6kXtuXMol97F6TCn6mj944QMn6
-----END PRIVATE KEY-----
"""


class Handler(BaseHTTPRequestHandler):
    def log_message(self, format, *args):
        pass

    def do_GET(self):
        body = b"hello over TLS"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
        self.end_headers()
        self.wfile.write(body)


class QuietHTTPServer(HTTPServer):
    def handle_error(self, request, client_address):
        pass                                   # 被客户端拒绝的握手不打印堆栈


def handshake(ctx, port, server_hostname, session=None):
    """建立 TCP 连接并完成 TLS 握手，返回 SSLSocket（失败时抛出异常）。"""
    raw = socket.create_connection(("127.0.0.1", port), timeout=5)
    try:
        return ctx.wrap_socket(raw, server_hostname=server_hostname, session=session)
    except BaseException:
        raw.close()
        raise


def get(tls, host):
    """在已经握手的连接上发一个 GET，返回响应；读响应时也会收到 TLS 1.3 的会话票据。"""
    tls.sendall(("GET / HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n" % host).encode())
    response = http.client.HTTPResponse(tls)
    response.begin()
    body = response.read()
    return response, body


def main():
    with tempfile.TemporaryDirectory() as tmp:
        cert_file = os.path.join(tmp, "cert.pem")
        key_file = os.path.join(tmp, "key.pem")
        with open(cert_file, "w") as f:
            f.write(CERT_PEM)
        with open(key_file, "w") as f:
            f.write(KEY_PEM)

        server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        server_ctx.load_cert_chain(cert_file, key_file)
        server_ctx.minimum_version = ssl.TLSVersion.TLSv1_2

        server = QuietHTTPServer(("127.0.0.1", 0), Handler)
        server.socket = server_ctx.wrap_socket(server.socket, server_side=True)
        thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
        thread.start()
        port = server.server_address[1]
        try:
            # 1. 默认上下文 + 只信任这张证书：校验证书链和主机名
            ctx = ssl.create_default_context(cafile=cert_file)
            ctx.minimum_version = ssl.TLSVersion.TLSv1_3
            print("verify_mode is CERT_REQUIRED:", ctx.verify_mode == ssl.CERT_REQUIRED)
            print("check_hostname:", ctx.check_hostname)

            with handshake(ctx, port, "localhost") as tls:
                print("[1] server_hostname='localhost' ->", tls.version(),
                      "| TLS 1.3 suite:", tls.cipher()[0].startswith("TLS_"))
                peer = tls.getpeercert()
                print("    subject:", dict(item[0] for item in peer["subject"]))
                print("    subjectAltName:", peer["subjectAltName"])
                print("    notAfter:", peer["notAfter"])
                response, body = get(tls, "localhost")
                print("    HTTP", response.status, body)
                print("    Strict-Transport-Security:", response.getheader("Strict-Transport-Security"))
                session = tls.session

            # 2. 带上上一次的会话票据：会话恢复，省掉证书和签名
            with handshake(ctx, port, "localhost", session=session) as tls:
                print("[2] resumed with the session ticket:", tls.session_reused)
                get(tls, "localhost")

            # 3. 用 IP 地址访问：证书的 SAN 里有 IP:127.0.0.1
            with handshake(ctx, port, "127.0.0.1") as tls:
                print("[3] server_hostname='127.0.0.1' ->", tls.version())
                get(tls, "127.0.0.1")

            # 4. 只允许 TLS 1.2：密钥交换仍是 ECDHE（前向保密）
            ctx12 = ssl.create_default_context(cafile=cert_file)
            ctx12.maximum_version = ssl.TLSVersion.TLSv1_2
            with handshake(ctx12, port, "localhost") as tls:
                print("[4] max TLS 1.2 ->", tls.version(), "| ECDHE key exchange:",
                      tls.cipher()[0].startswith("ECDHE-"))
                get(tls, "localhost")

            # 5. 证书是对的，但名字不对：主机名校验失败
            try:
                handshake(ctx, port, "wrong.example").close()
                print("[5] wrong name accepted?!")
            except ssl.SSLCertVerificationError as err:
                print("[5] server_hostname='wrong.example' ->", type(err).__name__,
                      "| hostname mismatch:", err.verify_code == 62)

            # 6. 客户端不信任这张自签名证书：证书链校验失败
            untrusting = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)   # 没有加载任何根证书
            try:
                handshake(untrusting, port, "localhost").close()
                print("[6] untrusted certificate accepted?!")
            except ssl.SSLCertVerificationError as err:
                print("[6] trust store without our certificate ->", type(err).__name__,
                      "| self-signed:", err.verify_code == 18)
        finally:
            server.shutdown()
            server.server_close()
            thread.join()


if __name__ == "__main__":
    main()
