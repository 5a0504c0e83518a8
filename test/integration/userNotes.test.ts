// A user's own notes as they come from real repositories: Chinese file names that differ only in
// Chinese, a folder of 200 plain Markdown files, one long README opened as topics, a note folder
// outside the workspace, and a thousand notes of which one is edited.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type { StudyNotesApi } from '../../src/extension/api';
import { NoteRequest, ResolveRequest, StatusRequest, TopicFileRequest, type TreeNode } from '../../src/shared/protocol';
import { generateNotes } from '../support/generateNotes';
import { writeInterviewReadme, writeNoteFolder } from '../support/realWorldNotes';

async function api(): Promise<StudyNotesApi> {
  return vscode.extensions.getExtension<StudyNotesApi>('study-notes-team.study-notes')!.activate();
}

const workspaceRoot = (): string => vscode.workspace.workspaceFolders![0].uri.fsPath;

/** Polls `check` until it returns a value (notes are indexed by another process). */
async function until<T>(check: () => Promise<T | undefined | null | false>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The rows under a tree row, recursively, with their parents' labels. */
async function rowsUnder(topics: StudyNotesApi['topics'], parent?: TreeNode): Promise<TreeNode[]> {
  const rows: TreeNode[] = [];
  for (const child of await topics.getChildren(parent)) {
    rows.push(child);
    if (!child.note) rows.push(...(await rowsUnder(topics, child)));
  }
  return rows;
}

/** Sets `studyNotes.noteFolders` for this workspace and waits until the server has indexed them. */
async function useNoteFolders(notes: StudyNotesApi['notes'], folders: string[] | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('studyNotes').update('noteFolders', folders, vscode.ConfigurationTarget.Workspace);
  const wanted = (folders ?? [path.join(workspaceRoot(), 'notes')]).map((folder) => path.resolve(workspaceRoot(), folder));
  await until(async () => {
    const status = await notes.request(StatusRequest, undefined);
    return wanted.every((folder) => status.folders.includes(folder)) && status.folders.length === wanted.length + 1;
  }, 'the server to take the new note folders');
}

describe('users\' own notes', function () {
  this.timeout(180_000);

  it('opens each of two notes whose file names differ only in Chinese', async function () {
    const { notes, openNote } = await api();
    const folder = path.join(workspaceRoot(), 'notes', '计算机网络');
    fs.mkdirSync(folder, { recursive: true });
    const files = ['计算机网络 - 传输层.md', '计算机网络 - 应用层.md'].map((name) => path.join(folder, name));
    fs.writeFileSync(files[0], '# 传输层\n\nTCP 和 UDP。\n');
    fs.writeFileSync(files[1], '# 应用层\n\nHTTP 和 DNS。\n');
    try {
      const rows = await Promise.all(files.map((file) => until(() => notes.request(ResolveRequest, { target: file }), file)));
      assert.notEqual(rows[0].id, rows[1].id, 'the two notes have different ids');
      assert.deepEqual(rows.map((row) => row.id), ['计算机网络/计算机网络-传输层', '计算机网络/计算机网络-应用层']);
      for (const [i, expected] of ['传输层', '应用层'].entries()) {
        const byId = await openNote(rows[i].id);
        assert.equal(byId?.panel.title, expected, `opening ${rows[i].id} shows its own note`);
        const byPath = await openNote(files[i]);
        assert.equal(byPath?.panel.title, expected);
      }
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('shows a folder of 200 plain notes by folder, in natural order, each opening itself with the right title', async function () {
    const { notes, topics, openNote } = await api();
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'study-notes-real-'));
    const manifest = writeNoteFolder(root, { seed: 12 });
    try {
      await useNoteFolders(notes, [root]);
      const folderRow = await until(async () => (await topics.getChildren()).find((row) => row.id === `folder:${root}`), 'the note folder in the tree');
      const rows = await rowsUnder(topics, folderRow);
      const noteRows = rows.filter((row) => row.note);
      assert.equal(noteRows.length, manifest.notes.length, 'every note is in the tree');
      for (const note of manifest.notes) {
        const row = noteRows.find((candidate) => candidate.note!.path === path.join(root, note.path));
        assert.ok(row, `${note.path} is in the tree`);
        assert.equal(row.label, note.title, `${note.path} is titled as issue 12.3 says`);
        assert.ok(row.tooltip?.some((line) => line.includes(note.fileName)), `${note.path}'s tooltip names its file`);
      }
      // Folders are named as they are (case kept) and nest.
      const folderLabels = rows.filter((row) => row.kind === 'folder').map((row) => row.label);
      for (const folder of manifest.folders) assert.ok(folderLabels.includes(path.basename(folder)), `folder ${folder} is a category`);
      // Natural order: 2. before 10.1, 3. before 29.
      const numberedFolder = rows.find((row) => row.id === `folder:${path.join(root, manifest.numbered.folder)}`)!;
      const numbered = (await topics.getChildren(numberedFolder)).filter((row) => row.note).map((row) => path.basename(row.note!.path, '.md'));
      assert.deepEqual(numbered, manifest.numbered.naturalOrder.map((file) => path.basename(file, '.md')));
      // A sample of notes opens in the panel with their own titles.
      for (const note of manifest.notes.filter((_, i) => i % 20 === 0)) {
        const panel = await openNote(path.join(root, note.path));
        assert.equal(panel?.panel.title, note.title, `${note.path} opens itself`);
      }
    } finally {
      await useNoteFolders(notes, undefined);
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('updates the tree and hovers when studyNotes.noteFolders changes, for a folder outside the workspace', async function () {
    const { notes, topics } = await api();
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'study-notes-outside-'));
    fs.writeFileSync(path.join(outside, 'outside.md'), '---\nid: outside-note\ntitle: 外面的笔记\ncovers: [zz_outside_word]\n---\n# 外面的笔记\n');
    const python = path.join(workspaceRoot(), 'uses_outside.py');
    fs.writeFileSync(python, 'zz_outside_word = 1\n');
    try {
      await useNoteFolders(notes, [outside]);
      const rows = await rowsUnder(topics);
      assert.ok(rows.some((row) => row.note?.id === 'outside-note'), 'the tree lists the outside note');
      const document = await vscode.workspace.openTextDocument(python);
      await vscode.window.showTextDocument(document);
      const text = (hover: vscode.Hover): string => hover.contents.map((part) => (typeof part === 'string' ? part : part.value)).join('\n');
      const hovers = await until(async () => {
        const found = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(0, 3));
        return found.some((hover) => text(hover).includes('外面的笔记')) && found;
      }, 'the concept hover of the outside note');
      assert.ok(hovers.length > 0);
      // A new note in that folder (outside the workspace) is picked up by the file watcher.
      fs.writeFileSync(path.join(outside, 'later.md'), '# 后来的笔记\n');
      await until(() => notes.request(ResolveRequest, { target: path.join(outside, 'later.md') }), 'a note added outside the workspace');
    } finally {
      await useNoteFolders(notes, undefined);
      fs.rmSync(outside, { recursive: true, force: true });
      fs.rmSync(python, { force: true });
    }
  });

  it('re-reads only the edited note among 1,000 and updates the tree', async function () {
    const { notes, topics } = await api();
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'study-notes-thousand-'));
    for (const { path: file, text } of generateNotes(1000, 7)) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    }
    try {
      await useNoteFolders(notes, [root]);
      await until(async () => (await notes.request(StatusRequest, undefined)).bodiesIndexed, 'every body to be indexed');
      const before = (await notes.request(StatusRequest, undefined)).filesRead;
      const [first] = generateNotes(1, 7);
      const file = path.join(root, first.path);
      const changed = new Promise<void>((resolve) => {
        const listener = notes.onDidChangeNotes(({ keys }) => {
          if (keys.includes(file)) { listener.dispose(); resolve(); }
        });
      });
      fs.writeFileSync(file, first.text.replace(/^title: .*$/m, 'title: "改过的标题"'));
      await changed;
      const row = await until(async () => {
        const found = await notes.request(ResolveRequest, { target: file });
        return found?.title === '改过的标题' && found;
      }, 'the edited title');
      assert.equal(row.title, '改过的标题');
      const tree = await rowsUnder(topics);
      assert.ok(tree.some((node) => node.label === '改过的标题'), 'the tree shows the new title');
      const after = await until(async () => {
        const status = await notes.request(StatusRequest, undefined);
        return status.bodiesIndexed && status;
      }, 'the edited note\'s body to be indexed');
      assert.ok(after.filesRead - before <= 3, `${after.filesRead - before} files were read after one edit`);
    } finally {
      await useNoteFolders(notes, undefined);
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('opens one long README as topics: every question a topic, in file order, with a message', async function () {
    const { notes, topics, openNote } = await api();
    const file = path.join(workspaceRoot(), 'interview-readme.md');
    const manifest = writeInterviewReadme(file, { seed: 3 });
    try {
      await vscode.commands.executeCommand('studyNotes.openFileAsTopics', vscode.Uri.file(file));
      const split = await notes.request(TopicFileRequest, { path: file });
      assert.ok(split);
      assert.equal(split.categories, manifest.categories.length);
      assert.equal(split.topics, manifest.topics.length);
      const fileRow = (await topics.getChildren()).find((row) => row.id === `topics:${file}`)!;
      const categoryRows = await topics.getChildren(fileRow);
      assert.deepEqual(categoryRows.map((row) => row.label), manifest.categories);
      const titles: string[] = [];
      for (const category of categoryRows) for (const row of await topics.getChildren(category)) titles.push(row.label);
      assert.deepEqual(titles, manifest.topics.map((topic) => topic.title));
      // A question that only mentions GIL in its body is found by search.
      const body = manifest.topics.find((topic) => topic.title === manifest.mentions.bodyOnlyTopic)!;
      const panel = await openNote(`${file}#L${body.line + 1}`);
      assert.equal(panel?.panel.title, body.title);
      const empty = manifest.topics.find((topic) => topic.empty)!;
      const content = await notes.request(NoteRequest, { target: `${file}#L${empty.line + 1}` });
      assert.ok(content, 'an empty question is a topic too');
    } finally {
      await notes.setTopicFiles([]);
      fs.rmSync(file, { force: true });
    }
  });

  it('opens the seed file as topics: its 5 categories and one topic per `####` concept, empty ones included', async function () {
    // The original interview notes this project started from (not in the repository), copied as Markdown.
    const seed = ['/work/shared/seed/000_5e54a9df82574f20.txt', path.resolve(__dirname, '../../../../shared/seed/000_5e54a9df82574f20.txt')].find((file) => fs.existsSync(file));
    if (!seed) this.skip();
    const { notes, topics } = await api();
    const file = path.join(workspaceRoot(), 'seed-notes.md');
    const text = fs.readFileSync(seed!, 'utf8');
    fs.writeFileSync(file, text);
    try {
      await vscode.commands.executeCommand('studyNotes.openFileAsTopics', vscode.Uri.file(file));
      const fileRow = (await topics.getChildren()).find((row) => row.id === `topics:${file}`)!;
      const categoryRows = await topics.getChildren(fileRow);
      assert.deepEqual(categoryRows.map((row) => row.label), ['python', 'Spider', 'web', 'Database', 'Other']);
      const titles: string[] = [];
      for (const category of categoryRows) for (const row of await topics.getChildren(category)) titles.push(row.label);
      const concepts = text.split('\n').filter((line) => line.startsWith('#### ')).map((line) => line.slice(5).trim());
      assert.equal(titles.length, 30);
      assert.deepEqual(titles, concepts, 'every concept heading, in file order, and nothing from the table of contents');
      assert.equal((await notes.request(TopicFileRequest, { path: file }))?.topics, 30);
    } finally {
      await notes.setTopicFiles([]);
      fs.rmSync(file, { force: true });
    }
  });
});
