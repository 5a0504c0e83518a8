"""用标准库手写一个 HS256 JWT：签发、解码、校验，以及三种应当被拒绝的令牌。

仅用于理解原理。生产环境请使用成熟的库（例如 PyJWT），并固定允许的算法。
为了输出确定，这里的“当前时间”是固定的时间戳，而不是 time.time()。
"""
import base64
import hashlib
import hmac
import json

SECRET = b"server-side-secret"      # 只有服务端知道的密钥
NOW = 1_700_000_000                 # 固定的“当前时间”（Unix 秒）


def b64url_encode(raw):
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def b64url_decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def sign(signing_input):
    return b64url_encode(hmac.new(SECRET, signing_input.encode(), hashlib.sha256).digest())


def issue(claims):
    header = {"alg": "HS256", "typ": "JWT"}
    parts = [b64url_encode(json.dumps(x, separators=(",", ":")).encode()) for x in (header, claims)]
    signing_input = ".".join(parts)
    return signing_input + "." + sign(signing_input)


def verify(token):
    """返回 (是否有效, 载荷或原因)。"""
    try:
        header_b64, payload_b64, signature = token.split(".")
        header = json.loads(b64url_decode(header_b64))
    except ValueError:
        return False, "malformed"
    if header.get("alg") != "HS256":               # 只接受服务端预期的算法，拒绝 alg=none
        return False, "unexpected alg %r" % header.get("alg")
    expected = sign(header_b64 + "." + payload_b64)
    if not hmac.compare_digest(expected, signature):  # 常数时间比较，防止计时攻击
        return False, "bad signature"
    payload = json.loads(b64url_decode(payload_b64))
    if payload["exp"] <= NOW:
        return False, "expired"
    return True, payload


def main():
    token = issue({"sub": "alice", "role": "user", "exp": NOW + 900})
    head, body, sig = token.split(".")
    print("token has 3 parts:", len(token.split(".")))
    print("header :", head)
    print("payload:", body)
    print("sig    :", sig)

    # 1. 任何人都能解码载荷：JWT 只签名、不加密
    print("anyone can read the payload:", json.loads(b64url_decode(body)))

    # 2. 服务端只用密钥验证签名，不需要查会话存储
    print("verify original:", verify(token))

    # 3. 篡改载荷（把 role 改成 admin），签名对不上
    forged_body = b64url_encode(json.dumps({"sub": "alice", "role": "admin", "exp": NOW + 900},
                                           separators=(",", ":")).encode())
    print("verify forged role=admin:", verify(head + "." + forged_body + "." + sig))

    # 4. alg=none 攻击：去掉签名并声称“无需签名”
    none_head = b64url_encode(json.dumps({"alg": "none", "typ": "JWT"}).encode())
    print("verify alg=none:", verify(none_head + "." + forged_body + "."))

    # 5. 过期的令牌：签名正确也要拒绝
    old = issue({"sub": "alice", "role": "user", "exp": NOW - 1})
    print("verify expired:", verify(old))


if __name__ == "__main__":
    main()
