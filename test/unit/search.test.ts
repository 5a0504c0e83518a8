// Full-text search: the note-level inverted index over Chinese character pairs and English words
// (`SearchIndex` with a source that reads candidate notes' lines), and the language service's
// search over the model, kept up to date one changed note at a time.
import assert from 'node:assert/strict';
import { MemoryFileSystem } from '../../src/core/noteModel/fileSystem';
import fc from 'fast-check';
import { SearchIndex, lineHolder, queryTokens, type SearchSource } from '../../src/core/search';
import { startService } from '../support/memoryService';

const frontMatter = (id: string) => `---\nid: ${id}\ntitle: ${id}\n---\n`;
const NOTES: Record<string, string> = {
  tcp: `${frontMatter('tcp')}# TCP\n\n三次握手建立连接。\n\n拥塞窗口决定发送速率。\n\n主动关闭的一方进入 TIME_WAIT。\n`,
  py: `${frontMatter('py')}# 偏函数\n\n\`functools.partial\` 固定部分参数。\n\n## 握手小结\n`,
};

/** The index over NOTES, and a source that reads their lines the way the server does. */
function notesIndex(): { index: SearchIndex; source: SearchSource; reads: string[] } {
  const index = new SearchIndex();
  for (const [key, text] of Object.entries(NOTES)) index.add(key, text);
  const reads: string[] = [];
  const source: SearchSource = {
    lines: async (key) => {
      reads.push(key);
      return NOTES[key] === undefined ? undefined : { firstLine: 0, lines: NOTES[key].split('\n') };
    },
    priority: () => 0,
  };
  return { index, source, reads };
}

describe('full-text search index', function () {
  const { index, source } = notesIndex();
  const search = async (query: string) => index.search(query, source);

  it('indexes Chinese as characters and character pairs, English as lower-cased words', function () {
    const one = new SearchIndex();
    one.add('line', '拥塞窗口 TIME_WAIT');
    for (const query of ['拥', '拥塞', '塞窗', '窗口', '口', 'time_wait', 'Time_Wait']) assert.deepEqual(one.candidates(query), ['line'], query);
    for (const query of ['窗拥', 'time', 'wait', '口t']) assert.deepEqual(one.candidates(query), [], query);
    assert.deepEqual(queryTokens('拥塞窗口').tokens, ['拥塞', '塞窗', '窗口']);
  });

  it('matches a line without tokenizing it exactly when the line, as a note of its own, would be a candidate', function () {
    // Small alphabets, so that queries often hit: CJK, Latin with case and accents, digits, `_`,
    // an astral letter, and separators.
    const piece = fc.constantFrom('拥', '塞', '窗', '口', 'a', 'B', 'é', 'İ', 'ß', '1', '_', '𝒜', ' ', '.', '-', '，', 'ab', 'time_wait');
    const text = fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join(''));
    fc.assert(fc.property(text, text, (line, query) => {
      const one = new SearchIndex();
      one.add('line', line);
      const { tokens } = queryTokens(query);
      fc.pre(tokens.length > 0);
      assert.equal(lineHolder(tokens)(line.toLowerCase()), one.candidates(query).length === 1);
    }), { seed: 15, numRuns: 5000 });
  });

  it('finds a single character', async function () {
    assert.deepEqual((await search('塞')).map((hit) => hit.key), ['tcp']);
  });

  it('finds a Chinese phrase on the line that holds it, with its line number in the file', async function () {
    assert.deepEqual((await search('三次握手')).map((hit) => [hit.key, hit.line, hit.text]), [['tcp', 6, '三次握手建立连接。']]);
  });

  it('finds a term the word splitter would break apart', async function () {
    assert.deepEqual((await search('拥塞窗口')).map((hit) => hit.key), ['tcp']);
  });

  it('needs every word of the query, in any case', async function () {
    assert.deepEqual((await search('FUNCTOOLS partial')).map((hit) => hit.key), ['py']);
    assert.deepEqual(await search('functools 握手'), []);
    assert.deepEqual(await search('   '), []);
  });

  it('ranks headings above body lines', async function () {
    assert.deepEqual((await search('握手')).map((hit) => hit.text), ['## 握手小结', '三次握手建立连接。']);
  });

  it('reads only the candidate notes, and forgets a removed note', async function () {
    const own = notesIndex();
    await own.index.search('拥塞', own.source);
    assert.deepEqual(own.reads, ['tcp']);
    own.index.remove('tcp');
    assert.equal(own.index.has('tcp'), false);
    assert.deepEqual(await own.index.search('拥塞', own.source), []);
    own.index.add('tcp', '拥塞');
    assert.deepEqual(own.index.candidates('拥塞'), ['tcp']);
  });

  it('stays correct after many removals compact the index', async function () {
    const big = new SearchIndex();
    for (let i = 0; i < 3000; i++) big.add(`n${i}`, i % 2 === 0 ? `偶数 ${i}` : `奇数 ${i}`);
    for (let i = 0; i < 2000; i++) big.remove(`n${i}`);
    assert.equal(big.size, 1000);
    assert.equal(big.candidates('偶数').length, 500);
    assert.deepEqual(big.candidates('2999'), ['n2999']);
  });

  it('finds the same notes as a plain set of notes per word, for rare and common words, across removals and re-adds', function () {
    const index = new SearchIndex();
    const expected = new Map<string, Set<string>>([['常见', new Set()], ['稀有', new Set()], ['中等', new Set()]]);
    const wordsOf = (i: number): string[] => ['常见', ...(i % 257 === 0 ? ['稀有'] : []), ...(i % 7 === 0 ? ['中等'] : [])];
    const put = (key: string, words: string[]): void => {
      index.add(key, words.join(' '));
      for (const [word, keys] of expected) {
        if (words.includes(word)) keys.add(key);
        else keys.delete(key);
      }
    };
    for (let i = 0; i < 6000; i++) put(`n${i}`, wordsOf(i));
    // A fixed pseudo-random order of removals (enough to compact), then some notes come back with other words.
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let removed = 0; removed < 2500; removed++) {
      const key = `n${next() % 6000}`;
      index.remove(key);
      for (const keys of expected.values()) keys.delete(key);
    }
    for (let i = 0; i < 300; i++) put(`n${next() % 6000}`, wordsOf(i * 257));
    for (const [word, keys] of expected) assert.deepEqual(new Set(index.candidates(word)), keys, word);
    assert.deepEqual(new Set(index.candidates('常见 稀有')), expected.get('稀有'));
  });
});

describe('adding a large note between other work', function () {
  /** Pauses after every `every` lines, for a turn of the event loop, counting them. */
  const everyLines = (every: number) => {
    let lines = 0;
    const pauses = { count: 0, pause: (): Promise<void> | undefined => {
      if (++lines % every !== 0) return undefined;
      pauses.count++;
      return new Promise((resolve) => setImmediate(resolve));
    } };
    return pauses;
  };
  const bigNote = Array.from({ length: 5000 }, (_, i) => `第 ${i} 行 word${i}`).join('\n');

  it('indexes it as an add at once does, while other notes are removed and the index compacts', async function () {
    const sliced = new SearchIndex();
    const atOnce = new SearchIndex();
    for (let i = 0; i < 3000; i++) {
      sliced.add(`n${i}`, `第 ${i} 行`);
      atOnce.add(`n${i}`, `第 ${i} 行`);
    }
    const pauses = everyLines(500);
    const adding = sliced.addInSlices('big', bigNote, pauses, () => true);
    // During the first pause: 2,000 removals, enough to compact (renumber) the index.
    await new Promise((resolve) => setImmediate(resolve));
    for (let i = 0; i < 2000; i++) sliced.remove(`n${i}`);
    assert.equal(await adding, true);
    atOnce.add('big', bigNote);
    for (let i = 0; i < 2000; i++) atOnce.remove(`n${i}`);
    assert.equal(pauses.count, 10);
    for (const query of ['第', '行', 'word0', 'word4999', '2500', '2999']) {
      assert.deepEqual(new Set(sliced.candidates(query)), new Set(atOnce.candidates(query)), query);
    }
    assert.deepEqual(sliced.candidates('2999'), ['n2999', 'big'], 'the lists stay in order after the renumbering');
  });

  it('gives up when the note is no longer wanted or was removed during a pause, and lets the next add start', async function () {
    const index = new SearchIndex();
    assert.equal(await index.addInSlices('big', bigNote, everyLines(100), () => false), false);
    assert.deepEqual(index.candidates('word4999'), [], 'gave up after 100 lines');
    assert.deepEqual(index.candidates('word0'), ['big'], 'partly indexed until added again');
    const removed = index.addInSlices('big', bigNote, everyLines(100), () => true);
    index.remove('big');
    assert.equal(await removed, false);
    assert.equal(index.has('big'), false);
    index.add('small', 'word4999');
    assert.deepEqual(index.candidates('word4999'), ['small']);
  });

  it('refuses a second add while one is paused (ordinals must only grow)', async function () {
    const index = new SearchIndex();
    const adding = index.addInSlices('big', bigNote, everyLines(100), () => true);
    assert.throws(() => index.add('other', 'x'), /"other" was added while another note's add was paused/);
    assert.equal(await adding, true);
    index.add('other', 'word1');
    assert.deepEqual(index.candidates('word1'), ['big', 'other']);
  });
});

describe('searching notes through the language service', function () {
  this.timeout(10_000);

  it('searches every note once the background build is done, and follows edits of one note', async function () {
    const fs = new MemoryFileSystem(Object.fromEntries(Object.entries(NOTES).map(([id, text]) => [`/notes/${id}.md`, text])));
    fs.write('/notes/other.md', `${frontMatter('other')}# 别的\n\n无关的内容。\n`);
    const t = await startService({ fs });
    await waitUntil(() => t.service.searchReady);
    const result = await t.service.searchNotes('拥塞窗口');
    assert.equal(result.partial, false);
    assert.deepEqual(result.hits.map((hit) => [hit.note.id, hit.line, hit.text]), [['tcp', 8, '拥塞窗口决定发送速率。']]);
    // Let the model's batched change notice of the first indexing pass go by.
    await new Promise((resolve) => setTimeout(resolve, 150));
    const otherReads = fs.reads.get('/notes/other.md');
    fs.write('/notes/py.md', `${frontMatter('py')}# 偏函数\n\n拥塞窗口也在这里。\n`);
    await t.service.model.fileChanged('/notes/py.md');
    await waitUntil(async () => (await t.service.searchNotes('拥塞窗口')).hits.length === 2);
    assert.deepEqual((await t.service.searchNotes('functools')).hits, [], 'the old text of the edited note is gone');
    assert.equal(fs.reads.get('/notes/other.md'), otherReads, 'a note that neither changed nor matches is not read again');
  });
});

describe('the background search build', function () {
  it('reads each note once more after indexing, not a third time when the first change notice arrives', async function () {
    const fs = new MemoryFileSystem(Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`/notes/n${i}.md`, `# 笔记 ${i}\n`])));
    const t = await startService({ fs });
    await waitUntil(() => t.service.searchReady);
    await new Promise((resolve) => setTimeout(resolve, 150));
    assert.deepEqual(new Set(fs.reads.values()), new Set([2]), JSON.stringify([...fs.reads]));
  });
});

describe('a large note edited while its search tokens are added', function () {
  this.timeout(20_000);

  it('ends with the newest text indexed, and search says it is partial until then', async function () {
    const fs = new MemoryFileSystem({ '/notes/small.md': `${frontMatter('small')}# 小\n` });
    const t = await startService({ fs });
    await waitUntil(() => t.service.searchReady);
    const big = (last: string) => `${frontMatter('big')}# 大\n${'普通的一行 filler\n'.repeat(200_000)}${last}\n`;
    fs.write('/notes/big.md', big('alphaword'));
    await t.service.model.fileChanged('/notes/big.md');
    await waitUntil(async () => (await t.service.searchNotes('filler')).partial);
    fs.write('/notes/big.md', big('omegaword'));
    await t.service.model.fileChanged('/notes/big.md');
    await waitUntil(async () => !(await t.service.searchNotes('filler')).partial, 15_000);
    assert.deepEqual((await t.service.searchNotes('omegaword')).hits.map((hit) => hit.line), [200_005]);
    assert.deepEqual((await t.service.searchNotes('alphaword')).hits, []);
  });
});

async function waitUntil(test: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
