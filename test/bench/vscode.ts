// Benchmark module VS Code loads as its extension tests (see scripts/bench.mjs): measures start-up,
// the first tree, memory, and open-note-to-diagrams-painted, and writes the figures as JSON.
import fs from 'node:fs';
import * as vscode from 'vscode';
import type { StudyNotesApi } from '../../src/extension/api';
import { NoteRequest, NotesRequest } from '../../src/shared/protocol';

const EXTENSION_ID = 'study-notes-team.study-notes';
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

    const withDiagrams = [];
    for (const row of await api.notes.request(NotesRequest, {})) {
      const content = await api.notes.request(NoteRequest, { target: row.key });
      if (row.namespace === 'bundled' && content && /```mermaid/.test(content.text)) withDiagrams.push(row);
    }
    const openTimes: number[] = [];
    // A warm-up open loads mermaid's script once, as a reader's first note would.
    for (const note of [withDiagrams[0], ...withDiagrams]) {
      started = performance.now();
      const panel = await api.openNote(note.key);
      await panel!.lastRender;
      openTimes.push(performance.now() - started);
    }
    figures.openNoteToDiagramsMs = { first: openTimes[0], samples: openTimes.slice(1), notes: withDiagrams.length };
    global.gc?.();
    figures.hostRssMb = { beforeActivation: mb(rssBefore), afterUse: mb(process.memoryUsage().rss) };
    figures.hostHeapMb = { beforeActivation: mb(heapBefore), afterUse: mb(process.memoryUsage().heapUsed) };
    fs.writeFileSync(resultsFile, JSON.stringify({ event: 'end', figures }) + '\n');
  } catch (error) {
    fs.writeFileSync(resultsFile, JSON.stringify({ event: 'error', message: String((error as Error).stack ?? error) }) + '\n');
  }
}
