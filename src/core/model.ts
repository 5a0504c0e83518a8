// The note model's types, shared by the language server (which owns the model), the extension (which
// receives summaries of it) and the tests.

export type QuestionType = 'single' | 'multiple' | 'truefalse' | 'output' | 'recall';

export interface QuizQuestion {
  id: string;
  type: QuestionType;
  question: string;
  code?: string;
  choices?: string[];
  answer: number | number[] | boolean | string;
  explanation: string;
  ref?: string;
}

export interface ExampleRef {
  file: string;
  title: string;
  titleEn?: string;
}

/** A practice exercise: the learner's copy of `starter` is checked by the hidden unittest `tests`. */
export interface ExerciseRef {
  id: string;
  title: string;
  titleEn?: string;
  /** Heading of the body section that states the task. */
  ref: string;
  starter: string;
  tests: string;
  solution: string;
  hints?: string[];
}

/** Front matter as the schema describes it (`schemas/note-frontmatter.schema.json`). */
export interface NoteMeta {
  id: string;
  title: string;
  titleEn?: string;
  category?: string;
  order?: number;
  summary?: string;
  tags?: string[];
  related?: string[];
  covers?: string[];
  examples?: ExampleRef[];
  exercises?: ExerciseRef[];
  quiz?: QuizQuestion[];
}

/** A position in a note's text, 0-based like LSP and VS Code. */
export interface TextRange {
  startLine: number;
  startCharacter: number;
  endLine: number;
  endCharacter: number;
}

export type Severity = 'error' | 'warning';

export interface NoteProblem {
  message: string;
  severity: Severity;
  range: TextRange;
}

export interface Heading {
  level: number;
  /** The heading's text as written (Markdown included). */
  text: string;
  /** Line of the heading in the file (for a setext heading, its text line). */
  line: number;
}

/**
 * A link as the model keeps it for every note: the line and character where its target starts and
 * the target as written (`note:closure`, `../a/b.md`); `expandLink` gives back the full link.
 */
export type LinkRef = [line: number, character: number, href: string];

/** A Markdown link from a note's body to another note: `note:id` or a relative `.md` path. */
export type NoteLink =
  | { kind: 'id'; id: string; href: string; range: TextRange; idRange: TextRange }
  | { kind: 'file'; file: string; href: string; range: TextRange };

/**
 * Bundled notes ship with the extension; users' notes come from their note folders and from long
 * files opened as topics. Ids are unique within a namespace: a user's `http` never clashes with the
 * bundled `http`.
 */
export type Namespace = 'bundled' | 'user';

/** A folder of notes: the bundled `notes/` or one of the user's note folders. */
export interface NoteFolder {
  root: string;
  namespace: Namespace;
}

/**
 * What the model keeps of every note, and what its cache stores: metadata and cross-note facts,
 * never the body (the file is read again when the body is needed).
 */
export interface NoteSummary {
  /** Unique key: the file path, or `path#L<line>` for a topic of a file opened as topics. */
  key: string;
  /** The file the note is in. */
  path: string;
  namespace: Namespace;
  /** The note folder (or, for a topic, the topic file) the note belongs to. */
  root: string;
  /** The id links and `related` lists use: the front-matter id, else one derived from the path. */
  id: string;
  /** True when `id` comes from the front matter. */
  declared: boolean;
  title: string;
  titleEn?: string;
  /** Category id from the front matter (users' notes without one are grouped by folder). */
  category?: string;
  /** Folders between the note folder and the file (for a topic: its category's title). */
  folders: string[];
  /** For a topic: the line of its category's heading (two categories may share a title). */
  categoryLine?: number;
  order?: number;
  summary?: string;
  tags: string[];
  related: string[];
  covers: string[];
  examples: ExampleRef[];
  exercises: ExerciseRef[];
  quiz: QuizQuestion[];
  links: LinkRef[];
  /** Line where the body (or the topic) starts, and, for topics, the line after its end. */
  bodyLine: number;
  endLine?: number;
  diagrams: number;
  /** The note's own first problem (front matter, schema), and how many there are in all. */
  problem?: NoteProblem;
  problemCount: number;
  /** The front matter is there but unusable: the tree shows the note as an error. */
  broken: boolean;
  /** No usable front matter: title, id and category were inferred from the file. */
  inferred: boolean;
  /** Indexed by metadata only (the file is above the size limit or not text). */
  skipped?: 'tooLarge' | 'binary';
  /** False until the body's links were read (a second pass after the first index). */
  bodyScanned: boolean;
}

/** A string from the front matter and the range of its YAML node (quotes included). */
export interface ValueSpan {
  value: string;
  range: TextRange;
}

/** One quiz question's nodes, in the order of the `quiz` list. */
export interface QuestionSpans {
  /** The whole question mapping. */
  range: TextRange;
  id?: ValueSpan;
  type?: ValueSpan;
  answer?: TextRange;
  choices?: TextRange;
  /** Each choice's node, in order. */
  choiceItems: TextRange[];
  ref?: ValueSpan;
}

/** Where ids, lists, quiz questions and links sit in a note open in an editor. */
export interface NoteSpans {
  /** Top-level front matter keys. */
  keys: ValueSpan[];
  id?: ValueSpan;
  related: ValueSpan[];
  tags: ValueSpan[];
  covers: ValueSpan[];
  quiz: QuestionSpans[];
  /** Each exercise's `ref` value. */
  exerciseRefs: (ValueSpan | undefined)[];
  /** Line of the first source line of each mermaid block. */
  diagramLines: number[];
}

/** A note parsed in full, for a document open in an editor: everything the editor features need. */
export interface ParsedNote {
  summary: NoteSummary;
  /** Every problem of the note's own (cross-note problems come from the model). */
  problems: NoteProblem[];
  headings: Heading[];
  /** Links to other notes, with their ranges. */
  links: NoteLink[];
  /** Mermaid diagram sources, in order. */
  diagrams: string[];
  spans: NoteSpans;
  /** Number of lines of the file. */
  lineCount: number;
}

/** Bundled category ids, in the seed's order. */
export const BUNDLED_CATEGORIES = ['python', 'spider', 'web', 'database', 'other'] as const;
