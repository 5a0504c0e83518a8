// The language server's pure parts: features called directly on an index, the workspace that
// follows the disk and the editor, diagnostics caps, diagram error placement, and generated notes.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DocumentSymbol } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Note, NoteProblem } from '../../src/core/model';
import { NoteIndex } from '../../src/core/noteIndex';
import { parseNote } from '../../src/core/parseNote';
import { diagramProblems } from '../../src/server/diagrams';
import { MAX_DIAGNOSTICS_PER_FILE, toDiagnostics } from '../../src/server/diagnostics';
import * as features from '../../src/server/features';
import { NoteWorkspace } from '../../src/server/workspace';
import { generateNotes } from '../support/generateNotes';
import { FIXTURE_NOTES, writeFixtureNotes } from '../support/noteFixtures';

const root = '/notes';
const fixtures = (): Note[] => Object.entries(FIXTURE_NOTES).map(([file, text]) => parseNote(text, path.join(root, file)));
const contextOf = (notes: Note[], mastery: [string, number][] = []): features.FeatureContext =>
  ({ index: new NoteIndex(notes), locale: 'en', mastery: new Map(mastery) });

describe('language features', function () {
  const draftText = ['---', 'id: draft', 'title: 草稿', 'related:', '  - deco', '  - ', 'quiz:', '  - ty', '---', '# 草稿', '', '[x](cl'].join('\n');
  const draft = parseNote(draftText, '/notes/python/draft.md');
  const document = TextDocument.create('file:///notes/python/draft.md', 'markdown', 1, draftText);
  const context = contextOf([...fixtures(), draft], [['closure', 0.4]]);
  /** Labels in the order the client shows them. */
  const labels = (line: number, character: number) => features.completion(context, document, draft, { line, character }).items
    .sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((item) => item.label);

  it('completes ids in block lists and after ](, quiz keys, and nothing in plain body text', function () {
    assert.deepEqual(labels(4, 8), ['decorator']);
    assert.deepEqual(labels(5, 4).sort(), ['closure', 'coroutine', 'decorator', 'partial-function', 'thread-local']);
    assert.ok(labels(7, 6).includes('type'));
    assert.deepEqual(labels(11, 6), ['closure', 'thread-local'], 'whole-word matches first, then letters in order');
    assert.equal(features.completion(context, document, draft, { line: 11, character: 6 }).items[0].textEdit?.newText, 'note:closure');
    assert.deepEqual(labels(9, 3), []);
  });

  it('caps long completion lists and says they are incomplete', function () {
    const many = generateNotes(features.MAX_COMPLETIONS + 20, 3).map(({ path: file, text }) => parseNote(text, path.join(root, file)));
    const list = features.completion(contextOf([...many, draft]), document, draft, { line: 5, character: 4 });
    assert.equal(list.items.length, features.MAX_COMPLETIONS);
    assert.equal(list.isIncomplete, true);
  });

  it('shows mastery in a concept hover when the client sent it', function () {
    const hover = features.conceptMarkdown(context, context.index.get('closure')!);
    assert.match(hover, /Mastery: 40%/);
    assert.match(hover, /\(command:studyNotes\.openNote\?%5B%22closure%22%5D\)/);
    assert.doesNotMatch(features.conceptMarkdown(context, context.index.get('decorator')!), /Mastery/);
  });

  it('scores concept names: exact, prefix, substring, then letters in order', function () {
    const closure = context.index.get('closure')!;
    assert.deepEqual(['closure', 'clos', '包', 'cls', 'xyz'].map((query) => features.conceptScore(closure, query)), [4, 3, 2, 1, 0]);
    assert.equal(features.conceptScore(closure, 'CLOSURES'), 4, 'English titles match in any case');
  });

  it('refuses to rename a file link, and puts new notes where bundled notes go', function () {
    const partial = context.index.get('partial-function')!;
    const link = partial.spans!.links[0];
    const inside = { line: link.range.startLine, character: link.range.startCharacter + 1 };
    assert.equal(features.prepareRename(context, partial, inside), null);
    assert.throws(() => features.rename(context, partial, inside, 'x'), features.RenameRefused);
    assert.equal(features.newNotePath('/n/python/closure/closure.md', 'new-id'), path.join('/n/python', 'new-id', 'new-id.md'));
    assert.equal(features.newNotePath('/n/mine/topic.md', 'new-id'), path.join('/n/mine', 'new-id.md'));
  });

  it('nests headings by level, each section ending before the next heading of its level or higher', function () {
    const note = parseNote('---\nid: s\ntitle: s\n---\n# A\n\n## B\n\n## C\n\n# D\n', '/notes/s.md');
    const outline = (symbols: DocumentSymbol[]): unknown[] =>
      symbols.map((symbol) => [symbol.name, symbol.range.start.line, symbol.range.end.line, outline(symbol.children ?? [])]);
    assert.deepEqual(outline(features.documentSymbols(note, 12)), [['A', 4, 9, [['B', 6, 7, []], ['C', 8, 9, []]]], ['D', 10, 11, []]]);
  });

  it('offers no file creation to a client that cannot create files', function () {
    const broken = parseNote('---\nid: lone\ntitle: t\nrelated: [missing-note]\n---\n', '/notes/lone.md');
    const actions = features.codeActions(contextOf([broken]), broken, { start: { line: 3, character: 12 }, end: { line: 3, character: 12 } }, [], false);
    assert.deepEqual(actions, []);
  });
});

describe('diagnostics', function () {
  const problem = (line: number): NoteProblem => ({ message: `p${line}`, severity: 'warning', range: { startLine: line, startCharacter: 0, endLine: line, endCharacter: 1 } });

  it('keeps every problem of a normal file and caps a file with thousands', function () {
    assert.equal(toDiagnostics([problem(1), problem(2)], 'en').length, 2);
    const many = toDiagnostics(Array.from({ length: 3000 }, (_, i) => problem(i)), 'zh-cn');
    assert.equal(many.length, MAX_DIAGNOSTICS_PER_FILE + 1);
    assert.equal(many[MAX_DIAGNOSTICS_PER_FILE - 1].message, `p${MAX_DIAGNOSTICS_PER_FILE - 1}`);
    assert.match(many[MAX_DIAGNOSTICS_PER_FILE].message, /2900 个问题/);
  });

  it('puts a diagram error on the line mermaid names, or on the first line of the diagram', function () {
    const note = parseNote('---\nid: d\ntitle: d\n---\n# d\n\n```mermaid\nflowchart LR\n  a --> b\n  b --> \n```\n\n```mermaid\npie\n```\n', '/notes/d.md');
    const error = 'Parse error on line 3:\n...a --> b  b -->\n---------------^\nExpecting \'AMP\', got \'EOF\'';
    const problems = diagramProblems(note, [error, 'No diagram type detected'], 'en');
    assert.deepEqual(problems.map((p) => [p.range.startLine, p.range.endCharacter, p.message]), [
      [9, 8, 'The diagram does not parse: Parse error on line 3: Expecting \'AMP\', got \'EOF\''],
      [13, 3, 'The diagram does not parse: No diagram type detected'],
    ]);
    assert.deepEqual(diagramProblems(note, [undefined, undefined], 'en'), []);
  });
});

describe('NoteWorkspace', function () {
  let folder: string;
  let notes: string;

  beforeEach(function () {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'study-notes-workspace-'));
    notes = writeFixtureNotes(folder);
  });

  afterEach(function () {
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('reads the note folders, lets open files take over, and goes back to the disk on close', async function () {
    const workspace = new NoteWorkspace([notes]);
    await workspace.ready;
    assert.equal(workspace.store.size, Object.keys(FIXTURE_NOTES).length);
    const closure = path.join(notes, 'python/closure/closure.md');
    const others = workspace.store.index.notes.filter((note) => note.source !== closure);
    workspace.update(closure, FIXTURE_NOTES['python/closure/closure.md'].replace('title: 闭包', 'title: 闭包（编辑中）'));
    assert.equal(workspace.store.index.get('closure')?.meta.title, '闭包（编辑中）');
    assert.ok(others.every((note) => workspace.store.get(note.source) === note), 'other notes are not parsed again');
    await workspace.refresh(closure);
    assert.equal(workspace.store.index.get('closure')?.meta.title, '闭包（编辑中）', 'the editor wins over the disk');
    await workspace.close(closure);
    assert.equal(workspace.store.index.get('closure')?.meta.title, '闭包');
  });

  it('drops vanished files and folders, and reads undecodable bytes without failing', async function () {
    const workspace = new NoteWorkspace([notes]);
    await workspace.ready;
    fs.rmSync(path.join(notes, 'python/closure'), { recursive: true });
    await workspace.refresh(path.join(notes, 'python/closure/closure.md'));
    assert.equal(workspace.store.index.get('closure'), undefined);
    workspace.removeFolder(path.join(notes, 'mine'));
    assert.equal(workspace.store.get(path.join(notes, 'mine/copy.md')), undefined);
    const odd = path.join(notes, 'odd.md');
    fs.writeFileSync(odd, Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a]));
    await workspace.refresh(odd);
    assert.ok(workspace.store.get(odd));
  });

  it('knows which files are notes', function () {
    const workspace = new NoteWorkspace([notes]);
    assert.equal(workspace.isNoteFile(path.join(notes, 'a/b.md')), true);
    assert.equal(workspace.isNoteFile(path.join(notes, 'a/b.en.md')), false);
    assert.equal(workspace.isNoteFile(path.join(notes, 'README.md')), false);
    assert.equal(workspace.isNoteFile(path.join(folder, 'elsewhere.md')), false);
    assert.equal(workspace.isNoteFile(`${notes}-other/x.md`), false);
  });
});

describe('generateNotes', function () {
  const generated = generateNotes(40, 7);
  const parsed = generated.map(({ path: file, text }) => parseNote(text, path.join(root, file)));

  it('is the same for the same seed and differs for another', function () {
    assert.deepEqual(generateNotes(40, 7), generated);
    assert.notDeepEqual(generateNotes(40, 8).map((note) => note.text), generated.map((note) => note.text));
  });

  it('makes valid notes of about 5 KB with Chinese and English, links, tags and quizzes', function () {
    const index = new NoteIndex(parsed);
    for (const note of parsed) assert.deepEqual(index.problemsOf(note), [], note.source);
    const sizes = generated.map(({ text }) => Buffer.byteLength(text));
    assert.ok(Math.min(...sizes) > 4500 && Math.max(...sizes) < 9000, `sizes ${Math.min(...sizes)}–${Math.max(...sizes)}`);
    assert.ok(parsed.every((note) => /[\u4e00-\u9fff]/.test(note.body) && /[A-Za-z]{4,}/.test(note.body)));
    assert.ok(parsed.every((note) => note.spans!.links.length > 0 && note.meta.quiz?.length === 3 && (note.meta.tags?.length ?? 0) > 0));
    assert.ok(parsed.some((note) => note.spans!.links.some((link) => link.kind === 'file')));
    assert.ok(parsed.some((note) => note.diagrams.length > 0));
  });
});
