// Syntax colours for the panel's code blocks with highlight.js, off the rendering path: blocks in
// view are coloured before the page paints, the others when they scroll into view, and each
// language + text is highlighted once per page (going back to a note costs nothing).
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

for (const [name, language] of Object.entries({ bash, c, http, ini, javascript, json, python, sql, xml, yaml })) {
  hljs.registerLanguage(name, language);
}
hljs.registerAliases(['py', 'python3'], { languageName: 'python' });
hljs.registerAliases(['sh', 'shell', 'console'], { languageName: 'bash' });
hljs.registerAliases(['html'], { languageName: 'xml' });
hljs.registerAliases(['nginx', 'conf'], { languageName: 'ini' });

const CACHE_LIMIT = 500;

export interface CodeToColour {
  element: HTMLElement;
  language: string;
  code: string;
}

export class Highlighter {
  private readonly cache = new Map<string, string>();
  private readonly waiting = new Map<Element, CodeToColour>();
  private readonly observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      const block = entry.isIntersecting ? this.waiting.get(entry.target) : undefined;
      if (block) this.colour(block);
    }
  }, { rootMargin: '400px 0px' });

  /** Colours the blocks in view now and the rest as they come into view; forgets blocks of earlier notes. */
  watch(blocks: readonly CodeToColour[]): void {
    this.observer.disconnect();
    this.waiting.clear();
    const height = window.innerHeight;
    for (const block of blocks) {
      if (!block.language || !hljs.getLanguage(block.language)) continue;
      const { top, bottom } = block.element.getBoundingClientRect();
      if (bottom >= 0 && top <= height) {
        this.colour(block);
      } else {
        this.waiting.set(block.element, block);
        this.observer.observe(block.element);
      }
    }
  }

  private colour(block: CodeToColour): void {
    this.waiting.delete(block.element);
    this.observer.unobserve(block.element);
    const key = `${block.language}\n${block.code}`;
    let html = this.cache.get(key);
    if (html === undefined) {
      html = hljs.highlight(block.code, { language: block.language, ignoreIllegals: true }).value;
      if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(key, html);
    }
    // highlight.js escapes the code and adds only <span class="hljs-…"> around it.
    block.element.innerHTML = html;
    block.element.classList.add('hljs');
  }
}
