"""练习 serve_lines 的测试（学习者看不到这个文件）。"""
import socket
import threading
import time
import unittest

from io_multiplexing_lines_exercise import serve_lines


def read_all(sock):
    """读到对方关闭为止。"""
    sock.settimeout(2)
    chunks = []
    while True:
        chunk = sock.recv(65536)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


class ServeLinesTests(unittest.TestCase):
    def setUp(self):
        self.sockets = []

    def tearDown(self):
        for sock in self.sockets:
            sock.close()

    def pair(self):
        server_end, client_end = socket.socketpair()
        self.sockets += [server_end, client_end]
        return server_end, client_end

    def test_several_lines_in_one_send(self):
        server_end, client_end = self.pair()
        client_end.sendall(b"a\nbb\nccc\n")
        client_end.shutdown(socket.SHUT_WR)      # 不再发送，但还能接收回复
        counts = serve_lines([server_end], bytes.upper)
        self.assertEqual(counts, [3])
        self.assertEqual(read_all(client_end), b"A\nBB\nCCC\n")

    def test_line_longer_than_one_recv(self):
        server_end, client_end = self.pair()
        long_line = b"x" * 5000                  # 比 recv(4096) 大，至少分两次读到
        client_end.sendall(long_line + b"\nend\n")
        client_end.shutdown(socket.SHUT_WR)
        counts = serve_lines([server_end], lambda line: str(len(line)).encode())
        self.assertEqual(counts, [2])
        self.assertEqual(read_all(client_end), b"5000\n3\n")

    def test_last_line_without_newline(self):
        server_end, client_end = self.pair()
        client_end.sendall(b"one\ntwo")
        client_end.shutdown(socket.SHUT_WR)
        counts = serve_lines([server_end], lambda line: line[::-1])
        self.assertEqual(counts, [2])
        self.assertEqual(read_all(client_end), b"eno\nowt\n")

    def test_many_connections_and_all_closed(self):
        pairs = [self.pair() for _ in range(3)]
        payloads = [b"a\n", b"b\nc\n", b"d\ne\nf\n"]
        for (_server_end, client_end), payload in zip(pairs, payloads):
            client_end.sendall(payload)
            client_end.shutdown(socket.SHUT_WR)
        counts = serve_lines([server_end for server_end, _ in pairs], bytes.upper)
        self.assertEqual(counts, [1, 2, 3])
        self.assertEqual([read_all(c) for _, c in pairs], [b"A\n", b"B\nC\n", b"D\nE\nF\n"])
        self.assertEqual([s.fileno() for s, _ in pairs], [-1, -1, -1])

    def test_does_not_wait_for_a_slow_connection(self):
        slow_server, slow_client = self.pair()
        fast_server, fast_client = self.pair()
        fast_client.sendall(b"fast\n")
        fast_client.shutdown(socket.SHUT_WR)
        seen = []

        def handler(line):
            seen.append(line)
            return line

        def slow_sender():
            time.sleep(0.2)                      # 慢连接 0.2 秒后才发数据
            slow_client.sendall(b"slow\n")
            slow_client.shutdown(socket.SHUT_WR)

        sender = threading.Thread(target=slow_sender)
        sender.start()
        try:
            counts = serve_lines([slow_server, fast_server], handler)
        finally:
            sender.join()
        self.assertEqual(counts, [1, 1])
        self.assertEqual(seen, [b"fast", b"slow"])


if __name__ == "__main__":
    unittest.main()
