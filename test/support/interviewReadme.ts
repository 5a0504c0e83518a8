// One long interview README (issue 12.5) to open with "Open Markdown File as Topics": a `#` title
// line, a table-of-contents block, then 13 `#` categories (two share a title) holding 90 `##`
// questions, some with `###` sub-sections, some empty, some titled with links, emphasis, inline code
// or escapes, and code blocks whose lines start with `#`. About 70 KB; our own text.
import fs from 'node:fs';
import path from 'node:path';
import { seededRandom } from './seededRandom';
import { CODE, PYTHON_SENTENCES, SENTENCES, TABLES_WITH_BR, distinctSentences } from './realWorldText';

export interface InterviewTopic {
  /** Plain-text title the split should show: links and emphasis stripped, numbering kept. */
  title: string;
  /** The heading line as written in the file. */
  heading: string;
  category: string;
  /** Index into `categories` (two categories share a title). */
  categoryIndex: number;
  /** True when the question has no body at all (its heading is followed by the next heading). */
  empty: boolean;
  /** Plain texts of the `###` headings that stay inside this topic's body. */
  subsections: string[];
  /** 0-based line of the heading in the file. */
  line: number;
  /** First line of the body (non-empty questions). */
  firstLine?: string;
}

export interface InterviewManifest {
  bytes: number;
  /** The `#` title line's text, or undefined with `{ title: false }`. */
  title?: string;
  /** The table-of-contents block: its heading, 0-based first and last lines, number of anchor items. */
  toc: { heading: string; firstLine: number; lastLine: number; entries: number };
  /** Category titles in file order (the split's categories). */
  categories: string[];
  /** Every `##` question in file order, empty ones included. */
  topics: InterviewTopic[];
  /** "GIL" is in one question's title and, elsewhere, only in the body of `bodyOnlyTopic`. */
  mentions: { term: string; titleTopic: string; bodyOnlyTopic: string };
  /** Lines inside code blocks that start with `#` (none of them is a heading). */
  hashLinesInCode: string[];
}

export interface InterviewReadmeOptions {
  seed: number;
  /** Write the `#` title line (default true). Without it the file's only `#` headings are the 13 categories. */
  title?: boolean;
  /** Approximate size in bytes (default 70 KB). */
  targetBytes?: number;
}

interface Question {
  heading: string;
  title: string;
  empty?: boolean;
  subs?: string[];
  /** A block after the first paragraph: a code block, an indented code block or a table. */
  block?: string;
  mention?: 'title' | 'body';
}

const q = (heading: string, title = heading, extra: Omit<Question, 'heading' | 'title'> = {}): Question => ({ heading, title, ...extra });
const py = (...lines: string[]): string => `\`\`\`python\n${lines.join('\n')}\n\`\`\``;

const CATEGORIES: { title: string; python: boolean; questions: Question[] }[] = [
  { title: 'Python 基础', python: true, questions: [
    q('1 函数参数是传值还是传引用？', undefined, { block: py('def append_one(items):', '    # 修改的是调用方传进来的同一个列表', '    items.append(1)', '', 'numbers = []', 'append_one(numbers)', 'print(numbers)  # [1]') }),
    q('2 @staticmethod 和 @classmethod 有什么区别？', undefined, { block: py('class Demo:', '    @staticmethod', '    def add(a, b):', '        return a + b', '', '    @classmethod', '    def create(cls):', '        # cls 是 Demo 本身或它的子类', '        return cls()') }),
    q('3 类变量和实例变量', undefined, { subs: ['类变量', '实例变量'] }),
    q('4 什么是 [GIL](https://example.com/python/glossary#gil)？', '4 什么是 GIL？', { mention: 'title' }),
    q('5 **可变**对象与*不可变*对象', '5 可变对象与不可变对象'),
    q('6 `is` 和 `==` 的区别', '6 is 和 == 的区别'),
    q('7 列表推导式与生成器表达式', undefined, { subs: ['列表推导式', '生成器表达式'] }),
    q('8 \\*args 和 \\*\\*kwargs', '8 *args 和 **kwargs'),
    q('9 字符串格式化的几种方式', undefined, { empty: true }),
  ] },
  { title: 'Python 进阶', python: true, questions: [
    q('10 装饰器的原理', undefined, { subs: ['不带参数的装饰器', '带参数的装饰器'], block: py('import functools', '', 'def repeat(times):', '    # 第一层接收参数，第二层接收函数', '    def decorator(func):', '        @functools.wraps(func)', '        def wrapper(*args, **kwargs):', '            for _ in range(times - 1):', '                func(*args, **kwargs)', '            return func(*args, **kwargs)', '        return wrapper', '    return decorator') }),
    q('11 闭包是什么？'),
    q('12 迭代器和生成器', undefined, { block: '~~~python\n# 用生成器逐行读取大文件\ndef read_lines(path):\n    with open(path, encoding="utf-8") as f:\n        for line in f:\n            yield line.rstrip("\\n")\n~~~' }),
    q('13 上下文管理器与 with 语句', undefined, { block: '下面是一个缩进的代码块：\n\n    # 缩进四个空格的代码块，这一行也不是标题\n    with open("a.txt") as f:\n        data = f.read()' }),
    q('14 深拷贝与浅拷贝'),
    q('15 元类', undefined, { empty: true }),
    q('16 `__new__` 和 `__init__` 的区别', '16 __new__ 和 __init__ 的区别'),
    q('17 多线程适合计算密集型任务吗？', undefined, { mention: 'body', block: py('# 计算密集型任务换成多进程', 'from concurrent.futures import ProcessPoolExecutor', '', 'def square(n):', '    return n * n', '', 'if __name__ == "__main__":', '    with ProcessPoolExecutor() as pool:', '        print(list(pool.map(square, range(5))))') }),
  ] },
  { title: '数据结构与算法', python: true, questions: [
    q('18 两数之和', undefined, { block: py('# 用字典记住见过的数', 'def two_sum(nums, target):', '    seen = {}', '    for i, n in enumerate(nums):', '        if target - n in seen:', '            return seen[target - n], i', '        seen[n] = i') }),
    q('19 反转链表', undefined, { block: py('# 反转单链表', 'def reverse(head):', '    prev = None', '    while head:', '        head.next, prev, head = prev, head, head.next', '    return prev') }),
    q('20 二分查找的边界', undefined, { block: `\`\`\`python\n${CODE.python[1]}\n\`\`\`` }),
    q('21 快速排序', undefined, { subs: ['分区', '复杂度'] }),
    q('22 LRU 缓存的实现', undefined, { block: py('from collections import OrderedDict', '', 'class LRUCache:', '    # 最近用过的键放在末尾', '    def __init__(self, capacity):', '        self.capacity = capacity', '        self.data = OrderedDict()', '', '    def get(self, key):', '        if key not in self.data:', '            return -1', '        self.data.move_to_end(key)', '        return self.data[key]') }),
    q('23 [动态规划](https://example.com/algorithms/dp)入门', '23 动态规划入门'),
    q('24 二叉树的层序遍历'),
    q('25 堆与优先队列', undefined, { empty: true }),
  ] },
  { title: '操作系统', python: false, questions: [
    q('26 进程与线程的区别'),
    q('27 死锁的必要条件'),
    q('28 虚拟内存'),
    q('29 页面置换算法', undefined, { subs: ['FIFO', 'LRU'] }),
    q('30 select、poll 和 epoll', undefined, { block: `\`\`\`c\n${CODE.c[0]}\n\`\`\`` }),
    q('31 僵尸进程与孤儿进程'),
    q('32 用户态与内核态', undefined, { empty: true }),
  ] },
  { title: '计算机网络', python: false, questions: [
    q('33 三次握手'),
    q('34 四次挥手与 TIME_WAIT'),
    q('35 TCP 与 UDP 的区别', undefined, { block: TABLES_WITH_BR[0] }),
    q('36 从输入网址到页面显示发生了什么？', undefined, { subs: ['DNS 解析', '建立连接', '渲染页面'], block: '```text\n## 下面是一段原样输出，这一行不是标题\nGET / HTTP/1.1\nHost: example.com\n```' }),
    q('37 HTTP 与 HTTPS'),
    q('38 GET 和 POST 的区别'),
    q('39 常见的 HTTP 状态码'),
    q('40 Cookie 和 Session', undefined, { empty: true }),
  ] },
  { title: '数据库', python: false, questions: [
    q('41 事务的 ACID 特性'),
    q('42 隔离级别', undefined, { block: TABLES_WITH_BR[1] }),
    q('43 索引为什么用 B+ 树？'),
    q('44 最左前缀原则', undefined, { block: `\`\`\`sql\n${CODE.sql[1]}\n\`\`\`` }),
    q('45 乐观锁与悲观锁'),
    q('46 慢查询优化', undefined, { subs: ['使用 EXPLAIN', '避免全表扫描'], block: `\`\`\`sql\n${CODE.sql[0]}\n\`\`\`` }),
    q('47 分库分表', undefined, { empty: true }),
  ] },
  { title: 'Redis 与缓存', python: false, questions: [
    q('48 Redis 为什么快？'),
    q('49 缓存穿透、击穿与雪崩', undefined, { subs: ['缓存穿透', '缓存击穿', '缓存雪崩'] }),
    q('50 持久化：RDB 与 AOF'),
    q('51 过期键的删除策略'),
    q('52 分布式锁'),
    q('53 Redis 集群'),
  ] },
  { title: 'Web 框架', python: true, questions: [
    q('54 WSGI 是什么？'),
    q('55 Django 的请求生命周期'),
    q('56 中间件的执行顺序'),
    q('57 ORM 的 N+1 查询问题'),
    q('58 Flask 的应用上下文与请求上下文'),
    q('59 CSRF 攻击与防御'),
    q('60 RESTful 接口设计', undefined, { empty: true }),
  ] },
  { title: '网络爬虫', python: true, questions: [
    q('61 robots 协议的作用'),
    q('62 常见的反爬手段'),
    q('63 如何处理动态加载的页面？'),
    q('64 使用代理池'),
    q('65 请求去重'),
    q('66 增量抓取', undefined, { empty: true }),
  ] },
  { title: 'Linux 与 Shell', python: false, questions: [
    q('67 查看端口占用', undefined, { block: `\`\`\`bash\n${CODE.bash[0]}\n\`\`\`` }),
    q('68 软链接与硬链接'),
    q('69 文件权限'),
    q('70 常用的文本处理命令', undefined, { subs: ['grep', 'awk', 'sed'], block: TABLES_WITH_BR[2] }),
    q('71 后台运行进程', undefined, { block: `\`\`\`bash\n${CODE.bash[1]}\n\`\`\`` }),
    q('72 crontab 定时任务'),
  ] },
  { title: '设计模式', python: true, questions: [
    q('73 单例模式', undefined, { subs: ['模块级单例', '使用类方法'], block: py('# 模块在第一次导入时执行，之后直接复用', 'class _Config:', '    pass', '', 'config = _Config()') }),
    q('74 工厂模式'),
    q('75 观察者模式'),
    q('76 策略模式'),
    q('77 适配器模式'),
    q('78 装饰器模式与 Python 装饰器', undefined, { empty: true }),
  ] },
  { title: '数据库', python: false, questions: [
    q('79 MySQL 与 PostgreSQL 的区别'),
    q('80 MongoDB 适合什么场景？'),
    q('81 连接池'),
    q('82 主从复制的延迟'),
    q('83 SQL 注入', undefined, { block: py('# 错误写法：把用户输入直接拼进 SQL', 'cursor.execute("SELECT * FROM users WHERE name = \'%s\'" % name)', '# 正确写法：使用参数化查询', 'cursor.execute("SELECT * FROM users WHERE name = ?", (name,))') }),
    q('84 数据库范式', undefined, { subs: ['第一范式', '第二范式', '第三范式'] }),
  ] },
  { title: '综合问题', python: false, questions: [
    q('85 如何设计一个短网址服务？', undefined, { subs: ['生成短码', '存储与跳转'] }),
    q('86 高并发系统的设计思路'),
    q('87 你最近在学什么？'),
    q('88 *项目中遇到的最大困难*', '88 项目中遇到的最大困难'),
    q('89 [Git](https://example.com/git) 工作流', '89 Git 工作流'),
    q('90 有什么想问面试官的？', undefined, { empty: true }),
  ] },
];

const TITLE = 'Python 后端面试题整理';
const TOC_HEADING = '目录';
const GIL_TITLE_TEXT = 'GIL 是 CPython 的全局解释器锁，它保证同一时刻只有一个线程在执行 Python 字节码。';
const GIL_BODY_TEXT = '在 CPython 中，因为 GIL 的存在，多个线程不能同时执行字节码，所以计算密集型任务更适合用多进程。';

const escapeMarkdown = (text: string): string => text.replace(/[\\`*_[\]<>]/g, '\\$&');

/** GitHub-style anchors, with `-1`, `-2` for repeats, for the TOC block. */
function anchors(): (text: string) => string {
  const seen = new Map<string, number>();
  return (text) => {
    const base = text.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/ /g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n === 0 ? base : `${base}-${n}`;
  };
}

/** The README's text and manifest, without touching the disk. */
export function interviewReadmeText(options: InterviewReadmeOptions): { text: string; manifest: InterviewManifest } {
  const next = seededRandom(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const target = options.targetBytes ?? 70 * 1024;
  const withTitle = options.title ?? true;

  // Bodies first (intro blocks before any `###`, then the sub-sections), so filler paragraphs can be
  // added until the file reaches its size.
  interface Body { question: Question; category: number; intro: string[]; subs: [string, string[]][] }
  const bodies: Body[] = [];
  for (const [c, category] of CATEGORIES.entries()) {
    const bank = category.python ? PYTHON_SENTENCES : SENTENCES;
    const sentences = (n: number): string => distinctSentences(n, bank, next);
    for (const question of category.questions) {
      const body: Body = { question, category: c, intro: [], subs: [] };
      if (!question.empty) {
        const first = question.mention === 'title' ? GIL_TITLE_TEXT : question.mention === 'body' ? GIL_BODY_TEXT : sentences(1);
        body.intro.push(`${first}${sentences(1 + Math.floor(next() * 2))}`);
        if (question.block) body.intro.push(question.block);
        for (const sub of question.subs ?? []) body.subs.push([sub, [sentences(2)]]);
      }
      bodies.push(body);
    }
  }

  const render = (): { text: string; manifest: InterviewManifest } => {
    const lines: string[] = [];
    const anchor = anchors();
    if (withTitle) lines.push(`# ${TITLE}`, '');
    const tocFirst = lines.length;
    lines.push(`## ${TOC_HEADING}`, '');
    let entries = 0;
    for (const [c, category] of CATEGORIES.entries()) {
      lines.push(`- [${category.title}](#${anchor(category.title)})`);
      entries++;
      for (const body of bodies.filter((b) => b.category === c)) {
        lines.push(`  - [${escapeMarkdown(body.question.title)}](#${anchor(body.question.title)})`);
        entries++;
      }
    }
    const tocLast = lines.length - 1;
    lines.push('');
    const topics: InterviewTopic[] = [];
    for (const [c, category] of CATEGORIES.entries()) {
      lines.push(`# ${category.title}`, '');
      for (const body of bodies.filter((b) => b.category === c)) {
        const line = lines.length;
        lines.push(`## ${body.question.heading}`, '');
        for (const block of body.intro) lines.push(...block.split('\n'), '');
        for (const [sub, blocks] of body.subs) {
          lines.push(`### ${sub}`, '');
          for (const block of blocks) lines.push(...block.split('\n'), '');
        }
        topics.push({
          title: body.question.title, heading: `## ${body.question.heading}`, category: category.title, categoryIndex: c,
          empty: body.question.empty === true, subsections: body.subs.map(([sub]) => sub), line,
          firstLine: body.intro[0]?.split('\n')[0],
        });
      }
    }
    const text = `${lines.join('\n').replace(/\n+$/, '')}\n`;
    const hashLinesInCode: string[] = [];
    let fence: string | undefined;
    for (const line of text.split('\n')) {
      const marker = /^(```|~~~)/.exec(line)?.[1];
      if (marker && (fence === undefined || fence === marker)) fence = fence === undefined ? marker : undefined;
      else if (fence !== undefined && line.startsWith('#')) hashLinesInCode.push(line);
      else if (fence === undefined && line.startsWith('    #')) hashLinesInCode.push(line);
    }
    const titleTopic = topics.find((_topic, i) => bodies[i].question.mention === 'title')!.title;
    const bodyOnlyTopic = topics.find((_topic, i) => bodies[i].question.mention === 'body')!.title;
    return {
      text,
      manifest: {
        bytes: Buffer.byteLength(text), title: withTitle ? TITLE : undefined,
        toc: { heading: TOC_HEADING, firstLine: tocFirst, lastLine: tocLast, entries },
        categories: CATEGORIES.map((category) => category.title), topics,
        mentions: { term: 'GIL', titleTopic, bodyOnlyTopic }, hashLinesInCode,
      },
    };
  };

  // Grow: one more paragraph at a time, in a seeded order, to questions that have a body.
  const filled = bodies.filter((b) => !b.question.empty);
  let result = render();
  let bytes = result.manifest.bytes;
  while (bytes < target) {
    const body = pick(filled);
    const bank = CATEGORIES[body.category].python ? PYTHON_SENTENCES : SENTENCES;
    const paragraph = distinctSentences(2 + Math.floor(next() * 3), bank, next);
    body.intro.push(paragraph);
    bytes += Buffer.byteLength(paragraph) + 2;
  }
  result = render();
  return result;
}

/** Writes the README to `file` (folders created) and returns its manifest. */
export function writeInterviewReadme(file: string, options: InterviewReadmeOptions): InterviewManifest {
  const { text, manifest } = interviewReadmeText(options);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return manifest;
}
