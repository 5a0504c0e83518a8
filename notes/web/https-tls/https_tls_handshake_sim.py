"""模拟 TLS 握手的关键思想（玩具数字，不是真正的密码学，也不是真正的 TLS 报文）。

1. 往返次数：TLS 1.2 完整握手、TLS 1.3 完整握手、TLS 1.3 恢复 + 0-RTT；
2. 前向保密：静态 RSA 密钥交换 vs 临时 DH（DHE）密钥交换，私钥事后泄露时会怎样；
3. Finished 校验整个握手记录（transcript），中间人改了 ClientHello 会被发现；
4. 0-RTT 早期数据可以被重放，服务端要自己防重放。
"""
import hashlib
import hmac
import random

rng = random.Random(8446)                  # 固定种子：输出可重复

# 玩具 DH 群：p = 2^127 - 1 是素数。真实 TLS 1.3 用 X25519、P-256 或 RFC 7919 的大素数群。
P = 2 ** 127 - 1
G = 3


def hkdf(secret, label):
    """HKDF 风格的密钥派生（RFC 5869 的极简版）：不同 label 得到不同的密钥。"""
    prk = hmac.new(b"\x00" * 32, secret, hashlib.sha256).digest()
    return hmac.new(prk, label.encode() + b"\x01", hashlib.sha256).digest()


def as_bytes(n):
    return n.to_bytes((n.bit_length() + 7) // 8 or 1, "big")


def finished(key, transcript):
    """Finished = HMAC(finished_key, 到目前为止所有握手消息的哈希)。"""
    digest = hashlib.sha256("|".join(transcript).encode()).digest()
    return hmac.new(key, digest, hashlib.sha256).digest()


# ---------- 1. 往返次数 ----------
FLIGHTS = {
    "TLS 1.2 full": [
        ("C->S", "ClientHello"),
        ("S->C", "ServerHello, Certificate, ServerKeyExchange, ServerHelloDone"),
        ("C->S", "ClientKeyExchange, ChangeCipherSpec, Finished"),
        ("S->C", "ChangeCipherSpec, Finished"),
        ("C->S", "application data"),
    ],
    "TLS 1.3 full": [
        ("C->S", "ClientHello + key_share"),
        ("S->C", "ServerHello + key_share, {EncryptedExtensions, Certificate, CertificateVerify, Finished}"),
        ("C->S", "{Finished}, application data"),
    ],
    "TLS 1.3 resumed + 0-RTT": [
        ("C->S", "ClientHello + key_share + pre_shared_key + early_data, (application data)"),
        ("S->C", "ServerHello + pre_shared_key, {EncryptedExtensions, Finished}"),
        ("C->S", "{EndOfEarlyData, Finished}"),
    ],
}


def round_trips_before_data(flights):
    """客户端第一次发出应用数据之前，经历了几次“发出去并等到回应”。"""
    waits = 0
    for i, (direction, text) in enumerate(flights):
        if direction == "C->S" and "application data" in text:
            return waits
        if direction == "S->C" and i > 0:
            waits += 1
    return waits


print("== 1. round trips before the client's first byte of data (plus 1 RTT of TCP) ==")
for name, flights in FLIGHTS.items():
    print("%-24s %d-RTT  (%d flights)" % (name, round_trips_before_data(flights), len(flights)))

# ---------- 2. 前向保密 ----------
print("== 2. forward secrecy: the server's long-term private key leaks a year later ==")
# 玩具 RSA：两个梅森素数做模数
p_rsa, q_rsa = 2 ** 61 - 1, 2 ** 89 - 1
n_rsa, e_rsa = p_rsa * q_rsa, 65537
d_rsa = pow(e_rsa, -1, (p_rsa - 1) * (q_rsa - 1))

# TLS 1.2 静态 RSA：客户端用服务器证书里的公钥加密 premaster secret
premaster = rng.getrandbits(120)
recorded_rsa = pow(premaster, e_rsa, n_rsa)        # 窃听者录下了这个密文
session_key_rsa = hkdf(as_bytes(premaster), "session")
stolen = pow(recorded_rsa, d_rsa, n_rsa)           # 一年后私钥泄露
print("static RSA: recorded traffic + leaked key -> session key:",
      hkdf(as_bytes(stolen), "session") == session_key_rsa)

# (EC)DHE：双方各自临时生成私钥 a、b，握手后丢弃；证书私钥只用来对握手签名（CertificateVerify）
def server_dhe(b, client_share, signing_key):
    """服务端：算出共享秘密，并用证书私钥对双方的 key_share 签名。"""
    secret = pow(client_share, b, P)
    to_sign = int.from_bytes(hashlib.sha256(b"%d|%d" % (client_share, pow(G, b, P))).digest()[:16], "big")
    d, n = signing_key
    return secret, pow(to_sign, d, n)


a, b = rng.getrandbits(120), rng.getrandbits(120)
client_share, server_share = pow(G, a, P), pow(G, b, P)   # 明文传输的 key_share
client_secret = pow(server_share, a, P)
server_secret, signature = server_dhe(b, client_share, (d_rsa, n_rsa))
print("(EC)DHE: both sides derive the same secret:", client_secret == server_secret)
other_n = (2 ** 61 - 1) * (2 ** 107 - 1)                  # 换一把完全不同的证书私钥
other_key = (pow(e_rsa, -1, (2 ** 61 - 2) * (2 ** 107 - 2)), other_n)
other_secret, other_signature = server_dhe(b, client_share, other_key)
print("(EC)DHE: same secret with a different certificate key:", other_secret == server_secret,
      "| different signature:", other_signature != signature)
print("-> the leaked key only signs: past sessions stay safe once a and b are erased")

# ---------- 3. Finished 保护整个握手 ----------
print("== 3. Finished covers the whole transcript ==")
hs_key = hkdf(as_bytes(client_secret), "handshake")
client_sent = ["ClientHello versions=1.3,1.2 key_share=%x" % client_share]
server_got = list(client_sent)
server_msgs = ["ServerHello version=1.3 key_share=%x" % server_share, "Certificate", "CertificateVerify"]
server_fin = finished(hkdf(hs_key, "server finished"), server_got + server_msgs)
client_check = finished(hkdf(hs_key, "server finished"), client_sent + server_msgs)
print("untouched handshake, server Finished verifies:", hmac.compare_digest(server_fin, client_check))

tampered = ["ClientHello versions=1.2 key_share=%x" % client_share]   # 中间人删掉了 1.3
server_fin = finished(hkdf(hs_key, "server finished"), tampered + server_msgs)
print("ClientHello altered in transit, server Finished verifies:",
      hmac.compare_digest(server_fin, client_check))
# TLS 1.3 服务器被迫协商 1.2 时，ServerHello.random 的最后 8 字节是 DOWNGRD\x01（RFC 8446 §4.1.3）


def server_random_for(server_max, negotiated):
    tail = b"DOWNGRD\x01" if server_max == "1.3" and negotiated == "1.2" else bytes(8)
    return bytes(rng.getrandbits(8) for _ in range(24)) + tail


def client_accepts(server_random, negotiated, client_max="1.3"):
    return not (client_max == "1.3" and negotiated == "1.2" and server_random[-8:] == b"DOWNGRD\x01")


print("1.3 server forced down to 1.2 by a middleman, client continues:",
      client_accepts(server_random_for("1.3", "1.2"), "1.2"))
print("genuine 1.2-only server, client continues:",
      client_accepts(server_random_for("1.2", "1.2"), "1.2"))

# ---------- 4. 0-RTT 可以被重放 ----------
print("== 4. 0-RTT early data can be replayed ==")
psk = hkdf(as_bytes(client_secret), "resumption")
ticket = "ticket-" + hashlib.sha256(psk).hexdigest()[:8]
early = "POST /transfer amount=100"
early_tag = hmac.new(hkdf(psk, "early"), early.encode(), hashlib.sha256).hexdigest()
captured = (ticket, early, early_tag)               # 攻击者原样录下第一个 flight


def server_accepts(flight, used_tickets=None):
    tkt, data, tag = flight
    ok = hmac.compare_digest(tag, hmac.new(hkdf(psk, "early"), data.encode(), hashlib.sha256).hexdigest())
    if used_tickets is not None:                     # 防重放：每张票据只接受一次早期数据
        if tkt in used_tickets:
            return False
        used_tickets.add(tkt)
    return ok


naive = [server_accepts(captured) for _ in range(2)]
print("no anti-replay, original and replay executed:", naive)
used = set()
guarded = [server_accepts(captured, used) for _ in range(2)]
print("single-use tickets, original and replay executed:", guarded)
print("a replayed GET would be harmless, a replayed POST is not")
