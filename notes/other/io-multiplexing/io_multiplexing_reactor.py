"""一个几十行的 Reactor：就绪队列、定时器堆和选择器，像 asyncio 的事件循环那样分派回调。"""
import collections
import heapq
import itertools
import selectors
import socket
import time


class Reactor:
    def __init__(self):
        self.selector = selectors.DefaultSelector()
        self.ready = collections.deque()         # 就绪队列：(回调, 参数)
        self.timers = []                         # 定时器堆：(到期时间, 序号, 回调, 参数)
        self.counter = itertools.count()
        self.stopping = False

    def call_soon(self, callback, *args):
        self.ready.append((callback, args))

    def call_later(self, delay, callback, *args):
        when = time.monotonic() + delay
        heapq.heappush(self.timers, (when, next(self.counter), callback, args))

    def add_reader(self, sock, callback, *args):
        self.selector.register(sock, selectors.EVENT_READ, (callback, args))

    def remove_reader(self, sock):
        self.selector.unregister(sock)

    def stop(self):
        self.stopping = True

    def run_once(self):
        # 1. 算出最多能等多久：有就绪回调就不等，否则等到最近的定时器到期
        if self.ready:
            timeout = 0
        elif self.timers:
            timeout = max(0.0, self.timers[0][0] - time.monotonic())
        else:
            timeout = None
        # 2. 等 I/O 就绪（I/O 多路复用），把就绪的回调放进队列
        for key, _mask in self.selector.select(timeout):
            callback, args = key.data
            self.ready.append((callback, (key.fileobj,) + args))
        # 3. 把到期的定时器放进队列
        now = time.monotonic()
        while self.timers and self.timers[0][0] <= now:
            _when, _n, callback, args = heapq.heappop(self.timers)
            self.ready.append((callback, args))
        # 4. 只运行这一轮之前已经就绪的回调，回调里新加的留到下一轮
        for _ in range(len(self.ready)):
            callback, args = self.ready.popleft()
            callback(*args)                      # 回调必须很快返回，不能阻塞

    def run(self):
        while not self.stopping:
            self.run_once()
        self.selector.close()


reactor = Reactor()
left, right = socket.socketpair()
left.setblocking(False)
right.setblocking(False)
messages = []


def on_readable(sock, name):
    data = sock.recv(1024)
    messages.append(data)
    print(f"{name} got {data.decode()}")
    n = int(data.split()[1])
    if name == "right":
        sock.send(f"pong {n}".encode())          # right 回复 pong
    elif n < 3:
        sock.send(f"ping {n + 1}".encode())      # left 继续下一轮 ping


def start():
    print("call_soon: start, send ping 1")
    left.send(b"ping 1")


def report():
    print("timer 0.15 s: messages exchanged:", len(messages))


def shutdown():
    print("timer 0.30 s: remove readers and stop")
    reactor.remove_reader(left)
    reactor.remove_reader(right)
    left.close()
    right.close()
    reactor.stop()


reactor.add_reader(left, on_readable, "left")
reactor.add_reader(right, on_readable, "right")
reactor.call_later(0.30, shutdown)
reactor.call_later(0.15, report)                # 后登记却先到期：定时器按到期时间排序
reactor.call_soon(start)
reactor.call_soon(print, "call_soon: runs in FIFO order")
began = time.monotonic()
reactor.run()
print("finished in under 1 s:", time.monotonic() - began < 1)
