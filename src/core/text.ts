// Small text helpers every part shares: escaping for HTML and Markdown, slugs, headings as plain
// text, and the natural order used for categories, notes and topics everywhere.

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const HTML_SPECIAL = /[&<>"']/;

/** Text safe inside HTML elements and quoted attributes. */
export function escapeHtml(text: string): string {
  // Most text (code blocks in the note panel) has nothing to escape: one test, no copy.
  return HTML_SPECIAL.test(text) ? text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]) : text;
}

/** Text shown literally inside Markdown (hovers, completion documentation): every markup character escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, (character) => `\\${character}`);
}

/** A slug that keeps Chinese and other letters readable: lower case, punctuation dropped, spaces → `-`. */
export function slugify(text: string): string {
  return text.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s+/g, '-') || 'section';
}

const MAX_TITLE_SOURCE = 1000;

/**
 * A heading's Markdown as plain text: links and images keep their text, emphasis, code marks and
 * HTML tags go, numbering stays (`[GIL](#gil) 是什么？` → `GIL 是什么？`).
 */
export function plainText(markdown: string): string {
  // Code spans and escaped characters are set aside first: `__init__` and `\*args` keep their marks.
  const kept: string[] = [];
  const keep = (literal: string): string => `\uE000${kept.push(literal) - 1}\uE001`;
  const text = markdown.slice(0, MAX_TITLE_SOURCE)
    .replace(/(`+)(.+?)\1/g, (_, _ticks: string, code: string) => keep(code.trim()))
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, (_, character: string) => keep(character));
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/!?\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<[^>]{0,200}>/g, '')
    .replace(/(\*\*|\*|~~)(\S(?:[^]*?\S)?)\1/g, '$2')
    // `_` emphasis never starts or ends inside a word (`snake_case` stays).
    .replace(/(?<![\p{L}\p{N}])(__|_)(\S(?:[^]*?\S)?)\1(?![\p{L}\p{N}])/gu, '$2')
    .replace(/\uE000(\d+)\uE001/g, (_, index: string) => kept[Number(index)])
    .replace(/\s+/g, ' ')
    .trim();
}

/** A heading that numbers a section: `1.`, `2.3`, `一、`, `（二）`, `第三章`, `IV.`. */
export function isNumberedHeading(text: string): boolean {
  return /^(?:\d+(?:\.\d+)*[.、)）:：]?(?:\s|$)|\d+(?:\.\d+)+|[一二三四五六七八九十百零]+[、.．:：]|[（(][一二三四五六七八九十\d]+[)）]|第[一二三四五六七八九十百零\d]+[章节部分篇讲课]|[IVXLC]+\.\s)/.test(text.trim());
}

const collator = new Intl.Collator('zh-Hans-u-co-pinyin', { numeric: true, sensitivity: 'base' });

/** Natural order: `2.` before `10.1`, Chinese by pinyin, letters without regard to case. */
export function naturalCompare(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * A copy of `text` that holds no reference to the string it was cut from. V8 keeps a substring of
 * 13 or more characters as a view into its parent, so a link target kept for good would keep its
 * whole note's text alive (10,000 notes: 100 MB). Joining flattens into a new string of its own.
 */
export function ownString(text: string): string {
  return text.length < 13 ? text : (` ${text}`).slice(1);
}

/** A deep copy of parsed data (front matter) whose strings hold no reference to the source text. */
export function ownStrings<T>(value: T): T {
  if (typeof value === 'string') return ownString(value) as T;
  if (Array.isArray(value)) return value.map(ownStrings) as T;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, ownStrings(item)])) as T;
  }
  return value;
}
