// Renders a note body to HTML for the note panel: markdown-it with raw HTML off, an allow-list of
// link kinds, highlight.js for code, mermaid sources left for the webview to draw, and heading ids
// for the table of contents.
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import c from 'highlight.js/lib/languages/c';
import http from 'highlight.js/lib/languages/http';
import ini from 'highlight.js/lib/languages/ini';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import python from 'highlight.js/lib/languages/python';
import sql from 'highlight.js/lib/languages/sql';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';
import MarkdownIt from 'markdown-it';
import { escapeHtml, slugify } from './text';

for (const [name, language] of Object.entries({ bash, c, http, ini, javascript, json, python, sql, xml, yaml })) {
  hljs.registerLanguage(name, language);
}
hljs.registerAliases(['py'], { languageName: 'python' });
hljs.registerAliases(['sh', 'shell', 'console'], { languageName: 'bash' });
hljs.registerAliases(['html'], { languageName: 'xml' });
hljs.registerAliases(['nginx', 'conf'], { languageName: 'ini' });

export interface RenderOptions {
  /** Maps a link target (`note:id` or a relative `.md` path) to a note id, or undefined. */
  resolveNote?: (href: string) => string | undefined;
}

export interface TocEntry {
  level: number;
  text: string;
  slug: string;
}

export interface CodeBlock {
  language: string;
  code: string;
}

export interface RenderedNote {
  html: string;
  toc: TocEntry[];
  diagramCount: number;
  /** Code listings in order; the panel's buttons refer to them by index. */
  codeBlocks: CodeBlock[];
}

interface RenderEnv {
  toc: TocEntry[];
  slugs: Map<string, number>;
  diagrams: number;
  codeBlocks: CodeBlock[];
}

const SAFE_EXTERNAL = /^(https?:|mailto:)/i;


function createRenderer(): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
  // markdown-it's own check lets `command:` and `vscode:` through; only these kinds may stay links.
  md.validateLink = (url) => SAFE_EXTERNAL.test(url) || url.startsWith('#') || url.startsWith('note:') || !/^[a-z][a-z0-9+.-]*:/i.test(url);
  md.renderer.rules.fence = (tokens, index, _options, env: RenderEnv) => {
    const token = tokens[index];
    const language = token.info.trim().split(/\s+/)[0].toLowerCase();
    if (language === 'mermaid') {
      // The webview draws it with the bundled mermaid; until then the source shows as text.
      return `<div class="diagram" data-diagram="${env.diagrams++}"><pre class="diagram-source">${escapeHtml(token.content)}</pre></div>\n`;
    }
    const block = env.codeBlocks.push({ language, code: token.content }) - 1;
    const languageClass = language ? ` language-${escapeHtml(language)}` : '';
    return `<div class="code-block" data-code-block="${block}"><pre><code class="hljs${languageClass}">${highlight(token.content, language)}</code></pre></div>\n`;
  };
  return md;
}

let renderer: MarkdownIt | undefined;

export function renderNoteBody(body: string, options: RenderOptions = {}): RenderedNote {
  renderer ??= createRenderer();
  const md = renderer;
  const env: RenderEnv = { toc: [], slugs: new Map(), diagrams: 0, codeBlocks: [] };
  const tokens = md.parse(body, env);

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type === 'heading_open') {
      const text = tokens[i + 1].content;
      const base = slugify(text);
      const seen = env.slugs.get(base) ?? 0;
      env.slugs.set(base, seen + 1);
      const slug = seen === 0 ? base : `${base}-${seen}`;
      token.attrSet('id', slug);
      env.toc.push({ level: Number(token.tag.slice(1)), text, slug });
    }
    if (token.type === 'inline') {
      for (const child of token.children ?? []) {
        if (child.type !== 'link_open') continue;
        const href = child.attrGet('href') ?? '';
        const noteId = options.resolveNote?.(href);
        if (noteId) {
          child.attrSet('href', '#');
          child.attrSet('data-note-id', noteId);
        } else if (SAFE_EXTERNAL.test(href)) {
          child.attrSet('data-external', href);
        } else if (!href.startsWith('#')) {
          // A relative link that is not a note: nothing in a webview can open it safely.
          child.attrSet('href', '#');
          child.attrSet('data-broken-link', href);
        }
      }
    }
  }

  const html = md.renderer.render(tokens, md.options, env);
  return { html, toc: env.toc, diagramCount: env.diagrams, codeBlocks: env.codeBlocks };
}

export function highlight(code: string, language: string): string {
  if (language && hljs.getLanguage(language)) return hljs.highlight(code, { language, ignoreIllegals: true }).value;
  return escapeHtml(code);
}
