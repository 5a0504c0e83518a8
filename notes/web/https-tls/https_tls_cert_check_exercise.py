"""练习：模拟浏览器校验证书链和主机名。

证书用字典表示（没有真正的签名，“签发”用名字相连来模拟）：
    {"subject": "R3 Intermediate", "issuer": "Root X1", "not_before": 100, "not_after": 500,
     "ca": True, "san": []}
叶子证书的 "san" 是它可以服务的名字列表，例如 ["example.com", "*.example.com"]。
时间都是整数秒，有效期包含两端：not_before <= now <= not_after。

hostname_matches(pattern, hostname)：
- 不区分大小写；
- 通配符只能是最左边的一整个标签 "*"，而且只匹配恰好一个标签：
  "*.example.com" 匹配 "www.example.com"，不匹配 "example.com"，也不匹配 "a.b.example.com"；
- 其他位置的 "*"（如 "w*.example.com"、"www.*.com"）一律不匹配。

verify_chain(chain, trusted_roots, hostname, now)：chain[0] 是叶子证书，后面依次是中间证书，
服务器通常不发根证书；trusted_roots 是本机信任库里的根证书列表。按下面的顺序检查，
返回第一个失败的原因，全部通过返回 "ok"：
1. "expired"：chain 中某张证书不在有效期内（早于 not_before 或晚于 not_after）；
2. "broken_chain"：某张证书的 issuer 不等于下一张证书的 subject；
3. "not_ca"：除叶子外，chain 中有证书的 "ca" 为 False（它无权签发证书）；
4. "untrusted_root"：chain 最后一张证书的 issuer 不是任何受信根证书的 subject，
   或者那张根证书本身不在有效期内；
5. "hostname_mismatch"：叶子证书的 san 里没有一个名字匹配 hostname（不看 subject/CN）。
"""


def hostname_matches(pattern, hostname):
    """pattern（证书 SAN 里的一个名字，可能带通配符）是否匹配 hostname。"""
    raise NotImplementedError("在这里实现 hostname_matches")


def verify_chain(chain, trusted_roots, hostname, now):
    """校验证书链和主机名，返回 "ok" 或第一个失败原因。"""
    raise NotImplementedError("在这里实现 verify_chain")
