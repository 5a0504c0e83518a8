// The note panel as one live page (issues 12, 13, 15), read through the browser that shows this VS
// Code: where notes open and return to, that navigation never reloads the page or mermaid, a theme
// change from drawings made ahead, drawings kept on disk, diagram errors as diagnostics, images and
// sanitized HTML, code and exercise buttons, empty topics.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type { StudyNotesApi } from '../../src/extension/api';
import { DrawingStore } from '../../src/extension/panel/drawingStore';
import { removeOldCopies } from '../../src/extension/panel/mermaidScript';
import { NOTE_PANEL_TYPE, type NotePanel } from '../../src/extension/panel/notePanel';
import { renderNote } from '../../src/core/render';
import { NoteRequest, NotesRequest } from '../../src/shared/protocol';
import { patchMermaid } from '../../scripts/mermaid-patches.mjs';
import { tinyPng } from '../support/tinyPng';
import { hasBridge, inWebview } from './bridge';

async function api(): Promise<StudyNotesApi> {
  return vscode.extensions.getExtension<StudyNotesApi>('study-notes-team.study-notes')!.activate();
}

const workspaceRoot = (): string => vscode.workspace.workspaceFolders![0].uri.fsPath;
const marker = (noteId: string): string => `main.note-body[data-note-id="${noteId}"]`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Evaluates `expression` in the note's page until `done` accepts the value (the page works through messages). */
async function whenInWebview<T>(expression: string, noteId: string, done: (value: T) => boolean, what: string): Promise<T> {
  let last: T | undefined;
  for (let attempt = 0; attempt < 40; attempt++) {
    [last] = await inWebview<T>(expression, marker(noteId));
    if (last !== undefined && done(last)) return last;
    await sleep(150);
  }
  assert.fail(`${what}: ${JSON.stringify(last)}`);
}

/** The folder of drawings kept on disk, beside mermaid's unpacked copy in the extension's global storage, found through a page that imported mermaid. */
async function drawingFolder(noteId: string): Promise<string> {
  const [entry] = await inWebview<string>(`performance.getEntriesByType('resource').map((e) => e.name).find((name) => name.endsWith('/mermaid.esm.min.mjs'))`, marker(noteId));
  const mermaidFolder = path.dirname(decodeURIComponent(new URL(entry).pathname));
  return path.join(mermaidFolder, '../../drawings', `${vscode.extensions.getExtension('study-notes-team.study-notes')!.packageJSON.version}-${path.basename(mermaidFolder)}`);
}

/** The file keeping the drawing of this diagram text in the colour theme shown: named after the SHA-256 of theme and text. */
function keptDrawing(folder: string, source: string): string {
  const light = [vscode.ColorThemeKind.Light, vscode.ColorThemeKind.HighContrastLight].includes(vscode.window.activeColorTheme.kind);
  return path.join(folder, `${createHash('sha256').update(`${light ? 'default' : 'dark'}\n${source}`).digest('hex')}.svg`);
}

async function whenExist(files: readonly string[]): Promise<void> {
  for (let attempt = 0; !files.every((file) => fs.existsSync(file)); attempt++) {
    assert.ok(attempt < 100, `kept on disk: ${files.filter((file) => fs.existsSync(file)).length} of ${files.length} drawings`);
    await sleep(100);
  }
}

/** Waits until VS Code shows `count` note panels (its tabs follow the panels' messages). */
async function whenNotePanelTabs(count: number): Promise<void> {
  const shown = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(NOTE_PANEL_TYPE)).length;
  for (let attempt = 0; attempt < 40 && shown() !== count; attempt++) await sleep(50);
  assert.equal(shown(), count, 'note panels shown');
}

async function open(target: string, line?: number): Promise<NotePanel> {
  const panel = await (await api()).openNote(target, line);
  assert.ok(panel, `${target} opened`);
  await panel.lastRender;
  return panel;
}

describe('note panel: one live page', function () {
  this.timeout(120_000);
  before(function () {
    if (!hasBridge()) this.skip();
  });

  it('opens a note at its top, and back and forward return to where the reader was', async function () {
    const panel = await open('decorator');
    const bottom = await whenInWebview<number>('(window.scrollTo(0, document.documentElement.scrollHeight), window.scrollY)', 'decorator', (y) => y > 500, 'decorator scrolled to its bottom');
    await open('closure');
    assert.equal(await whenInWebview<number>('window.scrollY', 'closure', () => true, ''), 0, 'a newly opened note starts at its top');
    await whenInWebview<number>('(window.scrollTo(0, 300), window.scrollY)', 'closure', (y) => y === 300, 'closure scrolled a little');
    assert.ok(await panel.navigate('back'));
    await panel.lastRender;
    const back = await whenInWebview<number>('window.scrollY', 'decorator', (y) => y > 0, 'decorator restored');
    assert.ok(Math.abs(back - bottom) <= 2, `back at ${back}, left at ${bottom}`);
    assert.ok(await panel.navigate('forward'));
    await panel.lastRender;
    assert.equal(await whenInWebview<number>('window.scrollY', 'closure', (y) => y > 0, 'closure restored'), 300);
    // Opened again (not through the history), a note starts at its top.
    await open('decorator');
    assert.equal(await whenInWebview<number>('window.scrollY', 'decorator', () => true, ''), 0);
  });

  it('opens a note at an editor line on the section holding it: setext, quoted and list headings', async function () {
    const file = path.join(workspaceRoot(), 'notes', 'panel', 'setext-sections.md');
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    for (const [paragraph, heading] of [['第三节的第 2 段', '第三节'], ['第四节的第 3 段', '引用里的第四节'], ['第五节的第 1 段', '列表里的第五节'], ['第二节的第 20 段', '第二节']]) {
      const line = lines.findIndex((text) => text.startsWith(paragraph));
      assert.ok(line > 0, paragraph);
      await open(file, line);
      const place = await whenInWebview<{ top: number; scrollY: number }>(`(() => {
        const heading = [...document.querySelectorAll('main h1, main h2')].find((h) => h.textContent === ${JSON.stringify(heading)});
        return { top: Math.round(heading.getBoundingClientRect().top), scrollY: window.scrollY };
      })()`, 'panel-setext', (value) => Math.abs(value.top) <= 2, `${heading} at the top for line ${line}`);
      assert.ok(place.scrollY > 0);
    }
  });

  it('keeps the reader\'s place when the note changes on disk', async function () {
    const file = path.join(workspaceRoot(), 'notes', 'panel', 'setext-sections.md');
    const original = fs.readFileSync(file, 'utf8');
    const lines = original.split('\n');
    const panel = await open(file, lines.findIndex((text) => text.startsWith('第三节的第 1 段')));
    const heading = `[...document.querySelectorAll('main h2')].find((h) => h.textContent === '第三节')`;
    await whenInWebview<number>(`Math.round(${heading}.getBoundingClientRect().top)`, 'panel-setext', (top) => Math.abs(top) <= 2, 'third section at the top');
    const updated = panel.whenRendered();
    // A paragraph added above the reader's place.
    fs.writeFileSync(file, original.replace('第一节的第 1 段', '新加的一段在最前面。\n\n第一节的第 1 段'));
    try {
      await updated;
      const top = await whenInWebview<number>(`document.body.textContent.includes('新加的一段') ? Math.round(${heading}.getBoundingClientRect().top) : 9999`, 'panel-setext', (value) => value !== 9999, 'the update shown');
      assert.ok(Math.abs(top) <= 2, `the third section moved to ${top}`);
    } finally {
      fs.writeFileSync(file, original);
    }
  });

  it('keeps its page across 10 navigations: no reload, mermaid fetched once', async function () {
    const { notes } = await api();
    const withDiagrams: string[] = [];
    for (const row of await notes.request(NotesRequest, {})) {
      if (row.namespace !== 'bundled' || withDiagrams.length === 11) continue;
      const content = await notes.request(NoteRequest, { target: row.key });
      if (content?.text.includes('```mermaid')) withDiagrams.push(row.key);
    }
    const panel = await open(withDiagrams[0]);
    const loads = panel.documentLoads;
    const firstId = panel.noteId!;
    const [origin] = await inWebview<number>('performance.timeOrigin', marker(firstId));
    for (const key of withDiagrams.slice(1)) {
      const drawn = (await open(key)).lastRender;
      assert.equal((await drawn).failed, 0, key);
    }
    assert.equal(panel.documentLoads, loads, 'the page was loaded again');
    const [after] = await inWebview<{ origin: number; mermaid: string[] }>(`({
      origin: performance.timeOrigin,
      mermaid: performance.getEntriesByType('resource').map((entry) => entry.name).filter((name) => name.includes('/mermaid/esm-')),
    })`, marker(panel.noteId!));
    assert.equal(after.origin, origin, 'a new document');
    const entries = after.mermaid.filter((name) => name.endsWith('/mermaid.esm.min.mjs'));
    assert.equal(entries.length, 1, `mermaid fetched ${entries.length} times`);
    assert.ok(after.mermaid.length > 1, 'the chunks of the diagram types drawn were imported');
    assert.equal(new Set(after.mermaid).size, after.mermaid.length, `a module of mermaid fetched twice: ${after.mermaid.join(' ')}`);
    // Imported from its copy in global storage: mermaid's own files byte for byte, but for the two
    // the build patches (scripts/mermaid-patches.mjs), and no other copy beside it.
    const unpacked = path.dirname(decodeURIComponent(new URL(entries[0]).pathname));
    // This file runs as out/test/integration/livePanel.test.js.
    const shipped = path.resolve(__dirname, '../../../node_modules/mermaid/dist');
    const files = (fs.readdirSync(unpacked, { recursive: true }) as string[]).filter((file) => fs.statSync(path.join(unpacked, file)).isFile()).sort();
    assert.deepEqual(files, ['mermaid.esm.min.mjs', ...fs.readdirSync(path.join(shipped, 'chunks/mermaid.esm.min')).filter((name) => name.endsWith('.mjs')).map((name) => `chunks/mermaid.esm.min/${name}`)].sort());
    const patched = files.filter((file) => {
      const [original, copy] = [shipped, unpacked].map((folder) => fs.readFileSync(path.join(folder, file), 'utf8'));
      const expected = patchMermaid(original).code;
      // Up to the copy functions appended to getConfig's chunk (whose text this bundle's copy of the patch prints its own way).
      const upToCopy = (text: string): string => text.split('\nfunction __studyNotesCopyConfig(')[0];
      assert.ok(upToCopy(copy) === upToCopy(expected) && (copy === original) === (expected === original), file);
      return copy !== original;
    });
    assert.equal(patched.length, 2, `patched: ${patched.join(', ')}`);
    assert.deepEqual(fs.readdirSync(path.dirname(unpacked)), [path.basename(unpacked)]);
    // A production build (npm run test:vsix) sends no test report; the resource timings above tell there.
    if (process.env.STUDY_NOTES_PACKAGED !== '1') {
      assert.equal(panel.testReport?.mermaidLoads, 1, 'mermaid was imported once');
      assert.equal(panel.testReport?.documentOrigin, origin);
    }
  });

  it('opens two notes asked for at once, with no panel yet, in one new panel: the later note is shown; a note not found leaves none', async function () {
    const studyNotes = await api();
    (await open('closure')).dispose();
    const [first, second] = await Promise.all([studyNotes.openNote('decorator'), studyNotes.openNote('closure')]);
    assert.ok(second, 'the later note was shown');
    // The earlier note, overtaken before it was shown, was still found: its call gives the same panel.
    assert.equal(first, second, 'both went to one panel');
    await whenNotePanelTabs(1);
    await second.lastRender;
    assert.equal(second.noteId, 'closure');
    // A new panel whose note is not found is closed, not left blank.
    second.dispose();
    assert.equal(await studyNotes.openNote('no-such-note'), undefined);
    await whenNotePanelTabs(0);
  });

  it('changes the colour theme with drawings made ahead while the page was idle: none is drawn again', async function () {
    // Only test builds mark the page when the drawings ahead are made.
    if (process.env.STUDY_NOTES_PACKAGED === '1') this.skip();
    const panel = await open('consistent-hashing');
    const key = panel.noteKey!;
    const id = panel.noteId!;
    const ahead = await whenInWebview<string>(`document.querySelector('main.note-body').dataset.testDrawnAhead ?? ''`, id,
      (value) => value.startsWith(`${key} `), 'the diagrams drawn ahead in the other theme');
    const rendersAhead = Number(ahead.slice(key.length + 1));
    // Each drawing's style sheet, without the drawing's own id: what the theme decides.
    const styles = `[...document.querySelectorAll('.diagram-output svg')].map((svg) => svg.querySelector('style').textContent.replaceAll(svg.id, ''))`;
    const [before] = await inWebview<string[]>(styles, marker(id));
    assert.ok(before.length > 1, `${before.length} diagrams drawn`);
    const config = vscode.workspace.getConfiguration('workbench');
    const toDark = vscode.window.activeColorTheme.kind === vscode.ColorThemeKind.Light;
    const redrawn = panel.whenRendered();
    await config.update('colorTheme', toDark ? 'Default Dark Modern' : 'Default Light Modern', vscode.ConfigurationTarget.Global);
    try {
      assert.equal((await redrawn).failed, 0);
      assert.equal(panel.testReport?.mermaidRenders, rendersAhead, 'diagrams were drawn again after the theme change');
      const [after] = await inWebview<string[]>(styles, marker(id));
      assert.equal(after.length, before.length);
      after.forEach((style, index) => assert.notEqual(style, before[index], `diagram ${index} kept the old theme`));
    } finally {
      const restored = panel.whenRendered();
      await config.update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
      await restored;
    }
  });

  it('shows a note read in an earlier panel with its drawings kept on disk, without mermaid, sanitized again', async function () {
    // Only test builds report whether mermaid was imported.
    if (process.env.STUDY_NOTES_PACKAGED === '1') this.skip();
    const first = await open('consistent-hashing');
    const id = first.noteId!;
    const drawn = await first.lastRender;
    assert.ok(drawn.diagrams > 1 && drawn.failed === 0, JSON.stringify(drawn));
    const store = await drawingFolder(id);
    const content = await (await api()).notes.request(NoteRequest, { target: first.noteKey! });
    const files = renderNote(content!.text).diagrams.map(({ source }) => keptDrawing(store, source));
    assert.equal(files.length, drawn.diagrams);
    await whenExist(files);
    // Whatever is on disk is sanitized again when shown: a drawing altered there runs nothing.
    for (const file of files) {
      const altered = fs.readFileSync(file, 'utf8').replace('<svg ', '<svg onload="window.__pwned=1" ').replace(/<\/svg>\s*$/, '<script>window.__pwned=2</script></svg>');
      assert.match(altered, /^<svg onload=.*<script>/s);
      fs.writeFileSync(file, altered);
    }
    first.dispose();
    const second = await open('consistent-hashing');
    assert.notEqual(second, first, 'a new panel');
    assert.deepEqual(await second.lastRender, drawn);
    assert.equal(second.testReport?.mermaidLoads, 0, 'mermaid was imported');
    assert.equal(second.testReport?.mermaidRenders, 0, 'mermaid drew');
    assert.equal(second.testReport?.storedRequests, 1, 'the page asked the host for its drawings once');
    const [page] = await inWebview<{ svgs: number; pwned: unknown; handlers: number; scripts: number }>(`({
      svgs: document.querySelectorAll('.diagram-output svg').length,
      pwned: window.__pwned ?? null,
      handlers: [...document.querySelectorAll('.diagram-output *')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
      scripts: document.querySelectorAll('.diagram-output script').length,
    })`, marker(id));
    assert.deepEqual(page, { svgs: drawn.diagrams, pwned: null, handlers: 0, scripts: 0 });
  });

  it('asks the host only for drawings on disk: a new diagram in a new panel is drawn without asking, then kept', async function () {
    if (process.env.STUDY_NOTES_PACKAGED === '1') this.skip();
    // A diagram no run has drawn before.
    const file = path.join(workspaceRoot(), 'notes', 'panel', 'new-diagram.md');
    fs.writeFileSync(file, `---\nid: panel-new-diagram\ntitle: New diagram\n---\n# New diagram\n\n\`\`\`mermaid\nflowchart LR\n  A[${Date.now()}-${process.pid}] --> B[kept]\n\`\`\`\n`);
    try {
      const { notes } = await api();
      for (let attempt = 0; !(await notes.request(NotesRequest, {})).some((row) => row.id === 'panel-new-diagram'); attempt++) {
        assert.ok(attempt < 100, 'the new note was not indexed');
        await sleep(100);
      }
      (await open('closure')).dispose();
      const panel = await open('panel-new-diagram');
      assert.deepEqual(await panel.lastRender, { diagrams: 1, failed: 0 });
      assert.equal(panel.testReport?.storedRequests, 0, 'the page asked the host for a drawing it knew was not on disk');
      assert.equal(panel.testReport?.mermaidRenders, 1);
      const [diagram] = renderNote((await notes.request(NoteRequest, { target: 'panel-new-diagram' }))!.text).diagrams;
      await whenExist([keptDrawing(await drawingFolder('panel-new-diagram'), diagram.source)]);
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  it('keeps on disk the newest drawings within its limits, and none of another version or abandoned half-written', async function () {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'study-notes-drawings-'));
    try {
      fs.mkdirSync(path.join(root, '0.0.9-esm-1'));
      fs.writeFileSync(path.join(root, '0.0.9-esm-1', `${'0'.repeat(64)}.svg`), '<svg/>');
      const store = new DrawingStore(root, path.join(root, '0.1.0-esm-2'), { drawings: 5, bytes: 2300, pruneEvery: 2 });
      const key = (n: number): string => n.toString(16).padStart(64, '0');
      // Half-written drawings: one left two hours ago by a window that stopped, one being written now.
      fs.mkdirSync(path.join(root, '0.1.0-esm-2'));
      const abandoned = path.join(root, '0.1.0-esm-2', `${key(99)}.svg.1.partial`);
      const writing = path.join(root, '0.1.0-esm-2', `${key(98)}.svg.2.partial`);
      fs.writeFileSync(abandoned, '<sv');
      fs.writeFileSync(writing, '<sv');
      fs.utimesSync(abandoned, new Date(Date.now() - 2 * 3600_000), new Date(Date.now() - 2 * 3600_000));
      assert.deepEqual([...await store.keys()], [], 'half-written drawings are not kept ones');
      for (let n = 1; n <= 8; n++) {
        await store.keep(key(n), `<svg>${'x'.repeat(n === 8 ? 2000 : 100)}</svg>`);
        // Distinct modification times, which decide which drawings are the oldest.
        fs.utimesSync(path.join(root, '0.1.0-esm-2', `${key(n)}.svg`), n, n);
      }
      assert.deepEqual(fs.readdirSync(root), ['0.1.0-esm-2'], 'the older version\'s drawings are gone');
      // Pruned after the 8th: of the newest five (4–8), only 8 (2 KB), 7 and 6 fit in 2,300 bytes.
      assert.deepEqual(fs.readdirSync(path.join(root, '0.1.0-esm-2')).sort(), [...[key(6), key(7), key(8)].map((k) => `${k}.svg`), path.basename(writing)].sort());
      assert.deepEqual(Object.keys(await store.read([key(1), key(7), key(8)])).sort(), [key(7), key(8)]);
      assert.deepEqual([...await store.keys()].sort(), [key(6), key(7), key(8)], 'the keys the page is told of follow keeps and prunes');
      assert.equal((await store.read([key(7)]))[key(7)], `<svg>${'x'.repeat(100)}</svg>`);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('removes earlier versions of mermaid\'s unpacked copy and abandoned half-unpacked ones, never one being unpacked', async function () {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'study-notes-mermaid-'));
    try {
      for (const name of ['esm-200', 'esm-100', 'esm-200.11.partial', 'esm-200.12.partial']) {
        fs.mkdirSync(path.join(folder, name, 'chunks'), { recursive: true });
        fs.writeFileSync(path.join(folder, name, 'mermaid.esm.min.mjs'), 'export default {}');
      }
      // One left two hours ago by a window that stopped; the other is being unpacked now.
      const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
      fs.utimesSync(path.join(folder, 'esm-200.11.partial'), twoHoursAgo, twoHoursAgo);
      await removeOldCopies(folder, 'esm-200');
      assert.deepEqual(fs.readdirSync(folder).sort(), ['esm-200', 'esm-200.12.partial']);
      assert.equal(fs.readFileSync(path.join(folder, 'esm-200', 'mermaid.esm.min.mjs'), 'utf8'), 'export default {}');
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('shows a broken diagram\'s error in place and as a diagnostic of the note open in an editor', async function () {
    const file = path.join(workspaceRoot(), 'notes', 'security', 'hostile.md');
    const uri = vscode.Uri.file(file);
    await vscode.window.showTextDocument(uri, { preview: false });
    const panel = await open('hostile-note');
    assert.equal((await panel.lastRender).failed, 1);
    const [error] = await inWebview<string>(`document.querySelector('.diagram.failed .diagram-error')?.textContent ?? ''`, marker('hostile-note'));
    assert.match(error, /Parse error|Syntax error|Expecting/i);
    let diagnostic: vscode.Diagnostic | undefined;
    for (let attempt = 0; attempt < 100 && !diagnostic; attempt++) {
      diagnostic = vscode.languages.getDiagnostics(uri).find((entry) => entry.source === 'study-notes' && /diagram|图表/i.test(entry.message));
      if (!diagnostic) await sleep(100);
    }
    assert.ok(diagnostic, `no diagram diagnostic: ${JSON.stringify(vscode.languages.getDiagnostics(uri).map((entry) => entry.message))}`);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const brokenFence = lines.lastIndexOf('```mermaid');
    assert.ok(diagnostic.range.start.line > brokenFence, `diagnostic on line ${diagnostic.range.start.line}, broken diagram from ${brokenFence}`);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('renders sanitized HTML and images: relative shown, https kept, http and outside paths gone', async function () {
    fs.writeFileSync(path.join(workspaceRoot(), 'notes', 'panel', 'dot.png'), tinyPng([0, 160, 0], 8, 6));
    await open('panel-html');
    const dom = await whenInWebview<{ images: { src: string; width: number; natural: number; alt: string }[]; blocked: string[]; missing: string[]; literal: boolean; elements: Record<string, number>; canary: boolean; buttons: string[][] }>(`({
      images: [...document.querySelectorAll('main img')].map((img) => ({ src: img.getAttribute('src'), width: img.width, natural: img.naturalWidth, alt: img.alt })),
      blocked: [...document.querySelectorAll('main .image-blocked')].map((span) => span.dataset.reason + ' ' + span.textContent),
      missing: [...document.querySelectorAll('main .image-missing')].map((span) => span.textContent),
      literal: document.querySelector('main').textContent.includes('<div') || document.querySelector('main').textContent.includes('<img') || document.querySelector('main').textContent.includes('</br>'),
      elements: Object.fromEntries(['div[align="center"]', 'td br', 'kbd', 'details summary', 'sub', 'sup'].map((selector) => [selector, document.querySelectorAll('main ' + selector).length])),
      canary: document.querySelector('main').textContent.includes('HTML-CANARY-END'),
      buttons: [...document.querySelectorAll('main .code-block')].map((block) => [...block.querySelectorAll('.code-actions button')].map((button) => button.textContent)),
    })`, 'panel-html', (value) => value.images.some((image) => image.natural > 0) && value.missing.includes('缺少的图片'), 'the relative image loaded and the missing one shows its alt text');
    const seen = JSON.stringify(dom);
    const local = dom.images.find((image) => image.alt === 'a green dot');
    assert.ok(local && local.natural === 8 && local.width === 40, seen);
    assert.ok(dom.images.some((image) => image.src === 'https://example.com/remote-dot.png'), seen);
    assert.ok(!dom.images.some((image) => /^(http:|\/\/)|passwd/.test(image.src)), seen);
    assert.ok(dom.blocked.some((text) => text.startsWith('insecure') && text.includes('http://example.com/insecure-dot.png')), seen);
    assert.ok(dom.blocked.some((text) => text.startsWith('protocolRelative')), seen);
    assert.ok(dom.blocked.some((text) => text.startsWith('outside')), seen);
    // Where nothing answers for example.com, the https image shows its alt text too.
    assert.ok(dom.missing.includes('缺少的图片') && dom.missing.every((text) => ['remote', '缺少的图片'].includes(text)), seen);
    assert.equal(dom.literal, false, 'HTML shows as text');
    for (const [selector, count] of Object.entries(dom.elements)) assert.ok(count > 0, `${selector}: ${seen}`);
    assert.ok(dom.canary);
    // Python gets every button; SQL and unlabeled code only Copy.
    assert.deepEqual(dom.buttons.map((labels) => labels.length), [3, 1, 1], seen);
  });

  it('copies and inserts the code of the block whose button was pressed', async function () {
    await open('panel-html');
    const press = (block: number, button: number) => inWebview(`(document.querySelectorAll('main .code-block')[${block}].querySelectorAll('.code-actions button')[${button}].click(), true)`, marker('panel-html'));
    await vscode.env.clipboard.writeText('');
    await press(1, 0);
    for (let attempt = 0; attempt < 50 && (await vscode.env.clipboard.readText()) === ''; attempt++) await sleep(100);
    assert.equal(await vscode.env.clipboard.readText(), 'select 1;\n', 'Copy on the SQL block');
    const document = await vscode.workspace.openTextDocument({ language: 'python', content: '' });
    // Beside the panel, so the panel's page stays loaded while the editor is the active one.
    await vscode.window.showTextDocument(document, vscode.ViewColumn.Beside);
    await press(0, 1);
    for (let attempt = 0; attempt < 50 && document.getText() === ''; attempt++) await sleep(100);
    assert.equal(document.getText().trim(), 'print("python")', 'Insert into Editor on the Python block');
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('puts Start Exercise and Show Hint after the exercise\'s heading and runs the exercise commands', async function () {
    const { notes } = await api();
    const content = await notes.request(NoteRequest, { target: 'redis' });
    const exercise = content!.exercises[0];
    await open('redis');
    const placed = await whenInWebview<{ heading: string; buttons: string[] }>(`(() => {
      const row = document.querySelector('main .exercise-actions');
      let heading = row?.previousElementSibling;
      return { heading: heading?.textContent ?? '', buttons: [...(row?.querySelectorAll('button') ?? [])].map((button) => button.textContent) };
    })()`, 'redis', (value) => value.buttons.length > 0, 'exercise buttons');
    assert.equal(placed.heading, exercise.ref);
    assert.equal(placed.buttons.length, 2, JSON.stringify(placed));
    const click = () => inWebview(`(document.querySelector('main .exercise-actions button').click(), true)`, marker('redis'));
    // Start Exercise copies the starter into the workspace and opens it.
    await click();
    let opened: vscode.TextEditor | undefined;
    for (let attempt = 0; attempt < 100 && !opened; attempt++) {
      opened = vscode.window.visibleTextEditors.find((editor) => path.basename(editor.document.uri.fsPath) === exercise.starter);
      if (!opened) await sleep(100);
    }
    assert.ok(opened, `${exercise.starter} was not opened`);
    await vscode.window.showTextDocument(opened.document);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('says so when a topic is empty', async function () {
    const { notes, topics } = await api();
    const file = path.join(workspaceRoot(), 'long', 'with-empty-topic.md');
    await vscode.commands.executeCommand('studyNotes.openFileAsTopics', vscode.Uri.file(file));
    try {
      const fileNode = (await topics.getChildren()).find((node) => node.kind === 'topicFile');
      assert.ok(fileNode);
      const found = [];
      for (const category of await topics.getChildren(fileNode)) for (const child of await topics.getChildren(category)) if (child.note) found.push(child.note);
      const empty = found.find((note) => note.title === '空的问题');
      const full = found.find((note) => note.title === '有内容的问题');
      assert.ok(empty && full, JSON.stringify(found.map((note) => note.title)));
      await open(empty.key);
      const [emptyText] = await inWebview<string>(`document.querySelector('main .empty-topic')?.textContent ?? ''`, marker(empty.id));
      assert.ok(emptyText, 'the empty topic says so');
      await open(full.key);
      const [fullText] = await inWebview<boolean>(`document.querySelector('main .empty-topic') === null`, marker(full.id));
      assert.equal(fullText, true);
    } finally {
      await notes.setTopicFiles([]);
    }
  });
});
