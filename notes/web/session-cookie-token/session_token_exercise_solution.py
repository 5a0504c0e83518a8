"""练习“HMAC 签名令牌”的参考答案。"""
import base64
import binascii
import hashlib
import hmac
import json


class BadSignature(Exception):
    """令牌被篡改、格式不对，或者不是用可接受的密钥签名的。"""


class SignatureExpired(BadSignature):
    """签名正确，但令牌已经过期。"""


def _b64encode(raw):
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _b64decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _signature(payload, key):
    return _b64encode(hmac.new(key, payload.encode("ascii"), hashlib.sha256).digest())


def sign(data, key, now, ttl):
    """用密钥 key 签发一个在 now + ttl 过期、携带 data 的令牌。"""
    payload = _b64encode(json.dumps({"data": data, "exp": now + ttl}).encode("utf-8"))
    return f"{payload}.{_signature(payload, key)}"


def verify(token, keys, now):
    """校验令牌并返回其中的 data；不合法时抛出 BadSignature，过期时抛出 SignatureExpired。"""
    payload, dot, signature = token.partition(".")
    # compare_digest 只接受 ASCII 字符串，非 ASCII 的令牌直接判为格式错误
    if not token.isascii() or not dot or not payload or not signature or "." in signature:
        raise BadSignature("令牌格式不对")
    # 常量时间比较，并允许轮换中的旧密钥
    if not any(hmac.compare_digest(signature, _signature(payload, key)) for key in keys):
        raise BadSignature("签名不匹配")
    try:
        claims = json.loads(_b64decode(payload))
        data, exp = claims["data"], claims["exp"]
    except (binascii.Error, ValueError, TypeError, KeyError):
        raise BadSignature("payload 无法解析") from None
    if now >= exp:
        raise SignatureExpired("令牌已过期")
    return data
