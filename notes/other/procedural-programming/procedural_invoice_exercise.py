"""练习：把依赖全局变量的开票脚本重构成几个纯函数。

所有金额都用整数“分”表示，不用浮点数。每个函数的结果只取决于参数：
不读写全局变量，不修改传进来的列表或元组。

- parse_order(text)：每行 "名称,数量,单价"，各字段两边的空白忽略；空行和以 # 开头的行跳过。
  数量是正整数；单价是非负的元，最多两位小数（"12"、"1.5"、"0.05"）。
  返回 [(名称, 数量, 单价分), ...]。任何一行格式不对都抛 ValueError，
  消息以 f"第 {行号} 行" 开头（行号从 1 开始，按原文本的行计算，空行和注释也算）；
- price_order(items, tax_percent, discount_rules=())：
  subtotal = 各行 数量 × 单价 之和；
  discount_rules 是 [(起始金额分, 折扣百分比), ...]（顺序任意），选起始金额不超过 subtotal 的
  规则里起始金额最大的那条，discount = subtotal × 百分比 / 100；没有符合的规则时 discount 为 0；
  tax = (subtotal - discount) × tax_percent / 100；total = subtotal - discount + tax；
  discount 和 tax 都四舍五入到分（恰好 0.5 分时进位，不要用内置 round，它是“银行家舍入”）；
  返回 {"subtotal": …, "discount": …, "tax": …, "total": …}；
- render_invoice(items, prices)：返回多行字符串（行之间用 "\\n"，末尾没有换行），例如
      pen x3 @ 1.50 = 4.50
      subtotal: 4.50
      discount: -0.23
      tax: 0.56
      total: 4.83
  每个商品一行，金额格式是 元.两位分；discount 为 0 时省略 discount 这一行；
- make_invoice(text, tax_percent, discount_rules=())：把上面三步串起来，返回 render_invoice 的结果。
"""


def parse_order(text):
    """把订单文本解析成 [(名称, 数量, 单价分), ...]；格式不对抛 ValueError。"""
    raise NotImplementedError("在这里实现 parse_order")


def price_order(items, tax_percent, discount_rules=()):
    """计算小计、折扣、税和总额（都是分），返回字典。"""
    raise NotImplementedError("在这里实现 price_order")


def render_invoice(items, prices):
    """把商品行和 price_order 的结果排成发票文本。"""
    raise NotImplementedError("在这里实现 render_invoice")


def make_invoice(text, tax_percent, discount_rules=()):
    """解析、计价、排版，一步生成发票文本。"""
    raise NotImplementedError("在这里实现 make_invoice")
