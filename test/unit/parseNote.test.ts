// The note parser on its own (`summarizeNote` for the index, `parseNoteDocument` for open notes):
// front matter values, YAML errors at their lines, schema errors at their keys (in Chinese too),
// wrong-typed fields reported and then treated as absent, headings (ATX and setext), fences and
// mermaid blocks, quiz checks, and hostile input (alias bombs, deep nesting, binary, unclosed
// blocks, huge notes).
import assert from 'node:assert/strict';
import type { Namespace, NoteProblem, NoteSummary } from '../../src/core/model';
import { scanBody } from '../../src/core/notes/bodyScan';
import { readFrontMatter, splitFrontMatter } from '../../src/core/notes/frontMatter';
import { expandLink } from '../../src/core/notes/noteLinks';
import { DEFAULT_MAX_NOTE_BYTES, parseNoteDocument, scanNoteBody, summarizeNote, type ParseOptions } from '../../src/core/notes/parseNote';

const root = '/n';
const input = (text: string, file = 'x.md', namespace: Namespace = 'user') => ({ path: `${root}/${file}`, text, namespace, root });
const parse = (text: string, file?: string, options?: ParseOptions) => parseNoteDocument(input(text, file), options);
const summarize = (text: string, file?: string, options?: ParseOptions) => summarizeNote(input(text, file), options);
const note = (frontMatter: string, body = '# 标题\n\n正文\n') => `---\n${frontMatter}\n---\n${body}`;
const listed = (problems: readonly NoteProblem[]) => problems.map((p) => `${p.range.startLine}:${p.range.startCharacter}-${p.range.endCharacter} ${p.message}`).join('\n');
/** What a note declares of itself, which the index and the editor must read alike. */
const metadata = ({ key, id, declared, title, titleEn, category, order, summary, tags, related, covers, examples, exercises, quiz, bodyLine, broken, inferred, skipped, folders }: NoteSummary) =>
  ({ key, id, declared, title, titleEn, category, order, summary, tags, related, covers, examples, exercises, quiz, bodyLine, broken, inferred, skipped, folders });
const rangeOf = (problems: readonly NoteProblem[], pattern: RegExp) =>
  problems.filter((p) => pattern.test(p.message)).map(({ range }) => [range.startLine, range.startCharacter, range.endLine, range.endCharacter]);

describe('parsing a note', function () {
  this.timeout(10_000);
  it('reads front matter, headings and mermaid blocks', function () {
    const text = note('id: demo\ntitle: 演示\ncategory: python\norder: 2', '# 演示\n\n## 一\n\n```mermaid\nflowchart LR\n  a --> b\n```\n\n```python\n# not a heading\n```\n## 二\n');
    const parsed = parse(text, 'demo.md');
    assert.deepEqual(parsed.problems, []);
    const { summary } = parsed;
    assert.equal(summary.id, 'demo');
    assert.equal(summary.declared, true);
    assert.equal(summary.title, '演示');
    assert.equal(summary.category, 'python');
    assert.equal(summary.order, 2);
    assert.equal(summary.inferred, false);
    assert.equal(summary.broken, false);
    assert.equal(summary.bodyLine, 6);
    assert.equal(summary.diagrams, 1);
    assert.deepEqual(parsed.headings.map((h) => [h.level, h.text, h.line]), [[1, '演示', 6], [2, '一', 8], [2, '二', 18]]);
    assert.deepEqual(parsed.diagrams, ['flowchart LR\n  a --> b']);
    assert.deepEqual(parsed.spans.diagramLines, [11]);
    assert.equal(parsed.lineCount, 20);
  });

  it('reads the same metadata whether the note is indexed or open in an editor', function () {
    const text = note('id: same\ntitle: 同\ntags: [a, b]\nrelated: [other]\ncovers: [yield]\nsummary: 一句话', '# 同\n\n见[别的](note:other)和[文件](../o/o.md)。\n\n```mermaid\npie\n```\n');
    assert.deepEqual(metadata(summarize(text)), metadata(parse(text).summary));
    const plain = '前言\n\n# 没有前置元数据\n';
    assert.deepEqual(metadata(summarize(plain)), metadata(parse(plain).summary));
  });

  it('leaves the body\'s links to a second pass when indexing, and reads them in full for an editor', function () {
    const text = note('id: links\ntitle: 链接', '见[别的](note:other)和[文件](../o/o.md)。\n\n```mermaid\npie\n```\n');
    const indexed = summarize(text);
    assert.equal(indexed.bodyScanned, false);
    const second = scanNoteBody(text, indexed);
    assert.deepEqual(second.links.map((ref) => expandLink(ref)?.href), ['note:other', '../o/o.md']);
    assert.equal(second.diagrams, 1);
    const open = parse(text);
    assert.equal(open.summary.bodyScanned, true);
    assert.deepEqual(open.summary.links, second.links);
    const line = text.split('\n')[4];
    assert.deepEqual(open.links.map((link) => [link.href, link.range.startLine, link.range.startCharacter]), [['note:other', 4, line.indexOf('note:')], ['../o/o.md', 4, line.indexOf('../o')]]);
  });

  it('reads setext headings, closing hashes, and leaves look-alikes alone', function () {
    const { headings } = scanBody('Title\n=====\n\nSub\ntitle\n---\n\n# Closed ##\n#hashtag\n    # indented code\n####### seven\n- item\n---\n\n---\n');
    assert.deepEqual(headings.map((h) => [h.level, h.text, h.line]), [[1, 'Title', 0], [2, 'Sub title', 3], [1, 'Closed', 7]]);
  });

  it('does not take # lines inside fences for headings', function () {
    const { headings } = scanBody('~~~\n# no\n~~~\n````md\n```\n# still no\n````\n# yes');
    assert.deepEqual(headings.map((h) => h.text), ['yes']);
  });

  it('counts only closed mermaid fences as diagrams', function () {
    const scan = scanBody('```mermaid\ngraph TD\n```\n\n~~~ Mermaid\npie\n~~~\n\n```mermaid\nflowchart LR\n');
    assert.equal(scan.diagramCount, 2);
    assert.deepEqual(scan.diagrams, ['graph TD', 'pie']);
    assert.deepEqual(scan.diagramLines, [1, 5]);
  });

  it('infers title, id and folders for a note without front matter', function () {
    const parsed = parse('Intro line\n\n# My Topic\n\ntext', 'algorithms/my-topic.md');
    assert.equal(parsed.summary.inferred, true);
    assert.equal(parsed.summary.declared, false);
    assert.equal(parsed.summary.title, 'My Topic');
    assert.equal(parsed.summary.id, 'algorithms/my-topic');
    assert.deepEqual(parsed.summary.folders, ['algorithms']);
    assert.equal(parsed.summary.category, undefined);
    assert.deepEqual(parsed.problems, []);
    // Bundled-style `<category>/<id>/<id>.md`: the note's own folder is no category of its own.
    assert.deepEqual(summarize('# T', 'python/closure/closure.md').folders, ['python']);
  });

  it('finds front matter with a byte order mark, CRLF line ends or a `...` closing line, and only at the top', function () {
    assert.equal(splitFrontMatter('\uFEFF---\r\nid: a\r\n---\r\nbody').kind, 'block');
    const dots = splitFrontMatter('---\nid: a\n...\nbody');
    assert.ok(dots.kind === 'block');
    assert.equal(dots.bodyLine, 3);
    assert.equal(splitFrontMatter('\n---\nid: a\n---\n').kind, 'none');
    assert.equal(splitFrontMatter('---\nid: a\n').kind, 'unclosed');
    assert.equal(summarize('\uFEFF---\r\nid: crlf\r\ntitle: 换行\r\n---\r\n# 换行\r\n').id, 'crlf');
  });

  it('reports malformed YAML at its line and keeps the note usable', function () {
    for (const parsed of [parse(note('id: x\ntitle: [unclosed')), indexed(note('id: x\ntitle: [unclosed'))]) {
      assert.equal(parsed.summary.broken, true);
      assert.equal(parsed.summary.inferred, true);
      assert.equal(parsed.problems.length, 1, listed(parsed.problems));
      assert.match(parsed.problems[0].message, /not valid YAML/);
      assert.ok(parsed.problems[0].range.startLine >= 1 && parsed.problems[0].range.startLine <= 3, listed(parsed.problems));
      assert.equal(parsed.summary.title, '标题');
      assert.equal(parsed.summary.id, 'x', 'the id comes from the file name');
    }
    const list = parse(note('- a\n- b'));
    assert.match(list.problems[0].message, /must be a YAML mapping/);
    assert.equal(list.summary.broken, true);
  });

  it('reports schema errors at the offending key, in Chinese when asked', function () {
    const text = note('id: x\ntitle: t\norder: first\ncolour: red');
    for (const problems of [indexed(text).problems, parse(text).problems]) {
      const messages = problems.map((p) => `${p.range.startLine}:${p.message}`);
      assert.equal(problems.length, 2, messages.join('\n'));
      assert.ok(messages.some((m) => m.startsWith('3:') && /integer/.test(m)), messages.join('\n'));
      assert.ok(messages.some((m) => m.startsWith('4:') && /additional/.test(m)), messages.join('\n'));
    }
    // Open in an editor, the range is the YAML node: the value of `order`, the key `colour`.
    const open = parse(text).problems;
    assert.deepEqual(rangeOf(open, /integer/), [[3, 7, 3, 12]]);
    assert.deepEqual(rangeOf(open, /additional/), [[4, 0, 4, 6]]);
    const zh = parse(text, 'x.md', { locale: 'zh-cn' });
    assert.equal(zh.problems.length, 2);
    for (const problem of zh.problems) assert.match(problem.message, /^前置元数据：/);
    assert.ok(zh.problems.some((p) => /整数|integer/.test(p.message) && p.range.startLine === 3), listed(zh.problems));
  });

  it('reports fields of the wrong type at their ranges and treats them as absent', function () {
    const text = note('id: typed\ntitle: 类型\ntitleEn: 5\ncategory: [1, 2]\nrelated: decorator\ntags: {a: 1}\nsummary: 12\norder: -1\ncovers: [yield, 3]');
    for (const parsed of [parse(text), indexed(text)]) {
      const { summary } = parsed;
      assert.equal(summary.title, '类型');
      assert.equal(summary.titleEn, undefined);
      assert.equal(summary.category, undefined);
      assert.equal(summary.summary, undefined);
      assert.equal(summary.order, undefined);
      assert.deepEqual(summary.related, []);
      assert.deepEqual(summary.tags, []);
      assert.deepEqual(summary.covers, ['yield'], 'a bad list item goes, the others stay');
      assert.equal(summary.broken, false);
      assert.equal(summary.declared, true);
      const lines = new Set(parsed.problems.map((p) => p.range.startLine));
      assert.deepEqual([...lines].sort(), [3, 4, 5, 6, 7, 8, 9], listed(parsed.problems));
    }
  });

  it('validates quiz questions by type and leaves out those that cannot be asked', function () {
    const quiz = [
      'quiz:',
      '  - {id: x-a, type: single, question: q, answer: 0, explanation: e}',
      '  - {id: x-b, type: single, question: q, choices: [a, b], answer: 2, explanation: e}',
      '  - {id: x-c, type: output, question: q, code: "print()", answer: "", explanation: e}',
      '  - {id: x-d, type: truefalse, question: q, answer: true, explanation: e, ref: 标题}',
      '  - {id: x-d, type: truefalse, question: q, answer: false, explanation: e}',
      '  - {id: x-e, type: recall, question: q, answer: a, explanation: e, ref: 没有这个标题}',
    ].join('\n');
    const parsed = parse(note(`id: x\ntitle: t\n${quiz}`));
    const messages = listed(parsed.problems);
    assert.match(messages, /"x-a" has no choices/);
    assert.match(messages, /"x-b": answer 2 is out of range for 2 choices/);
    assert.match(messages, /"x-c" asks for output/);
    assert.match(messages, /"x-d" is used more than once/);
    assert.match(messages, /"x-e": ref "没有这个标题"/);
    assert.deepEqual(parsed.summary.quiz.map((q) => q.id), ['x-d', 'x-e']);
    assert.equal(parsed.spans.quiz.length, 6);
    assert.equal(parsed.problems.find((p) => /used more than once/.test(p.message))?.range.startLine, 8);
  });

  it('survives an alias bomb, recursive aliases and YAML nested a hundred thousand deep', function () {
    const bomb = note('a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e]\nid: x\ntitle: t');
    for (const parsed of [parse(bomb), indexed(bomb)]) {
      assert.ok(parsed.problems.length > 0);
      assert.match(parsed.problems[0].message, /aliases/);
      assert.equal(parsed.summary.broken, true);
    }
    const recursive = parse(note('id: r\ntitle: t\ntags: &a [*a, *a]'));
    assert.ok(recursive.problems.length > 0);
    const deep = parse(note(`id: deep\ntitle: t\ntags: ${'['.repeat(100_000)}${']'.repeat(100_000)}`));
    assert.match(deep.problems[0].message, /YAML/);
    assert.equal(deep.summary.broken, true);
  });

  it('marks binary content, an unclosed block and a huge note, and keeps the huge note\'s front matter', function () {
    const binary = parse('abc\u0000def', 'bin.md');
    assert.match(binary.problems[0].message, /not text/);
    assert.equal(binary.summary.skipped, 'binary');
    assert.equal(binary.summary.title, 'bin');
    const unclosed = parse('---\nid: x\n# no end', 'open.md');
    assert.match(unclosed.problems[0].message, /closing/);
    assert.equal(unclosed.summary.broken, true);
    const huge = parse(note('id: huge\ntitle: 大', `# 大\n[a](note:b)\n${'x'.repeat(DEFAULT_MAX_NOTE_BYTES)}`), 'huge.md');
    assert.equal(huge.problems.length, 1, listed(huge.problems));
    assert.match(huge.problems[0].message, /MB/);
    assert.equal(huge.problems[0].severity, 'warning');
    assert.equal(huge.summary.skipped, 'tooLarge');
    assert.equal(huge.summary.id, 'huge');
    assert.equal(huge.summary.title, '大');
    assert.deepEqual(huge.headings, []);
    assert.deepEqual(huge.summary.links, []);
    assert.deepEqual(huge.links, []);
  });

  it('measures the size limit in UTF-8 bytes and honours a smaller limit', function () {
    const chinese = '汉'.repeat(Math.ceil(DEFAULT_MAX_NOTE_BYTES / 3) + 10);
    assert.ok(chinese.length < DEFAULT_MAX_NOTE_BYTES);
    assert.equal(summarize(chinese).skipped, 'tooLarge');
    assert.equal(summarize('# a\n'.repeat(1000), 'x.md', { maxBytes: 1024 }).skipped, 'tooLarge');
    assert.equal(summarize('# a\n'.repeat(100), 'x.md', { maxBytes: 1024 }).skipped, undefined);
  });
});

/**
 * The index's view of a note: its summary, with the problems of the front matter read without node
 * ranges (line-based, as the index reads it) plus the quiz checks, in the shape of a full parse.
 */
function indexed(text: string, file = 'x.md') {
  const summary = summarize(text, file);
  const full = parse(text, file);
  assert.equal(summary.problemCount, full.problems.length, 'the index and the editor see the same number of problems');
  assert.equal(summary.problem?.message, full.problems[0]?.message);
  const split = splitFrontMatter(text);
  const frontMatter = split.kind === 'block' ? readFrontMatter(split, 'en', false).problems : [];
  return { summary, problems: [...frontMatter, ...full.problems.slice(frontMatter.length)] };
}
