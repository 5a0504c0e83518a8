// A small notes folder with known content and known mistakes, written to a temporary folder (for the
// stdio server tests) or held in memory (for the model and language service tests). Line numbers in
// comments are 0-based, as LSP counts them.
import fs from 'node:fs';
import path from 'node:path';
import { MemoryFileSystem } from '../../src/core/noteModel/fileSystem';

const concept = (id: string, title: string, titleEn: string, extra: string, body: string): string =>
  `---\nid: ${id}\ntitle: ${title}\ntitleEn: ${titleEn}\ncategory: python\n${extra}---\n${body}`;

export const FIXTURE_NOTES: Record<string, string> = {
  'python/closure/closure.md': concept('closure', '闭包', 'Closures',
    'summary: 闭包是记住了外层作用域变量的函数。\ntags: [Python, 函数]\nrelated: [decorator]\n',
    '# 闭包\n\n## 自由变量\n\n内层函数引用外层变量。\n'),
  'python/decorator/decorator.md': concept('decorator', '装饰器', 'Decorators',
    'summary: 装饰器接收函数并返回替代它的对象。\ntags: [Python, 元编程]\nrelated: [closure, partial-function]\ncovers: [functools.wraps]\n',
    '# 装饰器\n\n装饰器通常用[闭包](note:closure)实现。\n\n## 语法糖\n'),
  'python/partial-function/partial-function.md': concept('partial-function', '偏函数', 'Partial functions',
    'summary: 偏函数固定一个函数的部分参数。\ntags: [Python, 函数]\ncovers: [functools.partial]\n',
    '# 偏函数\n\n见[装饰器](../decorator/decorator.md)。\n'),
  'python/thread-local/thread-local.md': concept('thread-local', '线程局部变量', 'Thread-local data',
    'summary: 每个线程各有一份的变量。\ncovers: [threading.local]\n',
    '# 线程局部变量\n'),
  'python/coroutine/coroutine.md': concept('coroutine', '协程', 'Coroutines',
    'summary: 协程可以暂停并在之后继续执行。\ncovers: [asyncio.gather, yield]\n',
    '# 协程\n'),
  // Same id as partial-function.md: both report a duplicate id on line 1, characters 4 to 20.
  'mine/copy.md': '---\nid: partial-function\ntitle: 副本\n---\n# 副本\n',
};

/** A note with one of each mistake; the comments give each problem's line and characters. */
export const BROKEN_NOTE = [
  '---', //                                        0
  'id: broken', //                                 1
  'title: 坏笔记', //                               2
  'order: first', //                               3  schema: 7-12
  'related: [closure, clozure]', //                4  dangling related: 19-26
  'quiz:', //                                      5
  '  - id: broken-a', //                           6
  '    type: single', //                           7
  '    question: 选哪个？', //                      8
  '    choices: [甲, 乙]', //                       9
  '    answer: 2', //                             10  answer out of range: 12-13
  '    explanation: 因为。', //                     11
  '    ref: 不存在的标题', //                        12  ref not a heading: 9-15
  '  - id: broken-a', //                          13  duplicate question id: 8-16
  '    type: output', //                          14
  '    question: 输出什么？', //                     15
  '    code: print(1)', //                        16
  '    answer: ""', //                            17  output without expected output: 12-14
  '    explanation: 因为。', //                     18
  '    ref: 小节', //                              19
  '  - id: broken-c', //                          20
  '    type: multiple', //                        21
  '    question: 哪些？', //                        22
  '    choices: [甲, " "]', //                     23  empty choice: 17-20
  '    answer: []', //                            24  no correct choice: 12-14
  '    explanation: 因为。', //                     25
  '  - id: broken-d', //                          26
  '    type: single', //                          27
  '    question: 空的？', //                        28
  '    choices: []', //                           29  no choices: 13-15
  '    answer: 0', //                             30
  '    explanation: 因为。', //                     31
  '---', //                                       32
  '# 坏笔记', //                                   33
  '', //                                          34
  '## 小节', //                                   35
  '', //                                          36
  '见[闭包](note:closure)、[无](note:nowhere)、[偏函数](../partial-function/partial-function.md)、[坏](../nope/nope.md)和[错](../decoratr/decorator.md)。', // 37: three broken links
  '', //                                          38
  '```mermaid', //                                39
  'sequenceDiagram', //                           40
  '  A->>B hello', //                             41  mermaid: line 2 of the diagram
  '  B->>A: ok', //                               42
  '```', //                                       43
  '',
].join('\n');

export const PYTHON_FILE = [
  'import functools', //                            0
  'from threading import local', //                 1
  'import asyncio as aio', //                       2
  '', //                                            3
  'def numbers():', //                              4
  '    yield 1', //                                 5
  '', //                                            6
  'square = functools.partial(pow, exp=2)', //      7  partial: 19-26
  'data = local()', //                              8  local: 7-12
  'aio.gather()', //                                9  gather: 4-10
  '',
].join('\n');

/** Writes the fixture notes below `root/notes`; returns that folder. */
export function writeFixtureNotes(root: string): string {
  const notes = path.join(root, 'notes');
  for (const [file, text] of Object.entries(FIXTURE_NOTES)) {
    fs.mkdirSync(path.dirname(path.join(notes, file)), { recursive: true });
    fs.writeFileSync(path.join(notes, file), text);
  }
  return notes;
}

/** Where the in-memory fixtures live, and where the broken note goes inside that folder. */
export const FIXTURE_ROOT = '/notes';
export const BROKEN_FILE = 'python/broken/broken.md';

/** The fixture notes (plus `extra` files, relative to `root`) in an in-memory file system. */
export function fixtureFileSystem(extra: Record<string, string> = {}, root = FIXTURE_ROOT): MemoryFileSystem {
  const files: Record<string, string> = {};
  for (const [file, text] of Object.entries({ ...FIXTURE_NOTES, ...extra })) files[`${root}/${file}`] = text;
  return new MemoryFileSystem(files);
}
