"""练习“重定向方法与 POST 响应缓存规则”的测试（学习者看不到这个文件）。"""
import unittest

from get_post_rules_exercise import post_response_cacheable, redirect_request


class RedirectRequestTests(unittest.TestCase):
    def test_303_switches_to_get_and_drops_the_body(self):
        self.assertEqual(redirect_request(303, "POST", b"item=pen"), ("GET", None))
        self.assertEqual(redirect_request(303, "PUT", b"{}"), ("GET", None))
        self.assertEqual(redirect_request(303, "DELETE", None), ("GET", None))
        self.assertEqual(redirect_request(303, "GET", None), ("GET", None))
        self.assertEqual(redirect_request(303, "HEAD", None), ("HEAD", None))

    def test_301_and_302_turn_only_post_into_get(self):
        for status in (301, 302):
            with self.subTest(status=status):
                self.assertEqual(redirect_request(status, "POST", b"a=1"), ("GET", None))
                self.assertEqual(redirect_request(status, "PUT", b"a=1"), ("PUT", b"a=1"))
                self.assertEqual(redirect_request(status, "GET", None), ("GET", None))

    def test_307_and_308_keep_method_and_body(self):
        for status in (307, 308):
            with self.subTest(status=status):
                self.assertEqual(redirect_request(status, "POST", b"a=1"), ("POST", b"a=1"))
                self.assertEqual(redirect_request(status, "PATCH", b"{}"), ("PATCH", b"{}"))

    def test_other_statuses_are_rejected(self):
        for status in (200, 300, 304, 404):
            with self.subTest(status=status):
                with self.assertRaises(ValueError):
                    redirect_request(status, "POST", b"a=1")


class PostResponseCacheableTests(unittest.TestCase):
    def test_freshness_and_matching_content_location(self):
        self.assertEqual(post_response_cacheable("/orders/42", {
            "Cache-Control": "max-age=60", "Content-Location": "/orders/42"}), True)
        self.assertEqual(post_response_cacheable("/orders/42", {
            "cache-control": "public, S-MaxAge=30", "CONTENT-LOCATION": "/orders/42"}), True)
        self.assertEqual(post_response_cacheable("/orders/42", {
            "Expires": "Thu, 01 Jan 2065 00:00:00 GMT", "Content-Location": "/orders/42"}), True)

    def test_freshness_alone_is_not_enough(self):
        self.assertEqual(post_response_cacheable("/orders", {"Cache-Control": "max-age=60"}), False)
        self.assertEqual(post_response_cacheable("/orders", {
            "Cache-Control": "max-age=60", "Content-Location": "/orders/42"}), False)

    def test_content_location_alone_is_not_enough(self):
        self.assertEqual(post_response_cacheable("/orders/42", {"Content-Location": "/orders/42"}), False)
        self.assertEqual(post_response_cacheable("/orders/42", {
            "Cache-Control": "no-cache", "Content-Location": "/orders/42"}), False)
        self.assertEqual(post_response_cacheable("/orders/42", {}), False)

    def test_no_store_wins(self):
        self.assertEqual(post_response_cacheable("/orders/42", {
            "Cache-Control": "max-age=60, no-store", "Content-Location": "/orders/42"}), False)


if __name__ == "__main__":
    unittest.main()
