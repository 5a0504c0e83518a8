// Markdown → HTML for the note panel, without a DOM so that it runs in the page and in Node (the
// benchmark times it there). markdown-it with raw HTML on: the page sanitizes the result before it
// is shown. One parse gives the HTML, the headings (table of contents and section ids), the line map
// that scrolling uses (`data-line`, like VS Code's preview), the diagrams and code blocks the page
// fills in, and where exercises' buttons go. Highlighting is the page's job, per visible block.
import MarkdownIt from 'markdown-it';
import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs';
import type Token from 'markdown-it/lib/token.mjs';
import { closesRawText, containHtml, rawTextOpened } from './containHtml';
import { escapeHtml, plainText, slugify } from './text';

/**
 * Block nesting (each blockquote counts one, each list two) beyond which the rest of a quote or list
 * item is shown as plain text under a marker. markdown-it itself drops everything after its limit.
 */
export const DEPTH_LIMIT = 40;
const EXTERNAL = /^(https?:|mailto:)/i;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/** Text that can hold a link linkify would make (web and mail addresses with their scheme). */
const LINKIFIED = /https?:\/\/|mailto:/i;

export interface RenderOptions {
  /** Link target as written → the key of the note it opens (`NoteContent.links`). */
  links?: Readonly<Record<string, string>>;
  /** Exercises whose buttons go after the heading whose text is `ref`. */
  exercises?: readonly { ref: string }[];
  /**
   * Value that starts every `data-sn` attribute the renderer writes, so the page can tell its own
   * placeholders from look-alikes in a note's HTML. A note cannot know it.
   */
  hook?: string;
}

export interface Heading {
  level: number;
  /** Plain text, as the table of contents shows it. */
  text: string;
  /** Unique within the note; the page's element id is `user-content-` + slug. */
  slug: string;
  /** First line of the heading in the text (for setext headings, the line of its text). */
  line: number;
}

export interface CodeBlock {
  /** First word of the fence's info string, lower case; empty for unlabeled and indented code. */
  language: string;
  code: string;
  line: number;
}

export interface Diagram {
  source: string;
  line: number;
}

export interface RenderedNote {
  html: string;
  headings: Heading[];
  /** mermaid blocks in order; their index is the one diagnostics use. */
  diagrams: Diagram[];
  /** Code blocks in order (fenced and indented, diagrams excluded); the panel's buttons send the index. */
  codeBlocks: CodeBlock[];
  /** Indexes (into `options.exercises`) of the exercises whose heading was found. */
  placedExercises: number[];
  /** Nothing but (at most) a heading: an empty topic. */
  empty: boolean;
}

/** Placeholder kinds the page looks for in `data-sn="<hook> <kind> <index>"`. */
export type HookKind = 'heading' | 'diagram' | 'code' | 'exercise' | 'cut';

interface RenderEnv {
  hook: string;
  headings: Heading[];
  diagrams: Diagram[];
  codeBlocks: CodeBlock[];
  cuts: number;
  exerciseSlots: Map<number, number[]>;
}

let markdown: MarkdownIt | undefined;

function renderer(): MarkdownIt {
  markdown ??= createMarkdown();
  return markdown;
}

function createMarkdown(): MarkdownIt {
  const md = new MarkdownIt({ html: true, linkify: true, typographer: false });
  // `README.md` in prose is a file name, not a website in Moldova: only links with a scheme are linked,
  // so the quick test for candidates needs only look for one (linkify-it's own is most of its cost).
  md.linkify.set({ fuzzyLink: false, fuzzyEmail: false });
  md.linkify.pretest = (text) => LINKIFIED.test(text);
  // markdown-it's own check lets `command:` and `vscode:` through; only these kinds may become links.
  md.validateLink = (url) => EXTERNAL.test(url) || url.startsWith('note:') || !SCHEME.test(url);
  md.block.ruler.before('table', 'depth_limit', depthLimit);
  const attributes = (token: Token, env: RenderEnv, kind: HookKind, index: number): string =>
    ` data-sn="${escapeHtml(`${env.hook} ${kind} ${index}`)}"${token.map ? ` data-line="${token.map[0]}"` : ''}`;
  md.renderer.rules.fence = (tokens, index, _options, env: RenderEnv) => {
    const token = tokens[index];
    const language = token.info.trim().split(/\s+/)[0].toLowerCase();
    if (language === 'mermaid') {
      const diagram = env.diagrams.push({ source: token.content, line: token.map?.[0] ?? 0 }) - 1;
      return `<div class="diagram"${attributes(token, env, 'diagram', diagram)}><pre class="diagram-source">${escapeHtml(token.content)}</pre></div>\n`;
    }
    return codeBlock(token, env, language, attributes);
  };
  // Raw HTML goes to the sanitizer with nothing left open that could swallow the rest of the note.
  md.renderer.rules.html_block = (tokens, index) => containHtml(tokens[index].content);
  md.renderer.rules.html_inline = (tokens, index) => containHtml(tokens[index].content);
  md.renderer.rules.code_block = (tokens, index, _options, env: RenderEnv) => codeBlock(tokens[index], env, '', attributes);
  md.renderer.rules.depth_limit = (tokens, index, _options, env: RenderEnv) =>
    `<div class="depth-limit"${attributes(tokens[index], env, 'cut', env.cuts++)}><pre>${escapeHtml(tokens[index].content)}</pre></div>\n`;
  const headingClose = md.renderer.rules.heading_close ?? ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));
  md.renderer.rules.heading_close = (tokens, index, options, env: RenderEnv, self) => {
    const slots = env.exerciseSlots.get(index) ?? [];
    return headingClose(tokens, index, options, env, self)
      + slots.map((exercise) => `<div class="exercise-actions" data-sn="${escapeHtml(`${env.hook} exercise ${exercise}`)}"></div>\n`).join('');
  };
  return md;
}

function codeBlock(token: Token, env: RenderEnv, language: string, attributes: (token: Token, env: RenderEnv, kind: HookKind, index: number) => string): string {
  const block = env.codeBlocks.push({ language, code: token.content, line: token.map?.[0] ?? 0 }) - 1;
  const languageClass = language ? ` class="language-${escapeHtml(language)}"` : '';
  return `<div class="code-block"${attributes(token, env, 'code', block)}><pre><code${languageClass}>${escapeHtml(token.content)}</code></pre></div>\n`;
}

/**
 * A block rule tried first at every block: past the depth limit, the rest of this quote or list
 * item (the lines the nested parse would have read) becomes one `depth_limit` token of plain text.
 */
function depthLimit(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.level < DEPTH_LIMIT || silent) return false;
  let line = startLine;
  // The nested parse stops at the first non-blank line indented less than the block (see ParserBlock#tokenize).
  while (line < endLine && (state.isEmpty(line) || state.sCount[line] >= state.blkIndent)) line++;
  const token = state.push('depth_limit', '', 0);
  token.content = state.getLines(startLine, line, state.blkIndent, false);
  token.map = [startLine, line];
  token.block = true;
  state.line = line;
  return true;
}

/** The plain text of an inline token: text, code and image descriptions, no markup. */
function inlineText(token: Token): string {
  let text = '';
  for (const child of token.children ?? []) {
    if (child.type === 'text' || child.type === 'code_inline') text += child.content;
    else if (child.type === 'softbreak' || child.type === 'hardbreak') text += ' ';
    else if (child.type === 'image') text += inlineText(child);
  }
  return text.trim();
}

const normalize = (text: string): string => text.trim().replace(/\s+/g, ' ');
const LINE_MAPPED = new Set(['paragraph_open', 'heading_open', 'list_item_open', 'blockquote_open', 'table_open', 'tr_open', 'hr']);

/** Renders a note's text; see `RenderedNote`. */
export function renderNote(text: string, options: RenderOptions = {}): RenderedNote {
  const md = renderer();
  const links = options.links ?? {};
  const env: RenderEnv = { hook: options.hook ?? '', headings: [], diagrams: [], codeBlocks: [], cuts: 0, exerciseSlots: new Map() };
  const tokens = md.parse(text, env);
  const slugs = new Map<string, number>();
  const refs = (options.exercises ?? []).map((exercise) => normalize(plainText(exercise.ref)));
  const placed = new Set<number>();
  let content = false;

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.map && LINE_MAPPED.has(token.type)) token.attrSet('data-line', String(token.map[0]));
    // Table alignment as an attribute: the sanitizer lets no style attribute through.
    if ((token.type === 'th_open' || token.type === 'td_open') && token.attrGet('style')) alignCell(token);
    if (token.type === 'heading_open') {
      const headingText = inlineText(tokens[i + 1]);
      const base = slugify(headingText);
      const seen = slugs.get(base) ?? 0;
      slugs.set(base, seen + 1);
      const slug = seen === 0 ? base : `${base}-${seen}`;
      // Ids get DOMPurify's `user-content-` prefix in the page, so a note's ids never meet the page's own.
      token.attrSet('id', slug);
      token.attrSet('data-sn', `${env.hook} heading ${env.headings.length}`);
      env.headings.push({ level: Number(token.tag.slice(1)), text: headingText, slug, line: token.map?.[0] ?? 0 });
      const matching = refs.flatMap((ref, exercise) => (ref && ref === normalize(headingText) && !placed.has(exercise) ? [exercise] : []));
      if (matching.length > 0) {
        for (const exercise of matching) placed.add(exercise);
        env.exerciseSlots.set(i + 2, matching);
      }
      markBrokenLinks(tokens[i + 1], links);
      i += 2;
      continue;
    }
    // Raw HTML and relative links need `<` or `[`; linkify makes only absolute links.
    if (token.type === 'inline' && (token.content.includes('<') || token.content.includes('['))) {
      dropRawText(token);
      markBrokenLinks(token, links);
    }
    if (!content && !(token.type === 'html_block' && isCommentOnly(token.content))) content = true;
  }

  const html = md.renderer.render(tokens, md.options, env);
  return {
    html,
    headings: env.headings,
    diagrams: env.diagrams,
    codeBlocks: env.codeBlocks,
    placedExercises: [...placed].sort((a, b) => a - b),
    empty: !content && env.headings.length <= 1,
  };
}

function alignCell(token: Token): void {
  const align = /^text-align:(left|right|center)$/.exec(token.attrGet('style') ?? '')?.[1];
  token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style');
  if (align) token.attrSet('align', align);
}

/**
 * Inline `<style>…</style>` and the like: the tags go (see containHtml) and so does everything between
 * them, which a browser would not show as text either.
 */
function dropRawText(inline: Token): void {
  let inside: string | undefined;
  if (!inline.children?.some((child) => child.type === 'html_inline')) return;
  inline.children = inline.children.filter((child) => {
    if (inside) {
      if (child.type === 'html_inline' && closesRawText(child.content, inside)) inside = undefined;
      return false;
    }
    inside = child.type === 'html_inline' ? rawTextOpened(child.content) : undefined;
    return inside === undefined;
  });
}

/** A relative link that opens no note: nothing in a webview can open it, so it shows as broken. */
function markBrokenLinks(inline: Token, links: Readonly<Record<string, string>>): void {
  for (const child of inline.children ?? []) {
    if (child.type !== 'link_open') continue;
    const href = child.attrGet('href') ?? '';
    if (href && !href.startsWith('#') && !SCHEME.test(href) && !linkedNoteKey(href, links)) child.attrJoin('class', 'broken-link');
  }
}

/** HTML made only of comments (`<!-- GFM-TOC -->`), which shows nothing. One pass, no backtracking. */
function isCommentOnly(html: string): boolean {
  for (let at = 0; ;) {
    while (at < html.length && /\s/.test(html[at])) at++;
    if (at >= html.length) return true;
    if (!html.startsWith('<!--', at)) return false;
    const end = html.indexOf('-->', at + 4);
    // An unclosed comment hides the rest of the text.
    if (end === -1) return true;
    at = end + 3;
  }
}

/**
 * The key of the note a link opens: `links` holds targets as written in the text, and markdown-it
 * percent-encodes what it renders (`a b.md` → `a%20b.md`), so both spellings are tried.
 */
export function linkedNoteKey(href: string, links: Readonly<Record<string, string>>): string | undefined {
  if (Object.hasOwn(links, href)) return links[href];
  const written = renderer().normalizeLinkText(href);
  return Object.hasOwn(links, written) ? links[written] : undefined;
}

/** The heading whose section holds `line` of the text, or undefined before the first heading. */
export function sectionAt(headings: readonly Heading[], line: number): Heading | undefined {
  let found: Heading | undefined;
  for (const heading of headings) {
    if (heading.line > line) break;
    found = heading;
  }
  return found;
}
