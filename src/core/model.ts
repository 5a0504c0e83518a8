// The notes model shared by the extension, the language server and the tests.

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
  text: string;
  line: number;
}

export interface Note {
  /** Where the note came from: a file path or URI string; the index keys users' notes by it. */
  source: string;
  meta: NoteMeta;
  /** Category id: from front matter, else the note's folder name. */
  category: string;
  body: string;
  /** Line in the file where the body starts (0-based). */
  bodyLine: number;
  headings: Heading[];
  /** Mermaid diagram sources, in order. */
  diagrams: string[];
  problems: NoteProblem[];
  /** True when the file had no front matter and its metadata was inferred. */
  inferred: boolean;
  /** Where ids, lists, quiz questions and links sit in the file; absent for notes not read by parseNote. */
  spans?: NoteSpans;
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

/** A Markdown link from a note's body to another note: `note:id` or a relative `.md` path. */
export type NoteLink =
  | { kind: 'id'; id: string; href: string; range: TextRange; idRange: TextRange }
  | { kind: 'file'; file: string; href: string; range: TextRange };

export interface NoteSpans {
  /** Top-level front matter keys. */
  keys: ValueSpan[];
  id?: ValueSpan;
  related: ValueSpan[];
  tags: ValueSpan[];
  covers: ValueSpan[];
  quiz: QuestionSpans[];
  links: NoteLink[];
  /** Line of the first source line of each mermaid block, parallel to `Note.diagrams`. */
  diagramLines: number[];
}

/** Bundled category ids, in the seed's order. */
export const BUNDLED_CATEGORIES = ['python', 'spider', 'web', 'database', 'other'] as const;

/** A note's file and first line: sections of a file opened as topics have a `#L<line>` source. */
export function sourceLocation(source: string): { file: string; line: number } {
  const match = /^(.*)#L(\d+)$/.exec(source);
  return match ? { file: match[1], line: Number(match[2]) - 1 } : { file: source, line: 0 };
}
