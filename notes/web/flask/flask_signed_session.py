"""Flask 默认的 session 是一个“签名 Cookie”（这里用 hmac + base64 模拟）。

真正的 Flask 用 itsdangerous（URLSafeTimedSerializer：HMAC、时间戳，以及可选的 zlib 压缩），
思路是一样的：
- 整个 session 字典放在 Cookie 里，随响应发给浏览器；
- 浏览器能读取它（只是 base64 编码，没有加密）；
- 浏览器却不能修改它，因为服务端会用 SECRET_KEY 计算的 HMAC 校验它。
"""
import base64
import hashlib
import hmac
import json

SECRET_KEY = b"dev-only-secret-change-me"


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def sign(payload, key):
    return b64(hmac.new(key, payload.encode(), hashlib.sha256).digest())


def dump_session(session, key=SECRET_KEY):
    payload = b64(json.dumps(session, sort_keys=True, separators=(",", ":")).encode())
    return f"{payload}.{sign(payload, key)}"


class BadSignature(Exception):
    pass


def load_session(cookie, key=SECRET_KEY):
    payload, _, signature = cookie.rpartition(".")
    if not hmac.compare_digest(signature, sign(payload, key)):   # 常量时间比较，防止计时攻击
        raise BadSignature("cookie was modified or signed with another key")
    return json.loads(unb64(payload))


cookie = dump_session({"user_id": 42, "cart": ["book"]})
print("Set-Cookie: session=" + cookie)

# 1. 拿到 Cookie 的人都能读出内容：绝不要把机密放进 session。
payload = cookie.split(".")[0]
print("client decodes payload:", unb64(payload).decode())

# 2. 下一次请求时，服务端校验签名。
print("server loads:", load_session(cookie))

# 3. 用户篡改载荷（把 user_id 从 42 改成 1）会被发现。
forged_payload = b64(unb64(payload).replace(b'"user_id":42', b'"user_id":1'))
forged = forged_payload + "." + cookie.split(".")[1]
for label, value, key in [("forged cookie", forged, SECRET_KEY),
                          ("other SECRET_KEY", cookie, b"another-key")]:
    try:
        load_session(value, key)
    except BadSignature as exc:
        print(f"{label}: rejected ({type(exc).__name__})")
