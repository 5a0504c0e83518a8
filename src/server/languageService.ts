// The notes language service: the one note model and every feature on top of it, wired here the way
// `vscode-markdown-languageservice` wires its `languageFeatures/*`. It knows nothing of connections:
// `server.ts` binds it to LSP, and the unit tests and the benchmark call it directly on an in-memory
// file system.
import type { CancellationToken, CodeAction, CompletionList, Diagnostic, DocumentSymbol, Hover, Location, Position, Range, SymbolInformation, WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Locale } from '../core/messages';
import type { NoteFolder, NoteSummary, ParsedNote } from '../core/model';
import type { NoteFileSystem } from '../core/noteModel/fileSystem';
import type { NoteCache } from '../core/noteModel/noteCache';
import type { QuizItem } from '../core/quiz/items';
import { NoteModel, type ModelChange } from '../core/noteModel/noteModel';
import { parseNoteDocument } from '../core/notes/parseNote';
import type { ExamplesDto, NoteContent, NoteRow, NotesParams, NotesStatus, SearchResult, TopicFileSummary, TreeNode } from '../shared/protocol';
import { codeActions } from './languageFeatures/codeActions';
import { completion } from './languageFeatures/completion';
import { noteDiagnostics, type DiagramError, type TextDiagnostic } from './languageFeatures/diagnostics';
import { noteHover, pythonHover } from './languageFeatures/hover';
import { examples, noteContent, notesHaving, quizItems, resolveNote, topicFileSummary } from './languageFeatures/noteRequests';
import { NoteTree } from './languageFeatures/noteTree';
import { definition, prepareRename, references, rename } from './languageFeatures/references';
import { textPassed } from './memory';
import { BodyIndex } from './languageFeatures/bodyIndex';
import { documentSymbols, workspaceSymbols } from './languageFeatures/symbols';

export interface LanguageServiceOptions {
  fs: NoteFileSystem;
  locale?: Locale;
  cache?: NoteCache;
  maxNoteBytes?: number;
}

export class NotesLanguageService {
  readonly model: NoteModel;
  readonly tree: NoteTree;
  private readonly bodies: BodyIndex;
  readonly locale: Locale;
  /** Concept id → mastery (0–1), as the extension last sent it; hovers show it. */
  readonly mastery = new Map<string, number>();
  /** Diagrams the note panel could not draw, per note path. */
  private readonly diagramErrors = new Map<string, DiagramError[]>();
  private readonly maxNoteBytes: number | undefined;

  constructor(private readonly options: LanguageServiceOptions) {
    this.locale = options.locale ?? 'en';
    this.maxNoteBytes = options.maxNoteBytes;
    this.model = new NoteModel({ fs: options.fs, locale: this.locale, cache: options.cache, maxNoteBytes: options.maxNoteBytes });
    this.tree = new NoteTree(this.model);
    this.bodies = new BodyIndex(this.model);
    this.model.onDidChange((change) => this.changed(change));
  }

  private changed(change: ModelChange): void {
    this.tree.invalidate();
    this.bodies.changed(change.keys);
  }

  /** Sets the note folders and topic files; resolves when they are indexed. */
  async configure(folders: NoteFolder[], topicFiles: string[]): Promise<void> {
    await this.model.configure({ folders, topicFiles });
    this.tree.invalidate();
    this.bodies.rebuild();
  }

  get ready(): Promise<void> {
    return this.model.ready;
  }

  /** Resolves once the tree can be shown (from the cache, before it is checked against the files). */
  get shown(): Promise<void> {
    return this.model.shown;
  }

  // ---- Documents -------------------------------------------------------------------------------

  /** An editor's text of a note (open or changed); undefined when the file is no note. */
  setDocument(file: string, text: string): ParsedNote | undefined {
    textPassed(text.length);
    return this.model.setOpenText(file, text);
  }

  closeDocument(file: string): Promise<void> {
    this.diagramErrors.delete(file);
    return this.model.closeOpenText(file);
  }

  parsed(file: string): ParsedNote | undefined {
    return this.model.parsed(file);
  }

  /** The full parse of any note: the editor's for open notes, else read from disk now (and not kept). */
  private readonly detail = async (note: NoteSummary): Promise<ParsedNote | undefined> => {
    const open = this.model.parsed(note.path);
    if (open) return open;
    const text = await this.options.fs.readFile(note.path);
    if (text === undefined) return undefined;
    return parseNoteDocument({ path: note.path, text, namespace: note.namespace, root: note.root }, { locale: this.locale, maxBytes: this.maxNoteBytes });
  };

  setDiagramErrors(file: string, errors: DiagramError[]): void {
    this.diagramErrors.set(file, errors);
  }

  // ---- Language features -----------------------------------------------------------------------

  diagnostics(parsed: ParsedNote): TextDiagnostic[] {
    return noteDiagnostics(this.model, this.locale, parsed, this.diagramErrors.get(parsed.summary.path));
  }

  completion(document: TextDocument, parsed: ParsedNote, position: Position): CompletionList {
    return completion(this.model, document, parsed, position);
  }

  hover(parsed: ParsedNote, position: Position): Hover | null {
    return noteHover(this.hoverContext(), parsed, position);
  }

  pythonHover(document: TextDocument, position: Position): Hover | null {
    return pythonHover(this.hoverContext(), document, position);
  }

  private hoverContext() {
    return { model: this.model, locale: this.locale, mastery: this.mastery };
  }

  private referencesContext() {
    return { model: this.model, locale: this.locale, detail: this.detail };
  }

  definition(parsed: ParsedNote, position: Position): Promise<Location | null> {
    return definition(this.referencesContext(), parsed, position);
  }

  /** References and rename need every note's links: they wait for the second pass over the bodies. */
  async references(parsed: ParsedNote, position: Position, includeDeclaration: boolean): Promise<Location[]> {
    await this.bodies.whenComplete();
    return references(this.referencesContext(), parsed, position, includeDeclaration);
  }

  prepareRename(parsed: ParsedNote, position: Position): { range: Range; placeholder: string } | null {
    return prepareRename(this.referencesContext(), parsed, position);
  }

  async rename(parsed: ParsedNote, position: Position, newName: string): Promise<WorkspaceEdit> {
    await this.bodies.whenComplete();
    return rename(this.referencesContext(), parsed, position, newName);
  }

  documentSymbols(parsed: ParsedNote): DocumentSymbol[] {
    return documentSymbols(parsed);
  }

  workspaceSymbols(query: string): SymbolInformation[] {
    return workspaceSymbols(this.model, query);
  }

  codeActions(parsed: ParsedNote, range: Range, diagnostics: Diagnostic[], canCreateFiles: boolean): CodeAction[] {
    return codeActions(this.model, this.locale, parsed, range, diagnostics, canCreateFiles);
  }

  // ---- The extension's requests ----------------------------------------------------------------

  treeChildren(parent?: string, filter?: string): TreeNode[] {
    return this.tree.children(parent, filter);
  }

  treeParent(id: string): TreeNode | null {
    return this.tree.parent(id);
  }

  note(target: string): Promise<NoteContent | null> {
    return noteContent(this.model, target);
  }

  resolve(target: string): NoteRow | null {
    return resolveNote(this.model, target);
  }

  notes(params: NotesParams): NoteRow[] {
    return notesHaving(this.tree, params);
  }

  quizItems(): QuizItem[] {
    return quizItems(this.tree);
  }

  examples(): ExamplesDto[] {
    return examples(this.tree);
  }

  searchNotes(query: string, limit?: number, token?: CancellationToken): Promise<SearchResult> {
    return this.bodies.search(query, limit, token && (() => token.isCancellationRequested));
  }

  get searchReady(): boolean {
    return this.bodies.ready;
  }

  status(): NotesStatus {
    return {
      notes: this.model.size,
      filesRead: this.options.fs.readCount ?? 0,
      bodiesIndexed: this.bodies.ready,
      folders: this.model.folders.map((folder) => folder.root),
      topicFiles: [...this.model.topicFilePaths],
    };
  }

  topicFile(file: string): TopicFileSummary | null {
    return topicFileSummary(this.model, file);
  }

  dispose(): void {
    this.bodies.dispose();
    this.model.dispose();
  }
}

export function createLanguageService(options: LanguageServiceOptions): NotesLanguageService {
  return new NotesLanguageService(options);
}
