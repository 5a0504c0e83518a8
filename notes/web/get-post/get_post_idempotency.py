"""幂等性（idempotency）演示：同一个请求重复发送多次，服务端的状态会怎样？

用一个内存中的“订单服务”模拟 REST 接口，不涉及网络。
幂等说的是“对服务端状态的影响”，不是“每次响应都一样”。
"""


class OrderService:
    def __init__(self):
        self.orders = {}
        self.next_id = 1
        self.seen_keys = {}     # Idempotency-Key -> 第一次处理的响应

    def handle(self, method, path, body=None, headers=None):
        headers = headers or {}
        if method == "POST" and path == "/orders":
            key = headers.get("Idempotency-Key")
            if key in self.seen_keys:           # 重试：直接返回第一次的结果
                return self.seen_keys[key]
            oid = self.next_id
            self.next_id += 1
            self.orders[oid] = dict(body)
            resp = (201, "/orders/%d" % oid)
            if key:
                self.seen_keys[key] = resp
            return resp
        oid = int(path.rsplit("/", 1)[1])
        if method == "GET":
            return (200, self.orders.get(oid)) if oid in self.orders else (404, None)
        if method == "PUT":                     # 整体替换：结果与执行次数无关
            created = oid not in self.orders
            self.orders[oid] = dict(body)
            return (201 if created else 200, None)
        if method == "DELETE":
            if oid in self.orders:
                del self.orders[oid]
                return (204, None)
            return (404, None)                  # 响应变了，但状态没有再变化
        if method == "PATCH":                   # 部分修改：是否幂等取决于操作本身
            order = self.orders[oid]
            for field, change in body.items():
                if isinstance(change, dict) and "inc" in change:
                    order[field] += change["inc"]   # “加 1” 不幂等
                else:
                    order[field] = change           # “设为 3” 幂等
            return (200, None)
        return (405, None)


def twice(svc, *request):
    first = svc.handle(*request)
    second = svc.handle(*request)
    print("%-6s %-10s -> %s, %s | orders=%s" % (request[0], request[1], first[0], second[0],
                                                 sorted(svc.orders.items())))


def main():
    svc = OrderService()
    print("1) POST is not idempotent: a retry creates a second order")
    twice(svc, "POST", "/orders", {"item": "pen", "qty": 1})

    print("2) PUT replaces the whole resource: same state after 1 or 2 calls")
    twice(svc, "PUT", "/orders/1", {"item": "pen", "qty": 5})

    print("3) PATCH depends on the operation")
    twice(svc, "PATCH", "/orders/1", {"qty": 3})
    twice(svc, "PATCH", "/orders/1", {"qty": {"inc": 1}})

    print("4) DELETE is idempotent: the response differs (204 then 404), the state does not")
    twice(svc, "DELETE", "/orders/2")

    print("5) GET is safe: it never changes the state")
    twice(svc, "GET", "/orders/1")

    print("6) POST with an Idempotency-Key: the retry returns the first result")
    first = svc.handle("POST", "/orders", {"item": "ink", "qty": 2}, {"Idempotency-Key": "k-77"})
    retry = svc.handle("POST", "/orders", {"item": "ink", "qty": 2}, {"Idempotency-Key": "k-77"})
    print("first:", first, "retry:", retry, "| order count:", len(svc.orders))


if __name__ == "__main__":
    main()
