"""练习“校验证书链和主机名”的测试（学习者看不到这个文件）。"""
import unittest

from https_tls_cert_check_exercise import hostname_matches, verify_chain


def cert(subject, issuer, ca=False, san=(), not_before=0, not_after=1000):
    return {"subject": subject, "issuer": issuer, "not_before": not_before,
            "not_after": not_after, "ca": ca, "san": list(san)}


ROOT = cert("Root X1", "Root X1", ca=True, not_after=10000)
INTERMEDIATE = cert("R3", "Root X1", ca=True)
LEAF = cert("example.com", "R3", san=["example.com", "*.example.com"], not_before=100, not_after=500)


class HostnameTests(unittest.TestCase):
    def test_exact_names_ignore_case(self):
        self.assertEqual(hostname_matches("example.com", "example.com"), True)
        self.assertEqual(hostname_matches("Example.COM", "example.com"), True)
        self.assertEqual(hostname_matches("example.com", "example.org"), False)

    def test_wildcard_matches_exactly_one_label(self):
        self.assertEqual(hostname_matches("*.example.com", "www.example.com"), True)
        self.assertEqual(hostname_matches("*.example.com", "API.Example.com"), True)
        self.assertEqual(hostname_matches("*.example.com", "example.com"), False)
        self.assertEqual(hostname_matches("*.example.com", "a.b.example.com"), False)

    def test_wildcard_only_as_whole_leftmost_label(self):
        self.assertEqual(hostname_matches("www.*.com", "www.example.com"), False)
        self.assertEqual(hostname_matches("w*.example.com", "www.example.com"), False)


class ChainTests(unittest.TestCase):
    def check(self, chain, hostname="www.example.com", now=200, roots=(ROOT,)):
        return verify_chain(chain, list(roots), hostname, now)

    def test_valid_chain(self):
        self.assertEqual(self.check([LEAF, INTERMEDIATE]), "ok")
        self.assertEqual(self.check([LEAF, INTERMEDIATE], hostname="example.com"), "ok")

    def test_validity_period_includes_both_ends(self):
        self.assertEqual(self.check([LEAF, INTERMEDIATE], now=100), "ok")
        self.assertEqual(self.check([LEAF, INTERMEDIATE], now=500), "ok")
        self.assertEqual(self.check([LEAF, INTERMEDIATE], now=501), "expired")
        self.assertEqual(self.check([LEAF, INTERMEDIATE], now=99), "expired")

    def test_expired_intermediate(self):
        old = dict(INTERMEDIATE, not_after=150)
        self.assertEqual(self.check([LEAF, old]), "expired")

    def test_missing_intermediate_breaks_the_chain(self):
        self.assertEqual(self.check([LEAF]), "untrusted_root")
        other = cert("E1", "Root X1", ca=True)
        self.assertEqual(self.check([LEAF, other]), "broken_chain")

    def test_leaf_cannot_sign_another_leaf(self):
        fake = cert("evil.example", "example.com", san=["bank.example"])
        leaf_as_ca = dict(LEAF, issuer="R3")
        self.assertEqual(self.check([fake, leaf_as_ca, INTERMEDIATE], hostname="bank.example"), "not_ca")

    def test_unknown_or_expired_root(self):
        self.assertEqual(self.check([LEAF, INTERMEDIATE], roots=()), "untrusted_root")
        other_root = cert("Other Root", "Other Root", ca=True)
        self.assertEqual(self.check([LEAF, INTERMEDIATE], roots=(other_root,)), "untrusted_root")
        expired_root = dict(ROOT, not_after=150)
        self.assertEqual(self.check([LEAF, INTERMEDIATE], roots=(expired_root,)), "untrusted_root")

    def test_hostname_only_from_san(self):
        self.assertEqual(self.check([LEAF, INTERMEDIATE], hostname="a.b.example.com"), "hostname_mismatch")
        cn_only = cert("shop.example", "R3", san=[], not_before=100, not_after=500)
        self.assertEqual(self.check([cn_only, INTERMEDIATE], hostname="shop.example"), "hostname_mismatch")


if __name__ == "__main__":
    unittest.main()
