"""TCC (Try-Confirm-Cancel) with the classic pitfalls handled (a simulation).

Try     : check and RESERVE resources (freeze money, hold stock); nothing final yet.
Confirm : use the reserved resources. Must be idempotent.
Cancel  : release the reservation. Must be idempotent, must allow an "empty
          rollback" (Cancel without Try) and must stop a late Try ("hanging").
Each service keeps a per-transaction record (txid -> status, amount) for this.
"""


class ReservableResource:
    def __init__(self, name, available):
        self.name, self.available, self.frozen = name, available, 0
        self.records = {}                          # txid -> (status, amount)

    def try_(self, txid, amount):
        status, _ = self.records.get(txid, (None, 0))
        if status == "CANCELLED":
            return "reject late Try (anti-hanging)"
        if status is not None:
            return "duplicate Try ignored"
        if self.available < amount:
            return "FAIL not enough available"
        self.available -= amount                   # reserve, do not spend yet
        self.frozen += amount
        self.records[txid] = ("TRIED", amount)
        return "ok reserved"

    def confirm(self, txid):
        status, amount = self.records[txid]
        if status == "CONFIRMED":
            return "confirm again: no-op (idempotent)"
        self.frozen -= amount                      # the reservation is used up
        self.records[txid] = ("CONFIRMED", amount)
        return "confirmed"

    def cancel(self, txid):
        status, amount = self.records.get(txid, (None, 0))
        if status is None:                         # Cancel arrived, Try never did
            self.records[txid] = ("CANCELLED", 0)
            return "empty rollback recorded"
        if status == "CANCELLED":
            return "cancel again: no-op (idempotent)"
        self.available += amount                   # give the reservation back
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
run("t1", account, stock, 30, 1)       # both Try succeed -> Confirm both
run("t2", account, stock, 30, 1)       # stock Try fails -> Cancel both

print("t3: the Cancel reaches stock before the delayed Try")
print("  Cancel ->", stock.cancel("t3"))
print("  Try    ->", stock.try_("t3", 1))
print(f"  {stock}")
