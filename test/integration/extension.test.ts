// Runs inside the real VS Code extension host: the extension activates, its tree lists the notes
// and the note panel renders them.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { StudyNotesApi } from '../../src/extension/api';
import { NoteRequest, type TreeNode } from '../../src/shared/protocol';
import { callBridge, hasBridge, inWebview } from './bridge';

const EXTENSION_ID = 'study-notes-team.study-notes';
const BUNDLED_NOTE_COUNT = 39;
const activeAtStart = vscode.extensions.getExtension(EXTENSION_ID)?.isActive;

async function api(): Promise<StudyNotesApi> {
  const extension = vscode.extensions.getExtension<StudyNotesApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed`);
  return extension.activate();
}

/** Every note row of the tree, depth first (users' folders nest). */
async function treeNotes(topics: StudyNotesApi['topics'], parent?: TreeNode): Promise<(TreeNode & { note: NonNullable<TreeNode['note']> })[]> {
  const notes = [];
  for (const child of await topics.getChildren(parent)) {
    if (child.note) notes.push(child as TreeNode & { note: NonNullable<TreeNode['note']> });
    else notes.push(...(await treeNotes(topics, child)));
  }
  return notes;
}

/** The headings (levels 1–2) and mermaid blocks of a note's text, as the panel should show them. */
function outline(text: string): { headings: string[]; diagrams: number } {
  let fenced = false;
  const headings: string[] = [];
  let diagrams = 0;
  for (const line of text.split('\n')) {
    if (/^\s{0,3}(```|~~~)/.test(line)) {
      if (!fenced && /mermaid/.test(line)) diagrams++;
      fenced = !fenced;
    } else if (!fenced && /^#{1,2}\s/.test(line)) headings.push(line.replace(/^#+\s+/, '').trim());
  }
  return { headings, diagrams };
}

describe('Study Notes in VS Code', function () {
  it('activates lazily: not at start-up, then on first use', async function () {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    assert.equal(activeAtStart, false, 'the extension was active before anything used it');
    const manifest = extension.packageJSON as { activationEvents: string[] };
    assert.ok(!manifest.activationEvents.includes('*'));
    await api();
    assert.equal(extension.isActive, true);
  });

  it('lists every bundled concept in the topic tree, by category, plus the user\'s notes', async function () {
    const { topics } = await api();
    const categories = await topics.getChildren();
    const labels = categories.map((node) => node.categoryId ?? node.label);
    assert.deepEqual(labels.slice(0, 5), ['python', 'spider', 'web', 'database', 'other']);
    const notes = await treeNotes(topics);
    const bundled = notes.filter((node) => node.note.namespace === 'bundled');
    assert.equal(bundled.length, BUNDLED_NOTE_COUNT, `${bundled.length} bundled notes in the tree`);
    const own = notes.find((node) => node.note.title === 'Event sourcing');
    assert.ok(own, 'the workspace note without front matter is listed');
    assert.equal(own.note.category, 'my-topics');
    const broken = notes.find((node) => node.note.path.endsWith('broken-front-matter.md'));
    assert.ok(broken?.note.broken, 'a note with broken front matter shows as an error item');
    const item = topics.getTreeItem(broken);
    assert.match(String(item.description), /YAML/);
  });

  it('filters the tree by English title, Chinese title or covered word', async function () {
    const { topics } = await api();
    topics.setFilter('Decorators');
    assert.deepEqual((await treeNotes(topics)).map((node) => node.note.id), ['decorator']);
    topics.setFilter('functools.partial');
    assert.ok((await treeNotes(topics)).some((node) => node.note.id === 'partial-function'));
    topics.setFilter('');
    assert.ok((await treeNotes(topics)).length > BUNDLED_NOTE_COUNT);
  });

  it('opens a note in a panel with its headings, highlighted code and one SVG per diagram', async function () {
    this.timeout(90_000);
    const { openNote, notes } = await api();
    const note = await notes.request(NoteRequest, { target: 'tcp-handshake' });
    assert.ok(note, 'tcp-handshake note exists');
    const expected = outline(note.text);
    const panel = await openNote('tcp-handshake');
    assert.ok(panel);
    const drawn = await panel.lastRender;
    assert.equal(drawn.failed, 0);
    assert.equal(drawn.diagrams, expected.diagrams);
    if (!hasBridge()) return;
    const [dom] = await inWebview<{ headings: string[]; svgs: number; highlighted: number }>(`({
      headings: [...document.querySelectorAll('main h1, main h2')].map((h) => h.textContent),
      svgs: document.querySelectorAll('.diagram-output svg').length,
      highlighted: document.querySelectorAll('code.hljs span[class^="hljs-"]').length,
    })`, 'main.note-body[data-note-id="tcp-handshake"]');
    assert.ok(dom, 'the webview of the note was found in the browser');
    assert.deepEqual(dom.headings, expected.headings);
    assert.equal(dom.svgs, expected.diagrams);
    assert.equal(dom.highlighted, 0, 'this note has diagrams and no code listings');
    const withCode = await openNote('decorator');
    await withCode!.lastRender;
    // Blocks are highlighted as they come into view.
    const [highlighted] = await inWebview<number>(`(async () => {
      for (const code of document.querySelectorAll('main pre code')) {
        code.scrollIntoView();
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return document.querySelectorAll('code.hljs.language-python span[class^="hljs-"]').length;
    })()`, 'main.note-body[data-note-id="decorator"]');
    assert.ok(highlighted > 20, `${highlighted} highlighted tokens in the decorator note's Python`);
    await openNote('tcp-handshake');
    const screenshot = process.env.STUDY_NOTES_SCREENSHOT;
    if (screenshot) {
      await vscode.commands.executeCommand('workbench.view.extension.studyNotes');
      // Earlier suites leave the bottom panel open (exercise comments, output); the note gets its height.
      await vscode.commands.executeCommand('workbench.action.closePanel');
      await inWebview(`(document.querySelector('.diagram-output')?.scrollIntoView({ block: 'center' }), true)`, 'main.note-body');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      fs.mkdirSync(path.dirname(screenshot), { recursive: true });
      await callBridge('screenshot', { path: screenshot });
    }
  });
});
