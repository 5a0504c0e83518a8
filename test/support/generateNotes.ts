// Realistic generated notes for benchmarks and tests: Chinese bodies with English terms, about 5 KB
// each, headings, code, an occasional diagram, `note:` and relative links to other generated notes,
// tags, covers and three valid quiz questions. The same (count, seed) always gives the same notes.
import { seededRandom } from './seededRandom';

export interface GeneratedNote {
  /** Relative path, `<category>/<id>/<id>.md` like the bundled notes. */
  path: string;
  text: string;
}

const CATEGORIES = ['python', 'spider', 'web', 'database', 'other'];

const TOPICS: [string, string, string][] = [
  ['decorator', '装饰器', 'Decorators'],
  ['closure', '闭包', 'Closures'],
  ['partial-function', '偏函数', 'Partial functions'],
  ['coroutine', '协程', 'Coroutines'],
  ['thread-local', '线程局部变量', 'Thread-local data'],
  ['tcp-handshake', '三次握手', 'TCP handshake'],
  ['transaction', '事务', 'Transactions'],
  ['isolation-level', '隔离级别', 'Isolation levels'],
  ['cache-avalanche', '缓存雪崩', 'Cache avalanche'],
  ['load-balancing', '负载均衡', 'Load balancing'],
  ['reverse-proxy', '反向代理', 'Reverse proxy'],
  ['web-crawler', '网络爬虫', 'Web crawlers'],
  ['consistent-hashing', '一致性哈希', 'Consistent hashing'],
  ['message-queue', '消息队列', 'Message queues'],
  ['session-cookie', '会话与 Cookie', 'Sessions and cookies'],
];

const BODY_BYTES = 5000;
const TAGS = ['Python', '网络', '数据库', '并发', '缓存', 'HTTP', '分布式', '函数', '面试', 'Linux'];
const COVERS = ['functools.partial', 'functools.wraps', 'threading.local', 'asyncio.gather', 'yield', 'contextlib.contextmanager', 'socket.socket', 'sqlite3.connect'];

const SENTENCES = [
  '客户端发送 SYN 之后进入 SYN_SENT 状态，这就是三次握手的第一步。',
  '主动关闭连接的一方会进入 TIME_WAIT，等待两倍的 MSL 再释放端口。',
  '事务的四个特性是原子性、一致性、隔离性和持久性，合称 ACID。',
  '大量缓存在同一时刻过期会造成缓存雪崩，请求直接压到数据库上。',
  '负载均衡可以按轮询、加权轮询或最少连接把请求分给后端服务器。',
  '装饰器（decorator）在定义函数时执行，返回的新函数替换原来的名字。',
  '`functools.partial` 固定函数的部分参数，返回一个新的可调用对象。',
  '生成器函数里的 yield 会暂停执行，并把值交给调用方。',
  '拥塞窗口决定了发送方在收到确认之前最多能发送多少数据。',
  '一致性哈希把节点和键都映射到一个环上，增删节点时只影响相邻的一段。',
  'The event loop runs one coroutine at a time and switches at each await.',
  'A reverse proxy hides the servers behind it and can cache static responses.',
  'Isolation levels trade consistency for concurrency: read committed allows non-repeatable reads.',
  'Thread-local data gives each thread its own copy of a variable.',
];


interface Plan {
  id: string;
  title: string;
  titleEn: string;
  category: string;
  order: number;
}

export function generateNotes(count: number, seed: number): GeneratedNote[] {
  const next = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const some = <T>(list: readonly T[], howMany: number): T[] => [...new Set(Array.from({ length: howMany }, () => pick(list)))];
  const orders = new Map<string, number>();
  const plans: Plan[] = Array.from({ length: count }, (_, i) => {
    const [topic, title, titleEn] = TOPICS[i % TOPICS.length];
    const category = CATEGORIES[i % CATEGORIES.length];
    const order = (orders.get(category) ?? 0) + 1;
    orders.set(category, order);
    return { id: `${topic}-${i + 1}`, title: `${title} ${i + 1}`, titleEn: `${titleEn} ${i + 1}`, category, order };
  });
  const file = (plan: Plan): string => `${plan.category}/${plan.id}/${plan.id}.md`;

  return plans.map((plan) => {
    const others = plans.length > 1 ? plans.filter((other) => other !== plan) : [];
    const related = others.length > 0 ? some(others, 3).map((other) => other.id) : [];
    const sections = ['概念', '工作原理', '代码示例', '常见问题', '面试要点', '小结'];
    const body: string[] = [];
    let bytes = 0;
    const add = (...lines: string[]): void => {
      for (const line of lines) bytes += Buffer.byteLength(line) + 1;
      body.push(...lines);
    };
    add(`# ${plan.title}`, '');
    for (const [s, section] of sections.entries()) {
      add(`## ${section}`, '');
      while (bytes < ((s + 1) * BODY_BYTES) / sections.length) {
        const sentences = Array.from({ length: 4 }, () => pick(SENTENCES));
        if (others.length > 0 && next() < 0.5) {
          const other = pick(others);
          sentences.push(next() < 0.5 ? `参见[${other.title}](note:${other.id})。` : `参见[${other.title}](../../${file(other)})。`);
        }
        add(sentences.join(''), '');
      }
      if (section === '代码示例') {
        add('```python', 'import functools', '', 'def power(base, exponent):', '    return base ** exponent', '',
          'square = functools.partial(power, exponent=2)', 'print(square(7))', '```', '');
      }
      if (section === '工作原理' && next() < 0.3) {
        add('```mermaid', 'sequenceDiagram', '    participant C as 客户端', '    participant S as 服务器', '    C->>S: SYN', '    S->>C: SYN+ACK', '    C->>S: ACK', '```', '');
      }
    }
    const quiz = [
      `  - id: ${plan.id}-choice`, '    type: single', `    question: ${JSON.stringify(`关于${plan.title}，哪一项正确？`)}`,
      '    choices: ["原子性", "随机性", "可见性", "顺序性"]', `    answer: ${Math.floor(next() * 4)}`,
      '    explanation: "ACID 中的 A 是原子性。"', '    ref: 概念',
      `  - id: ${plan.id}-truefalse`, '    type: truefalse', '    question: "TIME_WAIT 出现在主动关闭的一方。"', '    answer: true',
      '    explanation: "主动关闭方等待 2MSL。"', '    ref: 工作原理',
      `  - id: ${plan.id}-output`, '    type: output', '    question: "下面的代码输出什么？"', '    code: |', '      print(7 ** 2)', '    answer: "49"',
      '    explanation: "7 的平方是 49。"', '    ref: 代码示例',
    ];
    const frontMatter = [
      '---', `id: ${plan.id}`, `title: ${JSON.stringify(plan.title)}`, `titleEn: ${JSON.stringify(plan.titleEn)}`, `category: ${plan.category}`,
      `order: ${plan.order}`, `summary: ${JSON.stringify(`${plan.title}（${plan.titleEn}）：${pick(SENTENCES)}`)}`,
      `tags: ${JSON.stringify(some(TAGS, 3))}`, `related: ${JSON.stringify(related)}`, `covers: ${JSON.stringify(some(COVERS, 2))}`,
      'quiz:', ...quiz, '---',
    ];
    return { path: file(plan), text: `${frontMatter.join('\n')}\n${body.join('\n')}` };
  });
}
