// Turns the text of one note file into what the model keeps of it (`summarizeNote`, for every note,
// fast) or into everything an editor needs (`parseNoteDocument`, for notes open in an editor: node
// ranges, headings, diagram sources). Both read the same values, so a note's summary is the same
// whether or not it is open; only the precision of problem ranges differs.
import path from 'node:path';
import { format, type Locale, type MessageKey } from '../messages';
import type { ExerciseRef, Heading, LinkRef, Namespace, NoteLink, NoteMeta, NoteProblem, NoteSpans, NoteSummary, ParsedNote, QuizQuestion, TextRange } from '../model';
import { isNumberedHeading, plainText } from '../text';
import { scanBody } from './bodyScan';
import { MAX_FRONT_MATTER_CHARS, readFrontMatter, splitFrontMatter, type FrontMatterSpans } from './frontMatter';
import { toLinkRef } from './noteLinks';
import { pathId } from './noteIds';

export const DEFAULT_MAX_NOTE_BYTES = 5 * 1024 * 1024;
/** Characters in which a NUL makes a file binary. */
const BINARY_WINDOW = 1024;
/** Headings kept while scanning: enough for any outline, bounded for a file made of headings. */
const MAX_HEADINGS = 5000;

export interface NoteFileInput {
  /** Absolute path of the file. */
  path: string;
  text: string;
  namespace: Namespace;
  /** The note folder the file is in. */
  root: string;
}

export interface ParseOptions {
  locale?: Locale;
  /** Larger notes are indexed by their front matter only (the `studyNotes.maxNoteSizeMB` setting). */
  maxBytes?: number;
  /** The file's size in bytes, when known (else the text's). */
  fileSize?: number;
}

/**
 * What the model keeps of a note. With `partial`, `text` is only the start of the file: the result
 * is undefined when that is not enough (no complete front matter with a title).
 */
export function summarizeNote(input: NoteFileInput, options: ParseOptions & { partial: true }): NoteSummary | undefined;
export function summarizeNote(input: NoteFileInput, options?: ParseOptions): NoteSummary;
export function summarizeNote(input: NoteFileInput, options: ParseOptions & { partial?: boolean } = {}): NoteSummary | undefined {
  if (options.partial) {
    const split = splitFrontMatter(input.text);
    if (split.kind !== 'block' || !/^(title|"title"|'title')\s*:/m.test(split.yaml)) return undefined;
    const summary = readNote(input, options, false).summary;
    return summary.inferred ? undefined : summary;
  }
  return readNote(input, options, false).summary;
}

export function parseNoteDocument(input: NoteFileInput, options: ParseOptions = {}): ParsedNote {
  return readNote(input, options, true);
}

const firstLineRange: TextRange = { startLine: 0, startCharacter: 0, endLine: 0, endCharacter: 0 };

function readNote(input: NoteFileInput, options: ParseOptions, detail: boolean): ParsedNote {
  const locale = options.locale ?? 'en';
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_NOTE_BYTES;
  const problems: NoteProblem[] = [];
  const report = (key: MessageKey, range: TextRange, severity: NoteProblem['severity'], ...args: (string | number)[]): void => {
    problems.push({ message: format(locale, key, ...args), severity, range });
  };
  const { text } = input;
  const fileName = fileTitle(input.path);

  // Like git, a NUL near the start means the file is not text. The window (1,024 characters, at
  // most 3 KB) lies inside what indexing reads first, so the index and an editor always agree.
  const nul = text.indexOf('\u0000');
  if (nul !== -1 && nul < BINARY_WINDOW) {
    report('binary', firstLineRange, 'error');
    return assemble(input, { title: fileName }, { problems, broken: false, inferred: true, skipped: 'binary', headings: [], detail });
  }
  // A UTF-16 unit is at most 3 bytes of UTF-8: count bytes only when that bound could pass the limit.
  const bytes = options.fileSize ?? (text.length * 3 > maxBytes ? Buffer.byteLength(text, 'utf8') : text.length);
  const tooLarge = bytes > maxBytes;
  if (tooLarge) report('tooLarge', firstLineRange, 'warning', (bytes / 1048576).toFixed(1), Math.round(maxBytes / 1048576));

  const split = splitFrontMatter(text);
  let meta: Partial<NoteMeta> = {};
  let raw: Record<string, unknown> = {};
  let broken = false;
  let spans: FrontMatterSpans | undefined;
  let bodyOffset = 0;
  let bodyLine = 0;
  if (split.kind === 'unclosed') {
    report('unclosedFrontMatter', { ...firstLineRange, endCharacter: 3 }, 'error');
    broken = true;
  } else if (split.kind === 'tooLarge') {
    report('frontMatterTooLarge', { ...firstLineRange, endCharacter: 3 }, 'error', Math.round(MAX_FRONT_MATTER_CHARS / 1024));
    broken = true;
  } else if (split.kind === 'block') {
    const frontMatter = readFrontMatter(split, locale, detail);
    problems.push(...frontMatter.problems);
    ({ meta, broken, spans } = frontMatter);
    raw = frontMatter.raw;
    bodyOffset = split.bodyOffset;
    bodyLine = split.bodyLine;
  }

  // Indexing reads the body only to name a note without a title; its links are read in a second,
  // background pass (`scanNoteBody`), so the first index of ten thousand notes stays fast.
  const readBody = !tooLarge && (detail || typeof meta.title !== 'string');
  const scan = readBody
    ? scanBody(text, { offset: bodyOffset, firstLine: bodyLine, diagramSources: detail, maxHeadings: MAX_HEADINGS, links: detail })
    : { headings: [] as Heading[], diagramCount: 0, diagrams: [] as string[], diagramLines: [] as number[], links: [], lineCount: 0 };
  const checked = checkItems(raw, meta, scan.headings, spans, locale, !readBody);
  problems.push(...checked.problems);
  const inferred = split.kind !== 'block' || broken || typeof meta.id !== 'string' || typeof meta.title !== 'string';
  const resolvedMeta: Partial<NoteMeta> = { ...meta, quiz: checked.quiz, exercises: checked.exercises, title: meta.title ?? inferTitle(scan.headings, fileName) };
  return assemble(input, resolvedMeta, {
    problems, broken, inferred, headings: scan.headings, detail, bodyLine, links: scan.links, diagramCount: scan.diagramCount,
    diagrams: scan.diagrams, spans: spans ? { ...spans, diagramLines: scan.diagramLines } : undefined, lineCount: bodyLine + scan.lineCount,
    skipped: tooLarge ? 'tooLarge' : undefined, bodyScanned: detail || tooLarge,
  });
}

/** The second pass over a note's body: its links to other notes (and how many diagrams it has). */
export function scanNoteBody(text: string, summary: NoteSummary): { links: LinkRef[]; diagrams: number } {
  if (summary.skipped) return { links: [], diagrams: 0 };
  // A topic's text is its section already; a note's body starts after its front matter.
  const split = summary.endLine === undefined ? splitFrontMatter(text) : undefined;
  const offset = split?.kind === 'block' ? split.bodyOffset : 0;
  const scan = scanBody(text, { offset, firstLine: summary.bodyLine, diagramSources: false, maxHeadings: 0 });
  return { links: scan.links.map(toLinkRef), diagrams: scan.diagramCount };
}

interface Parts {
  problems: NoteProblem[];
  broken: boolean;
  inferred: boolean;
  headings: Heading[];
  detail: boolean;
  bodyLine?: number;
  links?: NoteLink[];
  diagramCount?: number;
  diagrams?: string[];
  spans?: NoteSpans;
  lineCount?: number;
  skipped?: NoteSummary['skipped'];
  bodyScanned?: boolean;
}

function assemble(input: NoteFileInput, meta: Partial<NoteMeta>, parts: Parts): ParsedNote {
  const relative = path.relative(input.root, input.path);
  const folders = path.dirname(relative) === '.' ? [] : path.dirname(relative).split(path.sep);
  // Bundled-style `<category>/<id>/<id>.md`: the note's own folder is no category of its own.
  if (folders.length > 0 && folders[folders.length - 1] === path.basename(input.path, path.extname(input.path))) folders.pop();
  const declared = typeof meta.id === 'string';
  const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
  const summary: NoteSummary = {
    key: input.path,
    path: input.path,
    namespace: input.namespace,
    root: input.root,
    id: declared ? meta.id! : pathId(relative),
    declared,
    title: meta.title ?? fileTitle(input.path),
    ...(meta.titleEn !== undefined ? { titleEn: meta.titleEn } : {}),
    ...(meta.category !== undefined ? { category: meta.category } : {}),
    folders,
    ...(meta.order !== undefined ? { order: meta.order } : {}),
    ...(meta.summary !== undefined ? { summary: meta.summary } : {}),
    tags: strings(meta.tags),
    related: strings(meta.related),
    covers: strings(meta.covers),
    examples: Array.isArray(meta.examples) ? meta.examples : [],
    exercises: Array.isArray(meta.exercises) ? meta.exercises : [],
    quiz: Array.isArray(meta.quiz) ? meta.quiz : [],
    links: (parts.links ?? []).map(toLinkRef),
    bodyLine: parts.bodyLine ?? 0,
    diagrams: parts.diagramCount ?? 0,
    ...(parts.problems.length > 0 ? { problem: parts.problems[0] } : {}),
    problemCount: parts.problems.length,
    broken: parts.broken,
    inferred: parts.inferred,
    ...(parts.skipped ? { skipped: parts.skipped } : {}),
    bodyScanned: parts.bodyScanned ?? true,
  };
  return {
    summary,
    problems: parts.problems,
    headings: parts.headings,
    links: parts.links ?? [],
    diagrams: parts.diagrams ?? [],
    spans: parts.spans ?? { keys: [], related: [], tags: [], covers: [], quiz: [], exerciseRefs: [], diagramLines: [] },
    lineCount: parts.lineCount ?? 1,
  };
}

/** A file's name without `.md`; a README is named after its folder. */
export function fileTitle(file: string): string {
  const base = path.basename(file).replace(/\.(md|markdown)$/i, '');
  return base.toLowerCase() === 'readme' ? path.basename(path.dirname(file)) || base : base;
}

/**
 * The title of a note without a front-matter title: its one top-level heading, unless the file has
 * several top-level headings or starts with a numbered section heading (`一、可读性的重要性` names a
 * section, not the note): then the file name.
 */
export function inferTitle(headings: readonly Heading[], fileName: string): string {
  if (headings.length === 0) return fileName;
  const top = Math.min(...headings.map((heading) => heading.level));
  const first = headings[0];
  const topCount = headings.filter((heading) => heading.level === top).length;
  const title = plainText(first.text);
  if (first.level !== top || topCount > 1 || !title || isNumberedHeading(title)) return fileName;
  return title;
}

/**
 * Per-note checks the schema cannot express, on the raw lists (so their indexes match the YAML
 * nodes): a question that cannot be asked is reported and left out of the quiz.
 */
function checkItems(raw: Record<string, unknown>, meta: Partial<NoteMeta>, headings: readonly Heading[], spans: FrontMatterSpans | undefined, locale: Locale, bodyUnread: boolean): { problems: NoteProblem[]; quiz: QuizQuestion[]; exercises: ExerciseRef[] } {
  const problems: NoteProblem[] = [];
  const report = (range: TextRange | undefined, key: MessageKey, severity: NoteProblem['severity'], ...args: (string | number)[]): void => {
    problems.push({ message: format(locale, key, ...args), severity, range: range ?? firstLineRange });
  };
  const headingTexts = new Set(headings.map((heading) => heading.text));
  const rawQuiz = Array.isArray(raw.quiz) ? raw.quiz : [];
  const valid = new Set(meta.quiz ?? []);
  const seen = new Set<string>();
  const quiz: QuizQuestion[] = [];
  rawQuiz.forEach((item: unknown, index) => {
    const question = (item && typeof item === 'object' ? item : {}) as Partial<QuizQuestion>;
    const at = spans?.quiz[index];
    const id = typeof question.id === 'string' ? question.id : `#${index + 1}`;
    const idRange = at?.id?.range ?? at?.range;
    let askable = valid.has(question as QuizQuestion);
    if (typeof question.id === 'string') {
      if (seen.has(id)) {
        report(idRange, 'duplicateQuestionId', 'error', id);
        askable = false;
      }
      seen.add(id);
    }
    if (question.type === 'single' || question.type === 'multiple') {
      const choices: unknown[] = Array.isArray(question.choices) ? question.choices : [];
      if (choices.length === 0) {
        report(at?.choices ?? idRange, 'noChoices', 'error', id);
        askable = false;
      }
      choices.forEach((choice, choiceIndex) => {
        if (typeof choice === 'string' && choice.trim() === '') report(at?.choiceItems[choiceIndex], 'emptyChoice', 'error', id, choiceIndex + 1);
      });
      const answer: unknown = question.answer;
      if (Array.isArray(answer) && answer.length === 0) {
        report(at?.answer ?? idRange, 'noCorrectChoice', 'error', id);
        askable = false;
      }
      for (const value of (Array.isArray(answer) ? answer : [answer]).filter((entry): entry is number => typeof entry === 'number')) {
        if (choices.length > 0 && value >= choices.length) {
          report(at?.answer ?? idRange, 'answerOutOfRange', 'error', id, value, choices.length);
          askable = false;
        }
      }
    }
    if (question.type === 'output' && (typeof question.answer !== 'string' || question.answer === '')) {
      report(at?.answer ?? idRange, 'outputWithoutAnswer', 'error', id);
      askable = false;
    }
    if (!bodyUnread && typeof question.ref === 'string' && !headingTexts.has(question.ref)) report(at?.ref?.range ?? idRange, 'refNotHeading', 'warning', id, question.ref);
    if (askable) quiz.push(question as QuizQuestion);
  });
  const exercises = meta.exercises ?? [];
  if (!bodyUnread && Array.isArray(raw.exercises)) {
    raw.exercises.forEach((item: unknown, index) => {
      const ref = (item as Partial<ExerciseRef> | null)?.ref;
      if (typeof ref === 'string' && !headingTexts.has(ref)) report(spans?.exerciseRefs[index]?.range, 'exerciseRefNotHeading', 'warning', String((item as ExerciseRef).id ?? `#${index + 1}`), ref);
    });
  }
  return { problems, quiz, exercises };
}
