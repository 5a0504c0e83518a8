// Starts the notes language server and connects to it. Built as its own bundle
// (`dist/languageClient.js`), loaded the first time something needs notes: the language client
// library is most of the extension's code, and activation should not pay for it.
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_NODE_FLAGS } from '../../server/serverFlags';
import { OPEN_NOTE_COMMAND, type NotesConfiguration } from '../../shared/protocol';

/** Restarts allowed within RESTART_WINDOW_MS before the server is left stopped. */
const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60_000;

export interface ServerConnection {
  sendRequest<R>(method: string, params: unknown): Promise<R>;
  sendNotification(method: string, params: unknown): Promise<void>;
  onNotification(method: string, handler: (params: unknown) => void): vscode.Disposable;
  /** Fires with false when the server stopped (it is restarted quietly), true when it runs again. */
  onDidChangeRunning(listener: (running: boolean) => void): vscode.Disposable;
  dispose(): Promise<void>;
}

export async function startLanguageServer(serverModule: string, configuration: NotesConfiguration): Promise<ServerConnection> {
  const restarts: number[] = [];
  let toldRestart = false;
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: SERVER_NODE_FLAGS } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'markdown' }, { scheme: 'file', language: 'python' }],
    initializationOptions: configuration,
    // Hovers link to a note through this one command only.
    markdown: { isTrusted: { enabledCommands: [OPEN_NOTE_COMMAND] } },
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
  const client = new LanguageClient('studyNotes', vscode.l10n.t('Study Notes Language Server'), serverOptions, clientOptions);
  await client.start();
  return {
    sendRequest: (method, params) => client.sendRequest(method, params),
    sendNotification: (method, params) => client.sendNotification(method, params),
    onNotification: (method, handler) => client.onNotification(method, handler),
    onDidChangeRunning: (listener) => client.onDidChangeState(({ newState }) => {
      if (newState === State.Running) listener(true);
      else if (newState === State.Stopped) listener(false);
    }),
    dispose: () => client.stop(),
  };
}
