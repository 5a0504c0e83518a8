"""练习“把开票脚本重构成纯函数”的测试（学习者看不到这个文件）。"""
import copy
import unittest

from procedural_invoice_exercise import make_invoice, parse_order, price_order, render_invoice

ORDER = """# 今天的订单
pen, 3, 1.50

notebook,1,12
eraser ,10, 0.05
"""
ITEMS = [("pen", 3, 150), ("notebook", 1, 1200), ("eraser", 10, 5)]
RULES = [(5000, 10), (1000, 5)]


class ParseOrderTests(unittest.TestCase):
    def test_reads_items_and_skips_blank_and_comment_lines(self):
        self.assertEqual(parse_order(ORDER), ITEMS)
        self.assertEqual(parse_order(""), [])

    def test_bad_lines_name_their_line_number(self):
        bad_lines = ["pen,abc,1.00", "pen,0,1.00", "pen,-2,1.00", "pen,2,1.005",
                     "pen,2,-1.00", "pen,2", ",2,1.00", "pen,2,1.00,extra", "pen,2,1.x"]
        for bad in bad_lines:
            with self.subTest(line=bad):
                with self.assertRaises(ValueError) as caught:
                    parse_order("# header\n\nok,1,1.00\n" + bad)
                self.assertEqual(str(caught.exception).startswith("第 4 行"), True,
                                 str(caught.exception))


class PriceOrderTests(unittest.TestCase):
    def test_best_discount_rule_and_half_up_rounding(self):
        # 小计 1700；满 1000 打 95 折：折扣 85；税 13%：(1700 - 85) × 0.13 = 209.95 -> 210
        self.assertEqual(price_order(ITEMS, 13, RULES),
                         {"subtotal": 1700, "discount": 85, "tax": 210, "total": 1825})
        # 小计 450 不满 1000：没有折扣；税 450 × 0.13 = 58.5 -> 59（恰好 0.5 分要进位）
        self.assertEqual(price_order([("pen", 3, 150)], 13, RULES),
                         {"subtotal": 450, "discount": 0, "tax": 59, "total": 509})
        # 正好达到起始金额也算；多条规则时取起始金额最大的那条
        self.assertEqual(price_order([("tv", 1, 5000)], 0, RULES),
                         {"subtotal": 5000, "discount": 500, "tax": 0, "total": 4500})
        self.assertEqual(price_order([], 13),
                         {"subtotal": 0, "discount": 0, "tax": 0, "total": 0})

    def test_functions_are_pure(self):
        items, rules = copy.deepcopy(ITEMS), copy.deepcopy(RULES)
        first = price_order(items, 13, rules)
        price_order(items, 0, [])                     # 别的参数的调用不能影响下一次
        self.assertEqual(price_order(items, 13, rules), first)
        render_invoice(items, first)
        self.assertEqual((items, rules), (ITEMS, RULES))   # 入参没有被修改
        self.assertEqual(parse_order(ORDER), parse_order(ORDER))


class RenderTests(unittest.TestCase):
    def test_render_invoice_layout(self):
        prices = {"subtotal": 1700, "discount": 85, "tax": 210, "total": 1825}
        self.assertEqual(render_invoice(ITEMS, prices), "\n".join([
            "pen x3 @ 1.50 = 4.50",
            "notebook x1 @ 12.00 = 12.00",
            "eraser x10 @ 0.05 = 0.50",
            "subtotal: 17.00",
            "discount: -0.85",
            "tax: 2.10",
            "total: 18.25",
        ]))

    def test_make_invoice_composes_the_steps(self):
        self.assertEqual(make_invoice("pen,3,1.50", 13, RULES), "\n".join([
            "pen x3 @ 1.50 = 4.50",
            "subtotal: 4.50",
            "tax: 0.59",
            "total: 5.09",
        ]))
        self.assertEqual(make_invoice(ORDER, 13, RULES),
                         render_invoice(ITEMS, price_order(ITEMS, 13, RULES)))


if __name__ == "__main__":
    unittest.main()
