// The notes language server. Runs over IPC from the extension, or standalone with `--stdio` for
// any LSP client.
//
// initializationOptions: { locale?: 'en' | 'zh-cn' | VS Code display language, noteFolders?: string[] }
// (absolute folders; without them, each workspace folder's `notes/`).
// Custom notification `studyNotes/mastery`, client → server: { mastery: { [conceptId]: number } },
// each value from 0 to 1; every notification replaces the previous map. Hovers show it.
//
// Features: diagnostics (schema, duplicate ids, dangling related ids and links, quiz mistakes,
// mermaid blocks that fail to parse), completion, hover (also on words in Python code that a
// concept covers), definition, references, rename, document and workspace symbols, quick fixes.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind, createConnection, DidChangeWatchedFilesNotification, FileChangeType, LSPErrorCodes, ProposedFeatures, ResponseError,
  TextDocuments, TextDocumentSyncKind, type Connection, type Diagnostic,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { toLocale, type Locale } from '../core/messages';
import type { Note, NoteProblem } from '../core/model';
import { DiagramChecker, diagramProblems } from './diagrams';
import { toDiagnostics } from './diagnostics';
import * as features from './features';
import { NoteWorkspace } from './workspace';

/** Typing pauses this long before a note is re-parsed and its diagnostics refreshed. */
const REPARSE_DELAY_MS = 150;
/** Other open notes are re-checked this long after the index last changed. */
const RECHECK_DELAY_MS = 300;
/** Diagrams checked per note; the rest wait until the first ones are fixed. */
const MAX_DIAGRAMS_CHECKED = 50;

const connection: Connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let workspace = new NoteWorkspace([]);
let locale: Locale = 'en';
let canCreateFiles = false;
let watchFilesDynamically = false;
const mastery = new Map<string, number>();
const pendingParses = new Map<string, NodeJS.Timeout>();
/** The diagnostics last sent for each open note, as JSON. */
const published = new Map<string, string>();
/** Open documents whose first text has been taken. */
const seen = new Set<string>();
/** Diagram problems of the note object they were computed for. */
const diagramResults = new Map<string, { note: Note; problems: NoteProblem[] }>();
/** The note object whose diagrams are being checked, per URI. */
const diagramsChecking = new Map<string, Note>();
let recheckTimer: NodeJS.Timeout | undefined;
/** Created when the first diagram needs it; null when its files are missing. */
let diagramChecker: DiagramChecker | null | undefined;

connection.onInitialize((params) => {
  const options = (params.initializationOptions ?? {}) as { locale?: string; noteFolders?: string[] };
  locale = toLocale(options.locale ?? params.locale);
  const roots = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  const folders = Array.isArray(options.noteFolders)
    ? options.noteFolders.filter((folder) => typeof folder === 'string').map((folder) => path.resolve(folder))
    : roots.filter((uri) => uri.startsWith('file:')).map((uri) => path.join(fileURLToPath(uri), 'notes'));
  workspace = new NoteWorkspace(folders, locale);
  void workspace.ready.then(() => recheckOpenNotes());
  canCreateFiles = params.capabilities.workspace?.workspaceEdit?.resourceOperations?.includes('create') ?? false;
  watchFilesDynamically = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration ?? false;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      completionProvider: { triggerCharacters: [':', ' ', '[', ',', '-'] },
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
});

connection.onInitialized(() => {
  if (watchFilesDynamically) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.md' }] });
});

connection.onShutdown(() => diagramChecker?.dispose());

connection.onNotification('studyNotes/mastery', (params: { mastery?: Record<string, unknown> }) => {
  mastery.clear();
  for (const [id, value] of Object.entries(params?.mastery ?? {})) {
    if (typeof value === 'number' && value >= 0 && value <= 1) mastery.set(id, value);
  }
});

// ---- Documents and the index -------------------------------------------------------------------

function noteFile(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  const file = fileURLToPath(uri);
  return workspace.isNoteFile(file) ? file : undefined;
}

/** Parses an open note's latest text now if a parse is still waiting. */
function flushParse(uri: string): void {
  const timer = pendingParses.get(uri);
  if (!timer) return;
  clearTimeout(timer);
  pendingParses.delete(uri);
  const document = documents.get(uri);
  const file = noteFile(uri);
  if (document && file) workspace.update(file, document.getText());
}

/** The current note for a URI: the editor's text when open, else the disk's; undefined when gone. */
function noteFor(uri: string): Note | undefined {
  const file = noteFile(uri);
  if (!file) return undefined;
  flushParse(uri);
  return workspace.store.get(file);
}

function context(): features.FeatureContext {
  return { index: workspace.store.index, locale, mastery };
}

function scheduleParse(document: TextDocument, delay: number): void {
  if (!noteFile(document.uri)) return;
  clearTimeout(pendingParses.get(document.uri));
  pendingParses.set(document.uri, setTimeout(() => {
    flushParse(document.uri);
    // Before the folders are read every id would look dangling.
    void workspace.ready.then(() => {
      publish(document.uri);
      checkDiagrams(document.uri);
      scheduleRecheck();
    });
  }, delay));
}

function publish(uri: string): void {
  const note = noteFor(uri);
  if (!note || !documents.get(uri)) return;
  const diagrams = diagramResults.get(uri);
  const problems = [...workspace.store.index.problemsOf(note), ...(diagrams?.note === note ? diagrams.problems : [])];
  const diagnostics = toDiagnostics(problems, locale);
  // Rechecks after every index change would otherwise resend the same list for each open note.
  const key = JSON.stringify(diagnostics);
  if (published.get(uri) === key) return;
  published.set(uri, key);
  void connection.sendDiagnostics({ uri, diagnostics });
}

/** Other open notes may now have dangling ids fixed or broken, or duplicates. */
function scheduleRecheck(): void {
  clearTimeout(recheckTimer);
  recheckTimer = setTimeout(recheckOpenNotes, RECHECK_DELAY_MS);
}

function recheckOpenNotes(): void {
  for (const document of documents.all()) {
    if (!noteFile(document.uri)) continue;
    publish(document.uri);
    checkDiagrams(document.uri);
  }
}

function checker(): DiagramChecker | undefined {
  if (diagramChecker === undefined) {
    // Both files are built beside this bundle (see scripts/server-bundles.mjs).
    const workerFile = path.join(__dirname, 'mermaidWorker.js');
    const mermaidScript = path.join(__dirname, 'webview', 'mermaid.min.js');
    const present = fs.existsSync(workerFile) && fs.existsSync(mermaidScript);
    if (!present) connection.console.warn(`Diagram checks are off: ${workerFile} or ${mermaidScript} is missing.`);
    diagramChecker = present ? new DiagramChecker(workerFile, mermaidScript) : null;
  }
  return diagramChecker ?? undefined;
}

function checkDiagrams(uri: string): void {
  const note = noteFor(uri);
  if (!note || note.diagrams.length === 0 || diagramResults.get(uri)?.note === note || diagramsChecking.get(uri) === note) return;
  const diagrams = checker();
  if (!diagrams) return;
  diagramsChecking.set(uri, note);
  void Promise.all(note.diagrams.slice(0, MAX_DIAGRAMS_CHECKED).map((source) => diagrams.check(source))).then((errors) => {
    if (diagramsChecking.get(uri) === note) diagramsChecking.delete(uri);
    if (noteFor(uri) !== note) return;
    diagramResults.set(uri, { note, problems: diagramProblems(note, errors, locale) });
    publish(uri);
  });
}

// Opening a note checks it at once; typing waits for a pause.
documents.onDidChangeContent((event) => {
  const first = !seen.has(event.document.uri);
  seen.add(event.document.uri);
  scheduleParse(event.document, first ? 0 : REPARSE_DELAY_MS);
});
documents.onDidSave((event) => {
  flushParse(event.document.uri);
  publish(event.document.uri);
});
documents.onDidClose((event) => {
  const uri = event.document.uri;
  clearTimeout(pendingParses.get(uri));
  pendingParses.delete(uri);
  diagramResults.delete(uri);
  diagramsChecking.delete(uri);
  published.delete(uri);
  seen.delete(uri);
  const file = noteFile(uri);
  if (!file) return;
  void connection.sendDiagnostics({ uri, diagnostics: [] });
  void workspace.close(file).then(scheduleRecheck);
});

connection.onDidChangeWatchedFiles(async ({ changes }) => {
  await workspace.ready;
  await Promise.all(changes.map(async ({ uri, type }) => {
    if (!uri.startsWith('file:')) return;
    const file = fileURLToPath(uri);
    if (workspace.isNoteFile(file)) await workspace.refresh(file);
    else if (type === FileChangeType.Deleted) workspace.removeFolder(file);
  }));
  scheduleRecheck();
});

// ---- Requests ----------------------------------------------------------------------------------

/**
 * Runs a request once the notes are loaded. A failure answers `empty` instead of an error, so a
 * bad file never breaks the editor; a refused rename still reaches the user as an error.
 */
function guarded<P, R>(empty: R, handler: (params: P) => R): (params: P) => Promise<R> {
  return async (params) => {
    await workspace.ready;
    try {
      return handler(params);
    } catch (error) {
      if (error instanceof features.RenameRefused) throw new ResponseError(LSPErrorCodes.RequestFailed, error.message);
      connection.console.error(`study-notes: ${(error as Error)?.stack ?? String(error)}`);
      return empty;
    }
  };
}

const isPython = (uri: string): boolean => documents.get(uri)?.languageId === 'python' || uri.endsWith('.py');

connection.onCompletion(guarded(null, ({ textDocument, position }) => {
  const document = documents.get(textDocument.uri);
  const note = noteFor(textDocument.uri);
  return document && note ? features.completion(context(), document, note, position) : null;
}));

connection.onHover(guarded(null, ({ textDocument, position }) => {
  if (isPython(textDocument.uri)) {
    const document = documents.get(textDocument.uri);
    return document ? features.pythonHover(context(), document, position) : null;
  }
  const note = noteFor(textDocument.uri);
  return note ? features.hover(context(), note, position) : null;
}));

connection.onDefinition(guarded(null, ({ textDocument, position }) => {
  const note = noteFor(textDocument.uri);
  return note ? features.definition(context(), note, position) : null;
}));

connection.onReferences(guarded([], ({ textDocument, position, context: options }) => {
  const note = noteFor(textDocument.uri);
  return note ? features.references(context(), note, position, options.includeDeclaration) : [];
}));

connection.onPrepareRename(guarded(null, ({ textDocument, position }) => {
  const note = noteFor(textDocument.uri);
  return note ? features.prepareRename(context(), note, position) : null;
}));

connection.onRenameRequest(guarded(null, ({ textDocument, position, newName }) => {
  const note = noteFor(textDocument.uri);
  return note ? features.rename(context(), note, position, newName) : null;
}));

connection.onDocumentSymbol(guarded([], ({ textDocument }) => {
  const note = noteFor(textDocument.uri);
  const lineCount = documents.get(textDocument.uri)?.lineCount ?? (note ? note.bodyLine + note.body.split('\n').length : 0);
  return note ? features.documentSymbols(note, lineCount) : [];
}));

connection.onWorkspaceSymbol(guarded([], ({ query }) => features.workspaceSymbols(context(), query)));

connection.onCodeAction(guarded([], ({ textDocument, range, context: { diagnostics } }) => {
  const note = noteFor(textDocument.uri);
  return note ? features.codeActions(context(), note, range, diagnostics as Diagnostic[], canCreateFiles) : [];
}));

documents.listen(connection);
connection.listen();
