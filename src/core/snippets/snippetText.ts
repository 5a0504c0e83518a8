// Example code as VS Code snippet text, with tab stops on the values a learner is likely to change.
//
// The tab stop rule, kept simple so that it is predictable:
//   1. the value of a top-level assignment to an UPPER_CASE name (`N_KEYS = 1000`,
//      `PATH: str = "demo.db"`) when that value is a single literal;
//   2. every argument that is a single literal (`range(6)`, `timeout=5`) of a call inside the
//      `if __name__ == "__main__":` block, except the arguments of `print` (they label output).
// A literal is a string or bytes literal (not an f-string), a number (with an optional minus sign),
// `True`, `False` or `None`. Literals with the same source text share a tab stop number, so editing one
// edits all of them; numbers follow the order of first appearance, and `$0` ends the snippet.
import { layOutLines, reindent, splitLines, type Layout } from './reindent';
import { logicalLines, tokenize, type Token } from './pythonTokens';

/** Offsets into the code, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

const CONSTANT_NAME = /^[A-Z][A-Z0-9_]*$/;
const LITERAL_NAMES = new Set(['True', 'False', 'None']);
const KEYWORDS = new Set(['and', 'as', 'assert', 'async', 'await', 'del', 'elif', 'else', 'except', 'for', 'from', 'global',
  'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'raise', 'return', 'while', 'with', 'yield']);

const isOp = (token: Token | undefined, text: string): boolean => token?.kind === 'op' && token.text === text;

/** The span of `tokens` when they are exactly one literal, else undefined. */
function literalSpan(tokens: readonly Token[]): Span | undefined {
  const [first, second] = tokens;
  if (tokens.length === 2 && isOp(first, '-') && second.kind === 'number') return { start: first.start, end: second.end };
  if (tokens.length !== 1) return undefined;
  const literal = first.kind === 'string' || first.kind === 'number' || (first.kind === 'name' && LITERAL_NAMES.has(first.text));
  return literal ? { start: first.start, end: first.end } : undefined;
}

function columnOf(code: string, offset: number): number {
  return offset - (code.lastIndexOf('\n', offset - 1) + 1);
}

/** Rule 1: `NAME = literal` or `NAME: annotation = literal` at the top level. */
function constantValue(code: string, line: readonly Token[]): Span | undefined {
  const [name, next] = line;
  if (name.kind !== 'name' || !CONSTANT_NAME.test(name.text) || columnOf(code, name.start) !== 0) return undefined;
  if (!isOp(next, '=') && !isOp(next, ':')) return undefined;
  const equals = line.findIndex((token, i) => i > 0 && isOp(token, '=') && token.depth === 0);
  return equals === -1 ? undefined : literalSpan(line.slice(equals + 1));
}

/** Whether a logical line starts with `if __name__ == "__main__":` (its five tokens). */
function isMainGuard(line: readonly Token[]): boolean {
  const [keyword, name, equals, value, colon] = line;
  return keyword?.text === 'if' && name?.text === '__name__' && isOp(equals, '==')
    && value?.kind === 'string' && /^(['"])__main__\1$/.test(value.text) && isOp(colon, ':');
}

/** Rule 2: the single-literal arguments of every call among `tokens`, except `print(...)`'s. */
function literalArguments(tokens: readonly Token[]): Span[] {
  const spans: Span[] = [];
  tokens.forEach((open, i) => {
    const callee = tokens[i - 1];
    if (!isOp(open, '(') || !callee) return;
    const isCall = (callee.kind === 'name' && !KEYWORDS.has(callee.text)) || isOp(callee, ')') || isOp(callee, ']');
    const isPrint = callee.text === 'print' && !isOp(tokens[i - 2], '.');
    if (!isCall || isPrint) return;
    let argument: Token[] = [];
    const finishArgument = (): void => {
      const keyword = argument[0]?.kind === 'name' && isOp(argument[1], '=') ? 2 : 0;
      const span = literalSpan(argument.slice(keyword));
      if (span) spans.push(span);
      argument = [];
    };
    for (let j = i + 1; j < tokens.length && tokens[j].depth !== open.depth; j += 1) {
      if (tokens[j].depth === open.depth + 1 && isOp(tokens[j], ',')) finishArgument();
      else argument.push(tokens[j]);
    }
    finishArgument();
  });
  return spans;
}

/** Where tab stops go in `code` (line breaks normalized to `\n`), in order; see the rule above. */
export function tabStopSpans(code: string): Span[] {
  const spans: Span[] = [];
  const lines = logicalLines(tokenize(code));
  lines.forEach((line, i) => {
    const constant = constantValue(code, line);
    if (constant) spans.push(constant);
    if (!isMainGuard(line) || columnOf(code, line[0].start) !== 0) return;
    // The block runs until the next logical line that starts in column 0.
    const blockEnd = lines.findIndex((later, j) => j > i && columnOf(code, later[0].start) === 0);
    const block = [...line.slice(5), ...lines.slice(i + 1, blockEnd === -1 ? undefined : blockEnd).flat()];
    spans.push(...literalArguments(block));
  });
  return spans.sort((a, b) => a.start - b.start);
}

/** Escapes text for VS Code snippet syntax: `$`, `}` and `\` get a backslash. */
export const escapeSnippetText = (text: string): string => text.replace(/[$}\\]/g, '\\$&');

/** The code as inserted without tab stops: unchanged, or laid out for the cursor when `layout` is given. */
export function toPlainText(code: string, layout?: Layout): string {
  return layout ? reindent(code, layout.indent, layout.eol, layout) : code;
}

/**
 * The code as VS Code snippet text (for `new vscode.SnippetString(text)`), with tab stops as described
 * above and `$0` at the end. With `layout`, the code is re-indented like `toPlainText`; insert it
 * with `keepWhitespace: true` so that VS Code does not indent it a second time.
 */
export function toSnippetText(code: string, layout?: Layout): string {
  const lines = splitLines(code);
  const normalized = lines.join('\n');
  const laidOut = layout ? layOutLines(lines, layout) : { lines, shifts: lines.map(() => 0) };
  const eol = layout?.eol ?? '\n';
  const oldStarts: number[] = [];
  const newStarts: number[] = [];
  lines.reduce((offset, line) => { oldStarts.push(offset); return offset + line.length + 1; }, 0);
  laidOut.lines.reduce((offset, line) => { newStarts.push(offset); return offset + line.length + eol.length; }, 0);
  // An offset keeps its line and its place in the line's text; only the indentation before it changed.
  const moved = (offset: number): number => {
    let line = oldStarts.length - 1;
    while (oldStarts[line] > offset) line -= 1;
    return newStarts[line] + (offset - oldStarts[line]) + laidOut.shifts[line];
  };
  const text = laidOut.lines.join(eol);
  const numbers = new Map<string, number>();
  let snippet = '';
  let copied = 0;
  for (const span of tabStopSpans(normalized)) {
    const value = normalized.slice(span.start, span.end);
    const number = numbers.get(value) ?? numbers.size + 1;
    numbers.set(value, number);
    const start = moved(span.start);
    const end = moved(span.end);
    snippet += `${escapeSnippetText(text.slice(copied, start))}\${${number}:${escapeSnippetText(text.slice(start, end))}}`;
    copied = end;
  }
  return `${snippet}${escapeSnippetText(text.slice(copied))}$0`;
}

/**
 * The text VS Code inserts for `snippet` when every placeholder keeps its default: tab stops expand
 * to nothing, placeholders to their default, choices to their first option. Variables and
 * transforms are not supported: a `$` that starts no tab stop, placeholder or choice stays text.
 */
export function expandSnippetText(snippet: string): string {
  let pos = 0;

  // Text up to the end, or (inside a placeholder) up to its closing `}`; undefined when that is missing.
  const readText = (inPlaceholder: boolean): string | undefined => {
    let out = '';
    while (pos < snippet.length) {
      const c = snippet[pos];
      if (c === '\\' && '$}\\'.includes(snippet[pos + 1] ?? '')) {
        out += snippet[pos + 1];
        pos += 2;
      } else if (c === '}' && inPlaceholder) {
        return out;
      } else if (c === '$') {
        const start = pos;
        const expanded = readDollar();
        if (expanded === undefined) { pos = start + 1; out += '$'; } else out += expanded;
      } else {
        out += c;
        pos += 1;
      }
    }
    return inPlaceholder ? undefined : out;
  };

  const readChoice = (): string | undefined => {
    const options = [''];
    while (pos < snippet.length) {
      const c = snippet[pos];
      if (c === '\\' && ',|\\$}'.includes(snippet[pos + 1] ?? '')) { options[options.length - 1] += snippet[pos + 1]; pos += 2; }
      else if (c === '|' && snippet[pos + 1] === '}') { pos += 2; return options[0]; }
      else if (c === ',') { options.push(''); pos += 1; }
      else { options[options.length - 1] += c; pos += 1; }
    }
    return undefined;
  };

  // At a `$`: the expansion of the tab stop, placeholder or choice that starts here, if any.
  const readDollar = (): string | undefined => {
    const match = /\$(\{)?(\d+)/y;
    match.lastIndex = pos;
    const found = match.exec(snippet);
    if (!found) return undefined;
    pos = match.lastIndex;
    if (!found[1]) return '';
    const next = snippet[pos];
    pos += 1;
    if (next === '}') return '';
    if (next === '|') return readChoice();
    if (next !== ':') return undefined;
    const inner = readText(true);
    if (inner === undefined) return undefined;
    pos += 1;
    return inner;
  };

  return readText(false) ?? '';
}
