// One pass over a note's body, line by line, without a Markdown parse (indexing stays cheap at
// scale): ATX and setext headings, fenced code blocks, mermaid sources and note links outside code.
// Each line is examined with hand-written loops, so the cost is linear in the text whatever it holds.
import type { Heading, NoteLink } from '../model';
import { linksInLine } from './noteLinks';

export interface BodyScan {
  headings: Heading[];
  /** Closed mermaid blocks: how many, their sources (unless left out) and each one's first source line. */
  diagramCount: number;
  diagrams: string[];
  diagramLines: number[];
  links: NoteLink[];
  lineCount: number;
}

export interface ScanOptions {
  /** Where the body starts in `text` (after the front matter), and the file line of that place. */
  offset?: number;
  firstLine?: number;
  /** Keep the diagram sources (the index only counts them). */
  diagramSources?: boolean;
  /** At most this many headings are kept (a 5 MB file of headings must not make a 5 MB outline). */
  maxHeadings?: number;
  /** Find links to other notes (default true). */
  links?: boolean;
}

interface Fence {
  char: string;
  length: number;
  mermaid: boolean;
  source: string[];
  firstLine: number;
}

export function scanBody(body: string, options: ScanOptions = {}): BodyScan {
  const { offset = 0, firstLine = 0, diagramSources = true, maxHeadings = Number.POSITIVE_INFINITY, links: findLinks = true } = options;
  const headings: Heading[] = [];
  const diagrams: string[] = [];
  const diagramLines: number[] = [];
  let diagramCount = 0;
  const links: NoteLink[] = [];
  let fence: Fence | undefined;
  /** The paragraph the current line continues, for setext headings: its first line and text. */
  let paragraph: { line: number; text: string[] } | undefined;
  let lineCount = 0;
  for (let start = offset; start <= body.length;) {
    let end = body.indexOf('\n', start);
    if (end === -1) end = body.length;
    const raw = body.slice(start, end);
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const lineNumber = firstLine + lineCount;
    lineCount++;
    start = end + 1;

    if (fence) {
      if (isClosingFence(line, fence)) {
        // An unclosed mermaid fence is no diagram.
        if (fence.mermaid) {
          diagramCount++;
          diagramLines.push(fence.firstLine);
          if (diagramSources) diagrams.push(fence.source.join('\n'));
        }
        fence = undefined;
      } else if (fence.mermaid && diagramSources) {
        fence.source.push(line);
      }
      continue;
    }
    // Most lines are prose: look at the first character before trying any block syntax.
    const first = line.trimStart()[0];
    const opening = first === '`' || first === '~' ? openingFence(line) : undefined;
    if (opening) {
      fence = { char: opening.char, length: opening.length, mermaid: opening.info.toLowerCase() === 'mermaid', source: [], firstLine: lineNumber + 1 };
      paragraph = undefined;
      continue;
    }
    const atx = first === '#' ? atxHeading(line) : undefined;
    const underline = paragraph && (first === '=' || first === '-') ? setextLevel(line) : 0;
    if (atx) {
      if (headings.length < maxHeadings) headings.push({ level: atx.level, text: atx.text, line: lineNumber });
      paragraph = undefined;
    } else if (paragraph && underline) {
      if (headings.length < maxHeadings) headings.push({ level: underline, text: paragraph.text.join(' ').trim(), line: paragraph.line });
      paragraph = undefined;
    } else if (first !== undefined && startsParagraph(line)) {
      paragraph ??= { line: lineNumber, text: [] };
      // Only the heading's first lines matter for a title; a long paragraph keeps its first few.
      if (paragraph.text.length < 4) paragraph.text.push(line.trim());
    } else {
      paragraph = undefined;
    }
    if (findLinks) links.push(...linksInLine(line, lineNumber));
  }
  return { headings, diagramCount, diagrams, diagramLines, links, lineCount };
}

/** Leading spaces of a line, when they are at most three (more makes indented code). */
function indentOf(line: string): number {
  let i = 0;
  while (i < line.length && line[i] === ' ') i++;
  return i;
}

function openingFence(line: string): { char: string; length: number; info: string } | undefined {
  const indent = indentOf(line);
  if (indent > 3) return undefined;
  const char = line[indent];
  if (char !== '`' && char !== '~') return undefined;
  let end = indent;
  while (end < line.length && line[end] === char) end++;
  const length = end - indent;
  if (length < 3) return undefined;
  const info = line.slice(end).trim();
  // A backtick fence's info string has no backtick (else it is inline code).
  if (char === '`' && info.includes('`')) return undefined;
  const firstWord = info.split(/[\s{]/, 1)[0];
  return { char, length, info: firstWord };
}

function isClosingFence(line: string, fence: Fence): boolean {
  const indent = indentOf(line);
  if (indent > 3) return false;
  let end = indent;
  while (end < line.length && line[end] === fence.char) end++;
  return end - indent >= fence.length && line.slice(end).trim() === '';
}

/** `## Title ##` → level 2, text "Title": the closing run of `#` goes when a space precedes it. */
export function atxHeading(line: string): { level: number; text: string } | undefined {
  const indent = indentOf(line);
  if (indent > 3 || line[indent] !== '#') return undefined;
  let end = indent;
  while (end < line.length && line[end] === '#') end++;
  const level = end - indent;
  if (level > 6 || (end < line.length && line[end] !== ' ' && line[end] !== '\t')) return undefined;
  let right = line.length;
  while (right > end && (line[right - 1] === ' ' || line[right - 1] === '\t')) right--;
  let closing = right;
  while (closing > end && line[closing - 1] === '#') closing--;
  if (closing < right && (closing === end || line[closing - 1] === ' ' || line[closing - 1] === '\t')) right = closing;
  let left = end;
  while (left < right && (line[left] === ' ' || line[left] === '\t')) left++;
  while (right > left && (line[right - 1] === ' ' || line[right - 1] === '\t')) right--;
  return { level, text: line.slice(left, right) };
}

/** 1 for a `===` underline, 2 for `---`, 0 otherwise. */
function setextLevel(line: string): number {
  const indent = indentOf(line);
  if (indent > 3) return 0;
  const char = line[indent];
  if (char !== '=' && char !== '-') return 0;
  let end = indent;
  while (end < line.length && line[end] === char) end++;
  return line.slice(end).trim() === '' ? (char === '=' ? 1 : 2) : 0;
}

/** Whether a line is paragraph text a setext underline could turn into a heading. */
function startsParagraph(line: string): boolean {
  const indent = indentOf(line);
  if (indent > 3) return false;
  const rest = line.slice(indent);
  if (rest.trim() === '') return false;
  return !/^(?:[-*+][ \t]|\d{1,9}[.)][ \t]|>|\||<)/.test(rest);
}
