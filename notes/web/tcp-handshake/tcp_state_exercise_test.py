"""练习“TCP 状态机”的测试（学习者看不到这个文件）。"""
import unittest

from tcp_state_exercise import run, step


class HandshakeTests(unittest.TestCase):
    def test_client_handshake(self):
        self.assertEqual(step("CLOSED", "connect"), ("SYN_SENT", "SYN"))
        self.assertEqual(step("SYN_SENT", "recv_syn_ack"), ("ESTABLISHED", "ACK"))
        self.assertEqual(run(["connect", "recv_syn_ack"]), ["SYN_SENT", "ESTABLISHED"])

    def test_server_handshake(self):
        self.assertEqual(step("CLOSED", "listen"), ("LISTEN", None))
        self.assertEqual(step("LISTEN", "recv_syn"), ("SYN_RCVD", "SYN+ACK"))
        self.assertEqual(step("SYN_RCVD", "recv_ack"), ("ESTABLISHED", None))
        self.assertEqual(run(["listen", "recv_syn", "recv_ack"]), ["LISTEN", "SYN_RCVD", "ESTABLISHED"])

    def test_simultaneous_open(self):
        self.assertEqual(step("SYN_SENT", "recv_syn"), ("SYN_RCVD", "SYN+ACK"))
        self.assertEqual(run(["connect", "recv_syn", "recv_ack"]), ["SYN_SENT", "SYN_RCVD", "ESTABLISHED"])


class TeardownTests(unittest.TestCase):
    def test_active_closer_goes_through_time_wait(self):
        self.assertEqual(step("ESTABLISHED", "close"), ("FIN_WAIT_1", "FIN"))
        self.assertEqual(step("FIN_WAIT_1", "recv_ack"), ("FIN_WAIT_2", None))
        self.assertEqual(step("FIN_WAIT_2", "recv_fin"), ("TIME_WAIT", "ACK"))
        self.assertEqual(step("TIME_WAIT", "timeout"), ("CLOSED", None))
        self.assertEqual(run(["close", "recv_ack", "recv_fin", "timeout"], "ESTABLISHED"),
                         ["FIN_WAIT_1", "FIN_WAIT_2", "TIME_WAIT", "CLOSED"])

    def test_time_wait_acks_a_retransmitted_fin(self):
        self.assertEqual(step("TIME_WAIT", "recv_fin"), ("TIME_WAIT", "ACK"))

    def test_passive_closer_skips_time_wait(self):
        self.assertEqual(step("ESTABLISHED", "recv_fin"), ("CLOSE_WAIT", "ACK"))
        self.assertEqual(step("CLOSE_WAIT", "close"), ("LAST_ACK", "FIN"))
        self.assertEqual(step("LAST_ACK", "recv_ack"), ("CLOSED", None))
        self.assertEqual(run(["recv_fin", "close", "recv_ack"], "ESTABLISHED"), ["CLOSE_WAIT", "LAST_ACK", "CLOSED"])

    def test_simultaneous_close_and_combined_fin_ack(self):
        self.assertEqual(step("FIN_WAIT_1", "recv_fin"), ("CLOSING", "ACK"))
        self.assertEqual(step("CLOSING", "recv_ack"), ("TIME_WAIT", None))
        self.assertEqual(step("FIN_WAIT_1", "recv_fin_ack"), ("TIME_WAIT", "ACK"))

    def test_close_before_established(self):
        self.assertEqual(step("LISTEN", "close"), ("CLOSED", None))
        self.assertEqual(step("SYN_SENT", "close"), ("CLOSED", None))
        self.assertEqual(step("SYN_RCVD", "close"), ("FIN_WAIT_1", "FIN"))


class ResetAndErrorTests(unittest.TestCase):
    def test_reset(self):
        self.assertEqual(step("SYN_RCVD", "recv_rst"), ("LISTEN", None))
        for state in ("SYN_SENT", "ESTABLISHED", "FIN_WAIT_2", "CLOSE_WAIT", "LAST_ACK"):
            with self.subTest(state=state):
                self.assertEqual(step(state, "recv_rst"), ("CLOSED", None))

    def test_invalid_combinations_raise_value_error(self):
        bad = [("CLOSED", "recv_ack"), ("CLOSED", "recv_rst"), ("ESTABLISHED", "listen"),
               ("CLOSED", "timeout"), ("LAST_ACK", "close"), ("ESTABLISHED", "fly"), ("NOPE", "close")]
        for state, event in bad:
            with self.subTest(state=state, event=event):
                with self.assertRaises(ValueError):
                    step(state, event)
        with self.assertRaises(ValueError):
            run(["connect", "recv_fin"])


if __name__ == "__main__":
    unittest.main()
