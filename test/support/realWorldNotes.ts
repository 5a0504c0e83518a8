// Notes shaped like public Chinese study-note repositories (issue 12), generated from our own text:
// a folder of about 200 Markdown files without front matter (nested Chinese folder names with spaces
// and full-width punctuation, numbered file names, READMEs, inline HTML, tables with `</br>`,
// GFM-TOC comments, relative images that exist or are missing on purpose, links between notes) and
// one long interview README to open as topics. The same options always give the same bytes; each
// writer returns a manifest that states what the product should show, so tests assert against it
// instead of re-deriving titles or topics.
import fs from 'node:fs';
import path from 'node:path';
import { seededRandom } from './seededRandom';
import { tinyPng } from './tinyPng';
import { CHINESE_NUMBERS, CODE, type CodeLanguage, PYTHON_SENTENCES, SECTION_NAMES, SENTENCES, TABLES_WITH_BR, distinctSentences } from './realWorldText';

export { interviewReadmeText, writeInterviewReadme } from './interviewReadme';
export type { InterviewManifest, InterviewTopic } from './interviewReadme';

// ---------------------------------------------------------------------------------------------
// Manifest types

/** How the product should title a note (issue 12.3). No generated note has front matter. */
export type TitleRule =
  /** The file has one top-level `#` heading that is not a numbered section: the title is its text. */
  | 'heading'
  /** The file has several top-level `#` headings: the title is the file name without `.md`. */
  | 'file-name:several-headings'
  /** The first heading is a numbered section (`一、…`, `1. …`, `10.1 …`, `第一章 …`): the file name. */
  | 'file-name:numbered-heading';

export type NoteShape =
  | 'root-readme' | 'folder-readme' | 'nested-folder' | 'space-in-path' | 'full-width-punctuation-in-path'
  | 'numbered-file-name' | 'title-from-heading' | 'title-from-file-name-several-headings'
  | 'title-from-file-name-numbered-heading' | 'heading-differs-from-file-name' | 'duplicate-title'
  | 'h2' | 'h3' | 'code-python' | 'code-java' | 'code-sql' | 'code-bash' | 'code-c' | 'hash-line-in-code'
  | 'table-with-br' | 'html-div-img' | 'html-br' | 'html-details' | 'html-kbd' | 'html-sub-sup'
  | 'gfm-toc' | 'html-comment'
  | 'relative-image-markdown' | 'relative-image-html' | 'relative-image-missing' | 'relative-image-sized'
  | 'image-path-with-spaces' | 'image-path-percent-encoded'
  | 'https-image' | 'http-image' | 'protocol-relative-image'
  | 'note-link' | 'note-link-percent-encoded' | 'note-link-angle-brackets' | 'note-link-fragment' | 'broken-note-link';

export const ALL_NOTE_SHAPES: readonly NoteShape[] = [
  'root-readme', 'folder-readme', 'nested-folder', 'space-in-path', 'full-width-punctuation-in-path',
  'numbered-file-name', 'title-from-heading', 'title-from-file-name-several-headings',
  'title-from-file-name-numbered-heading', 'heading-differs-from-file-name', 'duplicate-title',
  'h2', 'h3', 'code-python', 'code-java', 'code-sql', 'code-bash', 'code-c', 'hash-line-in-code',
  'table-with-br', 'html-div-img', 'html-br', 'html-details', 'html-kbd', 'html-sub-sup',
  'gfm-toc', 'html-comment',
  'relative-image-markdown', 'relative-image-html', 'relative-image-missing', 'relative-image-sized',
  'image-path-with-spaces', 'image-path-percent-encoded',
  'https-image', 'http-image', 'protocol-relative-image',
  'note-link', 'note-link-percent-encoded', 'note-link-angle-brackets', 'note-link-fragment', 'broken-note-link',
];

export interface RealWorldImage {
  /** The URL exactly as written in the note (without the `<…>` of an angle-bracket destination). */
  src: string;
  syntax: 'markdown' | 'html';
  kind: 'relative' | 'https' | 'http' | 'protocol-relative';
  alt: string;
  /** Relative images: the image's path from the folder root, `/`-separated, percent-decoded. */
  target?: string;
  /** Relative images: true when the file is written, false when it is missing on purpose. */
  exists?: boolean;
  /** From `width`/`height` attributes (the product must keep them). */
  width?: number;
  height?: number;
}

export interface RealWorldLink {
  /** The destination exactly as written (without `<…>`), fragment included. */
  href: string;
  text: string;
  /** The linked note's path from the folder root, `/`-separated, percent-decoded, no fragment. */
  target: string;
  fragment?: string;
  exists: boolean;
}

export interface RealWorldNote {
  /** Path from the folder root, `/`-separated. */
  path: string;
  /** Folder path from the root ('' for the root). */
  folder: string;
  fileName: string;
  /** File name without `.md`. */
  baseName: string;
  /** What the tree and the panel should show. */
  title: string;
  titleRule: TitleRule;
  /** The text of every top-level `#` heading, in order (code blocks excluded). */
  topHeadings: string[];
  readme?: 'root' | 'folder';
  shapes: NoteShape[];
  images: RealWorldImage[];
  links: RealWorldLink[];
  /** Text that sits only inside HTML comments: it must not be displayed. */
  hiddenText: string[];
  bytes: number;
}

export interface RealWorldManifest {
  seed: number;
  notes: RealWorldNote[];
  /** Every folder that holds notes (or holds folders that do), '' excluded, parents before children. */
  folders: string[];
  /** Image files written, paths from the root. */
  imageFiles: string[];
  existingImages: { note: string; src: string; target: string }[];
  missingImages: { note: string; src: string; target: string }[];
  /** The folder of numbered file names, with its notes in natural and in plain text order. */
  numbered: { folder: string; naturalOrder: string[]; textOrder: string[] };
  /** Titles shared by several notes of one folder. */
  duplicateTitles: { folder: string; title: string; paths: string[] }[];
}

export interface NoteFolderOptions {
  /** Number of Markdown files (default 200, at least the number of hand-shaped files). */
  count?: number;
  seed: number;
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** GitHub-style heading anchor, close enough for the TOC blocks the fixtures write. */
export function githubSlug(text: string): string {
  return text.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/ /g, '-');
}

/** Numbered section headings as issue 12.3 means them: `一、`, `1.`, `1、`, `10.1 `, `第一章`. */
export const NUMBERED_SECTION = /^(?:[一二三四五六七八九十百]+[、.．]|\d+(?:\.\d+)*(?:[.、．]|\s)|第[一二三四五六七八九十百\d]+[章节篇部])/u;

const posixDir = (file: string): string => {
  const dir = path.posix.dirname(file);
  return dir === '.' ? '' : dir;
};

function colourOf(text: string): [number, number, number] {
  let hash = 2166136261;
  for (const char of text) hash = Math.imul(hash ^ char.codePointAt(0)!, 16777619) >>> 0;
  return [hash & 0xff, (hash >>> 8) & 0xff, (hash >>> 16) & 0xff];
}

// ---------------------------------------------------------------------------------------------
// Plans: every file's path and title are decided before any body is written, so bodies can link
// to other notes.

interface Plan {
  path: string;
  titleRule: TitleRule;
  topHeadings: string[];
  title: string;
  readme?: 'root' | 'folder';
  /** Section names under each top heading (filler notes). */
  sections?: string[][];
  /** Hand-written body (after the plan is known). */
  write?: (b: NoteBuilder) => void;
}

interface Context {
  next: () => number;
  plans: Plan[];
  /** target path → written? */
  images: Map<string, boolean>;
  imageCounter: number;
  commentCounter: number;
}

class NoteBuilder {
  readonly lines: string[] = [];
  readonly shapes = new Set<NoteShape>();
  readonly images: RealWorldImage[] = [];
  readonly links: RealWorldLink[] = [];
  readonly hidden: string[] = [];
  readonly folder: string;

  constructor(readonly plan: Plan, readonly ctx: Context) {
    this.folder = posixDir(plan.path);
  }

  rand(): number { return this.ctx.next(); }
  int(n: number): number { return Math.floor(this.ctx.next() * n); }
  pick<T>(list: readonly T[]): T { return list[this.int(list.length)]; }

  add(...lines: string[]): this {
    this.lines.push(...lines);
    return this;
  }
  block(text: string): this {
    if (this.lines.length > 0 && this.lines[this.lines.length - 1] !== '') this.lines.push('');
    this.lines.push(...text.split('\n'), '');
    return this;
  }

  sentences(count: number, bank: readonly string[] = SENTENCES): string {
    return distinctSentences(count, bank, this.ctx.next);
  }
  paragraph(bank: readonly string[] = SENTENCES): this {
    let text = this.sentences(2 + this.int(3), bank);
    const flavour = this.int(6);
    if (flavour === 0) text = `**重点**：${text}`;
    else if (flavour === 1) text += '可以用 `man` 命令或官方文档确认细节。';
    return this.block(text);
  }

  h1(text: string): this { return this.block(`# ${text}`); }
  h2(text: string): this { this.shapes.add('h2'); return this.block(`## ${text}`); }
  h3(text: string): this { this.shapes.add('h3'); return this.block(`### ${text}`); }

  code(language: CodeLanguage, index?: number): this {
    const listings = CODE[language];
    const listing = listings[index ?? this.int(listings.length)];
    this.shapes.add(`code-${language}`);
    if (listing.split('\n').some((line) => line.startsWith('#'))) this.shapes.add('hash-line-in-code');
    return this.block(`\`\`\`${language}\n${listing}\n\`\`\``);
  }
  table(index?: number): this {
    this.shapes.add('table-with-br');
    return this.block(TABLES_WITH_BR[index ?? this.int(TABLES_WITH_BR.length)]);
  }
  centeredHttpsImage(name: string, width = 400): this {
    const src = `https://example.com/study-notes/${name}`;
    this.images.push({ src, syntax: 'html', kind: 'https', alt: '', width });
    this.shapes.add('html-div-img').add('https-image');
    return this.block(`<div align="center"><img src="${src}" width="${width}"/></div>`);
  }
  br(): this {
    this.shapes.add('html-br');
    return this.block(`${this.sentences(1)}<br>${this.sentences(1)}`);
  }
  details(): this {
    this.shapes.add('html-details');
    return this.block(`<details>\n<summary>点击展开答案</summary>\n\n${this.sentences(2)}\n\n</details>`);
  }
  kbd(): this {
    this.shapes.add('html-kbd');
    return this.block(`按下 <kbd>Ctrl</kbd> + <kbd>C</kbd> 可以结束前台进程，<kbd>Ctrl</kbd> + <kbd>Z</kbd> 则把它挂起到后台。`);
  }
  subSup(): this {
    this.shapes.add('html-sub-sup');
    return this.block('2<sup>10</sup> 等于 1024，水的化学式是 H<sub>2</sub>O，而 log<sub>2</sub>n 是二分查找的比较次数。');
  }
  comment(): this {
    const marker = `HIDDEN-COMMENT-${String(++this.ctx.commentCounter).padStart(3, '0')}`;
    this.hidden.push(marker);
    this.shapes.add('html-comment');
    return this.block(`<!--\n${marker}：这段注释只在源文件里可见，渲染后不应出现。\n-->`);
  }
  gfmToc(title: string, sections: string[]): this {
    this.shapes.add('gfm-toc');
    this.hidden.push('GFM-TOC');
    const items = [`* [${title}](#${githubSlug(title)})`, ...sections.map((s) => `    * [${s}](#${githubSlug(s)})`)];
    return this.add('<!-- GFM-TOC -->', ...items, '<!-- GFM-TOC -->', '');
  }

  /** A relative image; `name` is a file name, the folder depends on the syntax. */
  relativeImage(syntax: 'markdown' | 'html', options: { exists: boolean; name?: string; width?: number; height?: number; alt?: string }): this {
    const name = options.name ?? `fig-${String(++this.ctx.imageCounter).padStart(3, '0')}.png`;
    const alt = options.alt ?? this.pick(['示意图', '流程图', '结构图', '图']);
    let written: string;
    let target: string;
    if (syntax === 'markdown') {
      target = path.posix.join(this.folder, 'assets', name);
      written = `assets/${name}`;
    } else {
      written = this.folder === '' ? `images/${name}` : `../images/${name}`;
      target = path.posix.normalize(path.posix.join(this.folder, written));
    }
    let src = written;
    let text: string;
    if (name.includes(' ')) {
      this.shapes.add('image-path-with-spaces');
      text = syntax === 'markdown' ? `![${alt}](<${src}>)` : `<img src="${src}" alt="${alt}">`;
    } else if (/[^\x20-\x7e]/.test(name) && syntax === 'markdown') {
      this.shapes.add('image-path-percent-encoded');
      src = encodeURI(written);
      text = `![${alt}](${src})`;
    } else if (syntax === 'markdown') {
      text = `![${alt}](${src})`;
    } else {
      const size = `${options.width ? ` width="${options.width}"` : ''}${options.height ? ` height="${options.height}"` : ''}`;
      text = `<img src="${src}"${size} alt="${alt}">`;
    }
    if (options.width || options.height) this.shapes.add('relative-image-sized');
    this.shapes.add(syntax === 'markdown' ? 'relative-image-markdown' : 'relative-image-html');
    if (!options.exists) this.shapes.add('relative-image-missing');
    const before = this.ctx.images.get(target);
    if (before !== undefined && before !== options.exists) throw new Error(`image ${target} is both present and missing`);
    this.ctx.images.set(target, options.exists);
    this.images.push({ src, syntax, kind: 'relative', alt, target, exists: options.exists, width: options.width, height: options.height });
    return this.block(syntax === 'html' && !options.width ? `<div align="center">${text}</div>` : text);
  }
  insecureImage(syntax: 'markdown' | 'html'): this {
    const src = `http://example.com/legacy/fig-${this.int(90) + 10}.png`;
    this.images.push({ src, syntax, kind: 'http', alt: '旧图' });
    this.shapes.add('http-image');
    return this.block(syntax === 'markdown' ? `![旧图](${src})` : `<img src="${src}" alt="旧图">`);
  }
  protocolRelativeImage(): this {
    const src = `//cdn.example.com/notes/fig-${this.int(90) + 10}.png`;
    this.images.push({ src, syntax: 'html', kind: 'protocol-relative', alt: 'CDN 图' });
    this.shapes.add('protocol-relative-image');
    return this.block(`<img src="${src}" alt="CDN 图" width="300">`);
  }

  /** A relative link to another note (a plan) or to a path that does not exist. */
  link(target: Plan | string, options: { form?: 'plain' | 'percent' | 'angle'; fragment?: string; text?: string } = {}): this {
    const targetPath = typeof target === 'string' ? target : target.path;
    const exists = this.ctx.plans.some((plan) => plan.path === targetPath);
    const relative = path.posix.relative(this.folder || '.', targetPath);
    const form = options.form ?? (relative.includes(' ') ? this.pick(['percent', 'angle'] as const) : 'plain');
    let href: string;
    if (form === 'angle') {
      href = relative;
      this.shapes.add('note-link-angle-brackets');
    } else if (form === 'percent') {
      href = relative.includes(' ') && this.rand() < 0.5 ? relative.replace(/ /g, '%20') : encodeURI(relative);
      if (href !== relative) this.shapes.add('note-link-percent-encoded');
    } else {
      if (/\s/.test(relative)) throw new Error(`plain link with spaces: ${relative}`);
      href = relative;
    }
    if (options.fragment) {
      href += `#${options.fragment}`;
      this.shapes.add('note-link-fragment');
    }
    const text = options.text ?? (typeof target === 'string' ? path.posix.basename(target, '.md') : target.title);
    this.shapes.add(exists ? 'note-link' : 'broken-note-link');
    this.links.push({ href, text, target: targetPath, fragment: options.fragment, exists });
    const destination = form === 'angle' ? `<${href}>` : href;
    return this.block(`${this.pick(['参见', '相关内容见', '延伸阅读：', '详见'])}[${text}](${destination})。`);
  }
}

// ---------------------------------------------------------------------------------------------
// The hand-shaped files: every shape issue 12 names appears in at least one of them, whatever the seed.

const NET = '计算机网络';
const DB = '数据库 & 缓存';
const OS = '操作系统';
const LINUX = 'Linux 入门';
const PRACTICE = '编程实践';
const ALGO = '算法（LeetCode 题解）';
const PATTERNS = '设计模式：创建型';
const INTERVIEWS = '面试题';

function single(file: string, title: string, write: (b: NoteBuilder) => void, readme?: 'root' | 'folder'): Plan {
  return { path: file, titleRule: 'heading', topHeadings: [title], title, readme, write };
}
function several(file: string, headings: string[], write: (b: NoteBuilder) => void): Plan {
  return { path: file, titleRule: 'file-name:several-headings', topHeadings: headings, title: path.posix.basename(file, '.md'), write };
}
function numbered(file: string, heading: string, write: (b: NoteBuilder) => void): Plan {
  return { path: file, titleRule: 'file-name:numbered-heading', topHeadings: [heading], title: path.posix.basename(file, '.md'), write };
}
const find = (b: NoteBuilder, file: string): Plan => {
  const plan = b.ctx.plans.find((p) => p.path === file);
  if (!plan) throw new Error(`no planned note ${file}`);
  return plan;
};

/** Sections under a heading: paragraphs, sometimes a `###`. */
function sections(b: NoteBuilder, names: string[], extra?: (name: string, i: number) => void): void {
  for (const [i, name] of names.entries()) {
    b.h2(name).paragraph();
    if (b.rand() < 0.5) b.paragraph();
    extra?.(name, i);
  }
}

function fixedPlans(): Plan[] {
  const netLayers = ['概述', '物理层', '链路层', '网络层'].map((layer) =>
    single(`${NET}/${NET} - ${layer}.md`, `${NET} - ${layer}`, (b) => {
      b.h1(`${NET} - ${layer}`);
      sections(b, [`${layer}的作用`, '常见协议', '小结']);
    }));
  return [
    single('README.md', '技术面试必备基础知识', (b) => {
      b.h1('技术面试必备基础知识');
      b.centeredHttpsImage('banner.png', 600);
      b.paragraph().br();
      b.comment();
      b.h2('目录');
      b.block('| 计算机网络 | 操作系统 | 数据库 | Linux |\n| :---: | :---: | :---: | :---: |\n| 传输层</br>应用层 | 进程</br>内存 | 事务</br>索引 | 命令</br>权限 |');
      b.shapes.add('table-with-br');
      b.link(find(b, `${NET}/README.md`));
      b.link(find(b, `${DB}/MySQL.md`), { form: 'angle' });
      b.link(find(b, `${LINUX}/1. 概述.md`), { form: 'percent' });
      b.link(`${ALGO}/README.md`, { form: 'percent', text: '算法' }); // no README there: broken on purpose
      b.relativeImage('html', { exists: true, name: 'x.png', width: 200, height: 100, alt: '根目录图片' });
      b.h2('关于').paragraph();
    }, 'root'),
    single(`${NET}/README.md`, NET, (b) => {
      b.h1(NET).paragraph();
      for (const layer of ['概述', '物理层', '链路层', '网络层', '传输层', '应用层']) b.link(find(b, `${NET}/${NET} - ${layer}.md`));
      b.link(find(b, `${NET}/HTTP.md`));
    }, 'folder'),
    ...netLayers,
    single(`${NET}/${NET} - 传输层.md`, `${NET} - 传输层`, (b) => {
      const names = ['UDP 和 TCP 的特点', 'TCP 的三次握手', 'TCP 的四次挥手', 'TCP 拥塞控制'];
      b.h1(`${NET} - 传输层`).gfmToc(`${NET} - 传输层`, names);
      b.paragraph();
      b.h2(names[0]).paragraph().table(0);
      b.h2(names[1]).paragraph();
      b.relativeImage('markdown', { exists: true, name: 'tcp.png', alt: 'TCP 三次握手' });
      b.relativeImage('markdown', { exists: true, name: '三次握手 示意图.png', alt: '三次握手' });
      b.h3('为什么不是两次握手').paragraph();
      b.h2(names[2]).paragraph();
      b.relativeImage('html', { exists: true, name: 'x.png' });
      b.h2(names[3]).paragraph();
      b.relativeImage('markdown', { exists: false, name: 'congestion.png', alt: '拥塞控制' });
      b.relativeImage('markdown', { exists: true, name: '拥塞窗口.png', alt: '拥塞窗口' });
      b.link(find(b, `${NET}/${NET} - 应用层.md`));
    }),
    single(`${NET}/${NET} - 应用层.md`, `${NET} - 应用层`, (b) => {
      b.h1(`${NET} - 应用层`);
      b.centeredHttpsImage('application-layer.png');
      b.h2('域名系统').paragraph().code('bash', 0);
      b.h2('文件传送协议').paragraph().insecureImage('markdown');
      b.h2('Web 页面请求过程').paragraph().protocolRelativeImage().insecureImage('html');
      b.link(find(b, `${NET}/${NET} - 传输层.md`), { fragment: githubSlug('TCP 的三次握手'), text: '三次握手' });
      b.link(`${NET}/${NET} - 会话层.md`); // broken: there is no such note
    }),
    several(`${NET}/HTTP.md`, ['一、基础概念', '二、请求方法', '三、状态码', '四、首部字段'], (b) => {
      b.h1('一、基础概念').paragraph();
      b.h2('URI').paragraph();
      b.h2('请求和响应报文').paragraph().code('bash', 0);
      b.h1('二、请求方法').paragraph().details();
      b.h1('三、状态码').paragraph().table(0);
      b.h1('四、首部字段').paragraph().kbd();
    }),
    several(`${DB}/数据库系统原理.md`, ['一、事务', '二、并发一致性问题', '三、封锁', '四、隔离级别'], (b) => {
      b.h1('一、事务').paragraph();
      b.h2('ACID').paragraph();
      b.h1('二、并发一致性问题').paragraph();
      b.h1('三、封锁').paragraph().code('sql', 0);
      b.h1('四、隔离级别').paragraph().table(1);
    }),
    single(`${DB}/SQL 语法.md`, 'SQL 语法', (b) => {
      b.h1('SQL 语法').comment();
      b.h2('查询').paragraph().code('sql', 0);
      b.h2('索引').paragraph().code('sql', 1);
    }),
    single(`${DB}/MySQL.md`, 'MySQL', (b) => {
      b.h1('MySQL');
      b.h2('B+ 树索引').paragraph().subSup();
      b.relativeImage('html', { exists: true, name: 'b-plus-tree.png', width: 300, height: 150, alt: 'B+ 树' });
      b.h2('存储引擎').paragraph().table(1);
      b.link(find(b, `${DB}/数据库系统原理.md`), { form: 'percent' });
    }),
    single(`${DB}/Redis.md`, 'Redis', (b) => {
      b.h1('Redis');
      b.h2('数据类型').paragraph().details();
      b.h2('持久化').paragraph().code('bash', 1);
      b.relativeImage('markdown', { exists: false, name: 'redis-rdb.png' });
    }),
    single(`${OS}/README.md`, OS, (b) => {
      b.h1(OS).paragraph();
      b.link(find(b, `${OS}/进程与线程/进程管理.md`));
      b.link(find(b, `${OS}/内存管理/虚拟内存.md`));
    }, 'folder'),
    single(`${OS}/进程与线程/进程管理.md`, '进程管理', (b) => {
      b.h1('进程管理');
      b.h2('进程状态').paragraph();
      b.relativeImage('html', { exists: true, name: 'process-state.png', width: 400 });
      b.h2('进程调度').paragraph().code('c', 0);
      b.h3('时间片轮转').paragraph();
    }),
    single(`${OS}/进程与线程/线程同步.md`, '线程同步', (b) => {
      b.h1('线程同步');
      b.h2('互斥量').paragraph().code('c', 1);
      b.link(`${OS}/内存管理/页面置换.md`, { text: '页面置换' }); // broken
    }),
    numbered(`${OS}/内存管理/虚拟内存.md`, '1. 虚拟内存概述', (b) => {
      b.h1('1. 虚拟内存概述').paragraph();
      b.h2('分页').paragraph();
      b.h2('缺页中断').paragraph().code('c', 0);
      b.relativeImage('markdown', { exists: false, name: 'page-table.png' });
    }),
    ...([['1. 概述', 0], ['2. 安装', 1], ['3. 配置', 0], ['10.1 进阶', 1], ['29. 总结', 0]] as const).map(([name, listing]) =>
      numbered(`${LINUX}/${name}.md`, name, (b) => {
        b.h1(name).paragraph();
        b.h2('命令').paragraph().code('bash', listing);
        if (name === '1. 概述') b.kbd();
        if (name === '29. 总结') b.link(find(b, `${LINUX}/10.1 进阶.md`), { form: 'percent' });
      })),
    several(`${PRACTICE}/代码可读性.md`, ['一、可读性的重要性', '二、给变量起一个好名字', '三、注释写什么', '四、让控制流一目了然', '五、把大函数拆小'], (b) => {
      b.h1('一、可读性的重要性').paragraph().paragraph();
      b.h1('二、给变量起一个好名字').paragraph().code('python', 0);
      b.h1('三、注释写什么').paragraph().code('python', 2);
      b.h1('四、让控制流一目了然').paragraph();
      b.h1('五、把大函数拆小').paragraph();
    }),
    single(`${PRACTICE}/Git 命令：常用操作.md`, 'Git 常用命令', (b) => {
      b.h1('Git 常用命令');
      b.h2('提交').paragraph().code('bash', 0).kbd();
      b.h2('分支').paragraph();
    }),
    several('Java/并发/Java 并发.md', ['使用线程', '基础线程机制', '线程之间的协作'], (b) => {
      b.h1('使用线程').paragraph().code('java', 1);
      b.h1('基础线程机制').paragraph();
      b.h2('Daemon').paragraph();
      b.h1('线程之间的协作').paragraph().code('java', 0);
    }),
    single('Java/容器/Java 容器.md', 'Java 容器', (b) => {
      b.h1('Java 容器');
      b.h2('概览').paragraph().table(1);
      b.h2('ArrayList').paragraph().code('java', 1);
    }),
    single(`${INTERVIEWS}/README.md`, INTERVIEWS, (b) => {
      b.h1(INTERVIEWS).paragraph();
      b.link(find(b, `${INTERVIEWS}/字节跳动 一面.md`), { form: 'angle' });
      b.link(find(b, `${INTERVIEWS}/字节跳动 二面.md`), { form: 'percent' });
    }, 'folder'),
    single(`${INTERVIEWS}/字节跳动 一面.md`, '面试记录', (b) => {
      b.h1('面试记录').paragraph().details();
      b.h2('算法题').paragraph().code('python', 1);
    }),
    single(`${INTERVIEWS}/字节跳动 二面.md`, '面试记录', (b) => {
      b.h1('面试记录').paragraph();
      b.h2('系统设计').paragraph().details();
    }),
    single(`${ALGO}/Leetcode 题解 - 双指针.md`, 'Leetcode 题解 - 双指针', (b) => {
      const names = ['1. 有序数组的两数之和', '2. 反转字符串中的元音字母', '3. 合并两个有序数组'];
      b.h1('Leetcode 题解 - 双指针').gfmToc('Leetcode 题解 - 双指针', names);
      for (const name of names) b.h2(name).paragraph().code(name.startsWith('3') ? 'c' : 'python', 1);
    }),
    single(`${PATTERNS}/单例模式.md`, '单例模式', (b) => {
      b.h1('单例模式');
      b.h2('意图').paragraph();
      b.h2('实现').paragraph().code('java', 0);
      b.centeredHttpsImage('singleton.png', 300);
    }),
  ];
}

// ---------------------------------------------------------------------------------------------
// Filler notes

interface FolderSpec {
  dir: string;
  /** File names are `${prefix}${topic}.md`; numbered folders use `${n}. ${topic}.md`. */
  prefix?: string;
  numbered?: boolean;
  topics: string[];
}

const FILLER_FOLDERS: FolderSpec[] = [
  { dir: NET, prefix: `${NET} - `, topics: ['DNS', 'HTTP 缓存', 'HTTPS', 'TCP 拥塞控制', 'IP 地址', 'ARP 协议', 'ICMP', '路由选择', 'Socket', 'WebSocket', 'CDN', 'NAT', 'DHCP', 'VPN'] },
  { dir: DB, topics: ['Redis 持久化', 'Redis 集群', '缓存一致性', '索引优化', '分库分表', '主从复制', '慢查询', '连接池', '锁机制', 'MVCC', '范式', '存储引擎', '执行计划'] },
  { dir: `${OS}/进程与线程`, topics: ['进程通信', '线程模型', '协程', '死锁', '信号量', '管程', '调度算法', '上下文切换', '僵尸进程', '守护进程', '多路复用'] },
  { dir: `${OS}/内存管理`, topics: ['分页', '分段', '页面置换', 'TLB', '内存映射', '伙伴系统', '交换空间', '内存泄漏', '写时复制', '栈与堆'] },
  { dir: `${OS}/文件系统`, topics: ['inode', '硬链接与软链接', '磁盘调度', '日志文件系统', '文件描述符', '虚拟文件系统', '缓冲区', '挂载'] },
  { dir: LINUX, numbered: true, topics: ['文件与目录', '用户管理', '权限', '进程查看', '软件包', '网络配置', '防火墙', '定时任务', 'Shell 脚本', '正则表达式', '文本处理', '磁盘管理', '日志', '环境变量', '系统服务'] },
  { dir: PRACTICE, topics: ['代码风格规范', '单元测试', '重构', '日志规范', '异常处理', '代码评审', '命名约定', '防御式编程', '提交信息规范', '文档注释'] },
  { dir: 'Java/基础', topics: ['数据类型', 'String', '运算', '关键字', 'Object 通用方法', '继承', '反射', '异常', '泛型', '注解'] },
  { dir: 'Java/容器', topics: ['ArrayList 源码', 'HashMap 源码', 'LinkedList', 'ConcurrentHashMap', 'TreeMap', 'PriorityQueue', '迭代器'] },
  { dir: 'Java/并发', topics: ['线程池', 'synchronized', 'ReentrantLock', 'AQS', 'CAS', 'ThreadLocal', '内存模型', '原子类'] },
  { dir: ALGO, prefix: 'Leetcode 题解 - ', topics: ['排序', '贪心思想', '二分查找', '分治', '搜索', '动态规划', '数学', '链表', '树', '栈和队列', '哈希表', '字符串', '数组与矩阵', '图', '位运算'] },
  { dir: PATTERNS, topics: ['简单工厂', '工厂方法', '抽象工厂', '生成器', '原型模式'] },
  { dir: '设计模式：结构型', topics: ['适配器', '桥接', '组合', '装饰', '外观', '享元', '代理'] },
  { dir: '系统设计/分布式', topics: ['分布式锁', '分布式事务', '一致性哈希', 'CAP 理论', 'BASE 理论', 'Paxos', 'Raft', '限流', '熔断', '服务发现', '消息队列', '幂等性'] },
  { dir: INTERVIEWS, topics: ['腾讯 一面', '腾讯 二面', '阿里 一面', '美团 一面', '网易 笔试', '百度 一面', '京东 二面', '快手 一面'] },
];

function planFillers(count: number, taken: Set<string>, next: () => number): Plan[] {
  const plans: Plan[] = [];
  const cursors = FILLER_FOLDERS.map(() => 0);
  const usedNumbers = new Set([1, 2, 3, 10, 29]);
  let lap = 0;
  for (let i = 0; plans.length < count; i++) {
    const f = i % FILLER_FOLDERS.length;
    if (f === 0 && i > 0) lap++;
    const spec = FILLER_FOLDERS[f];
    const topicIndex = cursors[f]++;
    const round = Math.floor(topicIndex / spec.topics.length);
    const topic = spec.topics[topicIndex % spec.topics.length] + (round > 0 ? ` ${round + 1}` : '');
    let baseName: string;
    if (spec.numbered) {
      let n = 4 + lap;
      while (usedNumbers.has(n)) n++;
      usedNumbers.add(n);
      baseName = `${n}. ${topic}`;
    } else {
      baseName = `${spec.prefix ?? ''}${topic}`;
    }
    const file = `${spec.dir}/${baseName}.md`;
    if (taken.has(file)) continue;
    taken.add(file);
    const numberedNames = next() < 0.4;
    const sectionNames = (howMany: number): string[] => {
      const start = Math.floor(next() * SECTION_NAMES.length);
      return Array.from({ length: howMany }, (_, k) => {
        const name = SECTION_NAMES[(start + k) % SECTION_NAMES.length];
        return numberedNames ? `${CHINESE_NUMBERS[k]}、${name}` : name;
      });
    };
    const roll = next();
    if (spec.numbered) {
      plans.push({ path: file, titleRule: 'file-name:numbered-heading', topHeadings: [baseName], title: baseName, sections: [sectionNames(2 + Math.floor(next() * 3))] });
    } else if (roll < 0.68) {
      const differs = next() < 0.25;
      const heading = differs ? `${topic}${['详解', '笔记', '：原理与实践', ' 学习总结'][Math.floor(next() * 4)]}` : baseName;
      plans.push({ path: file, titleRule: 'heading', topHeadings: [heading], title: heading, sections: [sectionNames(3 + Math.floor(next() * 4))] });
    } else if (roll < 0.86) {
      const tops = 2 + Math.floor(next() * 3);
      const numberedTops = next() < 0.5;
      const headings = Array.from({ length: tops }, (_, k) => {
        const name = SECTION_NAMES[(k * 3 + Math.floor(next() * 3)) % SECTION_NAMES.length];
        return numberedTops ? `${CHINESE_NUMBERS[k]}、${name}` : `${topic}的${name}`;
      });
      plans.push({ path: file, titleRule: 'file-name:several-headings', topHeadings: headings, title: baseName, sections: headings.map(() => sectionNames(1 + Math.floor(next() * 2))) });
    } else {
      const heading = [`一、${topic}简介`, `1. ${topic}概述`, `第一章 ${topic}`, `1.1 ${topic}入门`][Math.floor(next() * 4)];
      plans.push({ path: file, titleRule: 'file-name:numbered-heading', topHeadings: [heading], title: baseName, sections: [sectionNames(3 + Math.floor(next() * 3))] });
    }
  }
  return plans;
}

const EXTRAS: ((b: NoteBuilder) => void)[] = [
  (b) => b.code(b.pick(['python', 'java', 'sql', 'bash', 'c'] as const)),
  (b) => b.code(b.pick(['python', 'java', 'sql', 'bash', 'c'] as const)),
  (b) => b.table(),
  (b) => b.relativeImage('markdown', { exists: b.rand() < 0.75 }),
  (b) => b.relativeImage('html', { exists: b.rand() < 0.75, width: b.rand() < 0.5 ? 200 + 50 * b.int(8) : undefined }),
  (b) => b.centeredHttpsImage(`fig-${b.int(900) + 100}.png`),
  (b) => b.insecureImage(b.pick(['markdown', 'html'] as const)),
  (b) => b.protocolRelativeImage(),
  (b) => b.details(),
  (b) => b.kbd(),
  (b) => b.subSup(),
  (b) => b.br(),
  (b) => b.comment(),
  (b) => b.link(b.pick(b.ctx.plans.filter((p) => p !== b.plan))),
  (b) => b.link(b.pick(b.ctx.plans.filter((p) => p !== b.plan)), { form: 'percent' }),
  (b) => b.link(`${b.folder ? `${b.folder}/` : ''}已删除的笔记 ${b.int(9) + 1}.md`),
];

function writeFiller(b: NoteBuilder): void {
  const plan = b.plan;
  const allSections = plan.sections ?? [];
  for (const [t, top] of plan.topHeadings.entries()) {
    b.h1(top);
    if (t === 0 && plan.topHeadings.length === 1 && b.rand() < 0.3) b.gfmToc(top, allSections[0]);
    b.paragraph();
    for (const name of allSections[t] ?? []) {
      b.h2(name).paragraph();
      if (b.rand() < 0.4) b.paragraph();
      if (b.rand() < 0.25) b.h3(b.pick(['例子', '注意', '补充说明', '常见误区'])).paragraph();
      if (b.rand() < 0.55) b.pick(EXTRAS)(b);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Building and writing

export interface RealWorldFile {
  path: string;
  content: string | Buffer;
}

const fileName = (file: string): string => path.posix.basename(file);
const naturalNumber = (name: string): number => Number.parseFloat(name);

/** The notes folder as files plus its manifest, without touching the disk. */
export function noteFolderFiles(options: NoteFolderOptions): { files: RealWorldFile[]; manifest: RealWorldManifest } {
  const count = options.count ?? 200;
  const next = seededRandom(options.seed);
  const fixed = fixedPlans();
  if (count < fixed.length) throw new RangeError(`writeNoteFolder: count must be at least ${fixed.length}`);
  const taken = new Set(fixed.map((plan) => plan.path));
  const plans = [...fixed, ...planFillers(count - fixed.length, taken, next)];
  const ctx: Context = { next, plans, images: new Map(), imageCounter: 0, commentCounter: 0 };

  const files: RealWorldFile[] = [];
  const notes: RealWorldNote[] = [];
  for (const plan of plans) {
    const b = new NoteBuilder(plan, ctx);
    (plan.write ?? writeFiller)(b);
    const text = `${b.lines.join('\n').replace(/\n+$/, '')}\n`;
    files.push({ path: plan.path, content: text });
    const folder = posixDir(plan.path);
    const shapes = new Set(b.shapes);
    if (plan.readme) shapes.add(plan.readme === 'root' ? 'root-readme' : 'folder-readme');
    if (folder.includes('/')) shapes.add('nested-folder');
    if (plan.path.includes(' ')) shapes.add('space-in-path');
    if (/[\u3000-\u303f\uff00-\uffef]/u.test(plan.path)) shapes.add('full-width-punctuation-in-path');
    if (/^\d/.test(fileName(plan.path))) shapes.add('numbered-file-name');
    shapes.add(plan.titleRule === 'heading' ? 'title-from-heading'
      : plan.titleRule === 'file-name:several-headings' ? 'title-from-file-name-several-headings' : 'title-from-file-name-numbered-heading');
    if (plan.titleRule === 'heading' && plan.title !== path.posix.basename(plan.path, '.md') && !plan.readme) shapes.add('heading-differs-from-file-name');
    notes.push({
      path: plan.path, folder, fileName: fileName(plan.path), baseName: path.posix.basename(plan.path, '.md'),
      title: plan.title, titleRule: plan.titleRule, topHeadings: [...plan.topHeadings], readme: plan.readme,
      shapes: ALL_NOTE_SHAPES.filter((shape) => shapes.has(shape)), images: b.images, links: b.links, hiddenText: b.hidden,
      bytes: Buffer.byteLength(text),
    });
  }

  // Titles shared inside one folder.
  const byFolderTitle = new Map<string, RealWorldNote[]>();
  for (const note of notes) {
    const key = `${note.folder}\u0000${note.title}`;
    byFolderTitle.set(key, [...(byFolderTitle.get(key) ?? []), note]);
  }
  const duplicateTitles = [...byFolderTitle.values()].filter((group) => group.length > 1)
    .map((group) => ({ folder: group[0].folder, title: group[0].title, paths: group.map((note) => note.path) }));
  for (const group of duplicateTitles) {
    for (const note of notes) if (group.paths.includes(note.path)) note.shapes.push('duplicate-title');
  }
  for (const note of notes) note.shapes = ALL_NOTE_SHAPES.filter((shape) => note.shapes.includes(shape));

  const imageFiles = [...ctx.images].filter(([, exists]) => exists).map(([target]) => target).sort();
  for (const target of imageFiles) {
    const [width, height] = target.endsWith('banner.png') ? [4, 2] : [2, 2];
    files.push({ path: target, content: tinyPng(colourOf(target), width, height) });
  }

  const folders = new Set<string>();
  for (const note of notes) {
    const parts = note.folder ? note.folder.split('/') : [];
    for (let i = 1; i <= parts.length; i++) folders.add(parts.slice(0, i).join('/'));
  }
  const numberedNames = notes.filter((note) => note.folder === LINUX).map((note) => note.fileName);

  const manifest: RealWorldManifest = {
    seed: options.seed,
    notes,
    folders: [...folders].sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : a > b ? 1 : 0)),
    imageFiles,
    existingImages: notes.flatMap((note) => note.images.filter((image) => image.exists === true).map((image) => ({ note: note.path, src: image.src, target: image.target! }))),
    missingImages: notes.flatMap((note) => note.images.filter((image) => image.exists === false).map((image) => ({ note: note.path, src: image.src, target: image.target! }))),
    numbered: {
      folder: LINUX,
      naturalOrder: [...numberedNames].sort((a, b) => naturalNumber(a) - naturalNumber(b)),
      textOrder: [...numberedNames].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    },
    duplicateTitles,
  };
  return { files, manifest };
}

/**
 * Writes about `count` (default 200) Markdown notes and their images into `root` (created if
 * needed) and returns the manifest. Paths in the manifest are relative to `root`, `/`-separated.
 */
export function writeNoteFolder(root: string, options: NoteFolderOptions): RealWorldManifest {
  const { files, manifest } = noteFolderFiles(options);
  for (const file of files) {
    const target = path.join(root, ...file.path.split('/'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, file.content);
  }
  return manifest;
}

// Keep the Python sentence bank reachable from this module for tests that want it.
export { PYTHON_SENTENCES, SENTENCES };
