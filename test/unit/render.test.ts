import assert from 'node:assert/strict';
import { renderNoteBody } from '../../src/core/render';

describe('renderNoteBody', function () {
  it('highlights code, keeps mermaid for the webview and builds the table of contents', function () {
    const rendered = renderNoteBody('# 标题\n\n## 第一节\n\n```python\ndef f(): return 1\n```\n\n```mermaid\nflowchart LR\n  a --> b\n```\n\n## 第一节\n');
    assert.deepEqual(rendered.toc.map((entry) => entry.slug), ['标题', '第一节', '第一节-1']);
    assert.match(rendered.html, /<span class="hljs-keyword">def<\/span>/);
    assert.match(rendered.html, /class="diagram-source">flowchart LR\n {2}a --&gt; b/);
    assert.equal(rendered.diagramCount, 1);
    assert.deepEqual(rendered.codeBlocks, [{ language: 'python', code: 'def f(): return 1\n' }]);
  });

  it('escapes raw HTML and drops script-capable links', function () {
    const { html } = renderNoteBody('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[a](javascript:alert(1)) [b](command:workbench.action.quit) [c](vscode:extension/x) [d](https://example.com)');
    assert.ok(!/<script|<img/.test(html), html);
    assert.ok(!/href="(javascript|command|vscode):/.test(html), html);
    assert.match(html, /data-external="https:\/\/example.com"/);
  });

  it('turns links to notes into note links and marks other relative links broken', function () {
    const { html } = renderNoteBody('[闭包](../closure/closure.md) [id](note:decorator) [x](./nowhere.txt)', {
      resolveNote: (href) => (href === '../closure/closure.md' ? 'closure' : href === 'note:decorator' ? 'decorator' : undefined),
    });
    assert.match(html, /data-note-id="closure"/);
    assert.match(html, /data-note-id="decorator"/);
    assert.match(html, /data-broken-link=".\/nowhere.txt"/);
  });
});
