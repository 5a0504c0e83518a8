// Problems and cross-note facts of the note model, on the fixture notes in memory: each mistake of the
// broken note at its exact range (own problems from the parse, duplicate and dangling ids from the
// model), note links and code spans, references, the nearest id for "did you mean", and the words
// of Python code that concepts cover.
import assert from 'node:assert/strict';
import path from 'node:path';
import { coveredCandidates, dottedNameAt, pythonImports } from '../../src/core/codeConcepts';
import type { NoteProblem, ParsedNote, TextRange } from '../../src/core/model';
import { editDistance, nearest } from '../../src/core/nearest';
import { NoteModel } from '../../src/core/noteModel/noteModel';
import { codeSpans, expandLink, linksInLine, relativeLink } from '../../src/core/notes/noteLinks';
import { parseNoteDocument } from '../../src/core/notes/parseNote';
import { diagramProblems } from '../../src/server/languageFeatures/diagnostics';
import { scanBodies } from '../support/memoryService';
import { BROKEN_FILE, BROKEN_NOTE, FIXTURE_NOTES, FIXTURE_ROOT, fixtureFileSystem } from '../support/noteFixtures';

const root = FIXTURE_ROOT;
const brokenPath = `${root}/${BROKEN_FILE}`;
const at = (problems: NoteProblem[], pattern: RegExp): TextRange[] => problems.filter((problem) => pattern.test(problem.message)).map((problem) => problem.range);
const range = (line: number, from: number, to: number): TextRange => ({ startLine: line, startCharacter: from, endLine: line, endCharacter: to });

/** A model of the fixture notes (and the broken note, when asked), read from memory, bodies and all. */
async function fixtureModel(withBroken = true, extra: Record<string, string> = {}): Promise<NoteModel> {
  const model = new NoteModel({ fs: fixtureFileSystem({ ...(withBroken ? { [BROKEN_FILE]: BROKEN_NOTE } : {}), ...extra }) });
  await model.configure({ folders: [{ root, namespace: 'user' }], topicFiles: [] });
  await scanBodies(model);
  return model;
}

/** Every problem of a note open in an editor: its own and those only the whole model shows. */
function problemsOf(model: NoteModel, file: string, text: string): { parsed: ParsedNote; problems: NoteProblem[] } {
  const parsed = model.setOpenText(file, text);
  assert.ok(parsed, `${file} is a note`);
  return { parsed, problems: [...parsed.problems, ...model.crossProblems(parsed)] };
}

describe('problem ranges', function () {
  let problems: NoteProblem[];
  let parsed: ParsedNote;
  const line37 = BROKEN_NOTE.split('\n')[37];

  before(async function () {
    ({ parsed, problems } = problemsOf(await fixtureModel(), brokenPath, BROKEN_NOTE));
  });

  it('points at the offending YAML node of each quiz mistake', function () {
    assert.deepEqual(at(problems, /answer 2 is out of range/), [range(10, 12, 13)]);
    assert.deepEqual(at(problems, /ref "不存在的标题"/), [range(12, 9, 15)]);
    assert.deepEqual(at(problems, /"broken-a" is used more than once/), [range(13, 8, 16)]);
    assert.deepEqual(at(problems, /"broken-a" asks for output/), [range(17, 12, 14)]);
    assert.deepEqual(at(problems, /choice 2 is empty/), [range(23, 17, 20)]);
    assert.deepEqual(at(problems, /"broken-c" marks no choice/), [range(24, 12, 14)]);
    assert.deepEqual(at(problems, /"broken-d" has no choices/), [range(29, 13, 15)]);
  });

  it('points at dangling related ids and links, and leaves good ones alone', function () {
    assert.deepEqual(at(problems, /Related id "clozure"/), [range(4, 19, 26)]);
    const nowhere = line37.indexOf('nowhere');
    const nope = line37.indexOf('../nope/nope.md');
    const typo = line37.indexOf('../decoratr/decorator.md');
    assert.deepEqual(at(problems, /Link target/), [range(37, nowhere, nowhere + 7), range(37, nope, nope + 15), range(37, typo, typo + 24)]);
    assert.equal(problems.filter((problem) => /closure"|partial-function/.test(problem.message)).length, 0, problems.map((p) => p.message).join('\n'));
  });

  it('keeps the schema error at its value', function () {
    assert.deepEqual(at(problems, /integer/), [range(3, 7, 12)]);
  });

  it('reports nothing on the lines without mistakes', function () {
    const lines = [...new Set(problems.map((problem) => problem.range.startLine))].sort((a, b) => a - b);
    assert.deepEqual(lines, [3, 4, 10, 12, 13, 17, 23, 24, 29, 37], problems.map((p) => `${p.range.startLine}: ${p.message}`).join('\n'));
  });

  it('puts a diagram the panel could not draw on the line mermaid names', function () {
    const diagram = diagramProblems(parsed, [{ index: 0, message: 'Parse error on line 2:\n...A->>B hello\n-----^\nExpecting \'TXT\', got \'NEWLINE\'' }], 'en');
    assert.deepEqual(diagram.map((problem) => [problem.range, problem.message]), [
      [range(41, 0, 13), 'The diagram does not parse: Parse error on line 2: Expecting \'TXT\', got \'NEWLINE\''],
    ]);
  });

  it('reports a duplicate id at the id of each note', async function () {
    const model = await fixtureModel(false);
    const copy = problemsOf(model, `${root}/mine/copy.md`, FIXTURE_NOTES['mine/copy.md']).problems;
    const original = problemsOf(model, `${root}/python/partial-function/partial-function.md`, FIXTURE_NOTES['python/partial-function/partial-function.md']).problems;
    assert.deepEqual(at(copy, /also used by .*partial-function\.md/), [range(1, 4, 20)]);
    assert.deepEqual(at(original, /also used by .*copy\.md/), [range(1, 4, 20)]);
  });

  it('finds a quiz id that another note uses too, in both notes', async function () {
    const question = (note: string) => `---\nid: ${note}\ntitle: t\nquiz:\n  - {id: shared-q, type: recall, question: q, answer: a, explanation: e}\n---\n`;
    const model = await fixtureModel(false, { 'first.md': question('first') });
    const second = problemsOf(model, `${root}/second.md`, question('second')).problems;
    assert.deepEqual(at(second, new RegExp(`"shared-q" is also used by ${root}/first.md`)), [range(4, 9, 17)]);
    const first = problemsOf(model, `${root}/first.md`, question('first')).problems;
    assert.deepEqual(at(first, new RegExp(`"shared-q" is also used by ${root}/second.md`)), [range(4, 9, 17)]);
  });

  it('survives a quiz that breaks the schema in every way', async function () {
    const model = await fixtureModel(false);
    const messages = problemsOf(model, `${root}/odd.md`, '---\nid: odd\ntitle: t\nrelated: closure\nquiz: [1, "x", null, {type: single}, {id: odd-a, type: multiple, choices: 3, answer: "no"}]\n---\n')
      .problems.map((problem) => problem.message);
    assert.ok(messages.some((message) => /"#4" has no choices/.test(message)), messages.join('\n'));
    assert.ok(messages.some((message) => /"odd-a" has no choices/.test(message)), messages.join('\n'));
  });
});

describe('note links', function () {
  it('finds note: links, autolinks, definitions and relative .md links with their ranges', function () {
    const line = '看[a](note:closure#x) <note:decorator> [b](../b/b.md#part "t") [web](https://x.md) [c](c.txt) [d](#anchor)';
    const links = linksInLine(line, 7);
    assert.deepEqual(links.map((link) => [link.kind, link.href, link.range.startLine, link.range.startCharacter, link.range.endCharacter]), [
      ['id', 'note:closure#x', 7, line.indexOf('note:closure'), line.indexOf('note:closure') + 14],
      ['id', 'note:decorator', 7, line.indexOf('note:decorator'), line.indexOf('note:decorator') + 14],
      ['file', '../b/b.md#part', 7, line.indexOf('../b/b.md'), line.indexOf('../b/b.md') + 14],
    ]);
    const first = links[0];
    assert.ok(first.kind === 'id');
    assert.equal(first.id, 'closure');
    assert.deepEqual([first.idRange.startCharacter, first.idRange.endCharacter], [line.indexOf('closure'), line.indexOf('closure') + 7]);
    assert.deepEqual(linksInLine('[ref]: ../x%20y/z.md', 0).map((link) => link.kind === 'file' && link.file), ['../x y/z.md']);
    assert.deepEqual(linksInLine('[bad](note:%E0%A4%A) [root](/abs.md) [empty](note:)', 0).map((link) => link.kind === 'id' && link.id), ['%E0%A4%A']);
  });

  it('reads an angle-bracketed destination with spaces, as CommonMark does', function () {
    const line = '详见[MySQL](<数据库 & 缓存/MySQL.md>)和[传输层](<计算机网络 - 传输层.md#tcp>)。';
    assert.deepEqual(linksInLine(line, 0).map((link) => [link.kind === 'file' && link.file, link.range.startCharacter]), [
      ['数据库 & 缓存/MySQL.md', line.indexOf('数据库')], ['计算机网络 - 传输层.md', line.indexOf('计算机网络')],
    ]);
  });

  it('counts a link with an angle-bracketed destination once, not also as an autolink', function () {
    assert.deepEqual(linksInLine('[a](<note:closure>) [b]( <../b/b.md> "t")', 0).map((link) => link.href), ['note:closure', '../b/b.md']);
  });

  it('pairs code spans by equal backtick runs', function () {
    assert.deepEqual(codeSpans('a `b` c ``d ` e`` f'), [[2, 5], [8, 17]]);
    assert.deepEqual(codeSpans('``` unclosed ` `'), [[13, 16]]);
    assert.deepEqual(codeSpans('no code'), []);
  });

  it('ignores links in inline code and in code fences', function () {
    assert.deepEqual(linksInLine('`[a](note:x)` and ``[b](note:y)``', 0), []);
    assert.deepEqual(linksInLine('`` ` `` [c](note:z)', 0).map((link) => link.href), ['note:z']);
    const note = parseNoteDocument({ path: '/n/a.md', text: '---\nid: a\ntitle: a\n---\n```md\n[a](note:x)\n```\n[b](note:y)\n', namespace: 'user', root: '/n' });
    assert.deepEqual(note.links.map((link) => [link.href, link.range.startLine]), [['note:y', 7]]);
    assert.deepEqual(note.summary.links.map((ref) => expandLink(ref)?.href), ['note:y'], 'the model keeps the same links');
  });

  it('resolves relative links against the linking note', async function () {
    const model = await fixtureModel(false);
    assert.equal(model.resolveId('partial-function', 'user')?.path, `${root}/mine/copy.md`, 'of two notes declaring one id, lookups find the first path');
    const original = model.get(`${root}/python/partial-function/partial-function.md`)!;
    assert.equal(model.resolveLink(original, expandLink(original.links[0])!)?.id, 'decorator');
    assert.equal(relativeLink('/n/a/a.md', '/n/b/b.md'), '../b/b.md');
  });

  it('lists every reference to a concept', async function () {
    const model = await fixtureModel();
    const references = (id: string) => model.referencesTo(model.resolveId(id, 'user')!)
      .map((reference) => [path.basename(reference.from.path), reference.kind, reference.link?.range.startLine ?? null]);
    assert.deepEqual(references('closure').sort(), [['broken.md', 'idLink', 37], ['broken.md', 'related', null], ['decorator.md', 'idLink', 12], ['decorator.md', 'related', null]].sort());
    assert.deepEqual(references('decorator').sort(), [['closure.md', 'related', null], ['partial-function.md', 'fileLink', 11]].sort());
  });
});

describe('nearest id', function () {
  it('measures edit distance', function () {
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('abc', 'abc'), 0);
    assert.equal(editDistance('abcdef', 'uvwxyz', 2), 3);
  });

  it('picks the closest id and refuses far-off guesses', function () {
    assert.equal(nearest('clozure', ['closure', 'decorator', 'coroutine']), 'closure');
    assert.equal(nearest('decorater', ['closure', 'decorator']), 'decorator');
    assert.equal(nearest('tcp', ['closure', 'decorator']), undefined);
    assert.equal(nearest('ab', ['ac', 'aa']), 'aa');
  });
});

describe('words in Python code', function () {
  it('takes the dotted name up to the word under the cursor', function () {
    const line = 'x = functools.partial(f).func';
    assert.deepEqual(dottedNameAt(line, line.indexOf('partial') + 2), { text: 'functools.partial', start: 4, end: 21 });
    assert.deepEqual(dottedNameAt(line, line.indexOf('functools') + 1), { text: 'functools', start: 4, end: 13 });
    assert.equal(dottedNameAt(line, line.indexOf('('))?.text, 'functools.partial', 'a cursor just after the word');
    assert.equal(dottedNameAt('a = 1 + 2', 6), undefined);
    assert.deepEqual(dottedNameAt('    yield x', 6), { text: 'yield', start: 4, end: 9 });
  });

  it('applies the imports of the file', function () {
    const imports = pythonImports('import asyncio as aio, os.path\nfrom functools import (partial,\n    wraps as w)\nfrom threading import local  # comment\n');
    assert.equal(imports.get('aio'), 'asyncio');
    assert.equal(imports.get('os'), 'os');
    assert.equal(imports.get('partial'), 'functools.partial');
    assert.equal(imports.get('w'), 'functools.wraps');
    assert.equal(imports.get('local'), 'threading.local');
    assert.deepEqual(coveredCandidates('aio.gather', imports), ['asyncio.gather', 'aio.gather']);
    assert.deepEqual(coveredCandidates('yield', imports), ['yield']);
  });
});
