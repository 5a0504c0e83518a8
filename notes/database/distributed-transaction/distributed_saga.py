"""编排式 Saga：每个本地步骤都带补偿操作，失败时按相反顺序撤销。

每一步都立即在本地提交（没有全局锁）。后面的某一步失败时，协调器对已经
成功的步骤执行补偿，最新完成的最先补偿。补偿是业务上的反向操作，不是数据库回滚。
"""


class Shop:
    def __init__(self):
        self.stock = {"book": 1}
        self.charges = []
        self.shipments = []
        self.courier_available = True


def reserve(shop, order):
    if shop.stock[order["item"]] < 1:
        raise RuntimeError("out of stock")
    shop.stock[order["item"]] -= 1


def release(shop, order):
    shop.stock[order["item"]] += 1


def charge(shop, order):
    shop.charges.append(order["id"])


def refund(shop, order):
    shop.charges.remove(order["id"])


def ship(shop, order):
    if not shop.courier_available:
        raise RuntimeError("no courier")
    shop.shipments.append(order["id"])


def cancel_shipment(shop, order):
    shop.shipments.remove(order["id"])


SAGA = [("reserve", reserve, release),
        ("charge", charge, refund),
        ("ship", ship, cancel_shipment)]


def run_saga(shop, order):
    done = []
    for name, action, compensation in SAGA:
        try:
            action(shop, order)
        except RuntimeError as exc:
            print(f"  FAIL {name} -> {exc}")
            for done_name, undo in reversed(done):       # 最新完成的先补偿
                undo(shop, order)
                print(f"  undo {done_name}")
            return False
        print(f"  ok {name}")
        done.append((name, compensation))
    return True


shop = Shop()
shop.courier_available = False
print("order 1 (no courier today):")
print("  saga succeeded:", run_saga(shop, {"id": 1, "item": "book"}))
print("  state:", shop.stock, shop.charges, shop.shipments)

shop.courier_available = True
print("order 2 (courier back):")
print("  saga succeeded:", run_saga(shop, {"id": 2, "item": "book"}))
print("  state:", shop.stock, shop.charges, shop.shipments)
