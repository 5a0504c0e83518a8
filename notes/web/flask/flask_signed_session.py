"""Flask's default session is a *signed cookie* (a simulation with hmac + base64).

Real Flask uses itsdangerous (URLSafeTimedSerializer, HMAC, a timestamp and
optional zlib compression); the idea is the same:
- the whole session dict travels to the browser inside the cookie;
- the browser can READ it (it is only base64, not encrypted);
- the browser cannot CHANGE it, because the server checks an HMAC made with SECRET_KEY.
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
    if not hmac.compare_digest(signature, sign(payload, key)):   # constant-time compare
        raise BadSignature("cookie was modified or signed with another key")
    return json.loads(unb64(payload))


cookie = dump_session({"user_id": 42, "cart": ["book"]})
print("Set-Cookie: session=" + cookie)

# 1. Anyone holding the cookie can read it: never put secrets in the session.
payload = cookie.split(".")[0]
print("client decodes payload:", unb64(payload).decode())

# 2. The server verifies it on the next request.
print("server loads:", load_session(cookie))

# 3. A user who edits the payload (user_id 42 -> 1) is caught.
forged_payload = b64(unb64(payload).replace(b'"user_id":42', b'"user_id":1'))
forged = forged_payload + "." + cookie.split(".")[1]
for label, value, key in [("forged cookie", forged, SECRET_KEY),
                          ("other SECRET_KEY", cookie, b"another-key")]:
    try:
        load_session(value, key)
    except BadSignature as exc:
        print(f"{label}: rejected ({type(exc).__name__})")
