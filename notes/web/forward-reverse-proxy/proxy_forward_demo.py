"""A tiny forward proxy used by a client: absolute-form requests, egress filtering, caching,
an anonymous mode (no X-Forwarded-For), and a CONNECT tunnel that only relays bytes.
The names origin.test and blocked.test are resolved by the proxy's own table to 127.0.0.1."""
import http.client
import selectors
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

origin_log = []
proxy_log = []


class Quiet(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def reply(self, status, body, headers=()):
        data = body.encode()
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


class Origin(Quiet):
    def do_GET(self):
        origin_log.append((self.path, self.headers.get("Via"), self.headers.get("X-Forwarded-For")))
        self.reply(200, "top secret" if self.path == "/secret" else f"hello from origin, you asked for {self.path}")


class ForwardProxy(Quiet):
    hosts = {}                        # the proxy's own name resolution (a stand-in for DNS)
    blocked = {"blocked.test"}        # egress policy
    cache = {}

    def do_GET(self):
        proxy_log.append(f"GET {self.path}")
        url = urlsplit(self.path)     # a client talking to a proxy sends the full URL
        if url.hostname in self.blocked:
            self.reply(403, "blocked by company policy")
            return
        if self.path in self.cache:
            self.reply(200, self.cache[self.path], [("X-Cache", "HIT")])
            return
        host, port = self.hosts[url.hostname]
        conn = http.client.HTTPConnection(host, port, timeout=5)
        try:
            # origin-form target, and no X-Forwarded-For: this proxy hides its clients
            conn.request("GET", url.path or "/", headers={"Host": url.netloc, "Via": "1.1 corp-proxy"})
            resp = conn.getresponse()
            body = resp.read().decode()
        finally:
            conn.close()
        self.cache[self.path] = body
        self.reply(resp.status, body, [("X-Cache", "MISS")])

    def do_CONNECT(self):
        proxy_log.append(f"CONNECT {self.path}")
        name, _, _port = self.path.rpartition(":")
        upstream = socket.create_connection(self.hosts[name], timeout=5)
        self.send_response(200, "Connection Established")
        self.end_headers()
        self.close_connection = True
        # From here on the proxy copies bytes in both directions without reading them
        # (with HTTPS they would be TLS records it cannot decrypt).
        with selectors.DefaultSelector() as sel, upstream:
            sel.register(self.connection, selectors.EVENT_READ, upstream)
            sel.register(upstream, selectors.EVENT_READ, self.connection)
            while True:
                events = sel.select(timeout=5)
                if not events:
                    return
                for key, _ in events:
                    data = key.fileobj.recv(65536)
                    if not data:
                        return
                    key.data.sendall(data)


def serve(server):
    t = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    t.start()
    return t


if __name__ == "__main__":
    origin = ThreadingHTTPServer(("127.0.0.1", 0), Origin)
    proxy = ThreadingHTTPServer(("127.0.0.1", 0), ForwardProxy)
    ForwardProxy.hosts = {"origin.test": origin.server_address}
    servers = [origin, proxy]
    threads = [serve(s) for s in servers]
    phost, pport = proxy.server_address
    try:
        # Plain HTTP through the proxy: connect to the PROXY, ask for the full URL.
        for attempt in ("1st", "2nd"):
            conn = http.client.HTTPConnection(phost, pport, timeout=5)
            conn.request("GET", "http://origin.test/hello", headers={"Host": "origin.test"})
            resp = conn.getresponse()
            print(f"{attempt} GET http://origin.test/hello -> {resp.status} {resp.read().decode()!r} "
                  f"[X-Cache: {resp.getheader('X-Cache')}]")
            conn.close()

        conn = http.client.HTTPConnection(phost, pport, timeout=5)
        conn.request("GET", "http://blocked.test/", headers={"Host": "blocked.test"})
        resp = conn.getresponse()
        print(f"GET http://blocked.test/ -> {resp.status} {resp.read().decode()!r}")
        conn.close()

        # A tunnel, as HTTPS clients use: CONNECT first, then talk to the origin through it.
        conn = http.client.HTTPConnection(phost, pport, timeout=5)
        conn.set_tunnel("origin.test", 80)
        conn.request("GET", "/secret")
        resp = conn.getresponse()
        print(f"GET /secret through the CONNECT tunnel -> {resp.status} {resp.read().decode()!r}")
        conn.close()
    finally:
        for s in servers:
            s.shutdown()
            s.server_close()
        for t in threads:
            t.join()

    print("proxy log:", proxy_log)
    print("the proxy saw the path /secret:", any("/secret" in line for line in proxy_log))
    print("origin log (path, Via, X-Forwarded-For):", origin_log)
