// Entry point. activate() only registers: notes load on first use, the language server starts
// when a note file is first opened.
import path from 'node:path';
import * as vscode from 'vscode';
import { registerLanguageClient } from './client/languageClient';
import { NotesService } from './notes/notesService';
import { showSource } from './notes/showSource';
import { NotePanel } from './panel/notePanel';
import { registerQuiz } from './quiz/quizFeature';
import type { ProgressStore } from './quiz/progressStore';
import { registerSearchNotes } from './search/searchNotes';
import { registerSnippets } from './snippets/snippetsFeature';
import { registerTopicTree, type TopicNode, type TopicTreeProvider } from './tree/topicTree';

/** What the extension hands to its integration tests (and to other extensions). */
export interface StudyNotesApi {
  notes: NotesService;
  topics: TopicTreeProvider;
  progress: ProgressStore;
  openNote(noteId: string, line?: number): Promise<NotePanel | undefined>;
  /** Milliseconds spent inside activate(), for the benchmark. */
  activationMs: number;
}

export function activate(context: vscode.ExtensionContext): StudyNotesApi {
  const started = performance.now();
  const notes = new NotesService(context.extensionUri, context.workspaceState);
  const tree = registerTopicTree(notes);
  const openNote = (noteId: string, line?: number) => NotePanel.show(context, notes, noteId, line);
  const languageClient = registerLanguageClient(context, notes);
  const quiz = registerQuiz(context, notes, tree.provider, openNote, (mastery) => languageClient.setMastery(mastery));
  context.subscriptions.push(
    notes,
    tree.disposable,
    quiz.disposable,
    NotePanel.registerSerializer(context, notes),
    // From the tree's context menu the argument is the tree node; from links and tests, an id.
    vscode.commands.registerCommand('studyNotes.openNote', async (target?: string | TopicNode) => {
      const id = typeof target === 'string' ? target : target?.kind === 'note' ? target.note.meta.id : await pickNote(notes);
      if (id) await openNote(id);
    }),
    vscode.commands.registerCommand('studyNotes.openNoteSource', async (node?: TopicNode) => {
      if (node?.kind === 'note') await showSource(node.note);
    }),
    vscode.commands.registerCommand('studyNotes.openFileAsTopics', async (uri?: vscode.Uri) => {
      const file = uri ?? (await pickMarkdownFile());
      if (!file) return;
      await notes.setTopicFiles([...notes.topicFiles(), file.fsPath]);
      await vscode.commands.executeCommand('studyNotes.topics.focus');
    }),
    vscode.commands.registerCommand('studyNotes.closeFileTopics', async () => {
      const files = notes.topicFiles();
      const chosen = await vscode.window.showQuickPick(files.map((file) => ({ label: path.basename(file), description: file, file })), {
        title: vscode.l10n.t('Stop Showing a File as Topics'), canPickMany: true,
      });
      if (chosen) await notes.setTopicFiles(files.filter((file) => !chosen.some((item) => item.file === file)));
    }),
    registerSearchNotes(notes, openNote),
    registerSnippets(context, notes),
    languageClient,
  );
  return { notes, topics: tree.provider, progress: quiz.store, openNote, activationMs: performance.now() - started };
}

async function pickMarkdownFile(): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  if (active?.languageId === 'markdown' && active.uri.scheme === 'file') return active.uri;
  const [picked] = (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { Markdown: ['md', 'markdown'] }, title: vscode.l10n.t('Open a Markdown File as Topics') })) ?? [];
  return picked;
}

async function pickNote(notes: NotesService): Promise<string | undefined> {
  const index = await notes.getIndex();
  const picked = await vscode.window.showQuickPick(
    index.notes.map((note) => ({ label: note.meta.title, description: note.meta.titleEn, detail: note.meta.summary, id: note.meta.id })),
    { title: vscode.l10n.t('Open Note'), placeHolder: vscode.l10n.t('Type a title in Chinese or English'), matchOnDescription: true, matchOnDetail: true },
  );
  return picked?.id;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
