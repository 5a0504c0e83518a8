// Turns the text of one note file into a Note: front matter validated against the schema, headings
// and mermaid blocks found by a line scan (no Markdown parse, so indexing stays cheap at scale).
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import localizeZh from 'ajv-i18n/localize/zh';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import noteSchema from '../../schemas/note-frontmatter.schema.json';
import quizSchema from '../../schemas/quiz-question.schema.json';
import { format, type Locale, type MessageKey } from './messages';
import type { Heading, Note, NoteLink, NoteMeta, NoteProblem, NoteSpans, QuestionSpans, TextRange, ValueSpan } from './model';
import { linksInLine } from './noteLinks';

export const MAX_NOTE_BYTES = 5 * 1024 * 1024;

export interface ParseOptions {
  locale?: Locale;
  /** Folder the note sits in; names the category of a note without front matter. */
  folderName?: string;
  /** File name without extension; the id of a note without front matter. */
  baseName?: string;
}

let validator: ValidateFunction | undefined;
function validateFrontMatter(data: unknown): ErrorObject[] {
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    ajv.addSchema(quizSchema);
    validator = ajv.compile(noteSchema);
  }
  return validator(data) ? [] : [...(validator.errors ?? [])];
}

export function parseNote(text: string, source: string, options: ParseOptions = {}): Note {
  const locale = options.locale ?? 'en';
  const problems: NoteProblem[] = [];
  const fallback = fallbackMeta(options);
  const report = (key: MessageKey, range: TextRange, ...args: (string | number)[]) =>
    problems.push({ message: format(locale, key, ...args), severity: 'error', range });

  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_NOTE_BYTES) {
    report('tooLarge', firstLine, (bytes / 1048576).toFixed(1), MAX_NOTE_BYTES / 1048576);
    return emptyNote(source, fallback, problems);
  }
  if (text.includes('\u0000')) {
    report('binary', firstLine);
    return emptyNote(source, fallback, problems);
  }

  const split = splitFrontMatter(text);
  const bodyOffset = split && split !== 'unclosed' ? split.bodyOffset : 0;
  const body = text.slice(bodyOffset);
  const bodyLine = countLines(text, bodyOffset);
  const scan = scanBody(body, bodyLine);

  let meta: NoteMeta | undefined;
  let frontMatterSpans: FrontMatterSpans | undefined;
  if (split === 'unclosed') {
    report('unclosedFrontMatter', firstLine);
  } else if (split) {
    ({ meta, spans: frontMatterSpans } = readFrontMatter(text, split, locale, problems));
  }
  const inferred = meta === undefined;
  const firstHeading = scan.headings.find((heading) => heading.level === 1) ?? scan.headings[0];
  const resolved: NoteMeta = meta ?? { ...fallback, title: firstHeading?.text ?? fallback.title };
  return {
    source,
    meta: resolved,
    category: resolved.category ?? fallback.category ?? 'notes',
    body,
    bodyLine,
    headings: scan.headings,
    diagrams: scan.diagrams,
    problems,
    inferred,
    spans: { ...(frontMatterSpans ?? emptyFrontMatterSpans()), links: scan.links, diagramLines: scan.diagramLines },
  };
}

type FrontMatterSpans = Omit<NoteSpans, 'links' | 'diagramLines'>;

const emptyFrontMatterSpans = (): FrontMatterSpans => ({ keys: [], related: [], tags: [], covers: [], quiz: [] });

const firstLine: TextRange = { startLine: 0, startCharacter: 0, endLine: 0, endCharacter: 3 };

function fallbackMeta(options: ParseOptions): NoteMeta & { category?: string } {
  const base = options.baseName ?? 'note';
  const id = base.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'note';
  return { id, title: base, category: options.folderName };
}

function emptyNote(source: string, meta: NoteMeta, problems: NoteProblem[]): Note {
  return { source, meta, category: meta.category ?? 'notes', body: '', bodyLine: 0, headings: [], diagrams: [], problems, inferred: true };
}

interface FrontMatterSplit {
  yamlOffset: number;
  yamlText: string;
  bodyOffset: number;
}

function splitFrontMatter(text: string): FrontMatterSplit | 'unclosed' | undefined {
  const start = text.startsWith('\uFEFF') ? 1 : 0;
  const open = /^---[ \t]*\r?\n/.exec(text.slice(start, start + 8));
  if (!open) return undefined;
  const yamlOffset = start + open[0].length;
  const close = /^(?:---|\.\.\.)[ \t]*$/m;
  const rest = text.slice(yamlOffset);
  const match = close.exec(rest);
  if (!match) return 'unclosed';
  const end = yamlOffset + match.index;
  let bodyOffset = end + match[0].length;
  if (text[bodyOffset] === '\r') bodyOffset++;
  if (text[bodyOffset] === '\n') bodyOffset++;
  return { yamlOffset, yamlText: text.slice(yamlOffset, end), bodyOffset };
}

function readFrontMatter(text: string, split: FrontMatterSplit, locale: Locale, problems: NoteProblem[]): { meta?: NoteMeta; spans?: FrontMatterSpans } {
  const lines = new LineCounter();
  const headerLines = countLines(text, split.yamlOffset);
  const rangeOf = (from: number, to: number): TextRange => {
    const a = lines.linePos(from);
    const b = lines.linePos(Math.max(from, to));
    return { startLine: headerLines + a.line - 1, startCharacter: a.col - 1, endLine: headerLines + b.line - 1, endCharacter: b.col - 1 };
  };
  let doc: Document;
  try {
    doc = parseDocument(split.yamlText, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  } catch (error) {
    // Nesting thousands of levels deep overflows the YAML parser's stack.
    problems.push({ message: format(locale, 'yamlError', (error as Error).message), severity: 'error', range: { ...firstLine, startLine: headerLines, endLine: headerLines } });
    return {};
  }
  for (const error of doc.errors) {
    problems.push({ message: format(locale, 'yamlError', error.message.split('\n')[0]), severity: 'error', range: rangeOf(error.pos[0], error.pos[1]) });
  }
  if (doc.errors.length > 0) return {};

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    problems.push({ message: format(locale, 'yamlError', (error as Error).message), severity: 'error', range: rangeOf(0, 0) });
    return {};
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    problems.push({ message: format(locale, 'frontMatterNotMapping'), severity: 'error', range: rangeOf(0, split.yamlText.length) });
    return {};
  }
  const spans = frontMatterSpans(doc, rangeOf);

  const errors = validateFrontMatter(data);
  if (locale === 'zh-cn') localizeZh(errors);
  for (const error of relevantErrors(errors)) {
    const path = error.instancePath.split('/').slice(1).map((part) => (/^\d+$/.test(part) ? Number(part) : part.replace(/~1/g, '/').replace(/~0/g, '~')));
    const node = locate(doc, path, error);
    const range = node?.range ? rangeOf(node.range[0], node.range[1]) : rangeOf(0, 0);
    const where = error.instancePath || '/';
    problems.push({ message: format(locale, 'schema', error.message ?? error.keyword, where), severity: 'error', range });
  }
  const meta = data as Partial<NoteMeta>;
  for (const key of ['id', 'title'] as const) {
    if (typeof meta[key] !== 'string' || meta[key] === '') return { spans };
  }
  return { meta: meta as NoteMeta, spans };
}

type RangeOf = (from: number, to: number) => TextRange;

/** Ranges of the front matter nodes that diagnostics, hovers and edits point at. */
function frontMatterSpans(doc: Document, rangeOf: RangeOf): FrontMatterSpans {
  const spans = emptyFrontMatterSpans();
  if (!isMap(doc.contents)) return spans;
  const nodeRange = (node: unknown): TextRange | undefined => {
    const range = (node as YamlNode | null)?.range;
    return range ? rangeOf(range[0], range[1]) : undefined;
  };
  const stringSpan = (node: unknown): ValueSpan | undefined => {
    const range = nodeRange(node);
    return isScalar(node) && typeof node.value === 'string' && range ? { value: node.value, range } : undefined;
  };
  const stringItems = (node: unknown): ValueSpan[] =>
    isSeq(node) ? node.items.map(stringSpan).filter((span): span is ValueSpan => span !== undefined) : [];
  for (const pair of doc.contents.items) {
    const key = stringSpan(pair.key);
    if (!key) continue;
    spans.keys.push(key);
    switch (key.value) {
      case 'id': spans.id = stringSpan(pair.value); break;
      case 'related': spans.related = stringItems(pair.value); break;
      case 'tags': spans.tags = stringItems(pair.value); break;
      case 'covers': spans.covers = stringItems(pair.value); break;
      case 'quiz': if (isSeq(pair.value)) spans.quiz = pair.value.items.map((item) => questionSpans(item, nodeRange, stringSpan)); break;
    }
  }
  return spans;
}

function questionSpans(item: unknown, nodeRange: (node: unknown) => TextRange | undefined, stringSpan: (node: unknown) => ValueSpan | undefined): QuestionSpans {
  const spans: QuestionSpans = { range: nodeRange(item) ?? firstLine, choiceItems: [] };
  if (!isMap(item)) return spans;
  for (const pair of item.items) {
    if (!isScalar(pair.key)) continue;
    switch (pair.key.value) {
      case 'id': spans.id = stringSpan(pair.value); break;
      case 'type': spans.type = stringSpan(pair.value); break;
      case 'answer': spans.answer = nodeRange(pair.value); break;
      case 'ref': spans.ref = stringSpan(pair.value); break;
      case 'choices':
        spans.choices = nodeRange(pair.value);
        if (isSeq(pair.value)) spans.choiceItems = pair.value.items.map((choice) => nodeRange(choice) ?? spans.choices ?? firstLine);
        break;
    }
  }
  return spans;
}

/** Drops the noise of `if/then` wrappers so that each real mistake is reported once. */
function relevantErrors(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    if (error.keyword === 'if') return false;
    const key = `${error.instancePath}|${error.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The YAML node an error is about; for an unknown key, the key itself. */
function locate(doc: Document, path: (string | number)[], error: ErrorObject): YamlNode | undefined {
  let node: unknown = doc.contents;
  for (const part of path) {
    if (isMap(node)) node = node.get(part, true);
    else if (isSeq(node) && typeof part === 'number') node = node.get(part, true);
    else return undefined;
  }
  const extra = (error.params as { additionalProperty?: string }).additionalProperty;
  if (extra && isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && item.key.value === extra);
    if (pair && isScalar(pair.key)) return pair.key;
  }
  return node as YamlNode | undefined;
}

function countLines(text: string, offset: number): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

export interface BodyScan {
  headings: Heading[];
  diagrams: string[];
  /** Line in the file of each diagram's first source line. */
  diagramLines: number[];
  links: NoteLink[];
}

/** Finds ATX headings, mermaid fences and note links outside code blocks, line by line. */
export function scanBody(body: string, firstLineNumber = 0): BodyScan {
  const headings: Heading[] = [];
  const diagrams: string[] = [];
  const diagramLines: number[] = [];
  const links: NoteLink[] = [];
  let fence: { marker: string; mermaid: string[] | undefined } | undefined;
  const lines = body.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (fence) {
      const closing = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
      if (closing && closing[1][0] === fence.marker[0] && closing[1].length >= fence.marker.length) {
        if (fence.mermaid) diagrams.push(fence.mermaid.join('\n'));
        fence = undefined;
      } else {
        fence.mermaid?.push(line);
      }
      continue;
    }
    const opening = /^ {0,3}(`{3,}|~{3,})\s*([\w-]*)/.exec(line);
    if (opening) {
      const mermaid = opening[2].toLowerCase() === 'mermaid';
      if (mermaid) diagramLines.push(firstLineNumber + i + 1);
      fence = { marker: opening[1], mermaid: mermaid ? [] : undefined };
      continue;
    }
    const heading = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (heading) headings.push({ level: heading[1].length, text: heading[2], line: firstLineNumber + i });
    links.push(...linksInLine(line, firstLineNumber + i));
  }
  // An unclosed mermaid fence has no diagram, so it has no line either.
  if (fence?.mermaid) diagramLines.pop();
  return { headings, diagrams, diagramLines, links };
}
