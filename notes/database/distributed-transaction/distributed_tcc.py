"""处理了经典陷阱的 TCC（Try-Confirm-Cancel）模拟。

Try     ：检查并**预留**资源（冻结金额、占住库存），此时还没有最终生效。
Confirm ：使用预留的资源，必须幂等。
Cancel  ：释放预留，必须幂等，必须允许“空回滚”（没有 Try 就收到 Cancel），
          还必须拒绝迟到的 Try（防悬挂）。
为此每个服务都为每个事务保存一条记录（txid -> 状态, 数量）。
"""


class ReservableResource:
    def __init__(self, name, available):
        self.name, self.available, self.frozen = name, available, 0
        self.records = {}                          # txid -> (状态, 数量)

    def try_(self, txid, amount):
        status, _ = self.records.get(txid, (None, 0))
        if status == "CANCELLED":
            return "reject late Try (anti-hanging)"
        if status is not None:
            return "duplicate Try ignored"
        if self.available < amount:
            return "FAIL not enough available"
        self.available -= amount                   # 只预留，还不真正扣掉
        self.frozen += amount
        self.records[txid] = ("TRIED", amount)
        return "ok reserved"

    def confirm(self, txid):
        status, amount = self.records[txid]
        if status == "CONFIRMED":
            return "confirm again: no-op (idempotent)"
        self.frozen -= amount                      # 预留的资源被真正用掉
        self.records[txid] = ("CONFIRMED", amount)
        return "confirmed"

    def cancel(self, txid):
        status, amount = self.records.get(txid, (None, 0))
        if status is None:                         # Cancel 到了，Try 却从没到过
            self.records[txid] = ("CANCELLED", 0)
            return "empty rollback recorded"
        if status == "CANCELLED":
            return "cancel again: no-op (idempotent)"
        self.available += amount                   # 把预留的资源还回去
        self.frozen -= amount
        self.records[txid] = ("CANCELLED", amount)
        return "released"

    def __str__(self):
        return f"{self.name}: available={self.available} frozen={self.frozen}"


def run(txid, account, stock, amount, qty):
    print(f"{txid}: pay {amount}, take {qty} item(s)")
    tries = [account.try_(txid, amount), stock.try_(txid, qty)]
    print(f"  Try     -> account: {tries[0]} | stock: {tries[1]}")
    if all(t.startswith("ok") for t in tries):
        print(f"  Confirm -> account: {account.confirm(txid)} | stock: {stock.confirm(txid)}")
        print(f"  Confirm retried -> account: {account.confirm(txid)}")
    else:
        print(f"  Cancel  -> account: {account.cancel(txid)} | stock: {stock.cancel(txid)}")
        print(f"  Cancel retried  -> account: {account.cancel(txid)}")
    print(f"  {account} | {stock}")


account = ReservableResource("account", 100)
stock = ReservableResource("stock", 1)
run("t1", account, stock, 30, 1)       # 两个 Try 都成功 -> 两边都 Confirm
run("t2", account, stock, 30, 1)       # 库存的 Try 失败 -> 两边都 Cancel

print("t3: the Cancel reaches stock before the delayed Try")
print("  Cancel ->", stock.cancel("t3"))
print("  Try    ->", stock.try_("t3", 1))
print(f"  {stock}")
