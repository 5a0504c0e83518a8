// A note's YAML front matter: found at the top of the file, read with js-yaml (fast enough to read
// ten thousand notes in a fraction of a second), validated against the schema, and cleaned so that
// a field of the wrong type is reported and then treated as absent everywhere. For a note open in
// an editor, the `yaml` library's document adds the source range of every node, which diagnostics,
// completion and rename point at.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import localizeZh from 'ajv-i18n/localize/zh';
import { CORE_SCHEMA, load } from 'js-yaml';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import noteSchema from '../../../schemas/note-frontmatter.schema.json';
import quizSchema from '../../../schemas/quiz-question.schema.json';
import { format, type Locale } from '../messages';
import type { NoteMeta, NoteProblem, NoteSpans, QuestionSpans, TextRange, ValueSpan } from '../model';
import { ownStrings } from '../text';

export interface FrontMatterBlock {
  /** The YAML text between the `---` lines, and the file line of its first line. */
  yaml: string;
  yamlLine: number;
  /** Where the body starts: character offset and line. */
  bodyOffset: number;
  bodyLine: number;
}

export type FrontMatterSplit = { kind: 'none' } | { kind: 'unclosed' } | { kind: 'tooLarge' } | ({ kind: 'block' } & FrontMatterBlock);

/** Front matter larger than this is not read (no real note has one; a hostile one could be huge). */
export const MAX_FRONT_MATTER_CHARS = 512 * 1024;
/** Visiting more nodes than this while validating means aliases multiplied the data: refused. */
const MAX_FRONT_MATTER_NODES = 100_000;

export function splitFrontMatter(text: string): FrontMatterSplit {
  const start = text.startsWith('\uFEFF') ? 1 : 0;
  const open = /^---[ \t]*\r?\n/.exec(text.slice(start, start + 8));
  if (!open) return { kind: 'none' };
  const yamlOffset = start + open[0].length;
  // The closing line: `---` or `...` alone on a line (trailing spaces allowed).
  let line = 1;
  for (let lineStart = yamlOffset; lineStart <= text.length;) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const first = text[lineStart];
    if ((first === '-' || first === '.') && /^(---|\.\.\.)[ \t\r]*$/.test(text.slice(lineStart, lineEnd))) {
      return { kind: 'block', yaml: text.slice(yamlOffset, lineStart), yamlLine: 1, bodyOffset: Math.min(text.length, lineEnd + 1), bodyLine: line + 1 };
    }
    if (lineEnd - yamlOffset > MAX_FRONT_MATTER_CHARS) return { kind: 'tooLarge' };
    lineStart = lineEnd + 1;
    line++;
  }
  return { kind: 'unclosed' };
}

let validator: ValidateFunction | undefined;
function validate(data: unknown): ErrorObject[] {
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    ajv.addSchema(quizSchema);
    validator = ajv.compile(noteSchema);
  }
  return validator(data) ? [] : [...(validator.errors ?? [])];
}

export interface FrontMatter {
  /** Only the fields that passed the schema. */
  meta: Partial<NoteMeta>;
  problems: NoteProblem[];
  /** The YAML could not be read at all (syntax error, not a mapping): the note is shown as broken. */
  broken: boolean;
  /** The data as read, before cleaning: per-item checks need the original list indexes. */
  raw: Record<string, unknown>;
  /** Node ranges, when asked for (notes open in an editor). */
  spans?: FrontMatterSpans;
}

export type FrontMatterSpans = Omit<NoteSpans, 'diagramLines'>;

const emptySpans = (): FrontMatterSpans => ({ keys: [], related: [], tags: [], covers: [], quiz: [], exerciseRefs: [] });

/** Reads a front matter block; `withRanges` adds node ranges and precise problem ranges. */
export function readFrontMatter(block: FrontMatterBlock, locale: Locale, withRanges: boolean): FrontMatter {
  const problems: NoteProblem[] = [];
  const lines = block.yaml.split('\n');
  const lineRange = (line: number): TextRange => ({ startLine: block.yamlLine + line, startCharacter: 0, endLine: block.yamlLine + line, endCharacter: (lines[line] ?? '').replace(/\r$/, '').length });
  const wholeRange: TextRange = { startLine: block.yamlLine - 1, startCharacter: 0, endLine: block.yamlLine - 1, endCharacter: 3 };
  if (block.yaml.length > MAX_FRONT_MATTER_CHARS) {
    problems.push({ message: format(locale, 'frontMatterTooLarge', Math.round(MAX_FRONT_MATTER_CHARS / 1024)), severity: 'error', range: wholeRange });
    return { meta: {}, raw: {}, problems, broken: true, spans: withRanges ? emptySpans() : undefined };
  }
  // The `yaml` library reads even half-typed YAML, so completion and hovers keep their ranges while the user types.
  const document = withRanges ? rangedDocument(block) : undefined;
  const spans = document ? frontMatterSpans(document.doc, document.rangeOf) : withRanges ? emptySpans() : undefined;
  const fail = (message: string, range: TextRange = wholeRange): FrontMatter => {
    problems.push({ message, severity: 'error', range });
    return { meta: {}, raw: {}, problems, broken: true, spans };
  };

  let data: unknown;
  try {
    data = load(block.yaml, { schema: CORE_SCHEMA });
  } catch (error) {
    const mark = (error as { mark?: { line?: number; column?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error instanceof RangeError ? format(locale, 'frontMatterTooDeep') : String((error as Error)?.message ?? error));
    const range = mark?.line !== undefined ? lineRange(Math.min(mark.line, lines.length - 1)) : wholeRange;
    return fail(format(locale, 'yamlError', reason), range);
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) return fail(format(locale, 'frontMatterNotMapping'));
  if (!withinNodeBudget(data)) return fail(format(locale, 'frontMatterAliases'));
  // Kept for as long as the note is indexed: copies of the strings let the front matter's text go
  // (after the budget check: copying would expand what aliases share).
  data = ownStrings(data);

  const rangeOf = (path: (string | number)[], error?: ErrorObject): TextRange => {
    if (document) {
      const node = locate(document.doc, path, error);
      // A node without a range (an alias, say) points at the front matter as a whole.
      if (node?.range) return document.rangeOf(node.range[0], node.range[1]);
      return wholeRange;
    }
    const key = typeof path[0] === 'string' ? path[0] : (error?.params as { additionalProperty?: string })?.additionalProperty;
    const line = key === undefined ? -1 : lines.findIndex((text) => text.startsWith(`${key}:`) || text.startsWith(`"${key}":`) || text.startsWith(`'${key}':`));
    return line >= 0 ? lineRange(line) : wholeRange;
  };
  const errors = validate(data);
  if (locale === 'zh-cn') localizeZh(errors);
  for (const error of relevantErrors(errors)) {
    const path = pathOf(error);
    problems.push({ message: format(locale, 'schema', error.message ?? error.keyword, error.instancePath || '/'), severity: 'error', range: rangeOf(path, error) });
  }
  return { meta: cleanMeta(data as Record<string, unknown>, errors), raw: data as Record<string, unknown>, problems, broken: false, spans };
}

function pathOf(error: ErrorObject): (string | number)[] {
  return error.instancePath.split('/').slice(1).map((part) => (/^\d+$/.test(part) ? Number(part) : part.replace(/~1/g, '/').replace(/~0/g, '~')));
}

/** Aliases make a DAG whose paths can multiply without end (a "billion laughs"): count the visits. */
function withinNodeBudget(data: unknown): boolean {
  let budget = MAX_FRONT_MATTER_NODES;
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const value = stack.pop();
    if (--budget < 0) return false;
    if (value && typeof value === 'object') {
      for (const child of Array.isArray(value) ? value : Object.values(value)) stack.push(child);
    }
  }
  return true;
}

/**
 * The front matter without what broke the schema: a bad scalar field is dropped, a bad list item
 * (a tag, a quiz question, an example) is dropped from its list, an unknown key is dropped.
 */
function cleanMeta(data: Record<string, unknown>, errors: ErrorObject[]): Partial<NoteMeta> {
  const meta: Record<string, unknown> = { ...data };
  const droppedItems = new Map<string, Set<number>>();
  for (const error of errors) {
    const path = pathOf(error);
    if (path.length === 0) {
      const extra = (error.params as { additionalProperty?: string }).additionalProperty;
      if (extra !== undefined) delete meta[extra];
      continue;
    }
    const [key, index] = path;
    if (typeof key !== 'string') continue;
    if (typeof index === 'number' && Array.isArray(meta[key])) {
      const set = droppedItems.get(key) ?? new Set<number>();
      set.add(index);
      droppedItems.set(key, set);
    } else {
      delete meta[key];
    }
  }
  for (const [key, indexes] of droppedItems) {
    if (Array.isArray(meta[key])) meta[key] = (meta[key] as unknown[]).filter((_, i) => !indexes.has(i));
  }
  return meta as Partial<NoteMeta>;
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

type RangeOf = (from: number, to: number) => TextRange;

/** Deeper flow nesting than any real front matter has. */
const MAX_RANGED_DEPTH = 64;

/** The deepest nesting of `[`/`{` outside quotes, in one linear pass. */
function bracketDepth(yaml: string): number {
  let depth = 0;
  let deepest = 0;
  let quote: string | undefined;
  for (const character of yaml) {
    if (quote) {
      if (character === quote || character === '\n') quote = undefined;
    } else if (character === '"' || character === "'") {
      quote = character;
    } else if (character === '[' || character === '{') {
      deepest = Math.max(deepest, ++depth);
    } else if ((character === ']' || character === '}') && depth > 0) {
      depth--;
    }
  }
  return deepest;
}

/** The `yaml` library's document of the block, with a function from offsets to file ranges. */
function rangedDocument(block: FrontMatterBlock): { doc: Document; rangeOf: RangeOf } | undefined {
  // The library's cost grows badly with deep flow nesting (`[[[[…`): such front matter gets no ranges.
  if (bracketDepth(block.yaml) > MAX_RANGED_DEPTH) return undefined;
  const counter = new LineCounter();
  let doc: Document;
  try {
    // `logLevel: 'silent'`: the library's own warnings never reach the user's log.
    doc = parseDocument(block.yaml, { lineCounter: counter, uniqueKeys: true, prettyErrors: false, logLevel: 'silent' });
  } catch {
    return undefined;
  }
  const rangeOf: RangeOf = (from, to) => {
    const a = counter.linePos(from);
    const b = counter.linePos(Math.max(from, to));
    return { startLine: block.yamlLine + a.line - 1, startCharacter: a.col - 1, endLine: block.yamlLine + b.line - 1, endCharacter: b.col - 1 };
  };
  return { doc, rangeOf };
}

/** Ranges of the front matter nodes that diagnostics, hovers and edits point at. */
function frontMatterSpans(doc: Document, rangeOf: RangeOf): FrontMatterSpans {
  const spans = emptySpans();
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
      case 'quiz': if (isSeq(pair.value)) spans.quiz = pair.value.items.map((item) => questionSpans(item, nodeRange, stringSpan, key.range)); break;
      case 'exercises':
        if (isSeq(pair.value)) spans.exerciseRefs = pair.value.items.map((item) => (isMap(item) ? stringSpan(item.get('ref', true)) : undefined));
        break;
    }
  }
  return spans;
}

function questionSpans(item: unknown, nodeRange: (node: unknown) => TextRange | undefined, stringSpan: (node: unknown) => ValueSpan | undefined, fallback: TextRange): QuestionSpans {
  const spans: QuestionSpans = { range: nodeRange(item) ?? fallback, choiceItems: [] };
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
        if (isSeq(pair.value)) spans.choiceItems = pair.value.items.map((choice) => nodeRange(choice) ?? spans.choices ?? fallback);
        break;
    }
  }
  return spans;
}

/** The YAML node an error is about; for an unknown key, the key itself. */
function locate(doc: Document, path: (string | number)[], error?: ErrorObject): YamlNode | undefined {
  let node: unknown = doc.contents;
  for (const part of path) {
    if (isMap(node)) node = node.get(part, true);
    else if (isSeq(node) && typeof part === 'number') node = node.get(part, true);
    else return undefined;
  }
  const extra = (error?.params as { additionalProperty?: string } | undefined)?.additionalProperty;
  if (extra && isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && item.key.value === extra);
    if (pair && isScalar(pair.key)) return pair.key;
  }
  return node as YamlNode | undefined;
}
