// Benchmark module VS Code loads as its extension tests (see scripts/bench.mjs): measures start-up,
// the first tree, memory, open-note-to-diagrams-painted (first, next, back, and in a new panel once
// read) and theme-change-to-diagrams-redrawn, and writes the figures as JSON. Started with
// STUDY_NOTES_BENCH_PART=emptyWebview, it measures instead how long VS Code takes to show an empty
// webview where the first note would be opened: VS Code's own part of the first note.
import fs from 'node:fs';
import * as vscode from 'vscode';
import type { StudyNotesApi } from '../../src/extension/api';
import type { NotePanel } from '../../src/extension/panel/notePanel';
import { NoteRequest, NotesRequest } from '../../src/shared/protocol';

const EXTENSION_ID = 'study-notes-team.study-notes';
/** How long a note is open before the theme changes. */
const READING_MS = 3000;
const mb = (bytes: number): number => Math.round((bytes / 1048576) * 10) / 10;

export async function run(): Promise<void> {
  const resultsFile = process.env.STUDY_NOTES_RESULTS!;
  fs.writeFileSync(resultsFile, '');
  const figures: Record<string, unknown> = {};
  try {
    const extension = vscode.extensions.getExtension<StudyNotesApi>(EXTENSION_ID)!;
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const heapBefore = process.memoryUsage().heapUsed;
    let started = performance.now();
    const api = await extension.activate();
    figures.hostActivationMs = performance.now() - started;
    figures.activateMs = api.activationMs;

    started = performance.now();
    const categories = await api.topics.getChildren();
    let items = 0;
    for (const category of categories) {
      api.topics.getTreeItem(category);
      for (const child of await api.topics.getChildren(category)) { api.topics.getTreeItem(child); items++; }
    }
    figures.firstTreeMs = performance.now() - started;
    // The extension host's growth once the tree is shown (the notes live in the language server).
    await vscode.commands.executeCommand('workbench.view.extension.studyNotes');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    global.gc?.();
    figures.hostRssAfterTreeMb = mb(process.memoryUsage().rss);
    figures.treeItems = items;

    const withDiagrams: { key: string; diagrams: number }[] = [];
    for (const row of await api.notes.request(NotesRequest, {})) {
      const content = await api.notes.request(NoteRequest, { target: row.key });
      const diagrams = content?.text.split('```mermaid').length ?? 1;
      if (row.namespace === 'bundled' && diagrams > 1) withDiagrams.push({ key: row.key, diagrams: diagrams - 1 });
    }
    // At the moment the first note would be opened.
    if (process.env.STUDY_NOTES_BENCH_PART === 'emptyWebview') {
      figures.emptyWebviewMs = await emptyWebviewMs();
      fs.writeFileSync(resultsFile, JSON.stringify({ event: 'end', figures }) + '\n');
      return;
    }
    // As a reader goes: the first note with diagrams (new panel, mermaid fetched), then each next one
    // with its neighbour open, then back through the history (drawings kept).
    let shown: NotePanel | undefined;
    /** Milliseconds from a step (opening, going back, changing the theme) to the page's report of its last diagram. */
    const timed = async (step: () => PromiseLike<unknown>, drawn = () => shown!.lastRender): Promise<number> => {
      const begun = performance.now();
      await step();
      await drawn();
      return performance.now() - begun;
    };
    const opens: number[] = [];
    let firstPageReady = 0;
    for (const note of withDiagrams) {
      const begun = performance.now();
      opens.push(await timed(async () => (shown = await api.openNote(note.key))));
      // When the first note's page could take its first message: VS Code made the webview and panel.js ran.
      if (opens.length === 1) firstPageReady = shown!.pageReadyAt - begun;
    }
    const back: number[] = [];
    for (let i = 0; i < Math.min(8, withDiagrams.length - 1); i++) back.push(await timed(() => shown!.navigate('back')));
    // A new panel for the first note, read before: its drawings come from disk, without mermaid.
    shown!.dispose();
    const readBefore = await timed(async () => (shown = await api.openNote(withDiagrams[0].key)));
    figures.openNoteToDiagramsMs = { first: opens[0], firstPageReady, samples: opens.slice(1), back, readBefore, notes: withDiagrams.length };

    // Theme changes on the notes with the most diagrams, each open a few seconds first as a reader has
    // it (the page draws its diagrams in the other theme meanwhile, when idle): to the other theme,
    // and back (drawn before).
    const workbench = vscode.workspace.getConfiguration('workbench');
    const themeMs = (theme: string): Promise<number> => {
      const redrawn = shown!.whenRendered();
      return timed(() => workbench.update('colorTheme', theme, vscode.ConfigurationTarget.Global), () => redrawn);
    };
    const toOther: number[] = [];
    const backAgain: number[] = [];
    const dark = vscode.window.activeColorTheme.kind === vscode.ColorThemeKind.Dark;
    const [other, original] = dark ? ['Default Light Modern', 'Default Dark Modern'] : ['Default Dark Modern', 'Default Light Modern'];
    const mostDiagrams = [...withDiagrams].sort((a, b) => b.diagrams - a.diagrams).slice(0, 3);
    for (const note of mostDiagrams) {
      shown = await api.openNote(note.key);
      await shown!.lastRender;
      await new Promise((resolve) => setTimeout(resolve, READING_MS));
      toOther.push(await themeMs(other));
      backAgain.push(await themeMs(original));
    }
    await workbench.update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
    figures.themeChangeMs = { toOther, back: backAgain, readingMs: READING_MS, diagrams: mostDiagrams.map((note) => note.diagrams) };
    global.gc?.();
    figures.hostRssMb = { beforeActivation: mb(rssBefore), afterUse: mb(process.memoryUsage().rss) };
    figures.hostHeapMb = { beforeActivation: mb(heapBefore), afterUse: mb(process.memoryUsage().heapUsed) };
    fs.writeFileSync(resultsFile, JSON.stringify({ event: 'end', figures }) + '\n');
  } catch (error) {
    fs.writeFileSync(resultsFile, JSON.stringify({ event: 'error', message: String((error as Error).stack ?? error) }) + '\n');
  }
}

/** A webview panel with a page that only says it is loaded: from its creation to that message. */
async function emptyWebviewMs(): Promise<number> {
  const started = performance.now();
  const panel = vscode.window.createWebviewPanel('studyNotes.benchEmptyWebview', 'Empty', vscode.ViewColumn.Active, { enableScripts: true });
  const loaded = new Promise<void>((resolve) => panel.webview.onDidReceiveMessage(() => resolve()));
  panel.webview.html = `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-bench'"></head>
<body><script nonce="bench">acquireVsCodeApi().postMessage('loaded');</script></body></html>`;
  await loaded;
  const elapsed = performance.now() - started;
  panel.dispose();
  return elapsed;
}
