// The language server as any LSP client sees it: bundled with esbuild into a temporary folder,
// started with `node server.js --stdio`, and spoken to in plain JSON-RPC (test/support/lspProcess).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type {
  CodeAction, CompletionList, DocumentSymbol, Hover, InitializeResult, Location, MarkupContent, SymbolInformation, WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDiagnostic as Diagnostic } from '../../src/server/diagnostics';
import { LspError, LspProcess } from '../support/lspProcess';
import { BROKEN_NOTE, PYTHON_FILE, writeFixtureNotes } from '../support/noteFixtures';

interface PublishDiagnosticsParams {
  uri: string;
  diagnostics: Diagnostic[];
}

const repository = path.resolve(__dirname, '../../..');
const uriOf = (file: string): string => pathToFileURL(file).href;
const position = (line: number, character: number) => ({ line, character });

describe('language server over stdio', function () {
  this.timeout(60_000);
  let scratch: string;
  let bundle: string;
  let notes: string;
  let server: LspProcess;
  let version = 1;

  const open = (file: string, text: string, languageId = 'markdown'): void => {
    server.notify('textDocument/didOpen', { textDocument: { uri: uriOf(file), languageId, version: version++, text } });
  };
  /** The first diagnostics for `file` that pass `test`. */
  /** The first diagnostics for `file` since the mark `after` that pass `test`. */
  const diagnosticsFor = async (file: string, test: (diagnostics: Diagnostic[]) => boolean = () => true, after = 0): Promise<Diagnostic[]> =>
    (await server.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (params) => params.uri === uriOf(file) && test(params.diagnostics), after)).diagnostics;
  const startServer = async (initializationOptions: unknown, workspaceFolders: unknown = null): Promise<InitializeResult> => {
    server = new LspProcess(path.join(bundle, 'server.js'));
    const result = await server.request<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders,
      initializationOptions,
      capabilities: {
        workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create'] }, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { hover: { contentFormat: ['markdown'] }, documentSymbol: { hierarchicalDocumentSymbolSupport: true } },
      },
    });
    server.notify('initialized', {});
    return result;
  };

  before(function () {
    this.timeout(120_000);
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'study-notes-lsp-'));
    bundle = path.join(scratch, 'bundle');
    const built = spawnSync(process.execPath, [path.join(repository, 'scripts/server-bundles.mjs'), bundle], { cwd: repository, encoding: 'utf8' });
    assert.equal(built.status, 0, built.stderr);
  });

  beforeEach(function () {
    const workspace = fs.mkdtempSync(path.join(scratch, 'workspace-'));
    notes = writeFixtureNotes(workspace);
  });

  afterEach(async function () {
    await server?.stop();
  });

  after(function () {
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  describe('with the fixture notes', function () {
    let broken: string;

    beforeEach(async function () {
      const result = await startServer({ locale: 'en', noteFolders: [notes] });
      assert.equal(result.capabilities.hoverProvider, true);
      broken = path.join(notes, 'python/broken/broken.md');
      open(broken, BROKEN_NOTE);
    });

    it('reports every mistake of an open note at its exact range, diagrams included', async function () {
      const diagnostics = await diagnosticsFor(broken, (list) => list.some((diagnostic) => /diagram/.test(diagnostic.message)));
      const at = (pattern: RegExp) => diagnostics.filter((diagnostic) => pattern.test(diagnostic.message)).map(({ range }) => [range.start.line, range.start.character, range.end.line, range.end.character]);
      assert.deepEqual(at(/integer/), [[3, 7, 3, 12]]);
      assert.deepEqual(at(/Related id "clozure"/), [[4, 19, 4, 26]]);
      assert.deepEqual(at(/answer 2 is out of range/), [[10, 12, 10, 13]]);
      assert.deepEqual(at(/ref "不存在的标题"/), [[12, 9, 12, 15]]);
      assert.deepEqual(at(/"broken-a" is used more than once/), [[13, 8, 13, 16]]);
      assert.deepEqual(at(/asks for output/), [[17, 12, 17, 14]]);
      assert.deepEqual(at(/marks no choice/), [[24, 12, 24, 14]]);
      assert.deepEqual(at(/"broken-d" has no choices/), [[29, 13, 29, 15]]);
      const line37 = BROKEN_NOTE.split('\n')[37];
      assert.deepEqual(at(/Link target/), [
        [37, line37.indexOf('nowhere'), 37, line37.indexOf('nowhere') + 7],
        [37, line37.indexOf('../nope'), 37, line37.indexOf('../nope') + 15],
        [37, line37.indexOf('../decoratr'), 37, line37.indexOf('../decoratr') + 24],
      ]);
      assert.deepEqual(at(/diagram does not parse: Parse error on line 2/), [[41, 0, 41, 13]]);
    });

    it('reports a duplicate id in both notes and follows edits incrementally', async function () {
      const copy = path.join(notes, 'mine/copy.md');
      const text = fs.readFileSync(copy, 'utf8');
      open(copy, text);
      const duplicate = await diagnosticsFor(copy, (list) => list.length > 0);
      assert.deepEqual(duplicate.map(({ range }) => [range.start.line, range.start.character, range.end.character]), [[1, 4, 20]]);
      const mark = server.mark();
      server.notify('textDocument/didChange', {
        textDocument: { uri: uriOf(copy), version: version++ },
        contentChanges: [{ range: { start: position(1, 4), end: position(1, 20) }, text: 'my-copy' }],
      });
      await diagnosticsFor(copy, (list) => list.length === 0, mark);
    });

    it('completes related ids, front matter keys, quiz types, tags and note: links', async function () {
      const draft = path.join(notes, 'python/draft.md');
      const lines = ['---', 'id: draft', 'title: 草稿', 'related: [closure, dec', 'tags: [Py', 'quiz:', '  - id: draft-a', '    type: ', 'sum', '---', '# 草稿', '见[闭包](note:part'];
      open(draft, lines.join('\n'));
      const complete = (line: number) => server.request<CompletionList>('textDocument/completion', { textDocument: { uri: uriOf(draft) }, position: position(line, lines[line].length) });
      const labels = async (line: number) => (await complete(line)).items.map((item) => item.label);
      assert.deepEqual(await labels(3), ['decorator']);
      assert.deepEqual(await labels(4), ['Python']);
      assert.deepEqual(await labels(7), ['single', 'multiple', 'truefalse', 'output', 'recall']);
      assert.ok((await labels(8)).includes('summary'));
      assert.ok(!(await labels(8)).includes('title'), 'keys already present are not offered');
      const link = (await complete(11)).items;
      assert.deepEqual(link.map((item) => item.label), ['partial-function']);
      assert.deepEqual(link[0].textEdit, { range: { start: position(11, lines[11].indexOf('note:')), end: position(11, lines[11].length) }, newText: 'note:partial-function' });
    });

    it('hovers on a related id with title, summary and mastery', async function () {
      const before = await server.request<Hover>('textDocument/hover', { textDocument: { uri: uriOf(broken) }, position: position(4, 12) });
      const text = (before.contents as MarkupContent).value;
      assert.match(text, /\*\*闭包\*\* · Closures/);
      assert.match(text, /闭包是记住了外层作用域变量的函数。/);
      assert.doesNotMatch(text, /Mastery/);
      assert.deepEqual(before.range, { start: position(4, 10), end: position(4, 17) });
      server.notify('studyNotes/mastery', { mastery: { closure: 0.75 } });
      const after = await server.request<Hover>('textDocument/hover', { textDocument: { uri: uriOf(broken) }, position: position(4, 12) });
      assert.match((after.contents as MarkupContent).value, /Mastery: 75%/);
      assert.equal(await server.request('textDocument/hover', { textDocument: { uri: uriOf(broken) }, position: position(4, 21) }), null, 'a dangling id has no hover');
    });

    it('goes to the definition and finds references of a concept', async function () {
      const definition = await server.request<Location>('textDocument/definition', { textDocument: { uri: uriOf(broken) }, position: position(4, 12) });
      assert.deepEqual(definition, { uri: uriOf(path.join(notes, 'python/closure/closure.md')), range: { start: position(1, 4), end: position(1, 11) } });
      const references = await server.request<Location[]>('textDocument/references', {
        textDocument: { uri: uriOf(broken) }, position: position(4, 12), context: { includeDeclaration: true },
      });
      const found = references.map((location) => `${path.basename(location.uri)}:${location.range.start.line}`).sort();
      assert.deepEqual(found, ['broken.md:37', 'broken.md:4', 'closure.md:1', 'decorator.md:12', 'decorator.md:7']);
    });

    it('renames a concept id in its note, every related list and every note: link', async function () {
      const prepared = await server.request<{ range: unknown; placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: uriOf(broken) }, position: position(4, 12) });
      assert.equal(prepared.placeholder, 'closure');
      const edit = await server.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: uriOf(broken) }, position: position(4, 12), newName: 'closures' });
      const changes = Object.fromEntries(Object.entries(edit.changes ?? {}).map(([uri, edits]) =>
        [path.basename(uri), edits.map((change) => `${change.range.start.line}:${change.range.start.character}-${change.range.end.character}=${change.newText}`).sort()]));
      const line37 = BROKEN_NOTE.split('\n')[37];
      assert.deepEqual(changes, {
        'closure.md': ['1:4-11=closures'],
        'decorator.md': [`12:${'装饰器通常用[闭包](note:'.length}-${'装饰器通常用[闭包](note:closure'.length}=closures`, '7:10-17=closures'],
        'broken.md': [`37:${line37.indexOf('closure')}-${line37.indexOf('closure') + 7}=closures`, '4:10-17=closures'].sort(),
      });
      await assert.rejects(
        server.request('textDocument/rename', { textDocument: { uri: uriOf(broken) }, position: position(4, 12), newName: 'Not An Id' }),
        (error: LspError) => /lower-case/.test(error.message));
      await assert.rejects(
        server.request('textDocument/rename', { textDocument: { uri: uriOf(broken) }, position: position(4, 12), newName: 'decorator' }),
        (error: LspError) => /already used/.test(error.message));
    });

    it('lists headings and quiz questions as document symbols', async function () {
      const symbols = await server.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uriOf(broken) } });
      const outline = symbols.map((symbol) => [symbol.name, symbol.range.start.line, (symbol.children ?? []).map((child) => `${child.name}@${child.selectionRange.start.line}`)]);
      assert.deepEqual(outline, [
        ['quiz', 5, ['broken-a@6', 'broken-a@13', 'broken-c@20', 'broken-d@26']],
        ['坏笔记', 33, ['小节@35']],
      ]);
    });

    it('finds concepts by Chinese or English title as workspace symbols', async function () {
      const search = async (query: string) => (await server.request<SymbolInformation[]>('workspace/symbol', { query })).map((symbol) => symbol.name);
      assert.deepEqual(await search('偏函数'), ['偏函数 · Partial functions']);
      assert.deepEqual(await search('decorators'), ['装饰器 · Decorators']);
      assert.ok((await search('')).length >= 6);
    });

    it('offers the nearest id and a new note for a dangling id, and the nearest file for a broken link', async function () {
      const actions = await server.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: uriOf(broken) }, range: { start: position(4, 20), end: position(4, 20) }, context: { diagnostics: [] },
      });
      assert.deepEqual(actions.map((action) => action.title), ['Change to "closure"', 'Create note "clozure"']);
      assert.deepEqual(actions[0].edit?.changes?.[uriOf(broken)], [{ range: { start: position(4, 19), end: position(4, 26) }, newText: 'closure' }]);
      const created = actions[1].edit?.documentChanges ?? [];
      const newFile = path.join(notes, 'python/clozure/clozure.md');
      assert.deepEqual(created[0], { kind: 'create', uri: uriOf(newFile), options: { ignoreIfExists: true } });
      assert.match(JSON.stringify(created[1]), /id: clozure\\ntitle: clozure\\ncategory: python/);

      const line37 = BROKEN_NOTE.split('\n')[37];
      const actionsAt = async (character: number) => (await server.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: uriOf(broken) }, range: { start: position(37, character), end: position(37, character) }, context: { diagnostics: [] },
      }));
      assert.deepEqual((await actionsAt(line37.indexOf('../nope') + 2)).map((action) => action.title), ['Create note "nope"']);
      const typo = await actionsAt(line37.indexOf('../decoratr') + 2);
      assert.deepEqual(typo.map((action) => action.title), ['Change to "../decorator/decorator.md"']);
      const typoAt = line37.indexOf('../decoratr');
      assert.deepEqual(typo[0].edit?.changes?.[uriOf(broken)], [{ range: { start: position(37, typoAt), end: position(37, typoAt + 24) }, newText: '../decorator/decorator.md' }]);
    });

    it('hovers on words of Python code that a concept covers, with a link that opens the note', async function () {
      const python = path.join(path.dirname(notes), 'app.py');
      open(python, PYTHON_FILE, 'python');
      const hover = async (line: number, character: number) => {
        const result = await server.request<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(python) }, position: position(line, character) });
        return result && { text: (result.contents as MarkupContent).value, range: result.range };
      };
      const partial = await hover(7, 21);
      assert.match(partial!.text, /偏函数固定一个函数的部分参数。/);
      assert.ok(partial!.text.includes(`(command:studyNotes.openNote?${encodeURIComponent('["partial-function"]')})`), partial!.text);
      assert.deepEqual(partial!.range, { start: position(7, 9), end: position(7, 26) });
      assert.match((await hover(8, 9))!.text, /线程局部变量/);
      assert.match((await hover(9, 6))!.text, /协程/);
      assert.match((await hover(5, 6))!.text, /协程/);
      assert.equal(await hover(4, 6), null);
    });

    it('answers empty, not with an error, for files that vanished', async function () {
      const gone = uriOf(path.join(notes, 'python/gone/gone.md'));
      const request = (method: string, extra: object = {}) => server.request(method, { textDocument: { uri: gone }, position: position(1, 5), ...extra });
      assert.equal(await request('textDocument/hover'), null);
      assert.equal(await request('textDocument/definition'), null);
      assert.equal(await request('textDocument/completion'), null);
      assert.deepEqual(await request('textDocument/references', { context: { includeDeclaration: true } }), []);
      assert.deepEqual(await request('textDocument/documentSymbol'), []);
      assert.deepEqual(await request('textDocument/codeAction', { range: { start: position(0, 0), end: position(0, 0) }, context: { diagnostics: [] } }), []);
      assert.equal(await request('textDocument/hover', { textDocument: { uri: uriOf(path.join(notes, 'gone.py')) } }), null);

      const closure = path.join(notes, 'python/closure/closure.md');
      await diagnosticsFor(broken);
      const mark = server.mark();
      fs.rmSync(closure);
      server.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(closure), type: 3 }] });
      await diagnosticsFor(broken, (list) => list.some((diagnostic) => /Related id "closure"/.test(diagnostic.message)), mark);
      assert.equal(await server.request('textDocument/definition', { textDocument: { uri: uriOf(broken) }, position: position(4, 12) }), null);
      assert.deepEqual(await server.request('textDocument/documentSymbol', { textDocument: { uri: uriOf(closure) } }), []);
    });

    it('picks up a note created on disk', async function () {
      await diagnosticsFor(broken, (list) => list.some((diagnostic) => /"clozure"/.test(diagnostic.message)));
      const mark = server.mark();
      const created = path.join(notes, 'python/clozure/clozure.md');
      fs.mkdirSync(path.dirname(created), { recursive: true });
      fs.writeFileSync(created, '---\nid: clozure\ntitle: 新\n---\n# 新\n');
      server.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(created), type: 1 }] });
      await diagnosticsFor(broken, (list) => list.length > 0 && !list.some((diagnostic) => /"clozure"/.test(diagnostic.message)), mark);
      assert.ok(server.serverRequests.some((request) => request.method === 'client/registerCapability'), 'asks the client to watch note files');
    });
  });

  describe('with bad input', function () {
    beforeEach(async function () {
      await startServer({ noteFolders: [notes] });
    });

    const stillAnswers = async () => {
      const symbols = await server.request<SymbolInformation[]>('workspace/symbol', { query: '闭包' });
      assert.deepEqual(symbols.map((symbol) => symbol.name), ['闭包 · Closures']);
    };

    it('refuses a 10 MB note with one diagnostic and keeps answering', async function () {
      const huge = path.join(notes, 'huge.md');
      open(huge, `---\nid: huge\ntitle: t\n---\n${'这是一行很长的笔记内容。\n'.repeat(10 * 1024 * 1024 / 36)}`);
      const diagnostics = await diagnosticsFor(huge);
      assert.equal(diagnostics.length, 1);
      assert.match(diagnostics[0].message, /MB/);
      assert.equal(await server.request('textDocument/hover', { textDocument: { uri: uriOf(huge) }, position: position(1, 5) }), null);
      await stillAnswers();
    });

    it('survives binary content and bytes that are not UTF-8', async function () {
      const binary = path.join(notes, 'binary.md');
      open(binary, 'PNG\u0000\u0001\u0002 data');
      assert.match((await diagnosticsFor(binary))[0].message, /not text/);
      const invalid = path.join(notes, 'invalid.md');
      const message = JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: uriOf(invalid), languageId: 'markdown', version: 1, text: '---\nid: invalid\ntitle: MARK\nrelated: [nowhere]\n---\n' } } });
      const [before, after] = message.split('MARK');
      server.sendRaw(Buffer.concat([Buffer.from(before), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(after)]));
      assert.deepEqual((await diagnosticsFor(invalid)).map((diagnostic) => diagnostic.range.start.line), [3]);
      server.sendRaw(Buffer.from('{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {'));
      fs.writeFileSync(path.join(notes, 'python/disk-invalid.md'), Buffer.concat([Buffer.from('---\nid: disk-invalid\ntitle: '), Buffer.from([0xc0, 0xff]), Buffer.from('\n---\n')]));
      server.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path.join(notes, 'python/disk-invalid.md')), type: 1 }] });
      await stillAnswers();
      assert.ok(server.running);
    });

    it('survives YAML nested a hundred thousand deep and recursive aliases', async function () {
      const deep = path.join(notes, 'deep.md');
      open(deep, `---\nid: deep\ntitle: t\ntags: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n---\n`);
      assert.match((await diagnosticsFor(deep))[0].message, /YAML/);
      const recursive = path.join(notes, 'recursive.md');
      open(recursive, '---\nid: recursive\ntitle: t\ntags: &a [*a, *a]\nrelated: &b {x: *b}\n---\n');
      assert.ok((await diagnosticsFor(recursive)).length > 0);
      await stillAnswers();
    });

    it('caps the diagnostics of a file with thousands of problems', async function () {
      const many = path.join(notes, 'many.md');
      const ids = Array.from({ length: 5000 }, (_, i) => `missing-${i}`);
      open(many, `---\nid: many\ntitle: t\nrelated: [${ids.join(', ')}]\n---\n# t\n`);
      const diagnostics = await diagnosticsFor(many);
      assert.equal(diagnostics.length, 101);
      assert.match(diagnostics[100].message, /4900 more problems/);
      await stillAnswers();
    });
  });

  it('runs standalone on each workspace folder\'s notes/ folder', async function () {
    await startServer(undefined, [{ uri: uriOf(path.dirname(notes)), name: 'workspace' }]);
    const symbols = await server.request<SymbolInformation[]>('workspace/symbol', { query: 'Closures' });
    assert.deepEqual(symbols.map((symbol) => symbol.location.uri), [uriOf(path.join(notes, 'python/closure/closure.md'))]);
  });
});
