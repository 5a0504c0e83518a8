// The extension's way to the note model: typed requests to the notes language server, started the
// first time something needs notes, and told at once when a setting changes where notes are. The
// extension holds no note index; it asks and shows.
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { toLocale, type Locale } from '../../core/messages';
import {
  ConfigureNotification, NotesChangedNotification, type NotesChangedParams, type NotesConfiguration, type NotificationSpec, type RequestSpec,
} from '../../shared/protocol';
import type { ServerConnection } from './languageClient';

const TOPIC_FILES_KEY = 'studyNotes.topicFiles';

/** Where the server stands, for the tree's message while it is not there. */
export type ServerState = 'starting' | 'running' | 'restarting' | 'failed';

export class NotesClient implements vscode.Disposable {
  readonly locale: Locale = toLocale(vscode.env.language);
  private connection: Promise<ServerConnection> | undefined;
  private readonly changed = new vscode.EventEmitter<NotesChangedParams>();
  /** The server added, changed or removed notes (or finished indexing). */
  readonly onDidChangeNotes = this.changed.event;
  private readonly stateChanged = new vscode.EventEmitter<ServerState>();
  readonly onDidChangeState = this.stateChanged.event;
  private currentState: ServerState = 'starting';
  private readonly disposables: vscode.Disposable[] = [this.changed, this.stateChanged];

  constructor(private readonly context: vscode.ExtensionContext) {
    this.disposables.push(vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('studyNotes.noteFolders') || event.affectsConfiguration('studyNotes.maxNoteSizeMB')) this.sendConfiguration();
    }), vscode.workspace.onDidChangeWorkspaceFolders(() => this.sendConfiguration()));
  }

  get state(): ServerState {
    return this.currentState;
  }

  /** Whether the server was asked to start (it may still be starting). */
  get started(): boolean {
    return this.connection !== undefined;
  }

  get bundledFolder(): string {
    return vscode.Uri.joinPath(this.context.extensionUri, 'notes').fsPath;
  }

  /**
   * Folders of the user's own notes: the `studyNotes.noteFolders` setting (relative paths against
   * each workspace folder), else each workspace folder's `notes/` when it exists, else the folder itself.
   */
  userFolders(): string[] {
    const configured = vscode.workspace.getConfiguration('studyNotes').get<unknown>('noteFolders', []);
    const roots = (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file').map((folder) => folder.uri.fsPath);
    const folders = Array.isArray(configured) && configured.some((folder) => typeof folder === 'string' && folder.trim())
      ? configured.filter((folder): folder is string => typeof folder === 'string' && folder.trim() !== '')
        .flatMap((folder) => (path.isAbsolute(folder) ? [folder] : roots.map((root) => path.join(root, folder))))
      : roots.map((root) => (isFolder(path.join(root, 'notes')) ? path.join(root, 'notes') : root));
    return [...new Set(folders.map((folder) => path.resolve(folder)))].filter((folder) => folder !== this.bundledFolder);
  }

  /** Long Markdown files the user opened as topics. */
  topicFiles(): string[] {
    return this.context.workspaceState.get<string[]>(TOPIC_FILES_KEY, []);
  }

  async setTopicFiles(files: string[]): Promise<void> {
    await this.context.workspaceState.update(TOPIC_FILES_KEY, [...new Set(files)]);
    this.sendConfiguration();
  }

  /** Whether a file is one the server treats as a note (pure path logic: nothing is read). */
  isNoteFile(file: string): boolean {
    if (this.topicFiles().includes(file)) return true;
    return /\.(md|markdown)$/i.test(file) && [this.bundledFolder, ...this.userFolders()].some((folder) => file.startsWith(folder + path.sep));
  }

  configuration(): NotesConfiguration {
    const megabytes = vscode.workspace.getConfiguration('studyNotes').get<number>('maxNoteSizeMB', 5);
    return {
      locale: this.locale,
      bundledFolder: this.bundledFolder,
      noteFolders: this.userFolders(),
      topicFiles: this.topicFiles(),
      maxNoteBytes: Math.max(0.1, Number.isFinite(megabytes) ? megabytes : 5) * 1024 * 1024,
      cacheFolder: this.context.globalStorageUri.fsPath,
    };
  }

  private sendConfiguration(): void {
    if (this.connection) void this.connection.then((connection) => connection.sendNotification(ConfigureNotification.method, this.configuration()));
  }

  /** Starts the server if it is not running yet; resolves once it answers. */
  start(): Promise<ServerConnection> {
    this.connection ??= this.connect();
    return this.connection;
  }

  private async connect(): Promise<ServerConnection> {
    this.setState('starting');
    try {
      // A separate bundle, loaded now rather than with the extension (see languageClient.ts).
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { startLanguageServer } = require(path.join(__dirname, 'languageClient.js')) as typeof import('./languageClient');
      const connection = await startLanguageServer(vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'server.js').fsPath, this.configuration());
      this.disposables.push(
        connection.onNotification(NotesChangedNotification.method, (params) => this.changed.fire(params as NotesChangedParams)),
        connection.onDidChangeRunning((running) => {
          this.setState(running ? 'running' : 'restarting');
          // A restarted server indexed afresh: everything shown may have changed.
          if (running) this.changed.fire({ keys: [], ready: true });
        }),
      );
      this.setState('running');
      return connection;
    } catch (error) {
      this.setState('failed');
      void vscode.window.showErrorMessage(vscode.l10n.t('The Study Notes language server could not start: {0}', String(error)));
      throw error;
    }
  }

  private setState(state: ServerState): void {
    this.currentState = state;
    this.stateChanged.fire(state);
  }

  async request<P, R>(spec: RequestSpec<P, R>, params: P): Promise<R> {
    const connection = await this.start();
    return connection.sendRequest<R>(spec.method, params);
  }

  async notify<P>(spec: NotificationSpec<P>, params: P): Promise<void> {
    const connection = await this.start();
    await connection.sendNotification(spec.method, params);
  }

  dispose(): void {
    void this.connection?.then((connection) => connection.dispose(), () => undefined);
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function isFolder(folder: string): boolean {
  try {
    return fs.statSync(folder).isDirectory();
  } catch {
    return false;
  }
}
