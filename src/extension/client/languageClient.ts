// Starts the notes language server the first time a note file or a Python file is opened, never at
// VS Code start. Python files get concept hovers (a word a note covers, like functools.partial).
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/** Restarts allowed within RESTART_WINDOW_MS before the server is left stopped. */
const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60_000;
import type { NotesService } from '../notes/notesService';

export interface NotesLanguageClient extends vscode.Disposable {
  /** Mastery per concept id (0–1) for the server's hovers; sent once the server runs. */
  setMastery(mastery: Record<string, number>): void;
}

export function registerLanguageClient(context: vscode.ExtensionContext, notes: NotesService): NotesLanguageClient {
  let client: LanguageClient | undefined;
  let mastery: Record<string, number> = {};
  const restarts: number[] = [];
  let toldRestart = false;
  const wanted = (document: vscode.TextDocument): boolean =>
    document.uri.scheme === 'file' && (document.languageId === 'python' || (document.languageId === 'markdown' && notes.isNoteFile(document.uri.fsPath)));
  const startFor = (document: vscode.TextDocument): void => {
    if (client || !wanted(document)) return;
    const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [{ scheme: 'file', language: 'markdown' }, { scheme: 'file', language: 'python' }],
      initializationOptions: { locale: notes.locale, noteFolders: [notes.bundledRoot, ...notes.userFolders()] },
      // Hovers link to the note through this one command only.
      markdown: { isTrusted: { enabledCommands: ['studyNotes.openNote'] } },
      // A crashed server is restarted quietly; the user hears about it once, not once per crash.
      errorHandler: {
        error: () => ({ action: ErrorAction.Continue, handled: true }),
        closed: () => {
          const now = Date.now();
          restarts.splice(0, restarts.length, ...restarts.filter((time) => now - time < RESTART_WINDOW_MS), now);
          if (restarts.length > MAX_RESTARTS) {
            return { action: CloseAction.DoNotRestart, message: vscode.l10n.t('The Study Notes language server stopped {0} times in a few minutes and was not restarted again. Reload the window to try again.', restarts.length) };
          }
          if (!toldRestart) {
            toldRestart = true;
            void vscode.window.showWarningMessage(vscode.l10n.t('The Study Notes language server stopped unexpectedly and was restarted.'));
          }
          return { action: CloseAction.Restart, handled: true };
        },
      },
    };
    client = new LanguageClient('studyNotes', vscode.l10n.t('Study Notes Language Server'), serverOptions, clientOptions);
    client.start().then(() => send(), (error: unknown) => {
      void vscode.window.showErrorMessage(vscode.l10n.t('The Study Notes language server could not start: {0}', String(error)));
    });
  };
  const send = (): void => {
    if (client?.isRunning()) void client.sendNotification('studyNotes/mastery', { mastery });
  };
  vscode.workspace.textDocuments.forEach(startFor);
  const subscription = vscode.workspace.onDidOpenTextDocument(startFor);
  return {
    setMastery(next) {
      mastery = next;
      send();
    },
    dispose() {
      subscription.dispose();
      void client?.stop();
    },
  };
}
