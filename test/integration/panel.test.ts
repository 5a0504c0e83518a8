// The note panel and search, read through the browser that shows this VS Code.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { StudyNotesApi } from '../../src/extension/api';
import { NoteRequest, ResolveRequest, SearchRequest } from '../../src/shared/protocol';
import { hasBridge, inWebview } from './bridge';

async function api(): Promise<StudyNotesApi> {
  return vscode.extensions.getExtension<StudyNotesApi>('study-notes-team.study-notes')!.activate();
}

const workspaceRoot = (): string => vscode.workspace.workspaceFolders![0].uri.fsPath;

describe('note panel', function () {
  this.timeout(90_000);

  it('runs nothing from a hostile note and shows the broken diagram\'s error in place', async function () {
    const { openNote } = await api();
    const panel = await openNote('hostile-note');
    assert.ok(panel);
    const drawn = await panel.lastRender;
    assert.equal(drawn.diagrams, 2);
    assert.equal(drawn.failed, 1);
    if (!hasBridge()) this.skip();
    const [dom] = await inWebview<{ pwned: unknown; scripts: number; frames: string[]; handlers: number; badLinks: number; images: string[]; error: string; svgs: number }>(`({
      pwned: window.__pwned ?? null,
      scripts: document.querySelectorAll('main script').length,
      frames: [...document.querySelectorAll('main iframe, main object, main embed, main svg:not(.diagram-output svg)')].map((el) => el.outerHTML.slice(0, 200)),
      handlers: [...document.querySelectorAll('main *')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
      badLinks: [...document.querySelectorAll('a[href]')].filter((a) => /^(javascript|command|vscode):/i.test(a.getAttribute('href'))).length,
      images: [...document.querySelectorAll('main img')].map((img) => img.getAttribute('src')),
      error: document.querySelectorAll('.diagram-error')[0]?.textContent ?? '',
      svgs: document.querySelectorAll('.diagram-output svg').length,
    })`, 'main.note-body[data-note-id="hostile-note"]');
    assert.ok(dom, 'the hostile note\'s webview was found');
    const seen = JSON.stringify(dom);
    assert.equal(dom.pwned, null, `something ran: ${dom.pwned}`);
    assert.equal(dom.scripts, 0, seen);
    assert.deepEqual(dom.frames, [], seen);
    assert.equal(dom.handlers, 0, seen);
    assert.equal(dom.badLinks, 0, seen);
    // The note's <img src="x"> is sanitized (no handler) and resolved inside the note's folder, where it is missing.
    assert.ok(dom.images.every((src) => src.includes('/security/x')), seen);
    assert.equal(dom.svgs, 1, seen);
    assert.match(dom.error, /Parse error|Syntax error|Expecting/i);
  });

  it('redraws diagrams when the colour theme changes', async function () {
    const { openNote } = await api();
    const panel = await openNote('consistent-hashing');
    assert.ok(panel);
    await panel.lastRender;
    const config = vscode.workspace.getConfiguration('workbench');
    const redrawn = panel.whenRendered();
    const toDark = vscode.window.activeColorTheme.kind === vscode.ColorThemeKind.Light;
    await config.update('colorTheme', toDark ? 'Default Dark Modern' : 'Default Light Modern', vscode.ConfigurationTarget.Global);
    try {
      const result = await redrawn;
      assert.ok(result.diagrams > 0);
      assert.equal(result.failed, 0);
      if (hasBridge()) {
        const [dark] = await inWebview<boolean>(`document.body.classList.contains('vscode-dark')`, 'main.note-body[data-note-id="consistent-hashing"]');
        assert.equal(dark, toDark);
      }
    } finally {
      const restored = panel.whenRendered();
      await config.update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
      await restored;
    }
  });

  it('follows a link to another note inside the same panel', async function () {
    if (!hasBridge()) this.skip();
    const { openNote } = await api();
    const panel = await openNote('decorator');
    assert.ok(panel);
    await panel.lastRender;
    const [target] = await inWebview<string>(`document.querySelector('footer.related a[data-note-id]').dataset.noteId`, 'main.note-body[data-note-id="decorator"]');
    assert.ok(target, 'the decorator note has a related-concepts footer');
    const next = panel.whenRendered(target);
    await inWebview(`(document.querySelector('footer.related a[data-note-id]').click(), true)`, 'main.note-body[data-note-id="decorator"]');
    await next;
    assert.equal(panel.noteKey, target);
  });
});

describe('search and topics from one long file', function () {
  this.timeout(60_000);

  it('finds notes by Chinese and English words', async function () {
    const { notes } = await api();
    const search = async (query: string) => {
      // The full-text index is built in the background after start-up: wait until it is complete.
      for (;;) {
        const result = await notes.request(SearchRequest, { query, limit: 200 });
        if (!result.partial) return result.hits;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    };
    const chinese = await search('三次握手');
    assert.ok(chinese.some((hit) => hit.note.id === 'tcp-handshake'), 'finds 三次握手 in the TCP note');
    assert.ok(chinese.every((hit) => hit.text.includes('三次') || hit.text.includes('握手')));
    const english = await search('functools.partial');
    assert.ok(english.some((hit) => hit.note.id === 'partial-function'));
    assert.deepEqual(await search('zzzz-no-such-word'), []);
  });

  it('opens a long Markdown file as topics split by headings', async function () {
    const { notes, topics } = await api();
    const file = path.join(workspaceRoot(), 'long', 'interview-notes.md');
    await vscode.commands.executeCommand('studyNotes.openFileAsTopics', vscode.Uri.file(file));
    try {
      const fileNode = (await topics.getChildren()).find((node) => node.kind === 'topicFile');
      assert.ok(fileNode, 'the file shows in the tree');
      const categories = await topics.getChildren(fileNode);
      assert.deepEqual(categories.map((node) => node.label), ['python', 'Web']);
      const titles = [];
      for (const category of categories) for (const child of await topics.getChildren(category)) if (child.note) titles.push(child.note.title);
      assert.deepEqual(titles, ['list', 'dict', 'HTTP']);
    } finally {
      await notes.setTopicFiles([]);
    }
  });
});

describe('note panel and changing files', function () {
  this.timeout(90_000);

  it('updates when the note file changes on disk', async function () {
    const { openNote, notes } = await api();
    const file = path.join(workspaceRoot(), 'notes', 'my-topics', 'event-sourcing.md');
    const original = fs.readFileSync(file, 'utf8');
    const panel = await openNote(file);
    assert.ok(panel);
    await panel.lastRender;
    const updated = panel.whenRendered();
    fs.writeFileSync(file, `${original}\n## Snapshots\n\nAdded while the panel was open.\n`);
    try {
      await updated;
      const note = await notes.request(NoteRequest, { target: file });
      assert.ok(note?.text.includes('## Snapshots'));
      if (hasBridge()) {
        const [headings] = await inWebview<string[]>(`[...document.querySelectorAll('main h2')].map((h) => h.textContent)`, 'main.note-body[data-note-id="my-topics/event-sourcing"]');
        assert.ok(headings.includes('Snapshots'), JSON.stringify(headings));
      }
    } finally {
      fs.writeFileSync(file, original);
    }
  });

  it('shows a clear message instead of rendering a 5 MB note', async function () {
    const { openNote, notes } = await api();
    const file = path.join(workspaceRoot(), 'notes', 'my-topics', 'huge.md');
    const paragraph = '这是一段很长的笔记内容，用来检查大文件不会让编辑器卡住。This line repeats. \n\n';
    fs.writeFileSync(file, `---\nid: huge-note\ntitle: Huge\n---\n# Huge\n\n${paragraph.repeat(Math.ceil(5e6 / Buffer.byteLength(paragraph)))}`);
    try {
      while (!(await notes.request(ResolveRequest, { target: 'huge-note' }))) await new Promise((resolve) => setTimeout(resolve, 100));
      const panel = await openNote('huge-note');
      assert.ok(panel);
      await panel.lastRender;
      if (hasBridge()) {
        const [message] = await inWebview<string>(`document.querySelector('.not-shown')?.textContent ?? ''`, 'main.note-body[data-note-id="huge-note"]');
        assert.match(message, /MB/);
      }
    } finally {
      fs.rmSync(file, { force: true });
    }
  });
});
