"""练习：用 threading.Condition 实现一个有界缓冲区（简化版的 queue.Queue(maxsize)）。

要求：
- BoundedBuffer(capacity) 最多存放 capacity 个元素，capacity 小于 1 时抛出 ValueError；
- put(item) 在缓冲区满时阻塞，直到有空位；get() 在缓冲区空时阻塞，直到有元素；
- 元素先进先出；
- timeout 为 None 表示一直等；为数字时最多等这么多秒，等不到就抛出内置的 TimeoutError；
- 可以被任意多个生产者线程和消费者线程同时使用，不丢元素、不重复、不超出容量；
- 不要用 queue 模块，也不要忙等（while True 加 sleep 轮询）。
"""
import collections
import threading


class BoundedBuffer:
    """线程安全的有界先进先出缓冲区。"""

    def __init__(self, capacity):
        """创建容量为 capacity 的空缓冲区。"""
        raise NotImplementedError("在这里实现 __init__")

    def put(self, item, timeout=None):
        """放入 item；缓冲区满时等待，超过 timeout 秒仍然没有空位就抛出 TimeoutError。"""
        raise NotImplementedError("在这里实现 put")

    def get(self, timeout=None):
        """取出最早放入的元素；缓冲区空时等待，超过 timeout 秒仍然没有元素就抛出 TimeoutError。"""
        raise NotImplementedError("在这里实现 get")

    def __len__(self):
        """当前缓冲区里的元素个数。"""
        raise NotImplementedError("在这里实现 __len__")
