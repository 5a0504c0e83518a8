// Plain-Node benchmarks, run by scripts/bench.mjs in a fresh process per part so that peak memory
// belongs to that part alone: `node out/test/bench/node.js <part> [size]`. Prints one JSON object.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { NoteFolder } from '../../src/core/model';
import { renderNote } from '../../src/core/render';
import { buildQueue, loadHistory, parseReviewLog, QuizSchedule } from '../../src/core/quiz';
import { createLanguageService, type NotesLanguageService } from '../../src/server/languageService';
import { FileNoteCache, NodeFileSystem } from '../../src/server/nodeFileSystem';
import { readBundledNotes } from '../support/bundledNotes';
import { generateNotes } from '../support/generateNotes';
import { SERVER_NODE_FLAGS } from '../../src/server/serverFlags';
import { LspProcess } from '../support/lspProcess';
import { generateReviewLog } from '../support/quizFixtures';

// Built to out/bench/node.js by scripts/bench.mjs.
const root = path.resolve(__dirname, '../..');
const now = (): number => performance.now();

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Median of `runs` timings of `work` after one warm-up call. */
function time(work: () => void, runs = 7): number {
  work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = now();
    work();
    samples.push(now() - started);
  }
  return median(samples);
}

async function renderPart() {
  const { notes } = await readBundledNotes(path.join(root, 'notes'));
  const bodies = notes.map((note) => fs.readFileSync(note.summary.path, 'utf8').split('\n').slice(note.summary.bodyLine).join('\n'));
  const plain = new MarkdownIt();
  // A note renders in well under a millisecond: each sample times a batch of renders (≥ 5 ms) and the
  // two renderers take turns on each note, so timer steps and collections weigh on both alike.
  const perRender = (work: () => void): number => {
    const started = now();
    work();
    const batch = Math.max(1, Math.ceil(5 / Math.max(now() - started, 0.01)));
    return time(() => { for (let i = 0; i < batch; i++) work(); }) / batch;
  };
  const ours: number[] = [];
  const baseline: number[] = [];
  for (const body of bodies) {
    ours.push(perRender(() => renderNote(body)));
    baseline.push(perRender(() => plain.render(body)));
  }
  return {
    notes: notes.length,
    runs: 7,
    renderMs: { median: median(ours), max: Math.max(...ours) },
    markdownItMs: { median: median(baseline), max: Math.max(...baseline) },
    ratio: median(ours.map((ms, i) => ms / baseline[i])),
  };
}

/** Writes `size` generated notes into a new temporary folder. */
function generatedFolder(size: number): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), `study-notes-bench-${size}-`));
  for (const { path: file, text } of generateNotes(size, 42)) {
    fs.mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    fs.writeFileSync(path.join(folder, file), text);
  }
  return folder;
}

const bundled = (): NoteFolder => ({ root: path.join(root, 'notes'), namespace: 'bundled' });

/**
 * The note model at scale, in this process through the language service: a cold index (no cache),
 * a warm start from the cache, re-indexing one edited note, completion and hover, and full-text search.
 */
async function modelPart(size: number) {
  const folder = generatedFolder(size);
  const folders = [bundled(), { root: folder, namespace: 'user' as const }];
  const cacheFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'study-notes-bench-cache-'));
  const start = async (cache: string) => {
    const started = now();
    const service = createLanguageService({ fs: new NodeFileSystem(), cache: new FileNoteCache(cache, folders.map((f) => f.root)) });
    const ready = service.configure(folders, []);
    // The tree answers once the notes can be shown: from the cache on a warm start, before the files are checked.
    await service.shown;
    service.treeChildren();
    const treeMs = now() - started;
    await ready;
    return { service, indexMs: now() - started, treeMs };
  };
  try {
    // One warm-up (file cache, JIT), then three measured runs each, every cold run with an empty cache.
    const cold: number[] = [];
    for (let run = 0; run < 4; run++) {
      const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'study-notes-bench-cache-'));
      const { service, indexMs } = await start(empty);
      service.dispose();
      fs.rmSync(empty, { recursive: true, force: true });
      if (run > 0) cold.push(indexMs);
    }
    // The cache as a session leaves it: written after the second pass read every body.
    const first = await start(cacheFolder);
    await whenBodiesIndexed(first.service);
    await first.service.model.saveCache();
    first.service.dispose();
    const warm: number[] = [];
    const firstRows: number[] = [];
    let service = first.service;
    for (let run = 0; run < 4; run++) {
      const started = await start(cacheFolder);
      if (run > 0) {
        warm.push(started.indexMs);
        firstRows.push(started.treeMs);
      }
      if (run < 3) started.service.dispose();
      service = started.service;
    }
    await whenBodiesIndexed(service);

    // Editing: a note open in an editor takes each change's whole text.
    const notes = [...service.model.all()].filter((note) => note.namespace === 'user');
    const open = notes.slice(0, 100).map((note) => ({ note, text: fs.readFileSync(note.path, 'utf8') }));
    for (const { note, text } of open) service.setDocument(note.path, text);
    const reindex: number[] = [];
    for (let i = 0; i < 20; i++) {
      const { note, text } = open[i];
      const started = now();
      service.setDocument(note.path, `${text}\n\n一次编辑 ${i}\n`);
      reindex.push(now() - started);
    }

    const completions: number[] = [];
    const hovers: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const { note, text } = open[i % open.length];
      const typed = `${text}\n[see also](note:${'abcdefghij'[i % 10]}`;
      const parsed = service.setDocument(note.path, typed)!;
      const document = TextDocument.create(`file://${note.path}`, 'markdown', 1, typed);
      let started = now();
      service.completion(document, parsed, document.positionAt(typed.length));
      completions.push(now() - started);
      const link = typed.indexOf('](note:');
      if (link === -1) continue;
      started = now();
      service.hover(parsed, document.positionAt(link + 8));
      hovers.push(now() - started);
    }

    const queries = ['三次握手', '事务', 'decorator', 'functools.partial', '缓存雪崩', 'TIME_WAIT', '负载均衡', 'yield'];
    const searches: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (const query of queries) {
        const started = now();
        await service.searchNotes(query, 200);
        searches.push(now() - started);
      }
    }
    service.dispose();
    return {
      size,
      runs: 3,
      coldIndexMs: median(cold),
      warmIndexMs: median(warm),
      firstTreeRowsMs: median(firstRows),
      cacheMb: Number((fs.readdirSync(cacheFolder).reduce((sum, name) => sum + fs.statSync(path.join(cacheFolder, name)).size, 0) / 1048576).toFixed(1)),
      reindexAfterEditMs: median(reindex),
      completionMs: { p50: percentile(completions, 50), p95: percentile(completions, 95), requests: completions.length },
      hoverMs: { p50: percentile(hovers, 50), p95: percentile(hovers, 95), requests: hovers.length },
      searchMs: { p50: percentile(searches, 50), p95: percentile(searches, 95), queries: searches.length },
    };
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
    fs.rmSync(cacheFolder, { recursive: true, force: true });
  }
}

async function whenBodiesIndexed(service: NotesLanguageService): Promise<void> {
  while (!service.searchReady) await new Promise((resolve) => setTimeout(resolve, 20));
}

/**
 * The language server as a process, the way the extension runs it: from its start to the first rows
 * of the tree (cold, then warm from its cache), and its peak memory once it holds every note and
 * the full-text index. Needs the production `dist/server.js` (scripts/bench.mjs packages first).
 */
async function serverPart(size: number) {
  const folder = generatedFolder(size);
  const cacheFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'study-notes-bench-cache-'));
  const startServer = async () => {
    const started = now();
    // With the Node flags the extension starts it with.
    const server = new LspProcess(path.join(root, 'dist', 'server.js'), ['--stdio'], {}, SERVER_NODE_FLAGS);
    await server.request('initialize', {
      processId: process.pid, rootUri: null, capabilities: {},
      initializationOptions: { bundledFolder: path.join(root, 'notes'), noteFolders: [folder], cacheFolder, locale: 'en' },
    });
    server.notify('initialized', {});
    const rows = await server.request<unknown[]>('studyNotes/tree', {});
    return { server, firstRowsMs: now() - started, rows: rows.length };
  };
  try {
    const cold = await startServer();
    // Wait for the second pass (links and search) to finish: the most the server holds.
    while ((await cold.server.request<{ partial: boolean }>('studyNotes/search', { query: '事务', limit: 1 })).partial) await new Promise((resolve) => setTimeout(resolve, 50));
    const memory = peakMemoryMb(cold.server.pid!);
    await cold.server.stop();
    const warm = await startServer();
    await warm.server.stop();
    return { size, coldFirstRowsMs: cold.firstRowsMs, warmFirstRowsMs: warm.firstRowsMs, rows: cold.rows, ...memory };
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
    fs.rmSync(cacheFolder, { recursive: true, force: true });
  }
}

/** The server's peak and current resident memory (Linux: /proc/<pid>/status). */
function peakMemoryMb(pid: number): { peakRssMb: number; rssMb: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kbOf = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
  return { peakRssMb: Math.round(kbOf('VmHWM') / 1024), rssMb: Math.round(kbOf('VmRSS') / 1024) };
}

/**
 * Building the review queue from a long history, as the extension does it: read the log file, then
 * either replay all of it through FSRS (cold: no snapshot) or start from a valid snapshot and replay
 * only the answers given since it was taken (a session's worth), then queue.
 */
async function quizPart(reviews: number) {
  const service = createLanguageService({ fs: new NodeFileSystem() });
  await service.configure([bundled()], []);
  const items = service.quizItems();
  service.dispose();
  const newAnswers = 100;
  const lines = generateReviewLog(reviews, items.map((item) => item.question.id), 7).split(/(?<=\n)/);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'study-notes-bench-quiz-'));
  const logFile = path.join(folder, 'reviews.jsonl');
  const snapshotFile = path.join(folder, 'snapshot.json');
  const queueFrom = (snapshot: string | undefined) => {
    const history = loadHistory([{ name: 'reviews.jsonl', content: fs.readFileSync(logFile) }], { items, location: folder, snapshot, locale: 'en' });
    buildQueue(items, history.schedule, { now: new Date(), newPerDay: 20 });
    return history;
  };
  try {
    // The snapshot as the extension leaves it: taken when all but the last session's answers were in the log.
    fs.writeFileSync(logFile, lines.slice(0, reviews - newAnswers).join(''));
    fs.writeFileSync(snapshotFile, queueFrom(undefined).snapshot!());
    fs.writeFileSync(logFile, lines.join(''));
    const samples = { parse: [] as number[], replay: [] as number[], cold: [] as number[], snapshot: [] as number[], encode: [] as number[] };
    let snapshotReplayed = 0;
    for (let run = 0; run < 4; run++) {
      if (run === 1) for (const list of Object.values(samples)) list.length = 0; // run 0 warms up
      let started = now();
      const { entries } = parseReviewLog(fs.readFileSync(logFile, 'utf8'));
      samples.parse.push(now() - started);
      started = now();
      QuizSchedule.replay(entries, items);
      samples.replay.push(now() - started);
      started = now();
      const cold = queueFrom(undefined);
      samples.cold.push(now() - started);
      started = now();
      const warm = queueFrom(fs.readFileSync(snapshotFile, 'utf8'));
      samples.snapshot.push(now() - started);
      if (warm.rebuilt) throw new Error(`the snapshot was not used: ${warm.rebuilt}`);
      snapshotReplayed = warm.replayed;
      started = now();
      cold.snapshot!();
      samples.encode.push(now() - started);
    }
    return {
      reviews, questions: items.length, runs: 3, goalMs: 100, newAnswers: snapshotReplayed,
      logKb: Math.round(fs.statSync(logFile).size / 1024), snapshotKb: Math.round(fs.statSync(snapshotFile).size / 1024),
      parseMs: median(samples.parse), replayMs: median(samples.replay),
      coldMs: median(samples.cold), snapshotMs: median(samples.snapshot), encodeSnapshotMs: median(samples.encode),
    };
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

const [part, size] = process.argv.slice(2);
const parts: Record<string, () => Promise<unknown>> = {
  render: renderPart,
  model: () => modelPart(Number(size)),
  server: () => serverPart(Number(size)),
  quiz: () => quizPart(Number(size)),
};
if (!parts[part]) {
  console.error(`unknown part ${part}; one of ${Object.keys(parts).join(', ')}`);
  process.exit(2);
}
parts[part]().then((figures) => console.log(JSON.stringify(figures)), (error) => { console.error(error); process.exit(1); });
