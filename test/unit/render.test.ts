// The note panel's renderer (core/render.ts), without a DOM: one parse gives the HTML, the headings
// and line map scrolling uses, the diagrams and code blocks, and where exercises go; raw HTML blocks
// are contained so none swallows the rest of a note (jsdom parses the result where that matters).
import assert from 'node:assert/strict';
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import MarkdownIt from 'markdown-it';
import { containHtml, NOTE_HTML_TAGS } from '../../src/core/containHtml';
import { DEPTH_LIMIT, linkedNoteKey, renderNote, sectionAt } from '../../src/core/render';
import { isRunnableLanguage } from '../../src/core/snippets/runnableLanguage';

describe('renderNote', function () {
  it('keeps raw HTML for the sanitizer, and leaves code and mermaid to the page as marked placeholders', function () {
    const rendered = renderNote('# 标题\n\n<div align="center"><img src="a.png"></div>\n\n```python\ndef f(): return 1\n```\n\n```mermaid\nflowchart LR\n  a --> b\n```\n', { hook: 'H' });
    assert.match(rendered.html, /<div align="center"><img src="a.png"><\/div>/);
    assert.match(rendered.html, /<div class="code-block" data-sn="H code 0" data-line="4"><pre><code class="language-python">def f\(\): return 1\n<\/code><\/pre><\/div>/);
    assert.match(rendered.html, /<div class="diagram" data-sn="H diagram 0" data-line="8"><pre class="diagram-source">flowchart LR\n {2}a --&gt; b\n<\/pre><\/div>/);
    assert.deepEqual(rendered.diagrams, [{ source: 'flowchart LR\n  a --> b\n', line: 8 }]);
    assert.deepEqual(rendered.codeBlocks, [{ language: 'python', code: 'def f(): return 1\n', line: 4 }]);
    assert.ok(!/hljs-/.test(rendered.html), 'highlighting is the page\'s job');
  });

  it('builds the headings from the token stream: plain text, unique slugs, lines for ATX, setext, quoted and list headings', function () {
    const text = ['# 标题 `code` [链接](x.md)', '', 'Setext 二级', '-----------', '', '> ## 引用里的标题', '', '- ## 列表里的标题', '', '## 标题 code 链接', ''].join('\n');
    const { headings, html } = renderNote(text, { hook: 'H' });
    assert.deepEqual(headings.map(({ level, text: plain, slug, line }) => [level, plain, slug, line]), [
      [1, '标题 code 链接', '标题-code-链接', 0],
      [2, 'Setext 二级', 'setext-二级', 2],
      [2, '引用里的标题', '引用里的标题', 5],
      [2, '列表里的标题', '列表里的标题', 7],
      [2, '标题 code 链接', '标题-code-链接-1', 9],
    ]);
    assert.match(html, /<h2 data-line="2" id="setext-二级" data-sn="H heading 1">/);
    assert.equal(sectionAt(headings, 0)?.slug, '标题-code-链接');
    assert.equal(sectionAt(headings, 3)?.slug, 'setext-二级', 'the underline belongs to its heading');
    assert.equal(sectionAt(headings, 6)?.slug, '引用里的标题');
    assert.equal(sectionAt(headings, 100)?.slug, '标题-code-链接-1');
    assert.equal(sectionAt(renderNote('前言\n\n## 一').headings, 0), undefined, 'before the first heading: no section');
  });

  it('maps blocks to their lines, like VS Code\'s preview', function () {
    const { html } = renderNote('段落\n\n- 项\n\n> 引用\n\n| a | b |\n|:-:|--:|\n| 1 | 2 |\n');
    for (const line of [0, 2, 4, 6]) assert.match(html, new RegExp(`data-line="${line}"`));
    assert.match(html, /<th align="center">a<\/th>/, 'table alignment becomes an attribute, not a style');
    assert.ok(!/style=/.test(html));
  });

  it('marks relative links that open no note, and resolves links written either way', function () {
    const links = { 'a%20b.md': 'k-encoded', 'c d.md': 'k-spaced', 'note:decorator': 'k-id' };
    const { html } = renderNote('[1](a%20b.md) [2](<c d.md>) [3](note:decorator) [4](./nowhere.md) [5](#section) [6](https://example.com/)', { links });
    assert.match(html, /<a href="\.\/nowhere\.md" class="broken-link">4<\/a>/);
    assert.equal((html.match(/broken-link/g) ?? []).length, 1, html);
    assert.equal(linkedNoteKey('a%20b.md', links), 'k-encoded');
    assert.equal(linkedNoteKey('c%20d.md', links), 'k-spaced', 'markdown-it writes c%20d.md for <c d.md>');
    assert.equal(linkedNoteKey('note:decorator', links), 'k-id');
    assert.equal(linkedNoteKey('constructor', links), undefined, 'no lookups through the prototype');
  });

  it('lets only web, mail, note and relative links through markdown-it', function () {
    const { html } = renderNote('[a](javascript:alert(1)) [b](command:workbench.action.quit) [c](vscode:extension/x) [d](https://example.com) [e](data:text/html,x) www.example.com README.md https://example.org');
    assert.ok(!/href="(javascript|command|vscode|data):/.test(html), html);
    assert.match(html, /href="https:\/\/example.com"/);
    assert.match(html, /<a href="https:\/\/example.org">/, 'URLs with a scheme are linked');
    assert.ok(!/href="http:\/\/README.md"/.test(html), 'file names are not mistaken for domains');
  });

  it('cuts nesting past the depth limit visibly and keeps everything after it', function () {
    for (const text of [
      `${'>'.repeat(150)} 深\n\n后面的段落\n`,
      `${'>'.repeat(150)} 深\n懒惰续行\n\n后面的段落\n`,
      `${Array.from({ length: 150 }, (_, i) => `${'  '.repeat(i)}- 第 ${i + 1} 层`).join('\n')}\n\n后面的段落\n`,
      `${'> - '.repeat(75)}混合\n\n后面的段落\n`,
    ]) {
      const { html } = renderNote(text, { hook: 'H' });
      assert.match(html, /<div class="depth-limit" data-sn="H cut 0"/, text.slice(0, 20));
      assert.match(html, /<p data-line="\d+">后面的段落<\/p>/, 'the rest of the note is rendered');
      assert.ok(html.includes('深') || html.includes('层') || html.includes('混合'), 'the cut text is shown as text');
      assert.ok(new MarkdownIt().render(text).length > 0);
    }
    assert.ok(!renderNote(`${'>'.repeat(DEPTH_LIMIT - 1)} 不深`).html.includes('depth-limit'));
  });

  it('says where exercises go and when a topic is empty', function () {
    const rendered = renderNote('## 题目：实现 LRU\n\n描述\n\n## **另一题**\n', { hook: 'H', exercises: [{ ref: '题目：实现 LRU' }, { ref: '没有这个标题' }, { ref: '另一题' }] });
    assert.deepEqual(rendered.placedExercises, [0, 2]);
    assert.match(rendered.html, /<\/h2>\n<div class="exercise-actions" data-sn="H exercise 0"><\/div>/);
    assert.match(rendered.html, /data-sn="H exercise 2"/);
    assert.equal(rendered.empty, false);
    assert.equal(renderNote('## 空的主题\n').empty, true);
    assert.equal(renderNote('## 空的主题\n\n<!-- GFM-TOC -->\n').empty, true);
    assert.equal(renderNote('').empty, true);
    assert.equal(renderNote('## 有子标题\n\n### 子\n').empty, false);
  });

  it('finds code blocks (quoted ones too, diagrams not) and knows which can run', function () {
    const text = '```py\nprint(1)\n```\n\n    indented\n\n```mermaid\nflowchart LR\n```\n\n> ```sql\n> select 1\n> ```\n';
    assert.deepEqual(renderNote(text).codeBlocks.map((block) => [block.language, block.code]), [['py', 'print(1)\n'], ['', 'indented\n'], ['sql', 'select 1\n']]);
    assert.deepEqual(['python', 'py', 'python3', '', 'sql', 'bash', 'pycon'].map(isRunnableLanguage), [true, true, true, false, false, false, false]);
  });

  it('stays linear on hostile input', function () {
    const started = performance.now();
    renderNote(`${'<!---->'.repeat(20_000)}x`);
    renderNote('*a '.repeat(50_000));
    renderNote(`## a${' '.repeat(1_000_000)}b`);
    assert.ok(performance.now() - started < 5000, `${performance.now() - started} ms`);
  });
});

describe('containHtml', function () {
  it('keeps only the tags the panel allows: others go with their text kept, raw-text elements and comments go whole', function () {
    assert.equal(containHtml('<div align="center"><style>p { x }</style><img src="a.png"><!-- c --></div>'), '<div align="center"><img src="a.png"></div>');
    assert.equal(containHtml('<form action="x"><input name="q"><button>go</button></form><video><source src="v"></video>'), 'go');
    assert.equal(containHtml('<form><math><mtext></form><form><mglyph><style></math><img src="x" onerror="y">'), '<img src="x" onerror="y">');
    assert.equal(containHtml('<SCRIPT >x</SCRIPT ><svg><text>t</text></svg><details open><summary>s</summary>'), 't<details open><summary>s</summary>');
    assert.equal(containHtml('<plaintext>everything after'), 'everything after', 'no end tag: only the tag goes');
    assert.equal(containHtml('<!DOCTYPE html><?xml x?><![CDATA[ y ]]>z'), 'z');
  });

  it('shows what is still open at the end of a block as text', function () {
    assert.equal(containHtml('<b>a</b><img alt="never closed><i>'), '<b>a</b>&lt;img alt=&quot;never closed&gt;&lt;i&gt;');
    assert.equal(containHtml('<!-- never closed <b>'), '&lt;!-- never closed &lt;b&gt;');
    assert.equal(containHtml('<![CDATA[ x'), '&lt;![CDATA[ x');
    assert.equal(containHtml('<div'), '&lt;div');
    assert.equal(containHtml('<!-- a --><!--><!--->a < b <3 </>'), 'a < b <3 ');
    assert.equal(containHtml(`<a title='a>b' href=x>t</a>`), `<a title='a>b' href=x>t</a>`);
  });

  it('keeps a note\'s HTML from swallowing what follows', function () {
    for (const block of ['<style>', '<select><option>', '<!--', '<img alt="', '<textarea>', '<svg><style>', '<mtext>', '<video>', '<form><mtext></form><form>', 'a <style> b', '<title>']) {
      const { html } = renderNote(`${block}\n\nCANARY`);
      const { window } = new JSDOM('<!doctype html><body></body>');
      const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
      const clean = purify.sanitize(html, { ALLOWED_TAGS: [...NOTE_HTML_TAGS], RETURN_DOM_FRAGMENT: true });
      assert.match(clean.textContent ?? '', /CANARY/, block);
    }
  });

  it('drops inline raw text with its tags', function () {
    const { html } = renderNote('文字 <style>@import url("http://127.0.0.1/x");</style> 之后 <b>粗</b>');
    assert.equal(html.trim(), '<p data-line="0">文字  之后 <b>粗</b></p>');
  });

  it('is linear on long input', function () {
    const started = performance.now();
    containHtml(`<div ${'data-a="1" '.repeat(20_000)}>`);
    containHtml('<'.repeat(100_000));
    containHtml(`<a title="${'x'.repeat(200_000)}`);
    containHtml('<!--'.repeat(50_000));
    containHtml('<a =" '.repeat(50_000));
    containHtml('<style></style>'.repeat(50_000));
    containHtml(`${'<style>'.repeat(50_000)}</style`);
    assert.ok(performance.now() - started < 1000, `${performance.now() - started} ms`);
  });
});
