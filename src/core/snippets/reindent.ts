// Fits example code to where it is inserted: the cursor's indentation, the document's tabs or spaces
// and its line endings. Lines that start inside a multi-line string keep their text, so string values
// do not change.
import { tokenize } from './pythonTokens';

export type Eol = '\n' | '\r\n';

/** Where code is inserted: the indentation before the cursor and the document's settings. */
export interface Layout {
  /** Whitespace before the cursor; the first line is not prefixed with it (the cursor is already there). */
  indent: string;
  eol: Eol;
  /** Indent with spaces; default: unless `indent` contains a tab. */
  insertSpaces?: boolean;
  /** Columns of a tab, both when reading the code and when writing tabs; default 4. */
  tabSize?: number;
}

/** The code's lines after re-indenting, and how far each line's text moved (for mapping offsets). */
export interface LaidOutLines {
  lines: string[];
  /** Characters added (or removed, when negative) at the start of each line. */
  shifts: number[];
}

export const splitLines = (code: string): string[] => code.split(/\r\n|\r|\n/);

function columns(whitespace: string, tabSize: number): number {
  let column = 0;
  for (const c of whitespace) column = c === '\t' ? (Math.floor(column / tabSize) + 1) * tabSize : column + 1;
  return column;
}

/** For each line, whether it starts inside a string literal that began on an earlier line. */
function linesInsideStrings(lines: readonly string[]): boolean[] {
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  const inside = lines.map(() => false);
  let line = 0;
  for (const token of tokenize(lines.join('\n'))) {
    if (token.kind !== 'string' && token.kind !== 'fstring') continue;
    while (line < starts.length && starts[line] <= token.start) line += 1;
    for (let next = line; next < starts.length && starts[next] < token.end; next += 1) inside[next] = true;
  }
  return inside;
}

/**
 * Re-indents `lines` for `layout`: the smallest indentation becomes the cursor's, relative indentation
 * is kept in the document's style, and blank lines become empty (the last one gets the cursor's
 * indentation).
 */
export function layOutLines(lines: readonly string[], layout: Layout): LaidOutLines {
  const tabSize = layout.tabSize ?? 4;
  const insertSpaces = layout.insertSpaces ?? !layout.indent.includes('\t');
  const inside = linesInsideStrings(lines);
  const leading = lines.map((line) => /^[ \t]*/.exec(line)![0]);
  const base = lines.reduce((smallest, line, i) => (inside[i] || line.trim() === '' ? smallest : Math.min(smallest, columns(leading[i], tabSize))), Infinity);
  const render = (width: number): string => (insertSpaces
    ? ' '.repeat(width)
    : '\t'.repeat(Math.floor(width / tabSize)) + ' '.repeat(width % tabSize));
  const result: LaidOutLines = { lines: [], shifts: [] };
  lines.forEach((line, i) => {
    let text = line;
    // A blank last line gets the indentation too, so the text after the cursor keeps its column.
    if (!inside[i] && line.trim() === '') text = i > 0 && i === lines.length - 1 ? layout.indent : '';
    else if (!inside[i]) text = (i === 0 ? '' : layout.indent) + render(columns(leading[i], tabSize) - base) + line.slice(leading[i].length);
    result.lines.push(text);
    result.shifts.push(text.length - line.length);
  });
  return result;
}

/**
 * `code` re-indented to the cursor's indentation `indent` (first line not prefixed), relative
 * indentation kept, tabs or spaces as the document uses them, line endings turned into `eol`.
 */
export function reindent(code: string, indent: string, eol: Eol, style: Pick<Layout, 'insertSpaces' | 'tabSize'> = {}): string {
  return layOutLines(splitLines(code), { indent, eol, ...style }).lines.join(eol);
}
