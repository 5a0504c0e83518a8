// What reaches the note panel: the sanitizer's allow-list (DOMPurify on a jsdom window, the same
// configuration the page uses), where images may come from, and the message parsers both sides use.
import assert from 'node:assert/strict';
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { renderNote } from '../../src/core/render';
import { MAX_DRAWING_CHARS, MAX_DRAWING_KEYS, MAX_STORED_KEYS, parseHostMessage, parsePageMessage, type NoteView } from '../../src/shared/panelMessages';
import { parseCardHostMessage, parseCardPageMessage } from '../../src/shared/quizCardMessages';
import { imageSource, type ImagePlaces } from '../../src/webview/imagePolicy';
import { placeImages, sanitizeDiagramSvg, sanitizeNoteHtml } from '../../src/webview/sanitize';

const { window } = new JSDOM('<!doctype html><body></body>');
const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
const RESOURCES = 'https://file+.vscode-resource.vscode-cdn.net';
const places: ImagePlaces = { base: `${RESOURCES}/notes/python/closure/`, roots: [`${RESOURCES}/notes/`, `${RESOURCES}/home/me/my%20notes/`], remote: true };

/** The note's HTML as the page would insert it, serialized. */
function sanitized(markdown: string): string {
  const fragment = sanitizeNoteHtml(purify, renderNote(markdown, { hook: 'H' }).html);
  placeImages(fragment, places, { blocked: 'BLOCKED', missing: 'MISSING' });
  const holder = window.document.createElement('div');
  holder.append(fragment);
  return holder.innerHTML;
}

describe('note panel sanitizer', function () {
  it('keeps layout and text elements, tables, images, details, kbd, sub/sup and br as elements', function () {
    const html = sanitized([
      '<div align="center"><img src="pic.png" width="120" height="80" alt="图"></div>',
      '',
      '<details open><summary>展开</summary>内容<kbd>Ctrl</kbd> H<sub>2</sub>O x<sup>2</sup></details>',
      '',
      '| a | b |', '|---|---|', '| 1</br>2 | 3 |',
    ].join('\n'));
    assert.match(html, /<div align="center"><img src="https:\/\/file\+\.vscode-resource\.vscode-cdn\.net\/notes\/python\/closure\/pic\.png" width="120" height="80" alt="图"><\/div>/);
    assert.match(html, /<details open=""><summary>展开<\/summary>内容<kbd>Ctrl<\/kbd> H<sub>2<\/sub>O x<sup>2<\/sup><\/details>/);
    assert.match(html, /<td>1<br>2<\/td>/);
    assert.ok(!html.includes('&lt;div'), html);
  });

  it('drops scripts, handlers, styles, forms, frames, base, meta, svg and comments', function () {
    const html = sanitized([
      '<script>window.x = 1</script>',
      '<img src="x.png" onerror="window.x = 2"><a href="#" onclick="x()">a</a>',
      '<style>body { display: none }</style><div style="position: fixed">fixed</div>',
      '<form action="https://example.com"><input name="q"><button>go</button><textarea>t</textarea></form>',
      '<iframe src="https://example.com"></iframe><object data="x"></object><embed src="x">',
      '<base href="https://example.com/"><meta http-equiv="refresh" content="0"><link rel="stylesheet" href="x.css">',
      '<svg onload="x()"><circle r="5"/></svg><math><mi>x</mi></math><template><p>t</p></template>',
      '<!-- GFM-TOC -->',
      '<main class="note-body" data-note-id="decorator">fake</main><a href="#" data-external="command:x" data-note-id="y">z</a>',
      '',
      'CANARY',
    ].join('\n'));
    for (const forbidden of ['<script', 'onerror', 'onclick', '<style', 'style=', '<form', '<input', '<button', '<textarea', '<iframe', '<object', '<embed', '<base', '<meta', '<link', '<svg', '<math', '<template', '<!--', '<main', 'data-external', 'data-note-id', 'onload']) {
      assert.ok(!html.includes(forbidden), `${forbidden} in ${html}`);
    }
    assert.match(html, /CANARY/);
  });

  it('prefixes ids with user-content- and drops names, so a note cannot clobber the page', function () {
    const html = sanitized('## Study Notes Strings\n\n<a id="study-notes-strings" name="getElementById">x</a><img name="querySelectorAll" src="a.png"><div id="user-content-kept">k</div>');
    assert.match(html, /<h2 [^>]*id="user-content-study-notes-strings"[^>]*>Study Notes Strings<\/h2>/);
    assert.match(html, /<a id="user-content-study-notes-strings">x<\/a>/);
    assert.match(html, /id="user-content-kept"/);
    assert.ok(!/ name=/.test(html), html);
  });

  it('lets only web, mail, note, anchor and relative links through', function () {
    const html = sanitized('<a href="javascript:alert(1)">1</a><a href="JaVaScRiPt&colon;alert(1)">2</a><a href="command:x">3</a><a href="vscode:x">4</a><a href="data:text/html,x">5</a><a href="https://ok">6</a><a href="mailto:a@b">7</a><a href="note:x">8</a><a href="../x.md">9</a><a href="#s">10</a>');
    for (const bad of ['javascript', 'command:', 'vscode:', 'data:']) assert.ok(!html.toLowerCase().includes(`href="${bad}`), html);
    for (const good of ['https://ok', 'mailto:a@b', 'note:x', '../x.md', '#s']) assert.ok(html.includes(`href="${good}"`), good);
  });

  it('replaces images that may not load with a placeholder naming their address, and keeps the rest', function () {
    const html = sanitized('![http](http://example.com/a.png) ![proto](//example.com/b.png) ![data](data:image/png;base64,AAAA) ![ok](https://example.com/c.png) ![out](../../../../etc/passwd) <img src="https://file+.vscode-resource.vscode-cdn.net/etc/passwd">');
    assert.match(html, /<span class="image-blocked" data-reason="insecure" title="http">BLOCKED <code>http:\/\/example.com\/a.png<\/code><\/span>/);
    assert.match(html, /data-reason="protocolRelative" title="proto">BLOCKED <code>\/\/example.com\/b.png<\/code>/);
    assert.match(html, /<img src="https:\/\/example.com\/c.png" alt="ok">/);
    assert.equal((html.match(/<img/g) ?? []).length, 1, html);
    assert.equal((html.match(/data-reason="outside"/g) ?? []).length, 2, html);
    assert.ok(!/src="(http:|\/\/|data:)/.test(html));
  });

  it('sanitizes mermaid\'s SVG with the SVG profile: its style stays, scripts, handlers, HTML and images go', function () {
    const svg = '<svg id="sn-diagram-1"><style>#sn-diagram-1 .node rect { fill: #eee; }</style><g class="node"><rect width="10" height="10" style="fill: red"/><text>A</text></g>'
      + '<script>x()</script><foreignObject><div><img src="x" onerror="x()"></div></foreignObject><image href="https://example.com/x.png"/><a href="javascript:x()"><text>b</text></a><rect onclick="x()"/></svg>';
    const clean = sanitizeDiagramSvg(purify, svg);
    // The rule survives, as the CSSOM (where there is one) writes it back.
    assert.match(clean, /<style>#sn-diagram-1 \.node rect ?\{ ?fill: (#eee|rgb\(238, 238, 238\)); ?\}<\/style>/);
    assert.match(clean, /<rect width="10" height="10" style="fill: red"/);
    for (const forbidden of ['<script', 'foreignObject', '<img', '<image', 'javascript:', 'onclick', 'onerror']) assert.ok(!clean.includes(forbidden), `${forbidden} in ${clean}`);
  });

  it('keeps only https: links in a drawing, and no style that pins a node over the page or loads anything', function () {
    const svg = '<svg><a href="http://127.0.0.1:1/pwned"><text>http</text></a><a href="https://example.com/"><text>https</text></a>'
      + '<rect style="fill:#f00;position:fixed;top:0;left:0;z-index:99;width:10px"/><rect style="fill:url(https://example.com/x)"/></svg>';
    const clean = sanitizeDiagramSvg(purify, svg);
    assert.ok(!clean.includes('127.0.0.1'), clean);
    assert.match(clean, /href="https:\/\/example.com\/"/);
    assert.ok(!/position|z-index|top:|left:|example.com\/x/.test(clean), clean);
    assert.match(clean, /fill: ?(#f00|rgb\(255, 0, 0\))/);
    assert.equal(sanitizeDiagramSvg(purify, '<svg><style>.evil > * { fill: red; position: fixed; inset: 0 }</style></svg>').includes('position'), false);
  });
});

describe('note panel image rules', function () {
  it('resolves relative images against the note folder and keeps them inside the note folders', function () {
    assert.deepEqual(imageSource('pic.png', places), { load: `${RESOURCES}/notes/python/closure/pic.png` });
    assert.deepEqual(imageSource('../../images/a b.png', places), { load: `${RESOURCES}/notes/images/a%20b.png` });
    assert.deepEqual(imageSource(`${RESOURCES}/home/me/my%20notes/x.png`, places), { load: `${RESOURCES}/home/me/my%20notes/x.png` });
    for (const outside of ['../../../../etc/passwd', '/etc/passwd', `${RESOURCES}/etc/passwd`, 'https://file%2B.vscode-resource.vscode-cdn.net/etc/passwd', 'https://vscode-remote+x.vscode-resource.vscode-cdn.net/notes/a.png', '%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '..%2f..%2f..%2f..%2fetc%2fpasswd', '..\\..\\..\\..\\etc\\passwd', `${RESOURCES}/home/me/my%20notes-other/x.png`]) {
      assert.deepEqual(imageSource(outside, places), { blocked: 'outside' }, outside);
    }
  });

  it('loads https: images only when remote images are allowed; never http:, protocol-relative or other schemes', function () {
    assert.deepEqual(imageSource('https://example.com/a.png', places), { load: 'https://example.com/a.png' });
    assert.deepEqual(imageSource('https://example.com/a.png', { ...places, remote: false }), { blocked: 'remoteOff' });
    assert.deepEqual(imageSource('http://example.com/a.png', places), { blocked: 'insecure' });
    for (const relative of ['//example.com/a.png', ' //example.com/a.png', '\\\\example.com\\a.png', '/\\example.com/a.png']) {
      assert.deepEqual(imageSource(relative, places), { blocked: 'protocolRelative' }, relative);
    }
    for (const other of ['data:image/png;base64,AAAA', 'javascript:alert(1)', 'java\tscript:alert(1)', 'file:///etc/passwd', 'vscode-resource:/etc/passwd', 'blob:https://x/y', 'ftp://example.com/a.png']) {
      assert.ok('blocked' in imageSource(other, places), other);
    }
  });
});

describe('note panel messages', function () {
  const view: NoteView = {
    key: 'k', id: 'i', title: 't', meta: 'm', canQuiz: true, text: '# t', links: { 'a.md': 'k2' }, related: [{ key: 'k2', title: 'T2' }],
    exercises: [{ id: 'e', title: 'E', ref: 'R', hasHints: false }], imageBase: 'https://x/', canGoBack: false, canGoForward: true,
  };

  it('accepts the page\'s messages it knows, and nothing else', function () {
    assert.deepEqual(parsePageMessage({ type: 'codeAction', action: 'insert', code: 'print(1)\n', language: 'py', index: 2, run: true }),
      { type: 'codeAction', action: 'insert', code: 'print(1)\n', language: 'py' });
    assert.deepEqual(parsePageMessage({ type: 'exercise', action: 'hint', exerciseId: 'e' }), { type: 'exercise', action: 'hint', exerciseId: 'e' });
    assert.deepEqual(parsePageMessage({ type: 'drawn', key: 'k', diagrams: 2, errors: [{ index: 1, message: 'Parse error' }, { index: -1, message: 'x' }, 'junk'] }),
      { type: 'drawn', key: 'k', diagrams: 2, errors: [{ index: 1, message: 'Parse error' }] });
    for (const bad of [
      null, 'ready', { type: 'eval' }, { type: 'openExternal', href: 'command:workbench.action.quit' }, { type: 'openExternal', href: 'file:///etc/passwd' },
      { type: 'codeAction', action: 'run', code: 'x', language: 'py' }, { type: 'codeAction', action: 'copy', code: 5, language: '' },
      { type: 'codeAction', action: 'copy', code: 'x' }, { type: 'codeAction', action: 'insert', index: 0 },
      { type: 'exercise', action: 'solve', exerciseId: 'e' }, { type: 'history', direction: 'up' }, { type: 'openNote', key: 5 },
    ]) assert.equal(parsePageMessage(bad), undefined, JSON.stringify(bad));
  });

  it('takes a drawing to keep on disk, and the keys of those kept, only as SHA-256s in hex, and not too large or many', function () {
    const key = 'ab'.repeat(32);
    assert.deepEqual(parsePageMessage({ type: 'keepDrawing', key, svg: '<svg/>' }), { type: 'keepDrawing', key, svg: '<svg/>' });
    assert.deepEqual(parsePageMessage({ type: 'storedDrawings', request: 3, keys: [key] }), { type: 'storedDrawings', request: 3, keys: [key] });
    // The key names a file: nothing that could leave the store's folder passes.
    for (const bad of ['../'.repeat(21) + 'x', `${key}/../x`, key.toUpperCase(), key.slice(1), `${key}.svg`, 5]) {
      assert.equal(parsePageMessage({ type: 'keepDrawing', key: bad, svg: '<svg/>' }), undefined, String(bad));
      assert.equal(parsePageMessage({ type: 'storedDrawings', request: 1, keys: [key, bad] }), undefined, String(bad));
      assert.equal(parseHostMessage({ type: 'storedKeys', keys: [key, bad] }), undefined, String(bad));
    }
    assert.deepEqual(parseHostMessage({ type: 'storedKeys', keys: [key] }), { type: 'storedKeys', keys: [key] });
    assert.deepEqual(parseHostMessage({ type: 'storedKeys', keys: [] }), { type: 'storedKeys', keys: [] });
    assert.equal(parseHostMessage({ type: 'storedKeys', keys: new Array(MAX_STORED_KEYS + 1).fill(key) }), undefined);
    assert.equal(parseHostMessage({ type: 'storedKeys', keys: key }), undefined);
    assert.equal(parsePageMessage({ type: 'keepDrawing', key, svg: 'x'.repeat(MAX_DRAWING_CHARS + 1) }), undefined);
    assert.equal(parsePageMessage({ type: 'storedDrawings', request: 1, keys: new Array(MAX_DRAWING_KEYS + 1).fill(key) }), undefined);
    assert.equal(parsePageMessage({ type: 'storedDrawings', request: -1, keys: [key] }), undefined);
    assert.deepEqual(parseHostMessage({ type: 'storedDrawings', request: 3, drawings: { [key]: '<svg/>' } }), { type: 'storedDrawings', request: 3, drawings: { [key]: '<svg/>' } });
    assert.equal(parseHostMessage({ type: 'storedDrawings', request: 3, drawings: { [key]: 5 } }), undefined);
  });

  it('accepts the host\'s messages only when they are whole', function () {
    assert.deepEqual(parseHostMessage({ type: 'show', view, scroll: { to: 'line', line: 3 } }), { type: 'show', view, scroll: { to: 'line', line: 3 } });
    assert.deepEqual(parseHostMessage({ type: 'scroll', key: 'k', scroll: { to: 'section', fragment: 'a' } }), { type: 'scroll', key: 'k', scroll: { to: 'section', fragment: 'a' } });
    for (const bad of [
      { type: 'show', view, scroll: { to: 'line', line: -1 } }, { type: 'show', view: { ...view, links: { a: 1 } }, scroll: { to: 'top' } },
      { type: 'update', view: { ...view, exercises: [{ id: 'e' }] } }, { type: 'update', view: { ...view, canQuiz: 'yes' } }, { type: 'reload' },
    ]) assert.equal(parseHostMessage(bad), undefined, JSON.stringify(bad));
  });
});

describe('quiz card messages', function () {
  it('takes only the actions a card can send, with choices and grades in range', function () {
    assert.deepEqual(parseCardPageMessage({ type: 'action', action: { type: 'answer', choices: [2, 0, 2] } }), { type: 'action', action: { type: 'answer', choices: [2, 0] } });
    assert.deepEqual(parseCardPageMessage({ type: 'action', action: { type: 'grade', grade: 3, extra: 'x' } }), { type: 'action', action: { type: 'grade', grade: 3 } });
    assert.deepEqual(parseCardPageMessage({ type: 'ready' }), { type: 'ready' });
    for (const bad of [
      null, 'ready', { type: 'action' }, { type: 'action', action: { type: 'grade', grade: 5 } }, { type: 'action', action: { type: 'grade', grade: 1.5 } },
      { type: 'action', action: { type: 'answer', choices: [] } }, { type: 'action', action: { type: 'answer', choices: [-1] } },
      { type: 'action', action: { type: 'answer', choices: '1' } }, { type: 'action', action: { type: 'run', command: 'x' } },
    ]) assert.equal(parseCardPageMessage(bad), undefined, JSON.stringify(bad));
  });

  it('shows only a well-formed step on the page', function () {
    const view = { questionId: 'q', type: 'single', heading: 'Question 1 of 1', question: '**Q**', choices: ['a', 'b'], hint: 'Pick' };
    assert.deepEqual(parseCardHostMessage({ type: 'show', view }), { type: 'show', view });
    assert.equal(parseCardHostMessage({ type: 'show', view: { ...view, choices: [1] } }), undefined);
    assert.equal(parseCardHostMessage({ type: 'show', view: { ...view, result: { answer: 'a' } } }), undefined);
    assert.equal(parseCardHostMessage({ type: 'show', view: { ...view, grades: [{ grade: 1 }] } }), undefined);
  });
});
