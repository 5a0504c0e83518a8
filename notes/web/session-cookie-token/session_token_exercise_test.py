"""练习“HMAC 签名令牌”的测试（学习者看不到这个文件）。"""
import base64
import hashlib
import hmac
import json
import unittest

from session_token_exercise import BadSignature, SignatureExpired, sign, verify

KEY = b"server-secret"
NOW = 1_700_000_000


def b64encode(raw):
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def b64decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class SignedTokenTests(unittest.TestCase):
    def test_round_trip(self):
        data = {"user_id": 42, "role": "user", "name": "张三"}
        token = sign(data, KEY, NOW, 600)
        self.assertEqual(verify(token, [KEY], NOW + 10), data)

    def test_token_format(self):
        token = sign({"user_id": 42}, KEY, NOW, 600)
        payload, signature = token.split(".")
        self.assertEqual("=" in token, False)
        self.assertEqual(json.loads(b64decode(payload)), {"data": {"user_id": 42}, "exp": NOW + 600})
        expected = b64encode(hmac.new(KEY, payload.encode("ascii"), hashlib.sha256).digest())
        self.assertEqual(signature, expected)

    def test_expires_at_now_plus_ttl(self):
        token = sign({"user_id": 1}, KEY, NOW, 60)
        self.assertEqual(verify(token, [KEY], NOW + 59), {"user_id": 1})
        for later in (NOW + 60, NOW + 3600):
            with self.subTest(now=later):
                with self.assertRaises(SignatureExpired):
                    verify(token, [KEY], later)
        self.assertEqual(issubclass(SignatureExpired, BadSignature), True)

    def test_tampered_payload_is_rejected_before_expiry_is_checked(self):
        token = sign({"user_id": 42, "role": "user"}, KEY, NOW, 60)
        payload, signature = token.split(".")
        claims = json.loads(b64decode(payload))
        claims["data"]["role"] = "admin"
        forged = b64encode(json.dumps(claims).encode()) + "." + signature
        for when in (NOW + 1, NOW + 3600):
            with self.subTest(now=when):
                with self.assertRaises(BadSignature) as caught:
                    verify(forged, [KEY], when)
                self.assertEqual(type(caught.exception), BadSignature)
        claims["exp"] = NOW + 10 ** 6
        extended = b64encode(json.dumps(claims).encode()) + "." + signature
        with self.assertRaises(BadSignature):
            verify(extended, [KEY], NOW + 3600)

    def test_wrong_key_and_key_rotation(self):
        old, new = b"old-secret", b"new-secret"
        token = sign({"user_id": 7}, old, NOW, 600)
        self.assertEqual(verify(token, [new, old], NOW), {"user_id": 7})
        with self.assertRaises(BadSignature):
            verify(token, [new], NOW)
        with self.assertRaises(BadSignature):
            verify(token, [], NOW)

    def test_malformed_tokens(self):
        not_json = b64encode(b"not json")
        signed_garbage = not_json + "." + b64encode(hmac.new(KEY, not_json.encode(), hashlib.sha256).digest())
        for token in ["", "abc", "abc.", ".abc", "a.b.c", "!!!.???", "数据.签名", "abc.签名", signed_garbage]:
            with self.subTest(token=token):
                with self.assertRaises(BadSignature):
                    verify(token, [KEY], NOW)


if __name__ == "__main__":
    unittest.main()
