"""练习：用 HMAC 签发和校验一个带过期时间的令牌（类似 Flask 的签名 Cookie）。

令牌格式：payload.signature
- payload：把 {"data": data, "exp": now + ttl} 序列化成 JSON，UTF-8 编码后做 base64url 编码，去掉末尾的 "="；
- signature：用 HMAC-SHA256 对 payload 这段 ASCII 文本签名，结果同样做 base64url 编码并去掉 "="。

要求：
- sign(data, key, now, ttl) 返回令牌字符串；now 和 ttl 都是整数秒；
- verify(token, keys, now) 返回 data。keys 是可接受的密钥列表（轮换密钥时新密钥在前、旧密钥在后），
  签名与其中任意一个密钥匹配即可；比较签名必须用 hmac.compare_digest；
- 令牌格式不对、签名不匹配、payload 解不出来，都抛出 BadSignature；
- 先验证签名，签名通过后才看 exp：now >= exp 时抛出 SignatureExpired（它是 BadSignature 的子类）。
"""
import base64
import hashlib
import hmac
import json


class BadSignature(Exception):
    """令牌被篡改、格式不对，或者不是用可接受的密钥签名的。"""


class SignatureExpired(BadSignature):
    """签名正确，但令牌已经过期。"""


def sign(data, key, now, ttl):
    """用密钥 key 签发一个在 now + ttl 过期、携带 data 的令牌。"""
    raise NotImplementedError("在这里实现 sign")


def verify(token, keys, now):
    """校验令牌并返回其中的 data；不合法时抛出 BadSignature，过期时抛出 SignatureExpired。"""
    raise NotImplementedError("在这里实现 verify")
