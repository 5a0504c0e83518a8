// Text the real-world-shaped fixtures are made of: Chinese study-note sentences, section names and
// short code listings, all written for this project (no text copied from any public repository).

/** `count` sentences from `bank`, no sentence twice in a row. */
export function distinctSentences(count: number, bank: readonly string[], next: () => number): string {
  const chosen: string[] = [];
  while (chosen.length < count) {
    const sentence = bank[Math.floor(next() * bank.length)];
    if (sentence !== chosen[chosen.length - 1]) chosen.push(sentence);
  }
  return chosen.join('');
}

/** General computer-science sentences for note bodies. None of them mentions "GIL". */
export const SENTENCES: readonly string[] = [
  '传输层为运行在不同主机上的进程提供逻辑通信，网络层只负责把分组送到目标主机。',
  'TCP 在发送数据之前要先建立连接，通信结束后还要经过四次挥手才能完全释放。',
  'UDP 不保证可靠交付，但首部只有 8 个字节，适合对实时性要求高的场景。',
  '滑动窗口让发送方在没有收到确认时也能连续发送多个报文段。',
  '当网络出现拥塞时，发送方会把拥塞窗口减半，然后进入拥塞避免阶段。',
  'DNS 查询通常先查本地缓存，找不到再依次询问根域名服务器、顶级域名服务器和权威服务器。',
  'HTTP 是无状态协议，服务器不会记住同一个客户端之前发来的请求。',
  'Cookie 保存在浏览器里，每次请求都会自动带上，所以不适合存放敏感信息。',
  'HTTPS 先用非对称加密交换会话密钥，之后的通信都用对称加密完成。',
  '进程是资源分配的基本单位，线程是调度的基本单位。',
  '同一个进程里的多个线程共享地址空间，因此线程切换的开销比进程小得多。',
  '死锁的四个必要条件是互斥、占有并等待、不可抢占和循环等待。',
  '虚拟内存让每个进程都以为自己独占了一段连续的地址空间。',
  '发生缺页中断时，操作系统会把需要的页面从磁盘调入内存。',
  'LRU 页面置换算法淘汰的是最近最久没有被访问的页面。',
  '索引可以大大加快查询速度，但会降低插入和更新的效率。',
  'B+ 树的数据都存放在叶子节点上，叶子节点之间用指针相连，便于范围查询。',
  '事务的隔离级别越高，并发性能通常越差。',
  '在可重复读级别下，同一个事务里多次读取同一行得到的结果相同。',
  '缓存穿透指的是查询一个根本不存在的数据，请求每次都会落到数据库上。',
  '给缓存的过期时间加上一个随机值，可以避免大量键在同一时刻失效。',
  'Redis 的有序集合在元素较多时使用跳表实现，查找的平均复杂度是对数级别。',
  '主从复制可以分担读请求，但写请求仍然只能交给主节点处理。',
  'HashMap 在链表过长时会把它转换成红黑树，以减少查找时间。',
  'ArrayList 扩容时会创建一个更大的数组，再把原有元素复制过去。',
  'volatile 关键字保证了变量的可见性，但不能保证复合操作的原子性。',
  '线程池可以复用已经创建好的线程，避免频繁创建和销毁带来的开销。',
  '双指针常用来处理有序数组，一个指针从头开始，另一个从尾部开始。',
  '动态规划的关键是找出状态转移方程，并确定边界条件。',
  '二分查找要求数据有序，每次比较都能排除一半的候选元素。',
  '快速排序的平均时间复杂度是 O(n log n)，但在最坏情况下会退化成 O(n²)。',
  '单例模式保证一个类只有一个实例，并提供一个全局访问点。',
  '工厂方法把对象的创建推迟到子类，调用方只依赖抽象接口。',
  '好的变量名能够说明它存的是什么，而不是它是怎么算出来的。',
  '注释应当解释代码为什么这样写，而不是重复代码已经说清楚的事情。',
  '一个函数最好只做一件事，这样它的名字才能准确地描述它的行为。',
  '嵌套过深的条件判断可以通过提前返回来拉平。',
  '分布式系统很难同时满足一致性、可用性和分区容忍性。',
  '一致性哈希在增加或删除节点时，只需要迁移少量的数据。',
  '分布式锁必须设置过期时间，否则持有锁的节点宕机后锁将永远无法释放。',
  '消息队列可以把耗时的操作异步化，同时起到削峰填谷的作用。',
  '在 Linux 中一切皆文件，设备、管道和套接字都可以用文件描述符来访问。',
  '管道把前一个命令的标准输出连接到后一个命令的标准输入。',
  '使用 chmod 修改权限时，数字 7 表示读、写和执行权限都有。',
  '面试官更看重你分析问题的思路，而不只是最后的答案。',
  '回答问题时先给出结论，再补充原理和例子，会显得更有条理。',
  '这一部分内容在实际项目中经常用到，建议动手写一个小例子加深理解。',
  '复习时可以先看每一节的小结，再回头阅读细节。',
  '很多问题没有标准答案，说清楚取舍比背诵结论更重要。',
  '如果只记住一句话，那就是：先测量，再优化。',
];

/** Sentences about Python for the interview README. None of them mentions "GIL". */
export const PYTHON_SENTENCES: readonly string[] = [
  'Python 中的变量保存的是对象的引用，函数参数传递的也是引用。',
  '不可变对象在“修改”时会创建新的对象，可变对象则在原地修改。',
  '生成器按需产生数据，因此处理大文件时可以节省大量内存。',
  '装饰器本质上是一个接收函数并返回新函数的可调用对象。',
  '闭包会记住定义它时外层作用域中的变量。',
  'with 语句在代码块结束时自动调用上下文管理器的退出方法，即使中途抛出了异常。',
  '列表推导式通常比等价的 for 循环更简洁，也略快一些。',
  '深拷贝会递归复制所有嵌套的对象，浅拷贝只复制最外面一层。',
  '协程在遇到 await 时让出控制权，事件循环再去执行别的任务。',
  '元类是创建类的类，日常开发中很少需要自己编写。',
  '字典在 Python 3.7 之后保证按插入顺序迭代。',
  '默认参数只在函数定义时求值一次，所以不要用可变对象作为默认值。',
  '鸭子类型关心的是对象能做什么，而不是它属于哪个类。',
  '垃圾回收以引用计数为主，再用分代回收处理循环引用。',
  '回答这类题目时，最好能当场写出几行代码来验证自己的说法。',
];

export const SECTION_NAMES: readonly string[] = [
  '概述', '基本概念', '工作原理', '实现细节', '常见问题', '性能优化', '使用场景', '注意事项', '典型例题',
  '对比与选择', '源码分析', '面试要点', '小结', '延伸阅读',
];

export const CHINESE_NUMBERS: readonly string[] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

export type CodeLanguage = 'python' | 'java' | 'sql' | 'bash' | 'c';

/** Short listings per language; the python, sql, bash and c ones have lines starting with `#`. */
export const CODE: Record<CodeLanguage, readonly string[]> = {
  python: [
    [
      '# 统计每个单词出现的次数',
      'from collections import Counter',
      '',
      'def top_words(text, n=3):',
      '    # 先统一转成小写再切分',
      '    words = text.lower().split()',
      '    return Counter(words).most_common(n)',
      '',
      'print(top_words("a b a c b a"))',
    ].join('\n'),
    [
      '# 二分查找：返回第一个不小于 target 的位置',
      'def lower_bound(nums, target):',
      '    lo, hi = 0, len(nums)',
      '    while lo < hi:',
      '        mid = (lo + hi) // 2',
      '        if nums[mid] < target:',
      '            lo = mid + 1',
      '        else:',
      '            hi = mid',
      '    return lo',
    ].join('\n'),
    [
      '# # 这一行以两个井号开头，但它在代码块里，不是标题',
      'cache = {}',
      '',
      'def fib(n):',
      '    if n < 2:',
      '        return n',
      '    if n not in cache:',
      '        cache[n] = fib(n - 1) + fib(n - 2)',
      '    return cache[n]',
    ].join('\n'),
  ],
  java: [
    [
      '// 双重检查锁定的单例',
      'public class Singleton {',
      '    private static volatile Singleton instance;',
      '',
      '    private Singleton() {}',
      '',
      '    public static Singleton getInstance() {',
      '        if (instance == null) {',
      '            synchronized (Singleton.class) {',
      '                if (instance == null) {',
      '                    instance = new Singleton();',
      '                }',
      '            }',
      '        }',
      '        return instance;',
      '    }',
      '}',
    ].join('\n'),
    [
      'ExecutorService pool = Executors.newFixedThreadPool(4);',
      'Future<Integer> result = pool.submit(() -> 1 + 2);',
      'System.out.println(result.get());',
      'pool.shutdown();',
    ].join('\n'),
  ],
  sql: [
    [
      '# MySQL 也支持以井号开头的注释',
      'SELECT name, COUNT(*) AS cnt',
      'FROM orders',
      '-- 按用户分组',
      'GROUP BY name',
      'HAVING cnt > 1;',
    ].join('\n'),
    [
      '# 在 (a, b) 上建立联合索引',
      'CREATE INDEX idx_a_b ON t (a, b);',
      '# 能用上索引：满足最左前缀',
      'EXPLAIN SELECT * FROM t WHERE a = 1 AND b > 2;',
    ].join('\n'),
  ],
  bash: [
    [
      '# 查看监听 80 端口的进程',
      "ss -ltnp | grep ':80 '",
      '# 统计当前目录下的文件个数',
      'ls -1 | wc -l',
    ].join('\n'),
    [
      '#!/bin/bash',
      '# 每天凌晨备份一次数据目录',
      'tar -czf "backup-$(date +%F).tar.gz" /data',
    ].join('\n'),
  ],
  c: [
    [
      '#include <stdio.h>',
      '#define MAX 10',
      '',
      'int main(void) {',
      '    int a[MAX];',
      '    for (int i = 0; i < MAX; i++) a[i] = i * i;',
      '    printf("%d\\n", a[MAX - 1]);',
      '    return 0;',
      '}',
    ].join('\n'),
    [
      '#include <pthread.h>',
      '',
      'pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;',
      'int counter = 0;',
      '',
      'void *work(void *arg) {',
      '    pthread_mutex_lock(&lock);',
      '    counter++;',
      '    pthread_mutex_unlock(&lock);',
      '    return NULL;',
      '}',
    ].join('\n'),
  ],
};

/** Tables whose cells hold `</br>` line breaks, the way many study notes write them. */
export const TABLES_WITH_BR: readonly string[] = [
  [
    '| 协议 | 特点 | 首部 |',
    '| :---: | :---: | :---: |',
    '| TCP | 面向连接</br>可靠传输 | 20 字节</br>最多 60 字节 |',
    '| UDP | 无连接</br>尽最大努力交付 | 8 字节 |',
  ].join('\n'),
  [
    '| 隔离级别 | 脏读 | 不可重复读 | 幻读 |',
    '| :---: | :---: | :---: | :---: |',
    '| 读未提交 | √ | √ | √ |',
    '| 读已提交 | × | √ | √ |',
    '| 可重复读</br>（MySQL 默认） | × | × | √ |',
    '| 串行化 | × | × | × |',
  ].join('\n'),
  [
    '| 命令 | 作用 | 例子 |',
    '| --- | --- | --- |',
    '| grep | 按模式查找行 | grep -n main</br>grep -r TODO . |',
    '| awk | 按列处理文本 | awk \'{print $1}\' |',
  ].join('\n'),
];
