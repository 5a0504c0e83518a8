// Links from a note's body to other notes: `[text](note:id)`, `<note:id>`, `[ref]: note:id` and
// relative `.md` paths. Found line by line (the caller skips code fences), with the exact range of
// each target so that diagnostics, rename and quick fixes can point at it.
import path from 'node:path';
import type { NoteLink, TextRange } from './model';

const INLINE_LINK = /\]\(\s*<?([^\s()<>]+)>?(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/dg;
const AUTOLINK = /<(note:[^\s<>]+)>/dg;
const DEFINITION = /^ {0,3}\[[^\]]+\]:\s*<?([^\s<>]+)/d;
const INLINE_CODE = /(`+)[^`](?:.*?[^`])?\1(?!`)/g;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Note links in one body line (outside code fences); `line` is the line's number in the file. */
export function linksInLine(text: string, line: number): NoteLink[] {
  if (!text.includes('note:') && !/\.md\b/i.test(text)) return [];
  // Code spans are blanked out, keeping columns, so that `[a](note:x)` in backticks is no link.
  const visible = text.includes('`') ? text.replace(INLINE_CODE, (code) => ' '.repeat(code.length)) : text;
  const found: NoteLink[] = [];
  const add = (href: string, start: number): void => {
    const link = toNoteLink(href, { startLine: line, startCharacter: start, endLine: line, endCharacter: start + href.length });
    if (link) found.push(link);
  };
  for (const match of visible.matchAll(INLINE_LINK)) add(match[1], match.indices![1][0]);
  for (const match of visible.matchAll(AUTOLINK)) add(match[1], match.indices![1][0]);
  const definition = DEFINITION.exec(visible);
  if (definition) add(definition[1], definition.indices![1][0]);
  return found.sort((a, b) => a.range.startCharacter - b.range.startCharacter);
}

/** A link target as a note link, or undefined for web links, anchors and other files. */
function toNoteLink(href: string, range: TextRange): NoteLink | undefined {
  if (href.startsWith('note:')) {
    const raw = href.slice('note:'.length).split(/[#?]/)[0];
    const idStart = range.startCharacter + 'note:'.length;
    return { kind: 'id', id: safeDecode(raw), href, range, idRange: { ...range, startCharacter: idStart, endCharacter: idStart + raw.length } };
  }
  if (SCHEME.test(href) || href.startsWith('#') || href.startsWith('/')) return undefined;
  const file = safeDecode(href.split(/[#?]/)[0]);
  return /\.md$/i.test(file) ? { kind: 'file', file, href, range } : undefined;
}

/** The absolute path a relative link in the note at `source` points to. */
export function linkedFile(source: string, file: string): string {
  return path.resolve(path.dirname(source), file);
}

/** A relative link from the note at `source` to the note file `target`, with forward slashes. */
export function relativeLink(source: string, target: string): string {
  return path.relative(path.dirname(source), target).split(path.sep).join('/');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
