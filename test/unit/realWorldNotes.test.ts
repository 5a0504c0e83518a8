// The real-world-shaped fixtures (issue 12) keep their promises: deterministic bytes, the counts and
// shapes they advertise, images that exist where the manifest says so, and manifests that agree with
// what a CommonMark parser (markdown-it, the renderer's own) makes of the files.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import MarkdownIt from 'markdown-it';
import {
  ALL_NOTE_SHAPES, NUMBERED_SECTION, interviewReadmeText, noteFolderFiles, writeInterviewReadme, writeNoteFolder,
  type RealWorldManifest,
} from '../support/realWorldNotes';
import { crc32, pngSize, PNG_SIGNATURE, tinyPng } from '../support/tinyPng';

type Token = ReturnType<MarkdownIt['parse']>[number];
const md = new MarkdownIt({ html: true });

/** Headings as a CommonMark parser sees them: level, plain text (links and emphasis stripped), line. */
function headingsOf(text: string): { level: number; text: string; line: number; next?: Token }[] {
  const tokens = md.parse(text, {});
  const headings: { level: number; text: string; line: number; next?: Token }[] = [];
  tokens.forEach((token, i) => {
    if (token.type !== 'heading_open') return;
    const inline = tokens[i + 1];
    const plain = (inline.children ?? []).filter((child) => child.type === 'text' || child.type === 'code_inline').map((child) => child.content).join('');
    headings.push({ level: Number(token.tag.slice(1)), text: plain, line: token.map![0], next: tokens[i + 3] });
  });
  return headings;
}

function listFiles(root: string): string[] {
  return fs.readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** Checks a PNG's chunks' CRCs and that its pixel data inflates to width×height RGB rows. */
function assertValidPng(bytes: Buffer, where: string): void {
  assert.ok(bytes.subarray(0, 8).equals(PNG_SIGNATURE), `${where}: PNG signature`);
  const size = pngSize(bytes);
  assert.ok(size && size.width > 0 && size.height > 0, `${where}: IHDR`);
  let offset = 8;
  const idat: Buffer[] = [];
  const types: string[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    assert.equal(bytes.readUInt32BE(offset + 8 + length), crc32(bytes.subarray(offset + 4, offset + 8 + length)), `${where}: CRC of ${type}`);
    if (type === 'IDAT') idat.push(data);
    types.push(type);
    offset += 12 + length;
  }
  assert.deepEqual([types[0], types[types.length - 1]], ['IHDR', 'IEND'], where);
  assert.equal(zlib.inflateSync(Buffer.concat(idat)).length, (1 + size!.width * 3) * size!.height, `${where}: pixel data`);
}

describe('real-world note fixtures', function () {
  this.timeout(60_000);
  let tmp: string;
  let root: string;
  let manifest: RealWorldManifest;

  before(function () {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'study-notes-real-world-'));
    root = path.join(tmp, 'notes');
    manifest = writeNoteFolder(root, { seed: 12 });
  });
  after(function () {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  describe('writeNoteFolder', function () {
    it('writes the same bytes for the same seed, and other prose for another seed', function () {
      const again = path.join(tmp, 'again');
      const againManifest = writeNoteFolder(again, { seed: 12 });
      assert.deepEqual(againManifest, manifest);
      const files = listFiles(root);
      assert.deepEqual(listFiles(again), files);
      for (const file of files) assert.ok(fs.readFileSync(path.join(root, file)).equals(fs.readFileSync(path.join(again, file))), file);
      const other = noteFolderFiles({ seed: 13 });
      const mine = noteFolderFiles({ seed: 12 });
      const differing = other.files.filter((file, i) => mine.files[i]?.path === file.path && String(mine.files[i].content) !== String(file.content));
      assert.ok(differing.length > 100, `only ${differing.length} files differ between seeds 12 and 13`);
    });

    it('writes 200 Markdown notes without front matter by default, and honours count', function () {
      const markdown = listFiles(root).filter((file) => file.endsWith('.md'));
      assert.equal(markdown.length, 200);
      assert.deepEqual(markdown, manifest.notes.map((note) => note.path).sort());
      for (const file of markdown) assert.ok(!fs.readFileSync(path.join(root, file), 'utf8').startsWith('---'), `${file} has front matter`);
      assert.equal(noteFolderFiles({ seed: 1, count: 120 }).manifest.notes.length, 120);
      assert.throws(() => noteFolderFiles({ seed: 1, count: 5 }), /at least/);
    });

    it('includes every shape issue 12 describes', function () {
      const seen = new Set(manifest.notes.flatMap((note) => note.shapes));
      assert.deepEqual(ALL_NOTE_SHAPES.filter((shape) => !seen.has(shape)), []);
      for (const folder of ['计算机网络', '数据库 & 缓存', '操作系统/进程与线程', '设计模式：创建型', '算法（LeetCode 题解）']) {
        assert.ok(manifest.folders.includes(folder), folder);
      }
      for (const file of ['README.md', '计算机网络/README.md', '计算机网络/计算机网络 - 传输层.md', '计算机网络/计算机网络 - 应用层.md',
        'Linux 入门/1. 概述.md', 'Linux 入门/2. 安装.md', 'Linux 入门/3. 配置.md', 'Linux 入门/10.1 进阶.md', 'Linux 入门/29. 总结.md',
        '编程实践/代码可读性.md']) {
        assert.ok(manifest.notes.some((note) => note.path === file), file);
      }
      const readability = manifest.notes.find((note) => note.path === '编程实践/代码可读性.md')!;
      assert.equal(readability.topHeadings[0], '一、可读性的重要性');
      assert.equal(readability.title, '代码可读性');
      assert.equal(manifest.notes.find((note) => note.path === 'README.md')!.readme, 'root');
      assert.deepEqual(manifest.duplicateTitles.map((group) => group.title), ['面试记录']);
      // Counts per title rule are spread enough to test each rule on many files.
      for (const rule of ['heading', 'file-name:several-headings', 'file-name:numbered-heading'] as const) {
        assert.ok(manifest.notes.filter((note) => note.titleRule === rule).length >= 20, rule);
      }
    });

    it('states titles that follow issue 12.3 from the headings a CommonMark parser sees', function () {
      for (const note of manifest.notes) {
        const text = fs.readFileSync(path.join(root, note.path), 'utf8');
        const headings = headingsOf(text);
        const tops = headings.filter((h) => h.level === 1).map((h) => h.text);
        assert.deepEqual(tops, note.topHeadings, `${note.path}: top-level headings`);
        assert.equal(headings[0].level, 1, `${note.path}: starts with a # heading`);
        if (note.titleRule === 'heading') {
          assert.equal(tops.length, 1, note.path);
          assert.ok(!NUMBERED_SECTION.test(tops[0]), `${note.path}: ${tops[0]} looks numbered`);
          assert.equal(note.title, tops[0], note.path);
        } else {
          assert.equal(note.title, note.baseName, note.path);
          if (note.titleRule === 'file-name:several-headings') assert.ok(tops.length >= 2, note.path);
          else assert.ok(NUMBERED_SECTION.test(headings[0].text), `${note.path}: ${headings[0].text} is not numbered`);
        }
        // A `#` line inside a code block never counts: the file has more `#`-starting lines than headings.
        if (note.shapes.includes('hash-line-in-code')) {
          const hashLines = text.split('\n').filter((line) => /^#+ /.test(line) || /^#\S/.test(line)).length;
          assert.ok(hashLines > headings.length, `${note.path}: no # line inside code`);
        }
      }
    });

    it('writes the images referenced as existing, as valid PNGs, and none of the missing ones', function () {
      assert.ok(manifest.existingImages.length >= 10 && manifest.missingImages.length >= 3, 'both kinds are present');
      for (const note of manifest.notes) {
        for (const image of note.images.filter((i) => i.kind === 'relative')) {
          const resolved = path.posix.normalize(path.posix.join(note.folder, decodeURI(image.src)));
          assert.equal(resolved, image.target, `${note.path}: ${image.src}`);
          const file = path.join(root, ...image.target!.split('/'));
          assert.equal(fs.existsSync(file), image.exists, `${note.path}: ${image.src} ${image.exists ? 'is missing' : 'exists'}`);
          const text = fs.readFileSync(path.join(root, note.path), 'utf8');
          assert.ok(text.includes(image.src), `${note.path} writes ${image.src}`);
        }
        for (const image of note.images.filter((i) => i.kind !== 'relative')) {
          const scheme: Record<string, RegExp> = { https: /^https:\/\//, http: /^http:\/\//, 'protocol-relative': /^\/\/[^/]/ };
          assert.match(image.src, scheme[image.kind], note.path);
        }
      }
      const written = listFiles(root).filter((file) => file.endsWith('.png'));
      assert.deepEqual(written, manifest.imageFiles);
      for (const file of written) assertValidPng(fs.readFileSync(path.join(root, file)), file);
      assertValidPng(tinyPng([1, 2, 3], 7, 5), 'tinyPng 7×5');
    });

    it('states where each relative link leads and whether that note exists', function () {
      let broken = 0;
      for (const note of manifest.notes) {
        for (const link of note.links) {
          const [file, fragment] = link.href.split('#');
          assert.equal(fragment, link.fragment, note.path);
          assert.equal(path.posix.normalize(path.posix.join(note.folder, decodeURI(file))), link.target, `${note.path}: ${link.href}`);
          assert.equal(fs.existsSync(path.join(root, ...link.target.split('/'))), link.exists, `${note.path}: ${link.href}`);
          if (!link.exists) broken++;
        }
      }
      assert.ok(broken >= 3, 'some links are broken on purpose');
    });

    it('names numbered notes so that text order and natural order differ', function () {
      const { naturalOrder, textOrder } = manifest.numbered;
      const collator = new Intl.Collator('zh-CN', { numeric: true });
      assert.deepEqual([...textOrder].sort(collator.compare), naturalOrder);
      assert.notDeepEqual(naturalOrder, textOrder);
      assert.deepEqual(naturalOrder.slice(0, 3), ['1. 概述.md', '2. 安装.md', '3. 配置.md']);
      assert.ok(naturalOrder.indexOf('10.1 进阶.md') < naturalOrder.indexOf('29. 总结.md'));
      assert.ok(textOrder.indexOf('10.1 进阶.md') < textOrder.indexOf('2. 安装.md'));
    });

    it('keeps hidden text inside HTML comments only', function () {
      for (const note of manifest.notes.filter((n) => n.hiddenText.length > 0)) {
        const text = fs.readFileSync(path.join(root, note.path), 'utf8');
        const outside = text.replace(/<!--[\s\S]*?-->/g, '');
        for (const hidden of note.hiddenText) {
          assert.ok(text.includes(hidden), `${note.path}: ${hidden}`);
          assert.ok(!outside.includes(hidden), `${note.path}: ${hidden} outside a comment`);
        }
      }
    });
  });

  describe('writeInterviewReadme', function () {
    const readme = (): string => path.join(tmp, 'interview', 'README.md');

    it('writes the same bytes for the same seed', function () {
      const first = writeInterviewReadme(readme(), { seed: 5 });
      const bytes = fs.readFileSync(readme());
      assert.deepEqual(writeInterviewReadme(readme(), { seed: 5 }), first);
      assert.ok(fs.readFileSync(readme()).equals(bytes));
      assert.notEqual(interviewReadmeText({ seed: 6 }).text, bytes.toString('utf8'));
    });

    it('is about 70 KB with 13 categories, two of them sharing a title, and 90 questions', function () {
      const manifest = writeInterviewReadme(readme(), { seed: 5 });
      assert.equal(manifest.bytes, fs.statSync(readme()).size);
      assert.ok(manifest.bytes >= 70 * 1024 && manifest.bytes < 74 * 1024, `${manifest.bytes} bytes`);
      assert.equal(manifest.categories.length, 13);
      assert.equal(new Set(manifest.categories).size, 12, 'two categories share a title');
      assert.equal(manifest.topics.length, 90);
      assert.ok(manifest.topics.filter((t) => t.empty).length >= 5, 'some questions are empty');
      assert.ok(manifest.topics.filter((t) => t.subsections.length > 0).length >= 10, 'some questions have ### sub-sections');
      assert.ok(manifest.topics.some((t) => /\]\(https:/.test(t.heading)) && manifest.topics.some((t) => /\*\*/.test(t.heading)), 'links and emphasis in titles');
      assert.ok(manifest.hashLinesInCode.length >= 10, 'code blocks hold # lines');
    });

    it('has the headings, bodies and TOC a CommonMark parser sees', function () {
      const { text, manifest } = interviewReadmeText({ seed: 5 });
      const headings = headingsOf(text);
      assert.deepEqual(headings.filter((h) => h.level === 1).map((h) => h.text), [manifest.title, ...manifest.categories]);
      assert.deepEqual(headings.filter((h) => h.level === 2).map((h) => h.text), [manifest.toc.heading, ...manifest.topics.map((t) => t.title)]);
      assert.deepEqual(headings.filter((h) => h.level === 2).slice(1).map((h) => h.line), manifest.topics.map((t) => t.line));
      assert.equal(headings.filter((h) => h.level > 3).length, 0);
      for (const topic of manifest.topics) {
        const i = headings.findIndex((h) => h.level === 2 && h.line === topic.line);
        const after = headings.slice(i + 1);
        const end = after.findIndex((h) => h.level <= 2);
        assert.deepEqual(after.slice(0, end < 0 ? undefined : end).map((h) => h.text), topic.subsections, topic.title);
        assert.equal(headings[i].next === undefined || headings[i].next.type === 'heading_open', topic.empty, `${topic.title}: empty`);
        // The category a topic belongs to is the last `#` heading above it.
        const category = headings.slice(0, i).filter((h) => h.level === 1).length - 2;
        assert.equal(category, topic.categoryIndex, topic.title);
      }
      const lines = text.split('\n');
      const toc = lines.slice(manifest.toc.firstLine, manifest.toc.lastLine + 1);
      assert.equal(toc[0], `## ${manifest.toc.heading}`);
      const items = toc.slice(1).filter((line) => line.trim() !== '');
      assert.equal(items.length, manifest.toc.entries);
      for (const item of items) assert.match(item, /^ *- \[[^\]]+\]\(#[^)\s]+\)$/);
      for (const line of manifest.hashLinesInCode) assert.ok(!headings.some((h) => line.replace(/^ *#+ /, '') === h.text), line);
    });

    it('mentions GIL in one question title and, elsewhere, only in the body of one other question', function () {
      const { text, manifest } = interviewReadmeText({ seed: 5 });
      const lines = text.split('\n');
      const holding = manifest.topics.filter((topic, i) => {
        const end = manifest.topics[i + 1]?.line ?? lines.length;
        return lines.slice(topic.line, end).some((line) => line.includes('GIL'));
      });
      assert.deepEqual(holding.map((t) => t.title), [manifest.mentions.titleTopic, manifest.mentions.bodyOnlyTopic]);
      assert.ok(!manifest.mentions.bodyOnlyTopic.includes('GIL'));
      assert.ok(manifest.mentions.titleTopic.includes('GIL'));
      const beforeTopics = lines.slice(0, manifest.topics[0].line).join('\n');
      assert.ok(!beforeTopics.replace(/^ *- \[.*$/gm, '').includes('GIL'), 'only the TOC mentions GIL before the topics');
    });

    it('can leave out the title line, so that the categories are the only # headings', function () {
      const { text, manifest } = interviewReadmeText({ seed: 5, title: false });
      assert.equal(manifest.title, undefined);
      assert.deepEqual(headingsOf(text).filter((h) => h.level === 1).map((h) => h.text), manifest.categories);
      assert.equal(manifest.topics.length, 90);
    });
  });
});
