import assert from 'node:assert/strict';
import { parseNote } from '../../src/core/parseNote';
import { SearchIndex, tokenize } from '../../src/core/search';

const note = (id: string, body: string) => parseNote(`---\nid: ${id}\ntitle: ${id}\n---\n${body}`, `${id}.md`);

describe('full-text search', function () {
  const tcp = note('tcp', '# TCP\n\n三次握手建立连接。\n\n拥塞窗口决定发送速率。\n\n主动关闭的一方进入 TIME_WAIT。\n');
  const py = note('py', '# 偏函数\n\n`functools.partial` 固定部分参数。\n\n## 握手小结\n');
  const index = new SearchIndex([tcp, py]);

  it('indexes Chinese as characters and character pairs, English as lower-cased words', function () {
    const tokens = tokenize('拥塞窗口 TIME_WAIT');
    for (const token of ['拥', '拥塞', '塞窗', '窗口', '口', 'time_wait']) assert.ok(tokens.has(token), token);
    assert.ok(!tokens.has('口 t'));
  });

  it('finds a single character', function () {
    assert.deepEqual(index.search('塞').map((hit) => hit.note.meta.id), ['tcp']);
  });

  it('finds a Chinese phrase on the line that holds it, with its line number in the file', function () {
    const hits = index.search('三次握手');
    assert.deepEqual(hits.map((hit) => [hit.note.meta.id, hit.line, hit.text]), [['tcp', 6, '三次握手建立连接。']]);
  });

  it('finds a term the word splitter would break apart', function () {
    assert.deepEqual(index.search('拥塞窗口').map((hit) => hit.note.meta.id), ['tcp']);
  });

  it('needs every word of the query, in any case', function () {
    assert.deepEqual(index.search('FUNCTOOLS partial').map((hit) => hit.note.meta.id), ['py']);
    assert.deepEqual(index.search('functools 握手'), []);
  });

  it('ranks headings above body lines', function () {
    const hits = index.search('握手');
    assert.deepEqual(hits.map((hit) => hit.text), ['## 握手小结', '三次握手建立连接。']);
  });
});
