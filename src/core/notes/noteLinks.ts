// Links from a note's body to other notes: `[text](note:id)`, `<note:id>`, `[ref]: note:id` and
// relative `.md` paths. Found line by line (the caller skips code fences), with the exact range of
// each target so that diagnostics, rename and quick fixes can point at it. Every scan here is linear
// in the line's length: a hostile line of megabytes of backticks or spaces costs one pass.
import path from 'node:path';
import type { LinkRef, NoteLink, TextRange } from '../model';

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/** Lines longer than this are prose no one links from (minified HTML, generated data): skipped. */
const MAX_LINK_LINE = 20_000;

/** Note links in one body line (outside code fences); `line` is the line's number in the file. */
export function linksInLine(text: string, line: number): NoteLink[] {
  if (text.length > MAX_LINK_LINE || (!text.includes('note:') && !/\.md\b/i.test(text))) return [];
  // A link inside a code span (`[a](note:x)` in backticks) is no link.
  const code = text.includes('`') ? codeSpans(text) : [];
  const inCode = (at: number): boolean => {
    // Spans are sorted and disjoint: binary search for the last one starting at or before `at`.
    let low = 0;
    let high = code.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (code[middle][0] <= at) low = middle + 1;
      else high = middle - 1;
    }
    return high >= 0 && at < code[high][1];
  };
  const found: NoteLink[] = [];
  const starts = new Set<number>();
  const add = (href: string, start: number): void => {
    // `[a](<note:x>)` is one link, not an inline link and an autolink.
    if (inCode(start) || starts.has(start)) return;
    starts.add(start);
    const link = toNoteLink(href, { startLine: line, startCharacter: start, endLine: line, endCharacter: start + href.length });
    if (link) found.push(link);
  };
  for (let at = text.indexOf(']('); at !== -1; at = text.indexOf('](', at + 2)) {
    const target = inlineTarget(text, at + 2);
    if (target) add(target.href, target.start);
  }
  for (let at = text.indexOf('<note:'); at !== -1; at = text.indexOf('<note:', at + 1)) {
    let end = at + 1;
    while (end < text.length && !/[\s<>]/.test(text[end])) end++;
    if (text[end] === '>' && end > at + 6) add(text.slice(at + 1, end), at + 1);
  }
  const definition = /^ {0,3}\[[^\]]+\]:[ \t]*<?([^\s<>]+)/d.exec(text);
  if (definition) add(definition[1], definition.indices![1][0]);
  return found.sort((a, b) => a.range.startCharacter - b.range.startCharacter);
}

/**
 * The destination of an inline link whose `(` is just before `from`: `](  dest "title")`, or
 * `](<dest with spaces>)` (CommonMark allows spaces between angle brackets).
 */
function inlineTarget(text: string, from: number): { href: string; start: number } | undefined {
  let at = from;
  while (at < text.length && (text[at] === ' ' || text[at] === '\t')) at++;
  const angled = text[at] === '<';
  if (angled) at++;
  const start = at;
  const stop = angled ? /[<>]/ : /[\s()<>]/;
  while (at < text.length && !stop.test(text[at])) at++;
  if (at === start) return undefined;
  if (angled && text[at] !== '>') return undefined;
  return { href: text.slice(start, at), start };
}

/**
 * The code spans of a line as `[start, end)` column ranges: a run of N backticks opens a span that
 * the next run of exactly N backticks closes. One pass to find the runs, one to pair them.
 */
export function codeSpans(text: string): [number, number][] {
  const runs: { start: number; length: number }[] = [];
  for (let i = text.indexOf('`'); i !== -1; i = text.indexOf('`', i)) {
    const start = i;
    while (i < text.length && text[i] === '`') i++;
    runs.push({ start, length: i - start });
  }
  // For each run, the index of the next run of the same length: one pass from the end.
  const nextSameLength = new Array<number>(runs.length).fill(-1);
  const lastSeen = new Map<number, number>();
  for (let r = runs.length - 1; r >= 0; r--) {
    nextSameLength[r] = lastSeen.get(runs[r].length) ?? -1;
    lastSeen.set(runs[r].length, r);
  }
  const spans: [number, number][] = [];
  for (let r = 0; r < runs.length;) {
    const close = nextSameLength[r];
    if (close === -1) { r++; continue; }
    spans.push([runs[r].start, runs[close].start + runs[close].length]);
    r = close + 1;
  }
  return spans;
}

/** A link target as a note link, or undefined for web links, anchors and other files. */
function toNoteLink(href: string, range: TextRange): NoteLink | undefined {
  if (href.startsWith('note:')) {
    const raw = href.slice('note:'.length).split(/[#?]/)[0];
    if (!raw) return undefined;
    const idStart = range.startCharacter + 'note:'.length;
    return { kind: 'id', id: safeDecode(raw), href, range, idRange: { ...range, startCharacter: idStart, endCharacter: idStart + raw.length } };
  }
  if (SCHEME.test(href) || href.startsWith('#') || href.startsWith('/')) return undefined;
  const file = safeDecode(href.split(/[#?]/)[0]);
  return /\.md$/i.test(file) ? { kind: 'file', file, href, range } : undefined;
}

/** A link as the model keeps it: where it starts and its target as written. */
export function toLinkRef(link: NoteLink): LinkRef {
  return [link.range.startLine, link.range.startCharacter, link.href];
}

/** The link a kept reference stands for. */
export function expandLink([line, character, href]: LinkRef): NoteLink | undefined {
  return toNoteLink(href, { startLine: line, startCharacter: character, endLine: line, endCharacter: character + href.length });
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
