// The notes language server. Runs over IPC from the extension, or standalone with `--stdio` for
// any LSP client. It reports problems in note files: front matter against the schema, duplicate
// ids, dangling related ids and quiz mistakes.
import { fileURLToPath } from 'node:url';
import { createConnection, DiagnosticSeverity, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type Diagnostic } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { toLocale, type Locale } from '../core/messages';
import { NoteIndex } from '../core/noteIndex';
import { readNotesFolder } from '../core/noteFiles';
import type { Note } from '../core/model';
import { parseNote } from '../core/parseNote';

/** A file with thousands of mistakes reports the first ones only, so the editor stays responsive. */
export const MAX_DIAGNOSTICS_PER_FILE = 100;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let locale: Locale = 'en';
let folders: string[] = [];
let diskNotes: Promise<Note[]> = Promise.resolve([]);

connection.onInitialize((params) => {
  const options = (params.initializationOptions ?? {}) as { locale?: string; noteFolders?: string[] };
  locale = toLocale(options.locale ?? params.locale);
  folders = options.noteFolders
    ?? (params.workspaceFolders ?? []).map((folder) => `${fileURLToPath(folder.uri)}/notes`);
  diskNotes = loadDiskNotes();
  return { capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental } };
});

function loadDiskNotes(): Promise<Note[]> {
  return Promise.all(folders.map((folder) => readNotesFolder(folder, locale))).then((lists) => lists.flat());
}

function isNote(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  const file = fileURLToPath(uri);
  return folders.some((folder) => file.startsWith(folder + '/')) && file.endsWith('.md') ? file : undefined;
}

async function validate(document: TextDocument): Promise<void> {
  const file = isNote(document.uri);
  if (!file) return;
  const base = file.slice(file.lastIndexOf('/') + 1, -'.md'.length);
  const note = parseNote(document.getText(), file, { locale, baseName: base });
  const others = (await diskNotes).filter((other) => other.source !== file);
  const problems = new NoteIndex([...others, note], locale).problemsOf(note);
  const diagnostics: Diagnostic[] = problems.slice(0, MAX_DIAGNOSTICS_PER_FILE).map((problem) => ({
    message: problem.message,
    severity: problem.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    range: {
      start: { line: problem.range.startLine, character: problem.range.startCharacter },
      end: { line: problem.range.endLine, character: problem.range.endCharacter },
    },
    source: 'study-notes',
  }));
  await connection.sendDiagnostics({ uri: document.uri, diagnostics });
}

documents.onDidChangeContent((change) => void validate(change.document));
documents.onDidSave(() => { diskNotes = loadDiskNotes(); });
documents.onDidClose((event) => void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] }));
documents.listen(connection);
connection.listen();
