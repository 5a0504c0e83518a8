// The one note model (issue 11) on an in-memory folder that counts its reads: a created, changed,
// deleted or renamed note updates only that note; duplicate declared ids; ids derived from Chinese
// file names, unique and stable; bundled and user namespaces; the persisted cache (hit, miss,
// corrupt); and bad input — vanished folders, symlink loops and unreadable files on the real disk,
// 10 MB and binary notes.
import assert from 'node:assert/strict';
import nodeFs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { NoteFolder, NoteSummary } from '../../src/core/model';
import { MemoryFileSystem } from '../../src/core/noteModel/fileSystem';
import { deserializeCache, NOTE_CACHE_VERSION, serializeCache, type CacheKey, type CachedNote, type NoteCache } from '../../src/core/noteModel/noteCache';
import { NoteModel, type ModelChange } from '../../src/core/noteModel/noteModel';
import { pathHash, pathId } from '../../src/core/notes/noteIds';
import { expandLink } from '../../src/core/notes/noteLinks';
import { FileNoteCache, NodeFileSystem } from '../../src/server/nodeFileSystem';
import { generateNotes } from '../support/generateNotes';
import { bodiesDone, scanBodies, startService } from '../support/memoryService';

const user = (root = '/notes'): NoteFolder => ({ root, namespace: 'user' });
const bundled = (root = '/ext/notes'): NoteFolder => ({ root, namespace: 'bundled' });
const note = (id: string, title = id, extra = '') => `---\nid: ${id}\ntitle: ${title}\n${extra}---\n# ${title}\n`;

async function modelOf(files: Record<string, string> | MemoryFileSystem, options: { folders?: NoteFolder[]; cache?: NoteCache; locale?: 'en' | 'zh-cn' } = {}) {
  const fs = files instanceof MemoryFileSystem ? files : new MemoryFileSystem(files);
  const model = new NoteModel({ fs, cache: options.cache, locale: options.locale });
  await model.configure({ folders: options.folders ?? [user()], topicFiles: [] });
  return { fs, model };
}

/** Path → id of every note, sorted by path. */
const idsOf = (model: NoteModel): [string, string][] => [...model.all()].map((n): [string, string] => [n.path, n.id]).sort((a, b) => (a[0] < b[0] ? -1 : 1));
const settle = (ms = 80) => new Promise((resolve) => setTimeout(resolve, ms));

/** A cache held as the text the server would write to disk, so the real (de)serialization runs. */
class MemoryCache implements NoteCache {
  loads = 0;
  constructor(public text?: string) {}
  async load(key: CacheKey): Promise<CachedNote[] | undefined> {
    this.loads++;
    return this.text === undefined ? undefined : deserializeCache(this.text, key);
  }
  async save(key: CacheKey, notes: CachedNote[]): Promise<void> {
    this.text = serializeCache(key, notes);
  }
}

describe('note model: incremental updates', function () {
  const files = () => ({
    '/notes/a.md': note('a', '甲', 'related: [b]\ntags: [共同, 甲类]\n') + '见[丙](c.md)和[乙](note:b)。\n',
    '/notes/b.md': note('b', '乙', 'tags: [共同]\ncovers: [functools.partial]\n'),
    '/notes/c.md': note('c', '丙'),
    '/notes/sub/d.md': note('d', '丁'),
    '/notes/plain note.md': '# 普通笔记\n',
  });

  it('reads each note once when indexing', async function () {
    const { fs, model } = await modelOf(files());
    assert.equal(model.size, 5);
    assert.deepEqual([...fs.reads.values()], [1, 1, 1, 1, 1]);
  });

  it('reads a created note alone and adds its cross-note facts', async function () {
    const { fs, model } = await modelOf(files());
    assert.equal(await scanBodies(model), 5);
    fs.write('/notes/new.md', note('new', '新', 'related: [c]\ntags: [共同]\n'));
    await model.fileChanged('/notes/new.md');
    assert.equal(fs.reads.get('/notes/new.md'), 1);
    assert.equal(fs.totalReads, 11, 'no other note is read again');
    assert.equal(model.resolveId('new', 'user')?.title, '新');
    assert.deepEqual(model.referencesTo(model.resolveId('c', 'user')!).map((reference) => [path.basename(reference.from.path), reference.kind]).sort(),
      [['a.md', 'fileLink'], ['new.md', 'related']]);
    assert.equal(model.tags()[0], '共同');
  });

  it('reads a changed note alone; the other notes keep their summaries', async function () {
    const { fs, model } = await modelOf(files());
    const before = new Map([...model.all()].map((summary) => [summary.key, summary]));
    fs.write('/notes/b.md', note('b2', '乙二', 'tags: [新标签]\n'));
    await model.fileChanged('/notes/b.md');
    assert.equal(fs.reads.get('/notes/b.md'), 2);
    assert.equal(fs.totalReads, 6);
    for (const [key, summary] of before) if (key !== '/notes/b.md') assert.equal(model.get(key), summary, key);
    assert.equal(model.resolveId('b', 'user'), undefined);
    assert.equal(model.resolveId('b2', 'user')?.title, '乙二');
    assert.deepEqual(model.covering('functools.partial'), []);
    assert.deepEqual(model.tags().sort(), ['共同', '新标签', '甲类'].sort());
    // The note that names the old id now has a dangling related id and link.
    const a = model.setOpenText('/notes/a.md', await fs.readFile('/notes/a.md') ?? '')!;
    assert.deepEqual(model.crossProblems(a).map((problem) => problem.message), ['Related id "b" matches no note.', 'Link target "note:b" matches no note.']);
  });

  it('drops a deleted note with its id, tags, references and covered words, reading nothing', async function () {
    const { fs, model } = await modelOf(files());
    fs.delete('/notes/b.md');
    await model.fileChanged('/notes/b.md');
    assert.equal(fs.totalReads, 5);
    assert.equal(model.size, 4);
    assert.equal(model.get('/notes/b.md'), undefined);
    assert.equal(model.resolveId('b', 'user'), undefined);
    assert.deepEqual(model.covering('functools.partial'), []);
    assert.deepEqual(model.tags().sort(), ['共同', '甲类'].sort());
  });

  it('follows a rename: a declared id moves with the file, relative links to the old path dangle', async function () {
    const { fs, model } = await modelOf(files());
    await scanBodies(model);
    const before = fs.totalReads;
    const text = (await fs.readFile('/notes/c.md'))!;
    fs.delete('/notes/c.md');
    fs.write('/notes/moved/c.md', text);
    await model.fileChanged('/notes/c.md');
    await model.fileChanged('/notes/moved/c.md');
    assert.equal(fs.reads.get('/notes/moved/c.md'), 1);
    assert.equal(fs.totalReads - before, 2, 'the test\'s own read of the old file, and the new file once');
    assert.equal(await scanBodies(model), 1, 'only the moved note\'s body is read again');
    const c = model.resolveId('c', 'user')!;
    assert.equal(c.path, '/notes/moved/c.md');
    const a = model.get('/notes/a.md')!;
    const fileLink = a.links.map(expandLink).find((link) => link?.kind === 'file')!;
    assert.equal(model.resolveLink(a, fileLink), undefined);
    assert.deepEqual(model.referencesTo(c), []);
  });

  it('gives a renamed note without front matter the id of its new path', async function () {
    const { fs, model } = await modelOf(files());
    assert.equal(model.get('/notes/plain note.md')?.id, 'plain-note');
    fs.delete('/notes/plain note.md');
    fs.write('/notes/其他/新名字.md', '# 普通笔记\n');
    await model.fileChanged('/notes/plain note.md');
    await model.fileChanged('/notes/其他/新名字.md');
    assert.equal(model.resolveId('plain-note', 'user'), undefined);
    assert.equal(model.resolveId('其他/新名字', 'user')?.path, '/notes/其他/新名字.md');
  });

  it('tells its listeners which notes changed, batched', async function () {
    const { fs, model } = await modelOf(files());
    const changes: ModelChange[] = [];
    model.onDidChange((change) => changes.push(change));
    fs.write('/notes/a.md', note('a', '甲二'));
    fs.write('/notes/c.md', note('c', '丙二'));
    await model.fileChanged('/notes/a.md');
    await model.fileChanged('/notes/c.md');
    await settle();
    assert.deepEqual(changes.map((change) => change.keys.sort()), [['/notes/a.md', '/notes/c.md']]);
    model.dispose();
  });

  it('lets an editor\'s text take over, ignores the disk meanwhile, and goes back to the disk on close', async function () {
    const { fs, model } = await modelOf(files());
    const parsed = model.setOpenText('/notes/c.md', note('c', '丙（编辑中）'));
    assert.equal(parsed?.summary.title, '丙（编辑中）');
    assert.equal(model.get('/notes/c.md')?.title, '丙（编辑中）');
    assert.equal(model.parsed('/notes/c.md'), parsed);
    fs.write('/notes/c.md', note('c', '丙（磁盘）'));
    await model.fileChanged('/notes/c.md');
    assert.equal(model.get('/notes/c.md')?.title, '丙（编辑中）', 'the editor wins over the disk');
    assert.equal(await model.text(model.get('/notes/c.md')!), note('c', '丙（编辑中）'));
    await model.closeOpenText('/notes/c.md');
    assert.equal(model.get('/notes/c.md')?.title, '丙（磁盘）');
    assert.equal(model.parsed('/notes/c.md'), undefined);
    assert.equal(fs.totalReads, 6, 'only the closed note is read again');
  });

  it('knows which files are notes', async function () {
    const { model } = await modelOf(files());
    assert.equal(model.isNoteFile('/notes/a/b.md'), true);
    assert.equal(model.isNoteFile('/notes/README.md'), true, 'a README in a note folder is a note');
    assert.equal(model.isNoteFile('/notes/x.markdown'), true);
    assert.equal(model.isNoteFile('/notes/x.txt'), false);
    assert.equal(model.isNoteFile('/elsewhere.md'), false);
    assert.equal(model.isNoteFile('/notes-other/x.md'), false);
  });

  it('indexes an added folder and drops a removed one without reading the other notes again', async function () {
    const fs = new MemoryFileSystem({ ...files(), '/more/e.md': note('e') });
    const { model } = await modelOf(fs);
    assert.equal(fs.reads.get('/more/e.md'), undefined);
    await model.configure({ folders: [user(), user('/more')], topicFiles: [] });
    assert.equal(fs.reads.get('/more/e.md'), 1);
    assert.equal(fs.totalReads, 6);
    await model.configure({ folders: [user('/more')], topicFiles: [] });
    assert.deepEqual([...model.all()].map((summary) => summary.id), ['e']);
    assert.equal(fs.totalReads, 6);
  });

  it('applies the latest of several configurations sent in a row', async function () {
    const fs = new MemoryFileSystem({ '/a/x.md': note('x'), '/b/y.md': note('y'), '/c/z.md': note('z') });
    const model = new NoteModel({ fs });
    void model.configure({ folders: [user('/b')], topicFiles: [] });
    await model.configure({ folders: [user('/a'), user('/b')], topicFiles: [] });
    assert.deepEqual([...model.all()].map((summary) => summary.id).sort(), ['x', 'y'], 'a folder asked for but never indexed is indexed now');
    void model.configure({ folders: [user('/a')], topicFiles: [] });
    void model.configure({ folders: [user('/c')], topicFiles: [] });
    await model.configure({ folders: [user('/c'), user('/b')], topicFiles: [] });
    assert.deepEqual([...model.all()].map((summary) => summary.id).sort(), ['y', 'z']);
  });

  it('re-reads nothing else when one note among 1,000 is edited', async function () {
    this.timeout(20_000);
    const fs = new MemoryFileSystem(Object.fromEntries(generateNotes(1000, 11).map(({ path: file, text }) => [`/notes/${file}`, text])));
    const { model } = await modelOf(fs);
    assert.equal(model.size, 1000);
    assert.equal(fs.totalReads, 1000);
    const [first, second] = [...model.all()];
    const before = new Map([...model.all()].map((summary) => [summary.key, summary]));
    const text = (await fs.readFile(first.path))!;
    assert.equal(fs.totalReads, 1001);
    model.setOpenText(first.path, text.replace(/^title: .*$/m, 'title: 改过的标题'));
    assert.equal(model.get(first.path)?.title, '改过的标题');
    fs.write(second.path, (await fs.readFile(second.path))!.replace(/^title: .*$/m, 'title: 磁盘上改的'));
    await model.fileChanged(second.path);
    assert.equal(model.get(second.path)?.title, '磁盘上改的');
    assert.equal(fs.totalReads, 1003, 'the test\'s two reads and the changed note, nothing else');
    for (const [key, summary] of before) if (key !== first.path && key !== second.path) assert.equal(model.get(key), summary);
  });
});

describe('note model: through the language service', function () {
  this.timeout(30_000);

  it('re-reads only the edited note among 1,000, background pass over the bodies included', async function () {
    const fs = new MemoryFileSystem(Object.fromEntries(generateNotes(1000, 12).map(({ path: file, text }) => [`/notes/${file}`, text])));
    const t = await startService({ fs });
    await bodiesDone(t.service);
    const before = new Map(fs.reads);
    const [edited, typed] = [...t.service.model.all()];
    fs.write(edited.path, (await fs.readFile(edited.path))!.replace(/^title: .*$/m, 'title: 改过的标题'));
    await t.service.model.fileChanged(edited.path);
    t.service.setDocument(typed.path, (await fs.readFile(typed.path))!.replace(/^title: .*$/m, 'title: 编辑器里改的'));
    await bodiesDone(t.service);
    const reread = [...fs.reads].filter(([file, count]) => count !== before.get(file)).map(([file]) => file).sort();
    assert.deepEqual(reread, [edited.path, typed.path].sort(), 'the test read both once; nothing else is read');
    assert.ok(fs.reads.get(edited.path)! - before.get(edited.path)! <= 3, 'the edited note: the test, the model and the body pass');
    assert.equal(t.service.resolve(edited.path)?.title, '改过的标题');
    assert.equal(t.service.resolve(typed.path)?.title, '编辑器里改的');
    t.service.dispose();
  });

  it('starts warm from the cache without reading the notes again, their links included', async function () {
    const fs = new MemoryFileSystem({
      '/notes/a.md': note('a', '甲') + '见[乙](note:b)和[丙](c.md)。\n',
      '/notes/b.md': note('b', '乙'),
      '/notes/c.md': note('c', '丙'),
    });
    const cache = new MemoryCache();
    const cold = await startService({ fs, cache });
    await bodiesDone(cold.service);
    await cold.service.model.saveCache();
    cold.service.dispose();
    const model = new NoteModel({ fs, cache });
    const reads = fs.totalReads;
    await model.configure({ folders: [user()], topicFiles: [] });
    assert.equal(fs.totalReads, reads);
    const b = model.resolveId('b', 'user')!;
    assert.deepEqual(model.referencesTo(b).map((reference) => [path.basename(reference.from.path), reference.kind]), [['a.md', 'idLink']]);
    assert.deepEqual(model.referencesTo(model.resolveId('c', 'user')!).map((reference) => reference.kind), ['fileLink']);
    model.dispose();
  });
});

describe('note model: identity', function () {
  it('reports two notes declaring one id on both, keeps both reachable by key, and finds the same one whatever the reading order', async function () {
    const files = { '/notes/one.md': note('same', '一'), '/notes/two.md': note('same', '二') };
    const reversed = new MemoryFileSystem();
    for (const [file, text] of Object.entries(files).reverse()) reversed.write(file, text);
    for (const fs of [new MemoryFileSystem(files), reversed]) {
      const { model } = await modelOf(fs);
      assert.equal(model.get('/notes/one.md')?.title, '一');
      assert.equal(model.get('/notes/two.md')?.title, '二');
      assert.equal(model.resolveId('same', 'user')?.path, '/notes/one.md');
      for (const [file, other] of [['/notes/one.md', '/notes/two.md'], ['/notes/two.md', '/notes/one.md']]) {
        const parsed = model.setOpenText(file, (await fs.readFile(file))!)!;
        assert.deepEqual(model.crossProblems(parsed).map((problem) => [problem.message, problem.range.startLine, problem.range.startCharacter]),
          [[`The id "same" is also used by ${other}.`, 1, 4]]);
      }
    }
  });

  it('derives ids from Chinese file names that keep the Chinese and differ', async function () {
    const { model } = await modelOf({ '/notes/计算机网络 - 传输层.md': '# 传输层\n', '/notes/计算机网络 - 应用层.md': '# 应用层\n' });
    assert.deepEqual(idsOf(model), [['/notes/计算机网络 - 传输层.md', '计算机网络-传输层'], ['/notes/计算机网络 - 应用层.md', '计算机网络-应用层']]);
    assert.equal(model.find('计算机网络-传输层')?.title, '传输层');
    assert.equal(model.find('计算机网络-应用层')?.title, '应用层');
  });

  it('turns spaces, full-width punctuation and case into one form', function () {
    assert.equal(pathId('网络（一）：TCP 握手.md'), '网络-一-tcp-握手');
    assert.equal(pathId('Folder/Sub Folder/A_B.markdown'), 'folder/sub-folder/a-b');
    assert.equal(pathId('Folder\\Windows Path.md'), 'folder/windows-path');
    assert.equal(pathId('「设计模式」——单例.md'), '设计模式-单例');
    assert.equal(pathId('e\u0301té.md'), pathId('\u00e9té.md'), 'one Unicode form');
    assert.equal(pathId('（）.md'), 'note');
    assert.equal(pathHash('a b'), pathHash('a b'));
    assert.match(pathHash('任何路径/file.md'), /^[0-9a-z]{6}$/);
    assert.notEqual(pathHash('a b'), pathHash('A B'));
  });

  it('gives colliding derived ids distinct suffixes that do not depend on reading order', async function () {
    const names = ['a b.md', 'a-b.md', 'A B.md', 'a（b）.md', 'sub/x.md', 'sub x.md'];
    const forward = await modelOf(Object.fromEntries(names.map((name) => [`/notes/${name}`, '# t\n'])));
    const backward = await modelOf(Object.fromEntries([...names].reverse().map((name) => [`/notes/${name}`, '# t\n'])));
    const ids = idsOf(forward.model);
    assert.deepEqual(ids, idsOf(backward.model));
    assert.equal(new Set(ids.map(([, id]) => id)).size, names.length, JSON.stringify(ids));
    assert.equal(forward.model.get('/notes/a-b.md')?.id, 'a-b', 'the file named as the id keeps the plain id');
    for (const name of ['a b.md', 'A B.md', 'a（b）.md']) assert.match(forward.model.get(`/notes/${name}`)!.id, /^a-b~[0-9a-z]{6}$/);
    assert.equal(forward.model.get('/notes/sub/x.md')?.id, 'sub/x');
    assert.equal(forward.model.get('/notes/sub x.md')?.id, 'sub-x');
    for (const [file, id] of ids) assert.equal(forward.model.resolveId(id, 'user')?.path, file);
  });

  it('keeps derived ids as a fresh index would give them through creations and deletions', async function () {
    const { fs, model } = await modelOf({ '/notes/a b.md': '# 1\n', '/notes/A B.md': '# 2\n' });
    fs.write('/notes/a-b.md', '# 3\n');
    await model.fileChanged('/notes/a-b.md');
    assert.deepEqual(idsOf(model), idsOf((await modelOf(fs)).model));
    fs.delete('/notes/a-b.md');
    await model.fileChanged('/notes/a-b.md');
    assert.deepEqual(idsOf(model), idsOf((await modelOf(fs)).model));
    fs.delete('/notes/a b.md');
    await model.fileChanged('/notes/a b.md');
    assert.deepEqual(idsOf(model), [['/notes/A B.md', 'a-b']]);
  });

  it('lets a declared id win over a derived one', async function () {
    const { model } = await modelOf({ '/notes/http.md': '# 我的 HTTP\n', '/notes/web.md': note('http', 'HTTP 协议') });
    assert.equal(model.resolveId('http', 'user')?.path, '/notes/web.md');
    assert.match(model.get('/notes/http.md')!.id, /^http~[0-9a-z]{6}$/);
  });
});

describe('note model: bundled and user namespaces', function () {
  const files = {
    '/ext/notes/web/http/http.md': note('http', '超文本传输协议', 'category: web\n'),
    '/ext/notes/web/tls/tls.md': note('tls', 'TLS', 'category: web\nrelated: [http]\n') + '见[HTTP](note:http)和[我的](note:mine)。\n',
    '/work/notes/HTTP.md': '# 我的 HTTP 笔记\n',
    '/work/notes/mine.md': note('mine', '我的') + '见[HTTP](note:http)。\n',
  };
  const folders = [bundled(), user('/work/notes')];

  it('keeps a user\'s HTTP.md and the bundled http apart, each reachable by its own notes', async function () {
    const { model } = await modelOf(files, { folders });
    await scanBodies(model);
    assert.equal(model.get('/work/notes/HTTP.md')?.id, 'http', 'no suffix: the namespaces do not collide');
    assert.equal(model.resolveId('http')?.namespace, 'bundled');
    assert.equal(model.resolveId('http', 'bundled')?.path, '/ext/notes/web/http/http.md');
    assert.equal(model.resolveId('http', 'user')?.path, '/work/notes/HTTP.md');
    const mine = model.get('/work/notes/mine.md')!;
    assert.equal(model.resolveLink(mine, expandLink(mine.links[0])!)?.path, '/work/notes/HTTP.md', 'note:http from a user note is the user\'s');
    const tls = model.get('/ext/notes/web/tls/tls.md')!;
    assert.equal(model.resolveLink(tls, expandLink(tls.links[0])!)?.path, '/ext/notes/web/http/http.md');
    assert.equal(model.resolveLink(tls, expandLink(tls.links[1])!), undefined, 'a bundled note sees no user note');
    assert.deepEqual(model.referencesTo(model.resolveId('http', 'bundled')!).map((reference) => [path.basename(reference.from.path), reference.kind]).sort(),
      [['tls.md', 'idLink'], ['tls.md', 'related']]);
    assert.deepEqual(model.referencesTo(model.resolveId('http', 'user')!).map((reference) => path.basename(reference.from.path)), ['mine.md']);
  });

  it('reports no duplicate for a user note that declares a bundled id', async function () {
    const { fs, model } = await modelOf({ ...files, '/work/notes/declared.md': note('http', '用户声明的') }, { folders });
    const parsed = model.setOpenText('/work/notes/declared.md', (await fs.readFile('/work/notes/declared.md'))!)!;
    assert.deepEqual(model.crossProblems(parsed), []);
    assert.equal(model.resolveId('http', 'user')?.path, '/work/notes/declared.md');
    assert.equal(model.resolveId('http', 'bundled')?.path, '/ext/notes/web/http/http.md');
  });
});

describe('note model: the persisted cache', function () {
  const files = () => ({
    ...Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`/notes/n${i}.md`, note(`n${i}`, `笔记 ${i}`, 'tags: [缓存]\n')])),
    '/notes/a b.md': '# 冲突一\n',
    '/notes/A B.md': '# 冲突二\n',
    '/notes/计算机网络 - 传输层.md': '# 传输层\n',
  });
  const summaries = (model: NoteModel) => [...model.all()].sort((a, b) => (a.key < b.key ? -1 : 1));

  async function warmCache(fs: MemoryFileSystem, locale: 'en' | 'zh-cn' = 'en'): Promise<MemoryCache> {
    const cache = new MemoryCache();
    const { model } = await modelOf(fs, { cache, locale });
    await model.saveCache();
    model.dispose();
    return cache;
  }

  it('starts warm without reading any note when sizes and times match', async function () {
    const fs = new MemoryFileSystem(files());
    const cache = await warmCache(fs);
    const cold = (await modelOf(fs)).model;
    const reads = fs.totalReads;
    const { model } = await modelOf(fs, { cache });
    assert.equal(fs.totalReads, reads);
    assert.deepEqual(summaries(model), summaries(cold), 'the same summaries, derived ids included');
    assert.equal(model.resolveId('n3', 'user')?.title, '笔记 3');
    assert.equal(model.tags()[0], '缓存');
  });

  it('reads again only the files whose time or size changed, and the new ones', async function () {
    const fs = new MemoryFileSystem(files());
    const cache = await warmCache(fs);
    fs.write('/notes/n5.md', note('n5', '改过的'));
    fs.write('/notes/new.md', note('new'));
    fs.delete('/notes/n6.md');
    const before = new Map(fs.reads);
    const { model } = await modelOf(fs, { cache });
    const reread = [...fs.reads].filter(([file, count]) => count !== (before.get(file) ?? 0)).map(([file]) => file).sort();
    assert.deepEqual(reread, ['/notes/n5.md', '/notes/new.md']);
    assert.equal(model.get('/notes/n5.md')?.title, '改过的');
    assert.equal(model.get('/notes/n6.md'), undefined);
    assert.equal(model.size, 33);
  });

  it('shows the cached notes before looking at the files, then brings the changed ones up to date', async function () {
    const fs = new MemoryFileSystem(files());
    const cache = await warmCache(fs);
    fs.write('/notes/n5.md', note('n5', '改过的'));
    fs.write('/notes/new.md', note('new'));
    fs.delete('/notes/n6.md');
    // Changed since, and unreadable now.
    const readFile = fs.readFile.bind(fs);
    fs.readFile = async (file) => (file === '/notes/n7.md' ? undefined : readFile(file));
    fs.write('/notes/n7.md', note('n7', '笔记 7'));
    const model = new NoteModel({ fs, cache });
    const changed = new Set<string>();
    model.onDidChange(({ keys }) => keys.forEach((key) => changed.add(key)));
    const ready = model.configure({ folders: [user()], topicFiles: [] });
    await model.shown;
    assert.equal(model.get('/notes/n5.md')?.title, '笔记 5', 'the cached note, before the files were checked');
    assert.ok(model.get('/notes/n6.md'), 'a deleted file is still shown from the cache');
    assert.equal(model.get('/notes/new.md'), undefined);
    await ready;
    assert.equal(model.get('/notes/n5.md')?.title, '改过的');
    assert.equal(model.get('/notes/n6.md'), undefined);
    assert.equal(model.get('/notes/n7.md'), undefined, 'an unreadable note is dropped');
    assert.ok(model.get('/notes/new.md'));
    assert.equal(model.size, 32);
    await settle();
    for (const key of ['/notes/n5.md', '/notes/n6.md', '/notes/n7.md', '/notes/new.md']) assert.ok(changed.has(key), `${key} reported as changed`);
  });

  it('ignores a corrupt, foreign or stale cache and reads everything, never failing', async function () {
    const fs = new MemoryFileSystem(files());
    const good = (await warmCache(fs)).text!;
    const parsed = JSON.parse(good) as { notes: CachedNote[] };
    const variants: Record<string, string> = {
      garbage: '\u0000\u0001 not json {{{',
      empty: '',
      null: 'null',
      array: '[]',
      truncated: good.slice(0, good.length / 2),
      'wrong version': JSON.stringify({ ...JSON.parse(good), version: NOTE_CACHE_VERSION + 1 }),
      'other size limit': JSON.stringify({ ...JSON.parse(good), maxNoteBytes: 1 }),
      'notes not a list': JSON.stringify({ ...JSON.parse(good), notes: 'x' }),
      'one malformed entry': JSON.stringify({ ...JSON.parse(good), notes: [...parsed.notes.slice(1), { size: 1, mtimeMs: 1, summary: { key: 5 } }] }),
      'entry without a summary': JSON.stringify({ ...JSON.parse(good), notes: [{ size: 1, mtimeMs: 1 }] }),
    };
    const count = Object.keys(files()).length;
    for (const [name, text] of Object.entries(variants)) {
      const before = fs.totalReads;
      const { model } = await modelOf(fs, { cache: new MemoryCache(text) });
      assert.equal(fs.totalReads - before, count, name);
      assert.equal(model.size, count, name);
    }
  });

  it('ignores a cache written in another language', async function () {
    const fs = new MemoryFileSystem(files());
    const cache = await warmCache(fs, 'en');
    const before = fs.totalReads;
    await modelOf(fs, { cache, locale: 'zh-cn' });
    assert.equal(fs.totalReads - before, Object.keys(files()).length);
  });

  it('does not use a cached entry for another note folder or namespace', async function () {
    const fs = new MemoryFileSystem(files());
    const cache = await warmCache(fs);
    const before = fs.totalReads;
    const { model } = await modelOf(fs, { cache, folders: [bundled('/notes')] });
    assert.equal(fs.totalReads - before, Object.keys(files()).length);
    assert.ok([...model.all()].every((summary) => summary.namespace === 'bundled'));
  });

  it('survives a cache that fails to load or save', async function () {
    const failing: NoteCache = { load: async () => { throw new Error('disk gone'); }, save: async () => { throw new Error('disk full'); } };
    const { model } = await modelOf(new MemoryFileSystem(files()), { cache: failing });
    assert.equal(model.size, Object.keys(files()).length);
    await model.saveCache();
  });

  it('keeps its file on disk, and ignores a damaged one', async function () {
    const folder = nodeFs.mkdtempSync(path.join(os.tmpdir(), 'study-notes-cache-'));
    try {
      const key: CacheKey = { locale: 'en', maxNoteBytes: 1000 };
      const cache = new FileNoteCache(folder, ['/notes']);
      assert.equal(await cache.load(key), undefined);
      const { model } = await modelOf(files());
      const entries: CachedNote[] = [...model.all()].map((summary) => ({ size: 1, mtimeMs: 2, summary }));
      await cache.save(key, entries);
      assert.deepEqual(await cache.load(key), JSON.parse(JSON.stringify(entries)));
      assert.equal(await new FileNoteCache(folder, ['/other']).load(key), undefined, 'another set of folders has its own file');
      const [file] = nodeFs.readdirSync(folder);
      nodeFs.writeFileSync(path.join(folder, file), '{"version": 1, "notes": [');
      assert.equal(await cache.load(key), undefined);
      await new FileNoteCache(path.join(folder, file, 'not-a-folder'), ['/notes']).save(key, entries);
    } finally {
      nodeFs.rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('note model: bad input and failure', function () {
  it('indexes nothing from a missing folder, and its notes once it appears', async function () {
    const fs = new MemoryFileSystem({ '/notes/a.md': note('a') });
    const { model } = await modelOf(fs, { folders: [user(), user('/missing')] });
    assert.equal(model.size, 1);
    fs.write('/missing/x.md', note('x'));
    fs.write('/missing/deep/y.md', note('y'));
    await model.folderChanged('/missing');
    assert.deepEqual([...model.all()].map((summary) => summary.id).sort(), ['a', 'x', 'y']);
  });

  it('drops the notes of a vanished folder, keeping the ones open in an editor', async function () {
    const fs = new MemoryFileSystem({ '/notes/a.md': note('a'), '/notes/sub/b.md': note('b'), '/notes/sub/c.md': note('c'), '/notes/sub/deeper/d.md': note('d') });
    const { model } = await modelOf(fs);
    model.setOpenText('/notes/sub/c.md', note('c', '打开的'));
    fs.deleteFolder('/notes/sub');
    await model.folderChanged('/notes/sub');
    assert.deepEqual([...model.all()].map((summary) => summary.id).sort(), ['a', 'c']);
    fs.deleteFolder('/notes');
    await model.folderChanged('/notes');
    assert.deepEqual([...model.all()].map((summary) => summary.id), ['c']);
  });

  it('indexes a 10 MB note by its front matter only, with a problem', async function () {
    const big = `${note('big', '大笔记', 'tags: [大]\n')}${'这是一行很长的笔记内容。[x](note:nowhere)\n'.repeat(10 * 1024 * 1024 / 50)}`;
    const { model } = await modelOf({ '/notes/big.md': big, '/notes/a.md': note('a') });
    const summary = model.get('/notes/big.md')!;
    assert.equal(summary.skipped, 'tooLarge');
    assert.equal(summary.id, 'big');
    assert.equal(summary.title, '大笔记');
    assert.deepEqual(summary.tags, ['大']);
    assert.deepEqual(summary.links, []);
    assert.match(summary.problem?.message ?? '', /MB/);
    assert.equal(model.get('/notes/a.md')?.problemCount, 0);
  });

  it('shows binary content as a problem', async function () {
    const { model } = await modelOf({ '/notes/image.md': '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR', '/notes/a.md': note('a') });
    const summary = model.get('/notes/image.md')!;
    assert.equal(summary.skipped, 'binary');
    assert.match(summary.problem?.message ?? '', /not text/);
    assert.equal(model.size, 2);
  });

  it('agrees with an open editor on binary content, wherever the first NUL is', async function () {
    // A NUL among the first 1,024 characters makes a file binary; one later is a stray character in text.
    const early = `${note('early', '早到的 NUL')}\u0000\u0001${'正文'.repeat(2000)}`;
    const late = `${note('late', '晚到的 NUL')}${'正文'.repeat(2000)}\u0000\u0001\u0002`;
    const { model } = await modelOf({ '/notes/early.md': early, '/notes/late.md': late });
    assert.equal(model.get('/notes/early.md')?.skipped, 'binary');
    assert.equal(model.get('/notes/late.md')?.skipped, undefined);
    for (const [file, text] of [['/notes/early.md', early], ['/notes/late.md', late]]) {
      const indexed = model.get(file)?.skipped;
      assert.equal(model.setOpenText(file, text)?.summary.skipped, indexed, `${file}: the editor reads it as the index did`);
    }
  });

  describe('on the real disk', function () {
    let folder: string;

    beforeEach(function () {
      folder = nodeFs.mkdtempSync(path.join(os.tmpdir(), 'study-notes-model-'));
    });

    afterEach(function () {
      nodeFs.rmSync(folder, { recursive: true, force: true });
    });

    const write = (file: string, text: string | Buffer) => {
      nodeFs.mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
      nodeFs.writeFileSync(path.join(folder, file), text);
    };

    it('walks each real folder once through symlink loops, dangling links and links to itself', async function () {
      this.timeout(10_000);
      write('notes/a.md', note('a'));
      write('notes/sub/b.md', note('b'));
      nodeFs.symlinkSync(path.join(folder, 'notes'), path.join(folder, 'notes/sub/loop'));
      nodeFs.symlinkSync(path.join(folder, 'notes/sub'), path.join(folder, 'notes/sub/again'));
      nodeFs.symlinkSync(path.join(folder, 'nowhere'), path.join(folder, 'notes/dangling.md'));
      nodeFs.symlinkSync(path.join(folder, 'notes/self'), path.join(folder, 'notes/self'));
      const model = new NoteModel({ fs: new NodeFileSystem() });
      await model.configure({ folders: [user(path.join(folder, 'notes'))], topicFiles: [] });
      assert.deepEqual([...model.all()].map((summary) => summary.id).sort(), ['a', 'b']);
    });

    it('stops at a very deep tree of folders', async function () {
      this.timeout(10_000);
      const deep = Array.from({ length: 60 }, (_, i) => `d${i}`).join('/');
      write(`notes/${deep}/deep.md`, note('deep'));
      write('notes/top.md', note('top'));
      const model = new NoteModel({ fs: new NodeFileSystem() });
      await model.configure({ folders: [user(path.join(folder, 'notes'))], topicFiles: [] });
      assert.deepEqual([...model.all()].map((summary) => summary.id), ['top']);
    });

    it('reads bytes that are not UTF-8 and skips folders of tools', async function () {
      write('notes/odd.md', Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a]));
      write('notes/node_modules/pkg/readme.md', note('dependency'));
      write('notes/.git/notes.md', note('git'));
      const model = new NoteModel({ fs: new NodeFileSystem() });
      await model.configure({ folders: [user(path.join(folder, 'notes'))], topicFiles: [] });
      assert.deepEqual([...model.all()].map((summary) => path.basename(summary.path)), ['odd.md']);
    });

    it('skips a file it may not read', async function () {
      write('notes/a.md', note('a'));
      write('notes/secret.md', note('secret'));
      // Root reads any file whatever its mode, so the refusal is the file system's answer here:
      // NodeFileSystem answers undefined for a file it cannot read (EACCES and the like).
      const refusing = new NodeFileSystem();
      const unreadable = (file: string): boolean => file.endsWith('secret.md');
      const readFile = refusing.readFile.bind(refusing);
      const readStart = refusing.readStart.bind(refusing);
      refusing.readFile = async (file) => (unreadable(file) ? undefined : readFile(file));
      refusing.readStart = async (file, bytes) => (unreadable(file) ? undefined : readStart(file, bytes));
      if (process.getuid?.() !== 0) nodeFs.chmodSync(path.join(folder, 'notes/secret.md'), 0o000);
      const model = new NoteModel({ fs: process.getuid?.() === 0 ? refusing : new NodeFileSystem() });
      await model.configure({ folders: [user(path.join(folder, 'notes'))], topicFiles: [] });
      assert.deepEqual([...model.all()].map((summary: NoteSummary) => summary.id), ['a']);
    });
  });
});
