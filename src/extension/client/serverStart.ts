// Starts the notes language server as soon as a note file (for its diagnostics) or a Python file
// (for concept hovers) is opened, without waiting for the tree; one server serves both. Keeps the
// server's hovers told of the quiz mastery.
import * as vscode from 'vscode';
import { MasteryNotification } from '../../shared/protocol';
import type { Feature } from '../features';

export const registerLanguageServerStart: Feature = ({ notes, mastery }) => {
  const wanted = (document: vscode.TextDocument): boolean =>
    document.uri.scheme === 'file' && (document.languageId === 'python' || (document.languageId === 'markdown' && notes.isNoteFile(document.uri.fsPath)));
  const startFor = (document: vscode.TextDocument): void => {
    if (wanted(document)) void notes.start().catch(() => undefined);
  };
  vscode.workspace.textDocuments.forEach(startFor);
  const sendMastery = (): void => {
    const values = Object.fromEntries([...mastery.current].filter(([, concept]) => concept.seen > 0).map(([id, concept]) => [id, concept.mastery]));
    void notes.notify(MasteryNotification, { mastery: values }).catch(() => undefined);
  };
  return vscode.Disposable.from(
    vscode.workspace.onDidOpenTextDocument(startFor),
    mastery.onDidChange(sendMastery),
  );
};
