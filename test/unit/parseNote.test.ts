import assert from 'node:assert/strict';
import { parseNote, scanBody, MAX_NOTE_BYTES } from '../../src/core/parseNote';
import { NoteIndex } from '../../src/core/noteIndex';

const note = (frontMatter: string, body = '# 标题\n\n正文\n') => `---\n${frontMatter}\n---\n${body}`;

describe('parseNote', function () {
  it('reads front matter, headings and mermaid blocks', function () {
    const parsed = parseNote(note('id: demo\ntitle: 演示\ncategory: python\norder: 2', '# 演示\n\n## 一\n\n```mermaid\nflowchart LR\n  a --> b\n```\n\n```python\n# not a heading\n```\n## 二\n'), 'demo.md');
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.meta.id, 'demo');
    assert.equal(parsed.category, 'python');
    assert.equal(parsed.inferred, false);
    assert.deepEqual(parsed.headings.map((h) => [h.level, h.text, h.line]), [[1, '演示', 6], [2, '一', 8], [2, '二', 18]]);
    assert.deepEqual(parsed.diagrams, ['flowchart LR\n  a --> b']);
  });

  it('infers title and category for a note without front matter', function () {
    const parsed = parseNote('Intro line\n\n# My Topic\n\ntext', '/x/algorithms/my-topic.md', { baseName: 'My Topic', folderName: 'algorithms' });
    assert.equal(parsed.inferred, true);
    assert.equal(parsed.meta.title, 'My Topic');
    assert.equal(parsed.meta.id, 'my-topic');
    assert.equal(parsed.category, 'algorithms');
    assert.deepEqual(parsed.problems, []);
  });

  it('reports malformed YAML with its line and keeps the note usable', function () {
    const parsed = parseNote(note('id: x\ntitle: [unclosed'), 'x.md', { baseName: 'x' });
    assert.equal(parsed.inferred, true);
    assert.equal(parsed.problems.length > 0, true);
    assert.match(parsed.problems[0].message, /YAML/);
    assert.ok(parsed.problems[0].range.startLine >= 1);
    assert.equal(parsed.meta.title, '标题');
  });

  it('reports schema errors at the offending key, in Chinese when asked', function () {
    const text = note('id: x\ntitle: t\norder: first\ncolour: red');
    const parsed = parseNote(text, 'x.md');
    const messages = parsed.problems.map((p) => `${p.range.startLine}:${p.message}`);
    assert.equal(parsed.problems.length, 2, messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith('3:') && /integer/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith('4:') && /additional/.test(m)), messages.join('\n'));
    const zh = parseNote(text, 'x.md', { locale: 'zh-cn' });
    assert.match(zh.problems[0].message, /前置元数据/);
  });

  it('validates quiz questions by type', function () {
    const parsed = parseNote(note('id: x\ntitle: t\nquiz:\n  - id: x-a\n    type: single\n    question: q\n    answer: 0\n    explanation: e'), 'x.md');
    assert.ok(parsed.problems.some((p) => /choices/.test(p.message)), parsed.problems.map((p) => p.message).join('\n'));
  });

  it('survives an alias bomb, binary content, an unclosed block and a huge file', function () {
    const bomb = note('a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nid: x\ntitle: t');
    assert.ok(parseNote(bomb, 'bomb.md').problems.length > 0);
    assert.match(parseNote('abc\u0000def', 'bin.md').problems[0].message, /not text/);
    assert.match(parseNote('---\nid: x\n# no end', 'open.md').problems[0].message, /closing/);
    const huge = parseNote('x'.repeat(MAX_NOTE_BYTES + 1), 'huge.md');
    assert.match(huge.problems[0].message, /MB/);
  });

  it('does not take # lines inside fences for headings', function () {
    const { headings } = scanBody('~~~\n# no\n~~~\n````md\n```\n# still no\n````\n# yes');
    assert.deepEqual(headings.map((h) => h.text), ['yes']);
  });
});

describe('NoteIndex', function () {
  const make = (id: string, extra = '', body = '# T\n\n## A\n') => parseNote(note(`id: ${id}\ntitle: ${id}\ncategory: web\n${extra}`, body), `${id}.md`);

  it('orders categories as bundled and notes by order', function () {
    const index = new NoteIndex([make('b', 'order: 2'), make('a', 'order: 1'), parseNote(note('id: z\ntitle: z\ncategory: python'), 'z.md'), parseNote(note('id: u\ntitle: u\ncategory: mine'), 'u.md')]);
    assert.deepEqual(index.categories.map((c) => c.id), ['python', 'web', 'mine']);
    assert.deepEqual(index.categories[1].notes.map((n) => n.meta.id), ['a', 'b']);
  });

  it('finds duplicate ids, dangling related ids and quiz mistakes', function () {
    const quiz = 'quiz:\n  - {id: q-1, type: single, question: q, choices: [a, b], answer: 2, explanation: e, ref: A}\n  - {id: q-1, type: truefalse, question: q, answer: true, explanation: e, ref: Nowhere}';
    const first = make('dup', `related: [missing]\n${quiz}`);
    const index = new NoteIndex([first, make('dup')]);
    const messages = index.problemsOf(first).map((p) => p.message).join('\n');
    assert.match(messages, /also used by dup\.md/);
    assert.match(messages, /"missing" matches no note/);
    assert.match(messages, /"q-1" is used more than once/);
    assert.match(messages, /answer 2 is out of range for 2 choices/);
    assert.match(messages, /ref "Nowhere"/);
  });
});

describe('splitByHeadings', function () {
  it('splits a seed-like file into topics under their categories, skipping the table of contents', async function () {
    const { splitByHeadings } = await import('../../src/core/splitByHeadings');
    const text = '### [Python](#Python)\n* [List](#list)\n\n## python\n#### list\nA list.\n```c\n#### not a heading\n```\n#### dict\nA dict.\n## Web\n#### TCP\nHandshake.\n';
    const topics = splitByHeadings(text, '/notes/seed.md');
    assert.deepEqual(topics.map((t) => [t.category, t.meta.title, t.bodyLine]), [
      ['seed · python', 'list', 4], ['seed · python', 'dict', 9], ['seed · Web', 'TCP', 12],
    ]);
    assert.equal(topics[0].body, '#### list\nA list.\n```c\n#### not a heading\n```');
    assert.equal(new Set(topics.map((t) => t.meta.id)).size, 3);
  });
});
