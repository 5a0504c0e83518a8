"""练习“有界缓冲区”的参考答案。"""
import collections
import threading


class BoundedBuffer:
    """线程安全的有界先进先出缓冲区。"""

    def __init__(self, capacity):
        """创建容量为 capacity 的空缓冲区。"""
        if capacity < 1:
            raise ValueError("capacity 至少为 1")
        self._capacity = capacity
        self._items = collections.deque()
        lock = threading.Lock()
        # 两个条件变量共用一把锁：生产者只等“不满”，消费者只等“不空”，
        # notify() 就不会叫醒同类线程而漏掉真正该醒的那一个。
        self._not_full = threading.Condition(lock)
        self._not_empty = threading.Condition(lock)

    def put(self, item, timeout=None):
        """放入 item；缓冲区满时等待，超过 timeout 秒仍然没有空位就抛出 TimeoutError。"""
        with self._not_full:
            # wait_for 在条件不满足时释放锁并睡眠，醒来后重新检查条件，能应对虚假唤醒
            if not self._not_full.wait_for(lambda: len(self._items) < self._capacity, timeout):
                raise TimeoutError("缓冲区已满")
            self._items.append(item)
            self._not_empty.notify()

    def get(self, timeout=None):
        """取出最早放入的元素；缓冲区空时等待，超过 timeout 秒仍然没有元素就抛出 TimeoutError。"""
        with self._not_empty:
            if not self._not_empty.wait_for(lambda: len(self._items) > 0, timeout):
                raise TimeoutError("缓冲区为空")
            item = self._items.popleft()
            self._not_full.notify()
            return item

    def __len__(self):
        """当前缓冲区里的元素个数。"""
        with self._not_empty:
            return len(self._items)
