// Keeps a note's raw HTML from swallowing the rest of the note. The whole rendered note is parsed and
// sanitized as one document, so an unclosed `<style>`, `<!--`, `<select>` or attribute quote in one
// HTML block would turn everything after it into style text, a comment, an option or an attribute
// value, and an element the sanitizer removes with its content (`<mtext>`, `<video>`) left open would
// take the rest of the note with it. Each block is scanned once, the way a browser's tokenizer reads
// tags, and only tags the panel allows are kept: other tags are dropped (their text stays), raw-text
// elements (`<style>`, `<script>`…) go with their content up to their end tag, comments go, and from
// markup still open where the block ends, the rest of the block is shown as text.
import { escapeHtml } from './text';

/** The elements a note's HTML may use (the page's sanitizer allows the same). */
export const NOTE_HTML_TAGS: readonly string[] = [
  'a', 'abbr', 'address', 'article', 'aside', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'caption', 'center', 'cite', 'code', 'col',
  'colgroup', 'dd', 'del', 'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr',
  'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'section', 'small', 'span', 'strike',
  'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'tt', 'u', 'ul', 'var', 'wbr',
];
const ALLOWED = new Set(NOTE_HTML_TAGS);
/** Elements whose content a browser reads as text up to their end tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']);

const isLetter = (character: string | undefined): boolean => character !== undefined && /[a-z]/i.test(character);
const isSpace = (character: string | undefined): boolean => character !== undefined && /[\t\n\f\r ]/.test(character);

/** The HTML of one block (or one inline tag) with only allowed tags and nothing left open at its end. Linear. */
export function containHtml(html: string): string {
  let out = '';
  let at = 0;
  let lower: string | undefined;
  /** Raw-text elements with no end tag after a position (so none after any later one either). */
  const noEndAfter = new Map<string, number>();
  for (;;) {
    const open = html.indexOf('<', at);
    if (open === -1) return out + html.slice(at);
    out += html.slice(at, open);
    const end = markupEnd(html, open);
    if (end === undefined) {
      // Not markup (`a < b`): the browser shows it as text too.
      out += '<';
      at = open + 1;
      continue;
    }
    // Still open where the block ends: the rest is text rather than swallowing what follows the block.
    if (end === -1) return out + escapeHtml(html.slice(open));
    const name = tagName(html, open);
    at = end;
    if (RAW_TEXT.has(name) && html[open + 1] !== '/') {
      lower ??= html.toLowerCase();
      const close = end >= (noEndAfter.get(name) ?? Infinity) ? -1 : rawTextEnd(html, lower, end, name);
      if (close === -1) noEndAfter.set(name, Math.min(end, noEndAfter.get(name) ?? Infinity));
      // Without its end tag only the tag goes: markdown-it runs such a block to the end of the note,
      // and the rest of the note stays readable as text.
      if (close !== -1) at = close;
    } else if (ALLOWED.has(name)) {
      out += html.slice(open, end);
    }
  }
}

/** The raw-text element an inline tag opens (`<style>` → `style`), for dropping the text up to its end tag. */
export function rawTextOpened(tag: string): string | undefined {
  const name = tag[1] === '/' ? '' : tagName(tag, 0);
  return RAW_TEXT.has(name) ? name : undefined;
}

/** Whether an inline tag is the end tag of raw-text element `name`. */
export function closesRawText(tag: string, name: string): boolean {
  return tag[1] === '/' && tagName(tag, 0) === name;
}

/** The lower-case name of the tag at `open` (`<name` or `</name`), or '' for comments and declarations. */
function tagName(html: string, open: number): string {
  let start = open + 1;
  if (html[start] === '/') start++;
  let end = start;
  while (end < html.length && !isSpace(html[end]) && html[end] !== '/' && html[end] !== '>') end++;
  return isLetter(html[start]) ? html.slice(start, end).toLowerCase() : '';
}

/** The index after the end tag `</name…>` of a raw-text element whose content starts at `from`, or -1. */
function rawTextEnd(html: string, lower: string, from: number, name: string): number {
  for (let close = lower.indexOf(`</${name}`, from); close !== -1; close = lower.indexOf(`</${name}`, close + 2)) {
    const after = html[close + 2 + name.length];
    if (after === undefined) return -1;
    if (isSpace(after) || after === '/' || after === '>') {
      const end = html.indexOf('>', close);
      return end === -1 ? -1 : end + 1;
    }
  }
  return -1;
}

/**
 * Where the markup starting at `open` ends (the index after it), -1 if it does not end in `html`,
 * or undefined if a browser would not read markup there.
 */
function markupEnd(html: string, open: number): number | undefined {
  if (html.startsWith('<!--', open)) {
    // `<!-->` and `<!--->` close at once; otherwise the comment runs to `-->`.
    if (html.startsWith('<!-->', open)) return open + 5;
    if (html.startsWith('<!--->', open)) return open + 6;
    const close = html.indexOf('-->', open + 4);
    return close === -1 ? -1 : close + 3;
  }
  const next = html[open + 1];
  if (next === '!' || next === '?' || (next === '/' && !isLetter(html[open + 2]) && html[open + 2] !== '>')) {
    // Declarations, processing instructions and `</…` without a name are bogus comments, up to `>`.
    const close = html.indexOf('>', open + 2);
    return close === -1 ? -1 : close + 1;
  }
  if (next === '/' && html[open + 2] === '>') return open + 3;
  if (!isLetter(next === '/' ? html[open + 2] : next)) return undefined;
  return tagEnd(html, open + (next === '/' ? 2 : 1));
}

/** The end of a start or end tag whose name starts at `from`: `>` outside a quoted attribute value. */
function tagEnd(html: string, from: number): number {
  let i = from;
  while (i < html.length) {
    const character = html[i];
    if (character === '>') return i + 1;
    if (character !== '=') {
      i++;
      continue;
    }
    // An attribute value: quoted runs to its quote, unquoted to a space or `>`.
    i++;
    while (isSpace(html[i])) i++;
    const quote = html[i];
    if (quote === '"' || quote === "'") {
      const close = html.indexOf(quote, i + 1);
      if (close === -1) return -1;
      i = close + 1;
    }
  }
  return -1;
}
