// The notes language server: binds the language service to an LSP connection. Runs over IPC from
// the extension, or with `--stdio` for any LSP client. With no `initializationOptions` (Neovim,
// Helix…) it indexes `<root>/notes` of each workspace folder when that exists, else the Markdown
// files under the root, plus the bundled notes beside it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind, createConnection, DidChangeWatchedFilesNotification, ErrorCodes, FileChangeType, LSPErrorCodes, ProposedFeatures,
  ResponseError, TextDocuments, TextDocumentSyncKind, WatchKind, type CancellationToken, type Connection, type Diagnostic, type Disposable,
  type FileSystemWatcher, type InitializeParams, type InitializeResult, type Position,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { toLocale } from '../core/messages';
import type { NoteFolder, ParsedNote } from '../core/model';
import { isMarkdownFile } from '../core/noteModel/noteModel';
import {
  ConfigureNotification, DiagramErrorsNotification, ExamplesRequest, MasteryNotification, NoteRequest, NotesChangedNotification, NotesRequest,
  QuizItemsRequest, ResolveRequest, SearchRequest, StatusRequest, TopicFileRequest, TreeParentRequest, TreeRequest,
  type NotesConfiguration, type NotificationSpec, type RequestSpec,
} from '../shared/protocol';
import { RenameRefused } from './languageFeatures/references';
import { createLanguageService, type NotesLanguageService } from './languageService';
import { FileNoteCache, NodeFileSystem } from './nodeFileSystem';

/** Typing pauses this long before a note is re-parsed and its diagnostics refreshed. */
const REPARSE_DELAY_MS = 150;
/** Other open notes are re-checked this long after the model last changed. */
const RECHECK_DELAY_MS = 300;

class NotesServer {
  private readonly documents = new TextDocuments(TextDocument);
  private service!: NotesLanguageService;
  private configuration: NotesConfiguration = {};
  private workspaceRoots: string[] = [];
  private canCreateFiles = false;
  private watchFiles = false;
  private relativeWatchPatterns = false;
  private watcherRegistration: Promise<Disposable> | undefined;
  private readonly pendingParses = new Map<string, ReturnType<typeof setTimeout>>();
  /** The diagnostics last sent for each open note, as JSON. */
  private readonly published = new Map<string, string>();
  private recheckTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly connection: Connection) {
    connection.onInitialize((params) => this.initialize(params));
    connection.onInitialized(() => void this.startIndexing());
    connection.onShutdown(() => this.service?.model.saveCache());
    this.listenToDocuments();
    this.listenToRequests();
    this.documents.listen(connection);
  }

  private initialize(params: InitializeParams): InitializeResult {
    this.configuration = (params.initializationOptions ?? {}) as NotesConfiguration;
    const locale = toLocale(this.configuration.locale ?? params.locale);
    this.workspaceRoots = (params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []))
      .filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri));
    const cacheFolder = typeof this.configuration.cacheFolder === 'string' ? this.configuration.cacheFolder : defaultCacheFolder();
    const folders = this.noteFolders();
    this.service = createLanguageService({
      fs: new NodeFileSystem(),
      locale,
      cache: new FileNoteCache(cacheFolder, folders.map((folder) => folder.root)),
      maxNoteBytes: positiveNumber(this.configuration.maxNoteBytes),
    });
    this.service.model.onDidChange(({ keys }) => {
      void this.connection.sendNotification(NotesChangedNotification.method, { keys, ready: false });
      this.scheduleRecheck();
    });
    const capabilities = params.capabilities;
    this.canCreateFiles = capabilities.workspace?.workspaceEdit?.resourceOperations?.includes('create') ?? false;
    this.watchFiles = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration ?? false;
    this.relativeWatchPatterns = capabilities.workspace?.didChangeWatchedFiles?.relativePatternSupport ?? false;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        completionProvider: { triggerCharacters: [':', ' ', '[', ',', '-', '/'] },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'study-notes' },
    };
  }

  /** The bundled notes, then the user's: given by the client, else `<root>/notes` or the root itself. */
  private noteFolders(): NoteFolder[] {
    const bundled = typeof this.configuration.bundledFolder === 'string' ? this.configuration.bundledFolder : defaultBundledFolder();
    const given = Array.isArray(this.configuration.noteFolders) ? this.configuration.noteFolders.filter((folder): folder is string => typeof folder === 'string') : undefined;
    const user = given ?? this.workspaceRoots.map((root) => {
      const notes = path.join(root, 'notes');
      return isFolder(notes) ? notes : root;
    });
    return [
      ...(bundled ? [{ root: path.resolve(bundled), namespace: 'bundled' as const }] : []),
      ...user.map((root) => ({ root: path.resolve(root), namespace: 'user' as const })).filter((folder) => folder.root !== path.resolve(bundled ?? '')),
    ];
  }

  private topicFiles(): string[] {
    return Array.isArray(this.configuration.topicFiles) ? this.configuration.topicFiles.filter((file): file is string => typeof file === 'string') : [];
  }

  private async startIndexing(): Promise<void> {
    this.connection.onNotification(ConfigureNotification.method, (configuration: NotesConfiguration) => {
      if (!configuration || typeof configuration !== 'object') return;
      this.configuration = { ...this.configuration, ...configuration };
      void this.index();
    });
    await this.index();
  }

  private async index(): Promise<void> {
    await this.service.configure(this.noteFolders(), this.topicFiles());
    void this.connection.sendNotification(NotesChangedNotification.method, { keys: [], ready: true });
    await this.registerWatchers();
    this.recheckOpenNotes();
  }

  /** Watches the note folders (inside the workspace or not) and the topic files. */
  private async registerWatchers(): Promise<void> {
    if (!this.watchFiles) return;
    const previous = this.watcherRegistration;
    this.watcherRegistration = undefined;
    void previous?.then((registration) => registration.dispose());
    const folders = this.service.model.folders.filter((folder) => folder.namespace === 'user');
    const watchers: FileSystemWatcher[] = this.relativeWatchPatterns
      ? [
        ...folders.map((folder) => ({ globPattern: { baseUri: pathToFileURL(folder.root).href, pattern: '**/*.{md,markdown}' } })),
        // A folder moved in or deleted is reported as the folder alone.
        ...folders.map((folder) => ({ globPattern: { baseUri: pathToFileURL(folder.root).href, pattern: '**' }, kind: WatchKind.Create | WatchKind.Delete })),
        ...this.topicFiles().map((file) => ({ globPattern: { baseUri: pathToFileURL(path.dirname(file)).href, pattern: path.basename(file) } })),
      ]
      : [{ globPattern: '**/*.{md,markdown}' }, { globPattern: '**', kind: WatchKind.Create | WatchKind.Delete }];
    this.watcherRegistration = this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
    await this.watcherRegistration.catch(() => undefined);
  }

  // ---- Documents -------------------------------------------------------------------------------

  private listenToDocuments(): void {
    const seen = new Set<string>();
    // Opening a note checks it at once; typing waits for a pause.
    this.documents.onDidChangeContent(({ document }) => {
      const first = !seen.has(document.uri);
      seen.add(document.uri);
      this.scheduleParse(document, first ? 0 : REPARSE_DELAY_MS);
    });
    this.documents.onDidSave(({ document }) => this.publish(document.uri));
    this.documents.onDidClose(({ document }) => {
      const { uri } = document;
      seen.delete(uri);
      clearTimeout(this.pendingParses.get(uri));
      this.pendingParses.delete(uri);
      this.published.delete(uri);
      const file = fileOf(uri);
      if (!file || !this.service.model.isNoteFile(file)) return;
      void this.connection.sendDiagnostics({ uri, diagnostics: [] });
      void this.service.closeDocument(file);
    });
    this.connection.onDidChangeWatchedFiles(async ({ changes }) => {
      await this.service.ready;
      for (const { uri, type } of changes) {
        const file = fileOf(uri);
        if (!file) continue;
        if (isMarkdownFile(file) || this.topicFiles().includes(file)) await this.service.model.fileChanged(file);
        else if (type !== FileChangeType.Changed) await this.service.model.folderChanged(file);
      }
    });
    this.connection.onNotification(MasteryNotification.method, (params: { mastery?: Record<string, unknown> }) => {
      this.service.mastery.clear();
      for (const [id, value] of Object.entries(params?.mastery ?? {})) {
        if (typeof value === 'number' && value >= 0 && value <= 1) this.service.mastery.set(id, value);
      }
    });
    this.connection.onNotification(DiagramErrorsNotification.method, (params: { key?: unknown; errors?: unknown }) => {
      const note = typeof params?.key === 'string' ? this.service.model.get(params.key) : undefined;
      if (!note || !Array.isArray(params.errors)) return;
      const errors = params.errors
        .filter((error): error is { index: number; message: string } => Number.isInteger(error?.index) && typeof error?.message === 'string')
        .slice(0, 100);
      this.service.setDiagramErrors(note.path, errors);
      this.publish(pathToFileURL(note.path).href);
    });
  }

  /** Parses an open note's latest text now if a parse is still waiting. */
  private flushParse(uri: string): void {
    const timer = this.pendingParses.get(uri);
    if (!timer) return;
    clearTimeout(timer);
    this.pendingParses.delete(uri);
    const document = this.documents.get(uri);
    const file = fileOf(uri);
    if (document && file) this.service.setDocument(file, document.getText());
  }

  private scheduleParse(document: TextDocument, delay: number): void {
    const file = fileOf(document.uri);
    if (!file || !this.service.model.isNoteFile(file)) return;
    clearTimeout(this.pendingParses.get(document.uri));
    this.pendingParses.set(document.uri, setTimeout(() => {
      this.flushParse(document.uri);
      // Before the folders are read every id would look dangling.
      void this.service.ready.then(() => this.publish(document.uri));
    }, delay));
  }

  /** The open note at `uri`, parsed from the editor's latest text. */
  private parsedNote(uri: string): ParsedNote | undefined {
    this.flushParse(uri);
    const file = fileOf(uri);
    if (!file) return undefined;
    const parsed = this.service.parsed(file);
    if (parsed) return parsed;
    // Opened before the model knew its folder (configuration arrived later): parse it now.
    const document = this.documents.get(uri);
    return document && this.service.model.isNoteFile(file) ? this.service.setDocument(file, document.getText()) : undefined;
  }

  private publish(uri: string): void {
    const parsed = this.documents.get(uri) ? this.parsedNote(uri) : undefined;
    if (!parsed) return;
    const diagnostics = this.service.diagnostics(parsed);
    // Rechecks after every model change would otherwise resend the same list for each open note.
    const key = JSON.stringify(diagnostics);
    if (this.published.get(uri) === key) return;
    this.published.set(uri, key);
    void this.connection.sendDiagnostics({ uri, diagnostics });
  }

  private scheduleRecheck(): void {
    clearTimeout(this.recheckTimer);
    this.recheckTimer = setTimeout(() => this.recheckOpenNotes(), RECHECK_DELAY_MS);
  }

  /** Other open notes may now have dangling ids fixed or broken, or duplicates. */
  private recheckOpenNotes(): void {
    for (const document of this.documents.all()) this.publish(document.uri);
  }

  // ---- Requests --------------------------------------------------------------------------------

  private listenToRequests(): void {
    const { connection } = this;
    const onNote = <R>(empty: R, handler: (parsed: ParsedNote, params: { textDocument: { uri: string }; position: Position }, token: CancellationToken) => R | Promise<R>) =>
      this.guarded(empty, (params: { textDocument: { uri: string }; position: Position }, token) => {
        checkDocument(params);
        if (!isPosition(params?.position)) throw new ResponseError(ErrorCodes.InvalidParams, 'position must be {line, character} with non-negative integers');
        const parsed = this.parsedNote(params.textDocument.uri);
        return parsed ? handler(parsed, params, token) : empty;
      });
    connection.onCompletion(onNote(null, (parsed, { textDocument, position }) => {
      const document = this.documents.get(textDocument.uri);
      return document ? this.service.completion(document, parsed, position) : null;
    }));
    connection.onHover(this.guarded(null, (params: { textDocument: { uri: string }; position: Position }) => {
      checkDocument(params);
      const { textDocument, position } = params;
      if (!isPosition(position)) throw new ResponseError(ErrorCodes.InvalidParams, 'position must be {line, character} with non-negative integers');
      const document = this.documents.get(textDocument.uri);
      if (document && (document.languageId === 'python' || textDocument.uri.endsWith('.py'))) return this.service.pythonHover(document, position);
      const parsed = this.parsedNote(textDocument.uri);
      return parsed ? this.service.hover(parsed, position) : null;
    }));
    connection.onDefinition(onNote(null, (parsed, { position }) => this.service.definition(parsed, position)));
    connection.onReferences(onNote([], (parsed, params) => this.service.references(parsed, params.position, (params as unknown as { context?: { includeDeclaration?: boolean } }).context?.includeDeclaration === true)));
    connection.onPrepareRename(onNote(null, (parsed, { position }) => this.service.prepareRename(parsed, position)));
    connection.onRenameRequest(onNote(null, (parsed, params) => {
      const newName = (params as unknown as { newName?: unknown }).newName;
      if (typeof newName !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'newName must be a string');
      return this.service.rename(parsed, params.position, newName);
    }));
    connection.onDocumentSymbol(this.guarded([], (params: { textDocument: { uri: string } }) => {
      checkDocument(params);
      const parsed = this.parsedNote(params.textDocument.uri);
      return parsed ? this.service.documentSymbols(parsed) : [];
    }));
    connection.onWorkspaceSymbol(this.guarded([], ({ query }: { query: unknown }) => this.service.workspaceSymbols(typeof query === 'string' ? query : '')));
    connection.onCodeAction(this.guarded([], (params: { textDocument: { uri: string }; range: { start: Position; end: Position }; context: { diagnostics?: Diagnostic[] } }) => {
      checkDocument(params);
      const { textDocument, range, context } = params;
      if (!isPosition(range?.start) || !isPosition(range?.end)) throw new ResponseError(ErrorCodes.InvalidParams, 'range must have a start and an end position');
      const parsed = this.parsedNote(textDocument.uri);
      return parsed ? this.service.codeActions(parsed, range, Array.isArray(context?.diagnostics) ? context.diagnostics : [], this.canCreateFiles) : [];
    }));

    const stringParam = (value: unknown, name: string): string => {
      if (typeof value !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, `${name} must be a string`);
      return value;
    };
    // The tree answers as soon as the notes can be shown: on a warm start, from the cache.
    this.handle(TreeRequest, [], (params) => this.service.treeChildren(
      params?.parent === undefined ? undefined : stringParam(params.parent, 'parent'),
      params?.filter === undefined ? undefined : stringParam(params.filter, 'filter')), 'shown');
    this.handle(TreeParentRequest, null, (params) => this.service.treeParent(stringParam(params?.id, 'id')), 'shown');
    this.handle(NoteRequest, null, (params) => this.service.note(stringParam(params?.target, 'target')));
    this.handle(ResolveRequest, null, (params) => this.service.resolve(stringParam(params?.target, 'target')));
    this.handle(NotesRequest, [], (params) => this.service.notes(params ?? {}));
    this.handle(QuizItemsRequest, [], () => this.service.quizItems());
    this.handle(ExamplesRequest, [], () => this.service.examples());
    this.handle(SearchRequest, { hits: [], partial: false }, (params, token) =>
      this.service.searchNotes(stringParam(params?.query, 'query'), typeof params.limit === 'number' ? Math.min(1000, Math.max(1, params.limit)) : undefined, token));
    this.handle(TopicFileRequest, null, (params) => this.service.topicFile(stringParam(params?.path, 'path')));
    this.handle(StatusRequest, null, () => this.service.status());
  }

  private handle<P, R>(spec: RequestSpec<P, R>, empty: R, handler: (params: P, token: CancellationToken) => R | Promise<R>, after: 'ready' | 'shown' = 'ready'): void {
    this.connection.onRequest(spec.method, this.guarded(empty, handler, after));
  }

  /**
   * Runs a request once the notes are indexed (or, `shown`, can be shown). Bad parameters answer
   * InvalidParams; any other failure answers `empty`, so a bad file never breaks the editor; a
   * refused rename still reaches the user as an error.
   */
  private guarded<P, R>(empty: R, handler: (params: P, token: CancellationToken) => R | Promise<R>, after: 'ready' | 'shown' = 'ready'): (params: P, token: CancellationToken) => Promise<R | ResponseError<void>> {
    return async (params, token) => {
      await (after === 'shown' ? this.service.shown : this.service.ready);
      try {
        return await handler(params, token);
      } catch (error) {
        if (error instanceof ResponseError) return error;
        if (error instanceof RenameRefused) return new ResponseError(LSPErrorCodes.RequestFailed, error.message);
        this.connection.console.error(`study-notes: ${(error as Error)?.stack ?? String(error)}`);
        return empty;
      }
    };
  }

  listen(): void {
    this.connection.listen();
  }
}

function fileOf(uri: unknown): string | undefined {
  if (typeof uri !== 'string' || !uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** Requests about a document must name it: `{ textDocument: { uri } }`. */
function checkDocument(params: unknown): void {
  const uri = (params as { textDocument?: { uri?: unknown } } | null)?.textDocument?.uri;
  if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'textDocument.uri must be a string');
}

function isPosition(value: unknown): value is Position {
  const position = value as Partial<Position> | null;
  return !!position && Number.isInteger(position.line) && Number.isInteger(position.character) && position.line! >= 0 && position.character! >= 0;
}

function isFolder(folder: string): boolean {
  try {
    return fs.statSync(folder).isDirectory();
  } catch {
    return false;
  }
}

function positiveNumber(value: unknown): number | undefined {
  return typeof value === 'number' && value > 0 ? value : undefined;
}

/** The bundled notes ship beside the server: `<extension>/notes` next to `<extension>/dist/server.js`. */
function defaultBundledFolder(): string | undefined {
  const folder = path.resolve(__dirname, '..', 'notes');
  return isFolder(folder) ? folder : undefined;
}

function defaultCacheFolder(): string {
  const base = process.env.XDG_CACHE_HOME ?? path.join(process.env.HOME ?? process.env.USERPROFILE ?? path.resolve('.'), '.cache');
  return path.join(base, 'study-notes-server');
}

new NotesServer(createConnection(ProposedFeatures.all)).listen();

export type { NotificationSpec };
