"""死锁：两个线程以相反顺序获取两把锁。用带超时的 acquire 演示，再用固定加锁顺序修复。"""
import threading

lock_a = threading.Lock()
lock_b = threading.Lock()


def opposite_order_demo():
    both_hold_first = threading.Barrier(2)
    both_tried = threading.Barrier(2)
    outcome = {}

    def task(name, first, second):
        with first:
            both_hold_first.wait()  # 确保两个线程都已经拿到了第一把锁
            got = second.acquire(timeout=0.2)  # 没有超时的话，这里会永远等下去
            outcome[name] = got
            both_tried.wait()  # 两边都尝试过之后才释放第一把锁
            if got:
                second.release()

    t1 = threading.Thread(target=task, args=("t1 (A then B)", lock_a, lock_b))
    t2 = threading.Thread(target=task, args=("t2 (B then A)", lock_b, lock_a))
    t1.start()
    t2.start()
    t1.join()
    t2.join()
    for name in sorted(outcome):
        print(f"{name} got its second lock: {outcome[name]}")


def fixed_order_demo():
    finished = []
    finished_lock = threading.Lock()

    def task(name):
        with lock_a:  # 所有线程都按 A -> B 的固定顺序加锁
            with lock_b:
                with finished_lock:
                    finished.append(name)

    threads = [threading.Thread(target=task, args=(f"t{i}",)) for i in range(1, 3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print("fixed order, finished:", sorted(finished))


print("--- opposite order: circular wait ---")
opposite_order_demo()
print("--- same order: no deadlock ---")
fixed_order_demo()
