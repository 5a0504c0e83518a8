// The custom LSP requests and notifications between the extension and the notes language server,
// declared once: the server registers handlers with these types and the extension sends with them.
// The server owns the note model; the extension asks it for what it shows and never parses notes.
import type { ExampleRef, ExerciseRef, Namespace, NoteProblem } from '../core/model';
import type { QuizItem } from '../core/quiz/items';

/** The command hovers and links run to open a note; its one argument is a note key, path or id. */
export const OPEN_NOTE_COMMAND = 'studyNotes.openNote';

/** A request's method with its parameter and result types (each side binds it to its own LSP library). */
export interface RequestSpec<P, R> {
  readonly method: string;
  /** Never set: carries the types. */
  readonly types?: { params: P; result: R };
}

/** A notification's method with its parameter type. */
export interface NotificationSpec<P> {
  readonly method: string;
  readonly types?: { params: P };
}

const request = <P, R>(method: string): RequestSpec<P, R> => ({ method });
const notification = <P>(method: string): NotificationSpec<P> => ({ method });

// ---- Client → server --------------------------------------------------------------------------

/** Where notes are; sent at start (as `initializationOptions`) and whenever a setting changes. */
export interface NotesConfiguration {
  /** Display language of messages (`en`, `zh-cn`, or VS Code's display language). */
  locale?: string;
  /** The bundled notes folder (the extension's `notes/`). */
  bundledFolder?: string;
  /** Absolute folders of the user's own notes. */
  noteFolders?: string[];
  /** Long Markdown files shown as topics. */
  topicFiles?: string[];
  /** Notes larger than this are indexed by their front matter only. */
  maxNoteBytes?: number;
  /** Where the server keeps its cache of parsed notes (the extension's global storage). */
  cacheFolder?: string;
}

export const ConfigureNotification = notification<NotesConfiguration>('studyNotes/configure');

/** Concept id → mastery from 0 to 1; every notification replaces the previous map. Hovers show it. */
export interface MasteryParams {
  mastery: Record<string, number>;
}
export const MasteryNotification = notification<MasteryParams>('studyNotes/mastery');

/** Diagrams the note panel could not draw, reported as diagnostics of the note (when it is open). */
export interface DiagramErrorsParams {
  /** The note's key. */
  key: string;
  errors: { index: number; message: string }[];
}
export const DiagramErrorsNotification = notification<DiagramErrorsParams>('studyNotes/diagramErrors');

// ---- Server → client --------------------------------------------------------------------------

/** Notes were added, changed or removed (keys); the tree, search and quiz ask again. */
export interface NotesChangedParams {
  keys: string[];
  /** The model finished indexing (first time, or after the folders changed). */
  ready: boolean;
}
export const NotesChangedNotification = notification<NotesChangedParams>('studyNotes/didChange');

// ---- Requests ---------------------------------------------------------------------------------

export type TreeNodeKind = 'category' | 'folder' | 'topicFile' | 'topicCategory' | 'note';

/** One row of the topic tree. */
export interface TreeNode {
  /** Stable key of the row (`category:python`, `folder:/path`, the note's key for notes…). */
  id: string;
  kind: TreeNodeKind;
  label: string;
  description?: string;
  /** Plain text lines for the tooltip (the file name always among them for notes). */
  tooltip?: string[];
  /** For categories: the category id (the extension names bundled ones in the display language). */
  categoryId?: string;
  /** For rows that have children: how many. */
  childCount?: number;
  /** For notes: the note. */
  note?: NoteRow;
}

/** What a tree row, a picker or a quiz needs to know of a note. */
export interface NoteRow {
  key: string;
  id: string;
  namespace: Namespace;
  title: string;
  titleEn?: string;
  summary?: string;
  tags: string[];
  /** The file and the line where the note starts. */
  path: string;
  line: number;
  /** Category id from the front matter, else the folder (or the topic's category) it sits in. */
  category: string;
  examples: number;
  exercises: number;
  questions: number;
  /** The note cannot be read as a note: the tree shows its first problem. */
  problem?: NoteProblem;
  broken: boolean;
}

export interface TreeParams {
  /** The parent row's id; omitted for the top level. */
  parent?: string;
  /** Only notes whose id, titles, tags or covered words contain this (any case). */
  filter?: string;
}
export const TreeRequest = request<TreeParams, TreeNode[]>('studyNotes/tree');

/** The parent row id of a row (for revealing a note in the tree). */
export interface TreeParentParams {
  id: string;
}
export const TreeParentRequest = request<TreeParentParams, TreeNode | null>('studyNotes/treeParent');

export interface NoteParams {
  /** A note key, a file path or an id. */
  target: string;
}

/** A note to show in the panel: its text and what the text's links and the footer point at. */
export interface NoteContent {
  note: NoteRow;
  /** The body (a topic's section), with the line of the file its first line is. */
  text: string;
  firstLine: number;
  /** Link target as written in the text → the key of the note it opens. */
  links: Record<string, string>;
  related: { key: string; title: string; titleEn?: string }[];
  examples: ExampleRef[];
  exercises: ExerciseRef[];
  /** Set when the note is only indexed by its front matter (too large, not text). */
  skipped?: 'tooLarge' | 'binary';
  /** File size in bytes, for the "too large" message. */
  size: number;
}
export const NoteRequest = request<NoteParams, NoteContent | null>('studyNotes/note');

/** Resolves a key, path or id to the note's row, for commands given any of them. */
export const ResolveRequest = request<NoteParams, NoteRow | null>('studyNotes/resolve');

export interface NotesParams {
  /** Only notes that have examples, exercises or quiz questions. */
  having?: 'examples' | 'exercises' | 'quiz';
}
/** Every note (or those having something), in the tree's order. */
export const NotesRequest = request<NotesParams, NoteRow[]>('studyNotes/notes');

export interface SearchParams {
  query: string;
  limit?: number;
}
export interface SearchHit {
  note: NoteRow;
  /** Line of the match in the note's file, and its text. */
  line: number;
  text: string;
}
export interface SearchResult {
  hits: SearchHit[];
  /** The full-text index was still being built: more may be found in a moment. */
  partial: boolean;
}
export const SearchRequest = request<SearchParams, SearchResult>('studyNotes/search');

/** Every quiz question of every note, in the tree's order (the order new questions come in). */
export const QuizItemsRequest = request<void, QuizItem[]>('studyNotes/quizItems');

export interface ExamplesDto {
  note: NoteRow;
  /** The folder the example files sit in. */
  folder: string;
  examples: ExampleRef[];
  exercises: ExerciseRef[];
}
/** The examples and exercises of every note that has some. */
export const ExamplesRequest = request<void, ExamplesDto[]>('studyNotes/examples');

export interface TopicFileParams {
  path: string;
}
export interface TopicFileSummary {
  path: string;
  title: string;
  categories: number;
  topics: number;
  firstTopic?: string;
}
/** How a file opened as topics was split (after `ConfigureNotification` added it). */
export const TopicFileRequest = request<TopicFileParams, TopicFileSummary | null>('studyNotes/topicFile');

/** What the server holds, for troubleshooting and tests. */
export interface NotesStatus {
  notes: number;
  /** Files read since the server started (a changed note is read again alone). */
  filesRead: number;
  /** Every note's body was read (links, full-text search). */
  bodiesIndexed: boolean;
  folders: string[];
  topicFiles: string[];
}
export const StatusRequest = request<void, NotesStatus>('studyNotes/status');
