// The language service on an in-memory folder of notes, for unit tests that call its features
// directly: files are written to a `MemoryFileSystem`, the service indexes them, and `open` plays
// the editor (the note's text becomes the model's, parsed in full).
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Locale } from '../../src/core/messages';
import type { NoteFolder, ParsedNote } from '../../src/core/model';
import { MemoryFileSystem } from '../../src/core/noteModel/fileSystem';
import type { NoteModel } from '../../src/core/noteModel/noteModel';
import type { NoteCache } from '../../src/core/noteModel/noteCache';
import { createLanguageService, type NotesLanguageService } from '../../src/server/languageService';

export interface ServiceOptions {
  fs?: MemoryFileSystem;
  /** User note folders (default `/notes`) and bundled ones (default none). */
  user?: string[];
  bundled?: string[];
  topicFiles?: string[];
  locale?: Locale;
  maxNoteBytes?: number;
  cache?: NoteCache;
}

export interface TestService {
  fs: MemoryFileSystem;
  service: NotesLanguageService;
  /** Opens the note `file` in the "editor" with `text` (default: the file's text) and returns its full parse. */
  open(file: string, text?: string): Promise<ParsedNote>;
  /** Opens any other file (Python) in the "editor". */
  openDocument(file: string, text: string, languageId?: string): TextDocument;
  /** The editor document of an opened file (completion and Python hovers read it). */
  document(file: string): TextDocument;
}

export async function startService(options: ServiceOptions = {}): Promise<TestService> {
  const fs = options.fs ?? new MemoryFileSystem();
  const service = createLanguageService({ fs, locale: options.locale ?? 'en', maxNoteBytes: options.maxNoteBytes, cache: options.cache });
  const folders: NoteFolder[] = [
    ...(options.bundled ?? []).map((root) => ({ root, namespace: 'bundled' as const })),
    ...(options.user ?? ['/notes']).map((root) => ({ root, namespace: 'user' as const })),
  ];
  await service.configure(folders, options.topicFiles ?? []);
  const documents = new Map<string, TextDocument>();
  let version = 1;
  const openDocument = (file: string, text: string, languageId = 'markdown'): TextDocument => {
    const document = TextDocument.create(`file://${file}`, languageId, version++, text);
    documents.set(file, document);
    return document;
  };
  return {
    fs,
    service,
    openDocument,
    async open(file, text) {
      const content = text ?? await fs.readFile(file);
      assert.notEqual(content, undefined, `no file ${file}`);
      openDocument(file, content!);
      const parsed = service.setDocument(file, content!);
      assert.ok(parsed, `${file} is not a note`);
      return parsed;
    },
    document(file) {
      const document = documents.get(file);
      assert.ok(document, `${file} is not open`);
      return document;
    },
  };
}

/**
 * The second pass the language server runs over note bodies in the background, done now on a bare
 * model: every note not yet scanned is read again for its links. Returns how many were read.
 */
export async function scanBodies(model: NoteModel): Promise<number> {
  let read = 0;
  for (const note of [...model.all()]) {
    if (note.bodyScanned) continue;
    const text = await model.text(note);
    if (text !== undefined) model.setBodyText(note.key, text);
    read++;
  }
  return read;
}

/** Waits until the service's background pass over the bodies has caught up with every change. */
export async function bodiesDone(service: NotesLanguageService, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  // Changes reach the background pass in batches (the model waits 50 ms to gather them).
  await new Promise((resolve) => setTimeout(resolve, 80));
  while (!service.searchReady || [...service.model.all()].some((note) => !note.bodyScanned && !note.skipped)) {
    if (Date.now() > end) throw new Error('the background pass over the note bodies did not finish');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
