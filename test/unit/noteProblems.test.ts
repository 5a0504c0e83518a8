// Core helpers of the language server: precise problem ranges, note links, the nearest id, words in
// Python code, and the store that re-parses one note at a time.
import assert from 'node:assert/strict';
import path from 'node:path';
import { coveredCandidates, dottedNameAt, pythonImports } from '../../src/core/codeConcepts';
import type { NoteProblem, TextRange } from '../../src/core/model';
import { editDistance, nearest } from '../../src/core/nearest';
import { NoteIndex } from '../../src/core/noteIndex';
import { linksInLine, relativeLink } from '../../src/core/noteLinks';
import { NoteStore } from '../../src/core/noteStore';
import { parseNote } from '../../src/core/parseNote';
import { BROKEN_NOTE, FIXTURE_NOTES } from '../support/noteFixtures';

const root = '/notes';
const fixtures = () => Object.entries(FIXTURE_NOTES).map(([file, text]) => parseNote(text, path.join(root, file)));
const broken = () => parseNote(BROKEN_NOTE, path.join(root, 'python/broken/broken.md'));
const at = (problems: NoteProblem[], pattern: RegExp): TextRange[] => problems.filter((problem) => pattern.test(problem.message)).map((problem) => problem.range);
const range = (line: number, from: number, to: number): TextRange => ({ startLine: line, startCharacter: from, endLine: line, endCharacter: to });

describe('problem ranges', function () {
  const note = broken();
  const problems = new NoteIndex([...fixtures(), note]).problemsOf(note);
  const line37 = BROKEN_NOTE.split('\n')[37];

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
    assert.equal(problems.filter((problem) => /closure|partial-function/.test(problem.message)).length, 0, problems.map((p) => p.message).join('\n'));
  });

  it('keeps the schema error at its value', function () {
    assert.deepEqual(at(problems, /integer/), [range(3, 7, 12)]);
  });

  it('reports a duplicate id at the id of each note', function () {
    const notes = fixtures();
    const index = new NoteIndex(notes);
    const copy = notes.find((each) => each.source.endsWith('copy.md'))!;
    const original = notes.find((each) => each.source.endsWith('partial-function.md'))!;
    assert.deepEqual(at(index.problemsOf(copy), /also used by .*partial-function\.md/), [range(1, 4, 20)]);
    assert.deepEqual(at(index.problemsOf(original), /also used by .*copy\.md/), [range(1, 4, 20)]);
  });

  it('finds a quiz id that another note uses too', function () {
    const other = parseNote('---\nid: other\ntitle: t\nquiz:\n  - {id: broken-a, type: recall, question: q, answer: a, explanation: e}\n---\n', '/notes/other.md');
    const index = new NoteIndex([note, other]);
    assert.deepEqual(at(index.problemsOf(other), /"broken-a" is also used by \/notes\/python\/broken\/broken\.md/), [range(4, 9, 17)]);
  });

  it('survives a quiz that breaks the schema in every way', function () {
    const odd = parseNote('---\nid: odd\ntitle: t\nrelated: closure\nquiz: [1, "x", null, {type: single}, {id: odd-a, type: multiple, choices: 3, answer: "no"}]\n---\n', '/notes/odd.md');
    const messages = new NoteIndex([odd]).problemsOf(odd).map((problem) => problem.message);
    assert.ok(messages.some((message) => /"#4" has no choices/.test(message)), messages.join('\n'));
    assert.ok(messages.some((message) => /"odd-a" has no choices/.test(message)), messages.join('\n'));
  });
});

describe('note links', function () {
  it('finds note: links, autolinks, definitions and relative .md links with their ranges', function () {
    const line = '看[a](note:closure#x) <note:decorator> [b](../b/b.md#part "t") [web](https://x.md) [c](c.txt) [d](#anchor)';
    const links = linksInLine(line, 7);
    assert.deepEqual(links.map((link) => [link.kind, link.href, link.range.startCharacter, link.range.endCharacter]), [
      ['id', 'note:closure#x', line.indexOf('note:closure'), line.indexOf('note:closure') + 14],
      ['id', 'note:decorator', line.indexOf('note:decorator'), line.indexOf('note:decorator') + 14],
      ['file', '../b/b.md#part', line.indexOf('../b/b.md'), line.indexOf('../b/b.md') + 14],
    ]);
    const first = links[0];
    assert.ok(first.kind === 'id');
    assert.equal(first.id, 'closure');
    assert.deepEqual([first.idRange.startCharacter, first.idRange.endCharacter], [line.indexOf('closure'), line.indexOf('closure') + 7]);
    assert.deepEqual(linksInLine('[ref]: ../x%20y/z.md', 0).map((link) => link.kind === 'file' && link.file), ['../x y/z.md']);
  });

  it('ignores links in inline code and in code fences', function () {
    assert.deepEqual(linksInLine('`[a](note:x)` and ``[b](note:y)``', 0), []);
    const note = parseNote('---\nid: a\ntitle: a\n---\n```md\n[a](note:x)\n```\n[b](note:y)\n', '/n/a.md');
    assert.deepEqual(note.spans?.links.map((link) => [link.href, link.range.startLine]), [['note:y', 7]]);
  });

  it('resolves relative links against the linking note', function () {
    const notes = fixtures();
    const index = new NoteIndex(notes);
    const partial = index.get('partial-function')!;
    const link = partial.spans!.links[0];
    assert.equal(index.resolveLink(partial, link)?.meta.id, 'decorator');
    assert.equal(relativeLink('/n/a/a.md', '/n/b/b.md'), '../b/b.md');
  });

  it('lists every reference to a concept', function () {
    const note = broken();
    const index = new NoteIndex([...fixtures(), note]);
    const closure = index.referencesTo('closure').map((reference) => [path.basename(reference.note.source), reference.kind, reference.range.startLine]);
    assert.deepEqual(closure.sort(), [['broken.md', 'idLink', 37], ['broken.md', 'related', 4], ['decorator.md', 'idLink', 12], ['decorator.md', 'related', 7]].sort());
    assert.deepEqual(index.referencesTo('decorator').map((reference) => [path.basename(reference.note.source), reference.kind]).sort(),
      [['closure.md', 'related'], ['partial-function.md', 'fileLink']]);
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

describe('NoteStore', function () {
  it('re-parses only the note that changed and rebuilds the index on the next read', function () {
    const store = new NoteStore();
    for (const note of fixtures()) store.set(note);
    const before = store.index;
    const untouched = store.get('/notes/python/closure/closure.md');
    const file = '/notes/python/decorator/decorator.md';
    store.set(parseNote(FIXTURE_NOTES['python/decorator/decorator.md'].replace('id: decorator', 'id: decorators'), file));
    assert.notEqual(store.index, before);
    assert.equal(store.index, store.index);
    assert.equal(store.get('/notes/python/closure/closure.md'), untouched);
    assert.equal(store.index.get('decorator'), undefined);
    assert.equal(store.index.get('decorators')?.source, file);
    assert.equal(store.delete(file), true);
    assert.equal(store.index.get('decorators'), undefined);
    assert.equal(store.size, Object.keys(FIXTURE_NOTES).length - 1);
  });
});
