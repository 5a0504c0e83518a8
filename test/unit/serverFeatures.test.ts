// The language service's features called directly on the fixture notes in memory (no LSP
// connection): completion, hovers, definition, references, rename, document and workspace symbols,
// code actions, diagnostics with their caps and the panel's diagram errors, the extension's note
// requests, and the generated notes the benchmark uses.
import assert from 'node:assert/strict';
import path from 'node:path';
import type { DocumentSymbol, MarkupContent, Position } from 'vscode-languageserver';
import type { NoteProblem, ParsedNote } from '../../src/core/model';
import { MemoryFileSystem } from '../../src/core/noteModel/fileSystem';
import { newNotePath } from '../../src/server/languageFeatures/codeActions';
import { MAX_COMPLETIONS } from '../../src/server/languageFeatures/completion';
import { MAX_DIAGNOSTICS_PER_FILE, toDiagnostics } from '../../src/server/languageFeatures/diagnostics';
import { RenameRefused } from '../../src/server/languageFeatures/references';
import { conceptScore, MAX_DOCUMENT_SYMBOLS } from '../../src/server/languageFeatures/symbols';
import { generateNotes } from '../support/generateNotes';
import { startService, type TestService } from '../support/memoryService';
import { BROKEN_FILE, BROKEN_NOTE, FIXTURE_ROOT, PYTHON_FILE, fixtureFileSystem } from '../support/noteFixtures';

const root = FIXTURE_ROOT;
const brokenPath = `${root}/${BROKEN_FILE}`;
const closurePath = `${root}/python/closure/closure.md`;
const uri = (file: string) => `file://${file}`;
const position = (line: number, character: number): Position => ({ line, character });
const line37 = BROKEN_NOTE.split('\n')[37];

describe('language features', function () {
  const draftPath = `${root}/python/draft.md`;
  const draftText = ['---', 'id: draft', 'title: 草稿', 'related:', '  - deco', '  - ', 'quiz:', '  - ty', 'tags: [函', 'category: py', '---', '# 草稿', '', '[x](cl'].join('\n');
  let t: TestService;
  let draft: ParsedNote;
  let broken: ParsedNote;

  before(async function () {
    t = await startService({ fs: fixtureFileSystem({ [BROKEN_FILE]: BROKEN_NOTE }) });
    t.service.mastery.set('closure', 0.4);
    draft = await t.open(draftPath, draftText);
    broken = await t.open(brokenPath);
  });

  /** Labels in the order the client shows them. */
  const completions = (line: number, character: number) => t.service.completion(t.document(draftPath), draft, { line, character });
  const labels = (line: number, character: number) => completions(line, character).items
    .sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((item) => item.label);
  const hoverText = (parsed: ParsedNote, at: Position) => (t.service.hover(parsed, at)?.contents as MarkupContent | undefined)?.value;

  describe('completion', function () {
    it('completes ids in block lists and after ](, quiz keys, and nothing in plain body text', function () {
      assert.deepEqual(labels(4, 8), ['decorator']);
      assert.deepEqual(labels(5, 4).sort(), ['broken', 'closure', 'coroutine', 'decorator', 'partial-function', 'thread-local']);
      assert.ok(labels(7, 6).includes('type'));
      assert.deepEqual(labels(13, 6), ['closure', 'thread-local'], 'whole-word matches first, then letters in order');
      assert.equal(completions(13, 6).items[0].textEdit?.newText, 'note:closure');
      assert.deepEqual(labels(11, 3), []);
    });

    it('completes tags and categories in use, and front matter keys not yet present', function () {
      assert.deepEqual(labels(8, 9), ['函数']);
      assert.deepEqual(labels(9, 12), ['python']);
      const keys = t.service.completion(t.document(draftPath), draft, position(3, 0)).items.map((item) => item.label);
      assert.ok(keys.includes('summary') && keys.includes('related'), keys.join());
      assert.ok(!keys.includes('title') && !keys.includes('id'), 'keys already present are not offered');
    });

    it('caps long completion lists and says they are incomplete', async function () {
      const files = Object.fromEntries(generateNotes(MAX_COMPLETIONS + 20, 3).map(({ path: file, text }) => [`${root}/${file}`, text]));
      const many = await startService({ fs: new MemoryFileSystem(files) });
      const parsed = await many.open(draftPath, draftText);
      const list = many.service.completion(many.document(draftPath), parsed, position(5, 4));
      assert.equal(list.items.length, MAX_COMPLETIONS);
      assert.equal(list.isIncomplete, true);
    });

    it('completes ids derived from Chinese file names, after a typed Chinese prefix too', async function () {
      const chinese = await startService({ fs: new MemoryFileSystem({ '/notes/计算机网络 - 传输层.md': '# 传输层\n', '/notes/计算机网络 - 应用层.md': '# 应用层\n' }) });
      const text = '---\nid: d\ntitle: d\n---\n[x](note:\n[y](note:计算\n';
      const parsed = await chinese.open('/notes/d.md', text);
      const complete = (line: number) => chinese.service.completion(chinese.document('/notes/d.md'), parsed, position(line, text.split('\n')[line].length)).items.map((item) => item.label);
      assert.ok(complete(4).includes('计算机网络-传输层'), complete(4).join());
      assert.deepEqual(complete(5).sort(), ['计算机网络-传输层', '计算机网络-应用层']);
    });

    it('ranks declared concept ids above ids that only come from file names', async function () {
      const plain = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`plain/closure-${i}.md`, `# 笔记 ${i}\n`]));
      const crowded = await startService({ fs: fixtureFileSystem(plain) });
      const parsed = await crowded.open(draftPath, draftText);
      const items = crowded.service.completion(crowded.document(draftPath), parsed, position(13, 6)).items;
      assert.equal(items[0].label, 'closure');
      assert.equal(items.length, MAX_COMPLETIONS);
      assert.ok(items.some((item) => item.label.startsWith('plain/closure-')), 'file-derived ids are offered after the concepts');
    });
  });

  describe('hover', function () {
    it('shows title, summary, mastery and a link that opens the note, on a related id', function () {
      const hover = t.service.hover(broken, position(4, 12));
      assert.ok(hover);
      const text = (hover.contents as MarkupContent).value;
      assert.match(text, /\*\*闭包\*\* · Closures/);
      assert.match(text, /闭包是记住了外层作用域变量的函数。/);
      assert.match(text, /Mastery: 40%/);
      assert.ok(text.includes(`(command:studyNotes.openNote?${encodeURIComponent(JSON.stringify([closurePath]))})`), text);
      assert.deepEqual(hover.range, { start: position(4, 10), end: position(4, 17) });
      assert.equal(t.service.hover(broken, position(4, 21)), null, 'a dangling id has no hover');
    });

    it('leaves mastery out when the client sent none for the concept', function () {
      const link = line37.indexOf('../partial-function');
      assert.doesNotMatch(hoverText(broken, position(37, link + 3)) ?? '', /Mastery/);
      assert.match(hoverText(broken, position(37, link + 3)) ?? '', /偏函数/);
    });

    it('hovers on words of Python code that a concept covers', function () {
      const python = '/work/app.py';
      const document = t.openDocument(python, PYTHON_FILE, 'python');
      const hover = (line: number, character: number) => {
        const result = t.service.pythonHover(document, position(line, character));
        return result && { text: (result.contents as MarkupContent).value, range: result.range };
      };
      const partial = hover(7, 21);
      assert.match(partial!.text, /偏函数固定一个函数的部分参数。/);
      assert.deepEqual(partial!.range, { start: position(7, 9), end: position(7, 26) });
      assert.match(hover(8, 9)!.text, /线程局部变量/);
      assert.match(hover(9, 6)!.text, /协程/);
      assert.match(hover(5, 6)!.text, /协程/);
      assert.equal(hover(4, 6), null);
    });
  });

  it('scores concept names: exact, prefix, substring, then letters in order', function () {
    const closure = t.service.model.get(closurePath)!;
    assert.deepEqual(['closure', 'clos', '包', 'cls', 'xyz'].map((query) => conceptScore(closure, query)), [4, 3, 2, 1, 0]);
    assert.equal(conceptScore(closure, 'CLOSURES'), 4, 'English titles match in any case');
  });

  describe('definition, references and rename', function () {
    it('goes to the definition and finds references of a concept', async function () {
      const definition = await t.service.definition(broken, position(4, 12));
      assert.deepEqual(definition, { uri: uri(closurePath), range: { start: position(1, 4), end: position(1, 11) } });
      const references = await t.service.references(broken, position(4, 12), true);
      const found = references.map((location) => `${path.basename(location.uri)}:${location.range.start.line}`).sort();
      assert.deepEqual(found, ['broken.md:37', 'broken.md:4', 'closure.md:1', 'decorator.md:12', 'decorator.md:7']);
      assert.equal((await t.service.references(broken, position(4, 12), false)).length, 4);
      const fileLink = line37.indexOf('../partial-function');
      assert.equal((await t.service.definition(broken, position(37, fileLink + 1)))?.uri, uri(`${root}/python/partial-function/partial-function.md`));
    });

    it('renames a concept id in its note, every related list and every note: link', async function () {
      assert.equal(t.service.prepareRename(broken, position(4, 12))?.placeholder, 'closure');
      const edit = await t.service.rename(broken, position(4, 12), 'closures');
      const changes = Object.fromEntries(Object.entries(edit.changes ?? {}).map(([file, edits]) =>
        [path.basename(file), edits.map((change) => `${change.range.start.line}:${change.range.start.character}-${change.range.end.character}=${change.newText}`).sort()]));
      assert.deepEqual(changes, {
        'closure.md': ['1:4-11=closures'],
        'decorator.md': [`12:${'装饰器通常用[闭包](note:'.length}-${'装饰器通常用[闭包](note:closure'.length}=closures`, '7:10-17=closures'],
        'broken.md': [`37:${line37.indexOf('closure')}-${line37.indexOf('closure') + 7}=closures`, '4:10-17=closures'].sort(),
      });
      await assert.rejects(t.service.rename(broken, position(4, 12), 'Not An Id'), (error: Error) => error instanceof RenameRefused && /lower-case/.test(error.message));
      await assert.rejects(t.service.rename(broken, position(4, 12), 'decorator'), (error: Error) => error instanceof RenameRefused && /already used/.test(error.message));
    });

    it('renames an angle-bracketed note: link with one edit', async function () {
      const file = `${root}/angled.md`;
      const parsed = await t.open(file, '---\nid: angled\ntitle: t\n---\n见[闭包](<note:closure>)。\n');
      const edit = await t.service.rename(parsed, position(4, 14), 'closures');
      assert.equal(edit.changes?.[uri(file)]?.length, 1, JSON.stringify(edit.changes?.[uri(file)]));
      await t.service.closeDocument(file);
    });

    it('refuses to rename a file link, and puts new notes where bundled notes go', async function () {
      const partial = await t.open(`${root}/python/partial-function/partial-function.md`);
      const link = partial.links[0];
      const inside = { line: link.range.startLine, character: link.range.startCharacter + 1 };
      assert.equal(t.service.prepareRename(partial, inside), null);
      await assert.rejects(t.service.rename(partial, inside, 'x'), RenameRefused);
      assert.equal(newNotePath('/n/python/closure/closure.md', 'new-id'), path.join('/n/python', 'new-id', 'new-id.md'));
      assert.equal(newNotePath('/n/mine/topic.md', 'new-id'), path.join('/n/mine', 'new-id.md'));
    });
  });

  describe('symbols', function () {
    const outline = (symbols: DocumentSymbol[]): unknown[] =>
      symbols.map((symbol) => [symbol.name, symbol.range.start.line, symbol.range.end.line, outline(symbol.children ?? [])]);

    it('nests headings by level, each section ending before the next heading of its level or higher', async function () {
      const note = await t.open(`${root}/s.md`, '---\nid: s\ntitle: s\n---\n# A\n\n## B\n\n## C\n\n# D\n');
      assert.deepEqual(outline(t.service.documentSymbols(note)), [['A', 4, 9, [['B', 6, 7, []], ['C', 8, 9, []]]], ['D', 10, 11, []]]);
    });

    it('lists quiz questions before the headings', function () {
      const symbols = t.service.documentSymbols(broken);
      assert.deepEqual(symbols.map((symbol) => [symbol.name, symbol.range.start.line, (symbol.children ?? []).map((child) => `${child.name}@${child.selectionRange.start.line}`)]), [
        ['quiz', 5, ['broken-a@6', 'broken-a@13', 'broken-c@20', 'broken-d@26']],
        ['坏笔记', 33, ['小节@35']],
      ]);
    });

    it('caps the outline of a note made of headings', async function () {
      const note = await t.open(`${root}/headings.md`, '## h\n'.repeat(MAX_DOCUMENT_SYMBOLS * 3));
      const symbols = t.service.documentSymbols(note);
      assert.equal(symbols.length, MAX_DOCUMENT_SYMBOLS);
      await t.service.closeDocument(`${root}/headings.md`);
    });

    it('finds concepts by Chinese or English title as workspace symbols', function () {
      const search = (query: string) => t.service.workspaceSymbols(query).map((symbol) => symbol.name);
      assert.deepEqual(search('偏函数'), ['偏函数 · Partial functions']);
      assert.deepEqual(search('decorators'), ['装饰器 · Decorators']);
      assert.ok(search('').length >= 6);
      const closure = t.service.workspaceSymbols('closure')[0];
      assert.equal(closure.location.uri, uri(closurePath));
      assert.match(closure.containerName ?? '', /^closure · python$/);
    });
  });

  describe('code actions', function () {
    const actionsAt = (parsed: ParsedNote, line: number, character: number, canCreateFiles = true) =>
      t.service.codeActions(parsed, { start: position(line, character), end: position(line, character) }, [], canCreateFiles);

    it('offers the nearest id and a new note for a dangling id', function () {
      const actions = actionsAt(broken, 4, 20);
      assert.deepEqual(actions.map((action) => action.title), ['Change to "closure"', 'Create note "clozure"']);
      assert.deepEqual(actions[0].edit?.changes?.[uri(brokenPath)], [{ range: { start: position(4, 19), end: position(4, 26) }, newText: 'closure' }]);
      const created = actions[1].edit?.documentChanges ?? [];
      const newFile = `${root}/python/clozure/clozure.md`;
      assert.deepEqual(created[0], { kind: 'create', uri: uri(newFile), options: { ignoreIfExists: true } });
      assert.match(JSON.stringify(created[1]), /---\\nid: clozure\\ntitle: clozure\\n/);
    });

    it('offers the nearest file for a broken link and a new note for a missing one', function () {
      assert.deepEqual(actionsAt(broken, 37, line37.indexOf('../nope') + 2).map((action) => action.title), ['Create note "nope"']);
      const typoAt = line37.indexOf('../decoratr');
      const typo = actionsAt(broken, 37, typoAt + 2);
      assert.deepEqual(typo.map((action) => action.title), ['Change to "../decorator/decorator.md"']);
      assert.deepEqual(typo[0].edit?.changes?.[uri(brokenPath)], [{ range: { start: position(37, typoAt), end: position(37, typoAt + 24) }, newText: '../decorator/decorator.md' }]);
    });

    it('offers no file creation to a client that cannot create files', async function () {
      const lone = await startService({ fs: new MemoryFileSystem({ '/notes/lone.md': '---\nid: lone\ntitle: t\nrelated: [missing-note]\n---\n' }) });
      const parsed = await lone.open('/notes/lone.md');
      assert.deepEqual(lone.service.codeActions(parsed, { start: position(3, 12), end: position(3, 12) }, [], false), []);
    });
  });

  describe('diagnostics', function () {
    const problem = (line: number): NoteProblem => ({ message: `p${line}`, severity: 'warning', range: { startLine: line, startCharacter: 0, endLine: line, endCharacter: 1 } });

    it('reports the note\'s own and cross-note problems', function () {
      const diagnostics = t.service.diagnostics(broken);
      assert.ok(diagnostics.some((diagnostic) => /Related id "clozure"/.test(diagnostic.message) && diagnostic.range.start.line === 4));
      assert.ok(diagnostics.every((diagnostic) => diagnostic.source === 'study-notes'));
    });

    it('keeps every problem of a normal file and caps a file with thousands', function () {
      assert.equal(toDiagnostics([problem(1), problem(2)], 'en').length, 2);
      const many = toDiagnostics(Array.from({ length: 3000 }, (_, i) => problem(i)), 'zh-cn');
      assert.equal(many.length, MAX_DIAGNOSTICS_PER_FILE + 1);
      assert.equal(many[MAX_DIAGNOSTICS_PER_FILE - 1].message, `p${MAX_DIAGNOSTICS_PER_FILE - 1}`);
      assert.match(many[MAX_DIAGNOSTICS_PER_FILE].message, /2900 个问题/);
    });

    it('puts a diagram the panel could not draw on the line mermaid names, or on the first line of the diagram', async function () {
      const file = `${root}/d.md`;
      const note = await t.open(file, '---\nid: d\ntitle: d\n---\n# d\n\n```mermaid\nflowchart LR\n  a --> b\n  b --> \n```\n\n```mermaid\npie\n```\n');
      const error = 'Parse error on line 3:\n...a --> b  b -->\n---------------^\nExpecting \'AMP\', got \'EOF\'';
      t.service.setDiagramErrors(file, [{ index: 0, message: error }, { index: 1, message: 'No diagram type detected' }, { index: 7, message: 'no such diagram' }]);
      const diagrams = t.service.diagnostics(note).filter((diagnostic) => /diagram/.test(diagnostic.message));
      assert.deepEqual(diagrams.map((d) => [d.range.start.line, d.range.end.character, d.message]), [
        [9, 8, 'The diagram does not parse: Parse error on line 3: Expecting \'AMP\', got \'EOF\''],
        [13, 3, 'The diagram does not parse: No diagram type detected'],
      ]);
      await t.service.closeDocument(file);
    });
  });

  describe('the extension\'s note requests', function () {
    it('resolves a note by id, key or path, and gives its body with the targets of its links', async function () {
      assert.equal(t.service.resolve('closure')?.key, closurePath);
      assert.equal(t.service.resolve(closurePath)?.id, 'closure');
      assert.equal(t.service.resolve('nowhere'), null);
      const decorator = await t.service.note('decorator');
      assert.ok(decorator);
      assert.equal(decorator.firstLine, 10);
      assert.ok(decorator.text.startsWith('# 装饰器\n'));
      assert.deepEqual(decorator.links, { 'note:closure': closurePath });
      assert.deepEqual(decorator.related.map((related) => related.key), [closurePath, `${root}/mine/copy.md`]);
      assert.equal(decorator.note.category, 'python');
    });

    it('lists the notes in the tree\'s order', function () {
      const rows = t.service.notes({});
      assert.deepEqual(rows.slice(0, 5).map((row) => row.id), ['closure', 'coroutine', 'decorator', 'partial-function', 'thread-local']);
      assert.equal(t.service.notes({ having: 'quiz' }).length, 0, 'the broken note has no askable question');
    });
  });
});

describe('notes with fields of the wrong type', function () {
  it('treats them as absent in the tree, the panel, the quiz and the examples, and reports them at their ranges', async function () {
    const typed = [
      '---', 'id: typed', 'title: 类型', 'titleEn: 12345', 'category: [1, 2]', 'related: decorator', 'tags: {a: 1}', 'summary: [x]',
      'examples: [{file: 5}]', 'quiz:', '  - {id: typed-q, type: truefalse, question: 对吗？, answer: true, explanation: 因为。}', '  - {id: 5, type: single}', '---', '# 类型', '',
    ].join('\n');
    const t = await startService({ fs: fixtureFileSystem({ 'odd/typed.md': typed, 'odd/links-to-typed.md': '---\nid: links-to-typed\ntitle: 链接\nrelated: [typed]\n---\n' }) });
    const walk = (parent?: string): number => t.service.treeChildren(parent).reduce((count, row) => count + 1 + (row.kind === 'note' ? 0 : walk(row.id)), 0);
    assert.ok(walk() > 5);
    const row = t.service.resolve('typed')!;
    assert.equal(row.titleEn, undefined);
    assert.equal(row.category, 'odd', 'grouped by its folder');
    assert.equal(row.broken, false);
    assert.deepEqual((await t.service.note('typed'))?.related, []);
    assert.deepEqual((await t.service.note('links-to-typed'))?.related.map((related) => related.title), ['类型']);
    assert.deepEqual(t.service.quizItems().map((item) => item.question.id), ['typed-q']);
    assert.deepEqual(t.service.examples(), []);
    const parsed = await t.open(`${root}/odd/typed.md`);
    const lines = [...new Set(t.service.diagnostics(parsed).map((diagnostic) => diagnostic.range.start.line))].sort((a, b) => a - b);
    assert.deepEqual(lines, [3, 4, 5, 6, 7, 8, 11]);
    assert.deepEqual(t.service.workspaceSymbols('类型').map((symbol) => symbol.name), ['类型']);
  });
});

describe('generateNotes', function () {
  this.timeout(20_000);
  const generated = generateNotes(40, 7);

  it('is the same for the same seed and differs for another', function () {
    assert.deepEqual(generateNotes(40, 7), generated);
    assert.notDeepEqual(generateNotes(40, 8).map((note) => note.text), generated.map((note) => note.text));
  });

  it('makes valid notes of about 5 KB with Chinese and English, links, tags and quizzes', async function () {
    const t = await startService({ fs: new MemoryFileSystem(Object.fromEntries(generated.map(({ path: file, text }) => [`${root}/${file}`, text]))) });
    const parsed: ParsedNote[] = [];
    for (const { path: file } of generated) {
      const note = await t.open(`${root}/${file}`);
      assert.deepEqual(t.service.diagnostics(note), [], file);
      parsed.push(note);
    }
    const sizes = generated.map(({ text }) => Buffer.byteLength(text));
    assert.ok(Math.min(...sizes) > 4500 && Math.max(...sizes) < 9000, `sizes ${Math.min(...sizes)}–${Math.max(...sizes)}`);
    assert.ok(generated.every(({ text }) => /[\u4e00-\u9fff]/.test(text) && /[A-Za-z]{4,}/.test(text)));
    assert.ok(parsed.every((note) => note.links.length > 0 && note.summary.quiz.length === 3 && note.summary.tags.length > 0));
    assert.ok(parsed.some((note) => note.links.some((link) => link.kind === 'file')));
    assert.ok(parsed.some((note) => note.diagrams.length > 0));
    assert.equal(t.service.quizItems().length, 120);
  });
});


