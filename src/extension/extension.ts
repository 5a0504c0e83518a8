// Entry point. activate() only registers the features; the language server, which owns the notes,
// starts the first time something needs them.
import * as vscode from 'vscode';
import type { ConceptMastery, ReviewEntry } from '../core/quiz';
import type { StudyNotesApi } from './api';
import { NotesClient } from './client/notesClient';
import { features, type MasteryBoard, type PracticeLog, type StudyNotesContext } from './features';

export function activate(extension: vscode.ExtensionContext): StudyNotesApi {
  const started = performance.now();
  const notes = new NotesClient(extension);
  const masteryChanged = new vscode.EventEmitter<ReadonlyMap<string, ConceptMastery>>();
  let current: ReadonlyMap<string, ConceptMastery> = new Map();
  const mastery: MasteryBoard = {
    get current() { return current; },
    onDidChange: masteryChanged.event,
    publish(next) {
      current = next;
      masteryChanged.fire(next);
    },
  };
  let writeReview: ((entry: ReviewEntry) => Promise<void>) | undefined;
  const practice: PracticeLog = {
    record: (entry) => writeReview?.(entry) ?? Promise.resolve(),
    attach(writer) {
      writeReview = writer;
      return new vscode.Disposable(() => { if (writeReview === writer) writeReview = undefined; });
    },
  };
  const context: StudyNotesContext = { extension, notes, mastery, practice };
  extension.subscriptions.push(notes, masteryChanged);
  let api: Partial<StudyNotesApi> = { notes };
  for (const feature of features) {
    const handle = feature(context);
    extension.subscriptions.push(handle);
    api = { ...api, ...handle.api };
  }
  return { ...api, activationMs: performance.now() - started } as StudyNotesApi;
}

export function deactivate(): void {
  // Everything is disposed through the extension context's subscriptions.
}
