// Entry point. activate() only registers: notes load on first use, the language server starts
// when a note file is first opened.
import * as vscode from 'vscode';
import { registerLanguageClient } from './client/languageClient';
import { NotesService } from './notes/notesService';
import { NotePanel } from './panel/notePanel';
import { registerTopicTree, type TopicTreeProvider } from './tree/topicTree';

/** What the extension hands to its integration tests (and to other extensions). */
export interface StudyNotesApi {
  notes: NotesService;
  topics: TopicTreeProvider;
  openNote(noteId: string): Promise<NotePanel | undefined>;
}

export function activate(context: vscode.ExtensionContext): StudyNotesApi {
  const notes = new NotesService(context.extensionUri);
  const tree = registerTopicTree(notes);
  const openNote = (noteId: string) => NotePanel.show(context, notes, noteId);
  context.subscriptions.push(
    notes,
    tree.disposable,
    NotePanel.registerSerializer(context, notes),
    vscode.commands.registerCommand('studyNotes.openNote', async (noteId?: string) => {
      const id = noteId ?? (await pickNote(notes));
      if (id) await openNote(id);
    }),
    vscode.commands.registerCommand('studyNotes.openNoteSource', async (node?: { kind: string; note?: { source: string } }) => {
      if (node?.note) await vscode.window.showTextDocument(vscode.Uri.file(node.note.source));
    }),
    registerLanguageClient(context, notes),
  );
  return { notes, topics: tree.provider, openNote };
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
