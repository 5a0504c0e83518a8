// Real notes from real repositories (issue 12): the title rule (front-matter title; else the file
// name when the file has several top-level headings or a numbered first heading; else its one `#`),
// README.md as a note, the tree grouped by folder (nested, case kept) in natural order with
// distinguishing descriptions for equal titles, and one long file split into categories and topics
// — a README of our own and the seed file.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Heading } from '../../src/core/model';
import { MemoryFileSystem } from '../../src/core/noteModel/fileSystem';
import { fileTitle, inferTitle, summarizeNote } from '../../src/core/notes/parseNote';
import { splitTopics } from '../../src/core/notes/topics';
import { isNumberedHeading, naturalCompare, plainText } from '../../src/core/text';
import type { TreeNode } from '../../src/shared/protocol';
import { bodiesDone, startService, type TestService } from '../support/memoryService';
import { interviewReadmeText, noteFolderFiles } from '../support/realWorldNotes';

const headings = (...list: [number, string][]): Heading[] => list.map(([level, text], line) => ({ level, text, line }));
const titleOf = (file: string, text: string) => summarizeNote({ path: `/notes/${file}`, text, namespace: 'user', root: '/notes' }).title;

describe('note titles', function () {
  it('takes the front-matter title first', function () {
    assert.equal(titleOf('x.md', '---\nid: x\ntitle: 前置标题\n---\n# 标题\n'), '前置标题');
  });

  it('takes the one top-level heading, as plain text', function () {
    assert.equal(titleOf('x.md', '前言\n\n# 唯一的标题\n\n## 小节\n'), '唯一的标题');
    assert.equal(titleOf('x.md', '# [GIL](#gil) 是 **什么**？\n'), 'GIL 是 什么？');
    assert.equal(titleOf('x.md', 'Setext 标题\n===\n\n正文\n'), 'Setext 标题');
    assert.equal(titleOf('x.md', '## 只有二级标题\n\n### 更深\n'), '只有二级标题');
  });

  it('takes the file name when the file has several top-level headings or starts with a numbered section', function () {
    assert.equal(titleOf('代码可读性.md', '# 一、可读性的重要性\n\n正文\n\n# 二、命名\n'), '代码可读性');
    assert.equal(titleOf('代码可读性.md', '# 一、可读性的重要性\n\n## 小节\n'), '代码可读性');
    assert.equal(titleOf('笔记.md', '# 甲\n\n# 乙\n'), '笔记');
    assert.equal(titleOf('笔记.md', '## 先有二级\n\n# 后有一级\n'), '笔记');
    assert.equal(titleOf('空的.md', '没有标题的正文\n'), '空的');
    for (const numbered of ['1. 简介', '2.3 小节', '一、可读性', '（二）背景', '第三章 总览', 'IV. Fourth', '10.1']) {
      assert.ok(isNumberedHeading(numbered), numbered);
      assert.equal(inferTitle(headings([1, numbered]), 'file'), 'file', numbered);
    }
    for (const plain of ['Python 3 新特性', 'HTTP/2', '一致性哈希']) assert.equal(isNumberedHeading(plain), false, plain);
  });

  it('names a README after its folder unless it has a title of its own', function () {
    assert.equal(fileTitle('/notes/网络/README.md'), '网络');
    assert.equal(fileTitle('/notes/网络/readme.markdown'), '网络');
    assert.equal(titleOf('网络/README.md', '正文\n'), '网络');
    assert.equal(titleOf('README.md', '# 我的笔记\n\n概述。\n'), '我的笔记');
  });

  it('turns headings into plain text and keeps numbering', function () {
    assert.equal(plainText('1. [Python](#python) 的 `GIL` 与 *线程*'), '1. Python 的 GIL 与 线程');
    assert.equal(plainText('<a id="x"></a>标题 \\*号'), '标题 *号');
    assert.equal(plainText('8 \\*args 和 \\*\\*kwargs'), '8 *args 和 **kwargs', 'escaped marks are text, not emphasis');
    assert.equal(plainText('**粗体** 与 _斜体_ 与 ~~删除~~'), '粗体 与 斜体 与 删除');
    assert.equal(plainText(`${'x'.repeat(5000)}`).length, 1000, 'a megabyte heading is cut before any pattern runs');
  });

  it('orders naturally: numbers by value, then Chinese by pinyin, then letters without regard to case', function () {
    const names = ['10.1 补充', '2. 物理层', '29. 尾声', '3. 链路层', 'b', 'A', '北京', '安徽'];
    assert.deepEqual([...names].sort(naturalCompare), ['2. 物理层', '3. 链路层', '10.1 补充', '29. 尾声', '安徽', '北京', 'A', 'b']);
  });
});

describe('the note tree', function () {
  let t: TestService;
  const files: Record<string, string> = {
    '/ext/notes/python/closure/closure.md': '---\nid: closure\ntitle: 闭包\ncategory: python\n---\n# 闭包\n',
    '/ext/notes/web/http/http.md': '---\nid: http\ntitle: HTTP\ncategory: web\n---\n# HTTP\n',
    '/notes/README.md': '# 我的笔记\n\n概述。\n',
    '/notes/10.1 补充.md': '正文\n',
    '/notes/2. 物理层.md': '正文\n',
    '/notes/29. 尾声.md': '正文\n',
    '/notes/3. 链路层.md': '正文\n',
    '/notes/Network/TCP 握手.md': '# TCP 握手\n',
    '/notes/Network/Deep/UDP.md': '# UDP\n',
    '/notes/python/装饰器.md': '# 装饰器\n',
    '/notes/dup/a.md': '# 概述\n',
    '/notes/dup/b.md': '# 概述\n',
    '/notes/ordered/a.md': '# A\n',
    '/notes/ordered/z.md': '---\nid: z\ntitle: Z\norder: 1\n---\n# Z\n',
    '/notes/mine.md': '---\nid: mine\ntitle: 自己的分类\ncategory: my-own\n---\n',
  };

  before(async function () {
    t = await startService({ fs: new MemoryFileSystem(files), bundled: ['/ext/notes'], user: ['/notes'] });
  });

  const rows = (parent?: string): TreeNode[] => t.service.treeChildren(parent);
  const labels = (parent?: string): string[] => rows(parent).map((row) => row.label);

  it('puts bundled categories first, then users\' own categories, then each note folder', function () {
    assert.deepEqual(rows().map((row) => [row.kind, row.label]), [['category', 'python'], ['category', 'web'], ['category', 'my-own'], ['folder', 'notes']]);
  });

  it('groups a folder\'s notes by sub-folder, nested, named as the folders are, in natural order', function () {
    assert.deepEqual(labels('folder:/notes'), ['dup', 'Network', 'ordered', 'python', '我的笔记', '2. 物理层', '3. 链路层', '10.1 补充', '29. 尾声'], 'the README first: it is the folder\'s overview');
    assert.deepEqual(labels('folder:/notes/Network'), ['Deep', 'TCP 握手']);
    assert.deepEqual(labels('folder:/notes/Network/Deep'), ['UDP']);
    assert.equal(rows('folder:/notes/Network')[0].childCount, 1);
    assert.equal(t.service.treeParent('/notes/Network/Deep/UDP.md')?.id, 'folder:/notes/Network/Deep');
  });

  it('puts notes with an explicit order first', function () {
    assert.deepEqual(labels('folder:/notes/ordered'), ['Z', 'A']);
  });

  it('tells equal titles apart by their files, and always names the file in the tooltip', function () {
    const dup = rows('folder:/notes/dup');
    assert.deepEqual(dup.map((row) => [row.label, row.description]), [['概述', 'dup/a.md'], ['概述', 'dup/b.md']]);
    assert.ok(rows('folder:/notes').every((row) => row.kind !== 'note' || row.tooltip?.some((line) => line.endsWith('.md'))));
  });

  it('shows a README as the folder\'s note, before the others', function () {
    const readme = rows('folder:/notes').find((row) => row.kind === 'note');
    assert.equal(readme?.note?.path, '/notes/README.md');
  });

});

describe('a folder of 200 plain Chinese notes (the real-world fixture)', function () {
  this.timeout(20_000);
  const { files, manifest } = noteFolderFiles({ seed: 7 });
  let t: TestService;
  const key = (file: string) => `/notes/${file}`;

  before(async function () {
    const texts = files.filter((file): file is { path: string; content: string } => typeof file.content === 'string');
    t = await startService({ fs: new MemoryFileSystem(Object.fromEntries(texts.map((file) => [key(file.path), file.content]))) });
  });

  it('opens every note as itself, titled by the title rule', function () {
    const ids = new Set<string>();
    for (const note of manifest.notes) {
      const row = t.service.resolve(key(note.path));
      assert.equal(row?.title, note.title, `${note.path} (${note.titleRule})`);
      assert.equal(t.service.resolve(row!.id)?.path, key(note.path), `${note.path} opens itself by its id ${row!.id}`);
      ids.add(row!.id);
    }
    assert.equal(ids.size, manifest.notes.length);
  });

  it('shows every folder as a nested category named as the folder is', function () {
    for (const folder of manifest.folders) {
      const id = `folder:${key(folder)}`;
      const parent = folder.includes('/') ? `folder:${key(folder.slice(0, folder.lastIndexOf('/')))}` : 'folder:/notes';
      const row = t.service.treeChildren(parent).find((candidate) => candidate.id === id);
      assert.equal(row?.label, folder.slice(folder.lastIndexOf('/') + 1), folder);
      assert.equal(row?.kind, 'folder');
    }
  });

  it('orders numbered file names naturally', function () {
    const rows = t.service.treeChildren(`folder:${key(manifest.numbered.folder)}`).filter((row) => row.kind === 'note');
    assert.deepEqual(rows.map((row) => path.basename(row.note!.path)), manifest.numbered.naturalOrder);
  });

  it('tells notes with the same title in one folder apart', function () {
    for (const group of manifest.duplicateTitles) {
      const rows = t.service.treeChildren(`folder:${key(group.folder)}`).filter((row) => row.label === group.title);
      assert.equal(rows.length, group.paths.length);
      assert.equal(new Set(rows.map((row) => row.description)).size, rows.length, JSON.stringify(rows.map((row) => row.description)));
      for (const row of rows) assert.ok(row.description?.includes(path.basename(row.note!.path)), row.description);
    }
  });

  it('counts README.md files as notes', function () {
    const readmes = manifest.notes.filter((note) => note.readme);
    assert.ok(readmes.length >= 2);
    for (const note of readmes) assert.equal(t.service.resolve(key(note.path))?.title, note.title);
  });

  it('resolves the notes\' relative links, percent-encoded and angle-bracketed ones included, once the bodies are read', async function () {
    await bodiesDone(t.service);
    let checked = 0;
    for (const note of manifest.notes.filter((candidate) => candidate.links.length > 0)) {
      const content = await t.service.note(key(note.path));
      for (const link of note.links) {
        assert.equal(content?.links[link.href], link.exists ? key(link.target) : undefined, `${note.path}: ${link.href}`);
        checked++;
      }
    }
    assert.ok(checked >= 5, `${checked} links`);
  });
});

describe('one long file as topics', function () {
  const readme = [
    '# 目录', //                                    0
    '', //                                          1
    '- [Python](#python)', //                       2
    '- [网络](#网络)', //                            3
    '', //                                          4
    '# Python', //                                  5
    '', //                                          6
    '## 1. [GIL](https://example.invalid) 是什么？', // 7
    'GIL 是全局解释器锁。', //                        8
    '', //                                          9
    '### 为什么有 GIL', //                          10
    '历史原因。', //                                 11
    '```python', //                                12
    '# 这不是标题', //                               13
    'import threading', //                         14
    '```', //                                      15
    '## **装饰器** 怎么写？', //                     16
    '## 空的问题', //                               17
    '## 3. 生成器', //                              18
    '用 yield。', //                                19
    '# 网络', //                                    20
    '## TCP 三次握手', //                           21
    '### SYN', //                                  22
    '## `HTTP` 与 HTTPS 的区别', //                 23
    '# Python', //                                 24
    '## 另一个 Python 问题', //                      25
    '',
  ].join('\n');

  it('makes the `#` sections categories and every `##` question a topic, deeper headings and code staying inside', function () {
    const split = splitTopics(readme, '/work/interview/README.md');
    assert.equal(split.title, 'interview');
    assert.deepEqual(split.categories.map((category) => [category.title, category.line]), [['Python', 5], ['网络', 20], ['Python', 24]]);
    assert.deepEqual(split.topics.map((topic) => [topic.folders[0], topic.categoryLine, topic.title, topic.bodyLine, topic.endLine]), [
      ['Python', 5, '1. GIL 是什么？', 7, 16],
      ['Python', 5, '装饰器 怎么写？', 16, 17],
      ['Python', 5, '空的问题', 17, 18],
      ['Python', 5, '3. 生成器', 18, 20],
      ['网络', 20, 'TCP 三次握手', 21, 23],
      ['网络', 20, 'HTTP 与 HTTPS 的区别', 23, 24],
      ['Python', 24, '另一个 Python 问题', 25, 27],
    ]);
    assert.equal(new Set(split.topics.map((topic) => topic.id)).size, split.topics.length);
    assert.equal(new Set(split.topics.map((topic) => topic.key)).size, split.topics.length);
  });

  it('uses a single `#` title as the file\'s title, `##` as categories and `###` as topics', function () {
    const split = splitTopics('# 面试题大全\n\n## 基础\n### 变量\n### 函数\n## 进阶\n### 元类\n', '/work/q.md');
    assert.equal(split.title, '面试题大全');
    assert.deepEqual(split.categories.map((category) => category.title), ['基础', '进阶']);
    assert.deepEqual(split.topics.map((topic) => topic.title), ['变量', '函数', '元类']);
  });

  it('makes one level of headings topics without categories', function () {
    const split = splitTopics('## 甲\n正文\n## 乙\n', '/work/flat.md');
    assert.deepEqual(split.categories, []);
    assert.deepEqual(split.topics.map((topic) => [topic.title, topic.folders]), [['甲', []], ['乙', []]]);
  });

  it('shows the file in the tree with its categories, keeps an empty category, and searches its questions', async function () {
    this.timeout(10_000);
    const file = '/work/interview/README.md';
    const t = await startService({ fs: new MemoryFileSystem({ [file]: readme, '/notes/a.md': '# A\n' }), topicFiles: [file] });
    const top = t.service.treeChildren().find((row) => row.kind === 'topicFile');
    assert.equal(top?.label, 'interview');
    assert.deepEqual(t.service.treeChildren(top!.id).map((row) => [row.label, row.childCount]), [['Python', 4], ['网络', 2], ['Python', 1]]);
    assert.deepEqual(t.service.topicFile(file), { path: file, title: 'interview', categories: 3, topics: 7, firstTopic: `${file}#L8` });
    const content = await t.service.note(`${file}#L8`);
    assert.equal(content?.firstLine, 7);
    assert.match(content!.text, /^## 1\. \[GIL\]/);
    assert.match(content!.text, /### 为什么有 GIL/);
    assert.doesNotMatch(content!.text, /装饰器/);
    const end = Date.now() + 5000;
    while (!t.service.searchReady && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 10));
    const hits = (await t.service.searchNotes('全局解释器锁')).hits;
    assert.deepEqual(hits.map((hit) => [hit.note.title, hit.line]), [['1. GIL 是什么？', 8]]);
    const empty = await startService({ fs: new MemoryFileSystem({ '/work/e.md': '# 甲\n## 问题\n# 空分类\n# 丙\n## 问题二\n' }), topicFiles: ['/work/e.md'] });
    const emptyTop = empty.service.treeChildren().find((row) => row.kind === 'topicFile')!;
    assert.deepEqual(empty.service.treeChildren(emptyTop.id).map((row) => [row.label, row.childCount]), [['甲', 1], ['空分类', 0], ['丙', 1]]);
  });

  for (const withTitle of [true, false]) {
    it(`splits the 70 KB interview README${withTitle ? ' with a `#` title' : ''} into all its categories and questions, by the manifest`, async function () {
      this.timeout(10_000);
      const { text, manifest } = interviewReadmeText({ seed: 3, title: withTitle });
      const file = '/work/interview/README.md';
      const split = splitTopics(text, file);
      assert.equal(split.title, manifest.title ?? 'interview');
      assert.deepEqual(split.categories.map((category) => category.title), manifest.categories);
      assert.deepEqual(split.topics.map((topic) => [topic.title, topic.bodyLine, topic.folders[0]]), manifest.topics.map((topic) => [topic.title, topic.line, topic.category]));
      const lines = text.split('\n');
      manifest.topics.forEach((topic, i) => {
        const body = lines.slice(split.topics[i].bodyLine, split.topics[i].endLine);
        for (const sub of topic.subsections) assert.ok(body.some((line) => line.startsWith('### ') && line.includes(sub)), `${topic.title} keeps ### ${sub}`);
      });
      assert.ok(split.topics.every((topic) => topic.bodyLine > manifest.toc.lastLine), 'nothing from the table of contents');

      const t = await startService({ fs: new MemoryFileSystem({ [file]: text }), user: [], topicFiles: [file] });
      await bodiesDone(t.service);
      const found = new Set((await t.service.searchNotes(manifest.mentions.term)).hits.map((hit) => hit.note.title));
      assert.ok(found.has(manifest.mentions.titleTopic) && found.has(manifest.mentions.bodyOnlyTopic), [...found].join(', '));
    });
  }

  describe('the seed file', function () {
    const seed = [path.resolve(__dirname, '../../../../shared/seed/000_5e54a9df82574f20.txt'), '/work/shared/seed/000_5e54a9df82574f20.txt'].find((file) => fs.existsSync(file));

    before(function () {
      if (!seed) this.skip();
    });

    it('gives its 5 categories (Spider empty) and one topic per `####` concept, nothing from its table of contents', async function () {
      const text = fs.readFileSync(seed!, 'utf8');
      const file = '/tmp/seed-notes.md';
      const split = splitTopics(text, file);
      assert.deepEqual(split.categories.map((category) => category.title), ['python', 'Spider', 'web', 'Database', 'Other']);
      assert.equal(split.topics.length, 30);
      const concepts = text.split('\n').filter((line) => /^#### /.test(line)).map((line) => line.slice(5).trim());
      assert.deepEqual(split.topics.map((topic) => topic.title), concepts);
      const perCategory = new Map<string, number>();
      for (const topic of split.topics) perCategory.set(topic.folders[0], (perCategory.get(topic.folders[0]) ?? 0) + 1);
      assert.deepEqual([...perCategory], [['python', 13], ['web', 9], ['Database', 5], ['Other', 3]]);
      assert.ok(split.topics.every((topic) => !/[[\]()#*`]/.test(topic.title) || topic.title === 'GET/POST'), 'plain text titles');
      const isolation = split.topics.find((topic) => topic.title === '隔离级别')!;
      assert.deepEqual(text.split('\n').slice(isolation.bodyLine, isolation.endLine).filter((line) => line.startsWith('#####')).length, 4, 'sub-headings stay inside');

      const t = await startService({ fs: new MemoryFileSystem({ [file]: text }), user: [], topicFiles: [file] });
      const top = t.service.treeChildren().find((row) => row.kind === 'topicFile')!;
      assert.deepEqual(t.service.treeChildren(top.id).map((row) => [row.label, row.childCount]), [['python', 13], ['Spider', 0], ['web', 9], ['Database', 5], ['Other', 3]]);
      assert.equal(t.service.topicFile(file)?.topics, 30);
    });
  });
});
