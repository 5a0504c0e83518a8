// Starts the notes language server the first time a note file is opened, not at VS Code start.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { NotesService } from '../notes/notesService';

export function registerLanguageClient(context: vscode.ExtensionContext, notes: NotesService): vscode.Disposable {
  let client: LanguageClient | undefined;
  const startFor = (document: vscode.TextDocument): void => {
    if (client || document.languageId !== 'markdown' || !notes.isNoteFile(document.uri.fsPath)) return;
    const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [{ scheme: 'file', language: 'markdown' }],
      initializationOptions: { locale: notes.locale, noteFolders: [notes.bundledRoot, ...notes.userFolders()] },
    };
    client = new LanguageClient('studyNotes', vscode.l10n.t('Study Notes Language Server'), serverOptions, clientOptions);
    void client.start().catch((error: unknown) => {
      void vscode.window.showErrorMessage(vscode.l10n.t('The Study Notes language server could not start: {0}', String(error)));
    });
  };
  vscode.workspace.textDocuments.forEach(startFor);
  return vscode.Disposable.from(
    vscode.workspace.onDidOpenTextDocument(startFor),
    { dispose: () => void client?.stop() },
  );
}
