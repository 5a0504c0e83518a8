"""练习“把开票脚本重构成纯函数”的参考答案。"""
import re

_PRICE = re.compile(r"(\d+)(?:\.(\d{1,2}))?")


def _half_up(numerator, denominator):
    """非负整数除法，四舍五入（0.5 进位）。"""
    return (2 * numerator + denominator) // (2 * denominator)


def _money(cents):
    return f"{cents // 100}.{cents % 100:02d}"


def _parse_line(line):
    fields = [field.strip() for field in line.split(",")]
    if len(fields) != 3:
        raise ValueError("需要 3 个字段")
    name, qty_text, price_text = fields
    if not name:
        raise ValueError("缺少名称")
    if not qty_text.isdigit() or int(qty_text) <= 0:
        raise ValueError("数量必须是正整数")
    match = _PRICE.fullmatch(price_text)
    if match is None:
        raise ValueError("单价最多两位小数")
    yuan, fraction = match.groups()
    cents = int(yuan) * 100 + int((fraction or "0").ljust(2, "0"))
    return name, int(qty_text), cents


def parse_order(text):
    """把订单文本解析成 [(名称, 数量, 单价分), ...]；格式不对抛 ValueError。"""
    items = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        try:
            items.append(_parse_line(line))
        except ValueError as exc:
            raise ValueError(f"第 {number} 行格式不对（{exc}）：{raw!r}") from None
    return items


def price_order(items, tax_percent, discount_rules=()):
    """计算小计、折扣、税和总额（都是分），返回字典。"""
    subtotal = sum(qty * unit for _, qty, unit in items)
    eligible = [rule for rule in discount_rules if rule[0] <= subtotal]
    percent = max(eligible)[1] if eligible else 0
    discount = _half_up(subtotal * percent, 100)
    taxable = subtotal - discount
    tax = _half_up(taxable * tax_percent, 100)
    return {"subtotal": subtotal, "discount": discount, "tax": tax, "total": taxable + tax}


def render_invoice(items, prices):
    """把商品行和 price_order 的结果排成发票文本。"""
    lines = [f"{name} x{qty} @ {_money(unit)} = {_money(qty * unit)}" for name, qty, unit in items]
    lines.append(f"subtotal: {_money(prices['subtotal'])}")
    if prices["discount"]:
        lines.append(f"discount: -{_money(prices['discount'])}")
    lines.append(f"tax: {_money(prices['tax'])}")
    lines.append(f"total: {_money(prices['total'])}")
    return "\n".join(lines)


def make_invoice(text, tax_percent, discount_rules=()):
    """解析、计价、排版，一步生成发票文本。"""
    items = parse_order(text)
    return render_invoice(items, price_order(items, tax_percent, discount_rules))
