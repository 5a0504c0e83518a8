"""练习“校验证书链和主机名”的参考答案。"""


def hostname_matches(pattern, hostname):
    """pattern（证书 SAN 里的一个名字，可能带通配符）是否匹配 hostname。"""
    pattern_labels = pattern.lower().split(".")
    host_labels = hostname.lower().split(".")
    if len(pattern_labels) != len(host_labels):    # 通配符只顶替一个标签，标签数必须相同
        return False
    first, rest = pattern_labels[0], pattern_labels[1:]
    if any("*" in label for label in rest):
        return False
    if first == "*":
        return host_labels[0] != "" and rest == host_labels[1:]
    if "*" in first:                               # 部分通配（w*）不支持
        return False
    return pattern_labels == host_labels


def verify_chain(chain, trusted_roots, hostname, now):
    """校验证书链和主机名，返回 "ok" 或第一个失败原因。"""
    def valid_at(cert):
        return cert["not_before"] <= now <= cert["not_after"]

    if any(not valid_at(cert) for cert in chain):
        return "expired"
    for child, parent in zip(chain, chain[1:]):
        if child["issuer"] != parent["subject"]:
            return "broken_chain"
    if any(not cert["ca"] for cert in chain[1:]):
        return "not_ca"
    roots = [root for root in trusted_roots if root["subject"] == chain[-1]["issuer"]]
    if not any(valid_at(root) for root in roots):
        return "untrusted_root"
    if not any(hostname_matches(name, hostname) for name in chain[0]["san"]):
        return "hostname_mismatch"
    return "ok"
