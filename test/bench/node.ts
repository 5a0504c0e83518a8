// Plain-Node benchmarks, run by scripts/bench.mjs in a fresh process per part so that peak memory
// belongs to that part alone: `node out/test/bench/node.js <part> [size]`. Prints one JSON object.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { NoteIndex } from '../../src/core/noteIndex';
import { readNotesFolder } from '../../src/core/noteFiles';
import { renderNoteBody } from '../../src/core/render';
import { NoteStore } from '../../src/core/noteStore';
import { parseNoteFile } from '../../src/core/noteFiles';
import { buildQueue, loadHistory, parseReviewLog, QuizSchedule, quizItemsOf } from '../../src/core/quiz';
import { SearchIndex } from '../../src/core/search';
import { completion, hover, type FeatureContext } from '../../src/server/features';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { generateNotes } from '../support/generateNotes';
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
  const notes = (await readNotesFolder(path.join(root, 'notes'))).filter((note) => !note.inferred);
  const plain = new MarkdownIt();
  const ours = notes.map((note) => time(() => renderNoteBody(note.body)));
  const baseline = notes.map((note) => time(() => plain.render(note.body)));
  return {
    notes: notes.length,
    runs: 7,
    renderMs: { median: median(ours), max: Math.max(...ours) },
    markdownItMs: { median: median(baseline), max: Math.max(...baseline) },
    ratio: median(ours.map((ms, i) => ms / baseline[i])),
  };
}

async function scalePart(size: number) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), `study-notes-bench-${size}-`));
  try {
    for (const { path: file, text } of generateNotes(size, 42)) {
      fs.mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
      fs.writeFileSync(path.join(folder, file), text);
    }
    const indexSamples: number[] = [];
    let index: NoteIndex | undefined;
    // One warm-up run (file cache, JIT), then three measured ones.
    for (let run = 0; run < 4; run++) {
      const started = now();
      index = new NoteIndex(await readNotesFolder(folder));
      if (run > 0) indexSamples.push(now() - started);
    }
    const treeMs = time(() => { for (const category of new NoteIndex(index!.notes).categories) void category.notes.length; }, 5);
    let started = now();
    const search = new SearchIndex(index!.notes);
    const searchBuildMs = now() - started;
    const queries = ['三次握手', '事务', 'decorator', 'functools.partial', '缓存雪崩', 'TIME_WAIT', '负载均衡', 'yield'];
    const latencies: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (const query of queries) {
        started = now();
        search.search(query);
        latencies.push(now() - started);
      }
    }
    return {
      size,
      indexMs: median(indexSamples),
      indexRuns: indexSamples.length,
      treeBuildMs: treeMs,
      searchBuildMs,
      searchMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), queries: latencies.length },
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** Language server work at scale: completion and hover latency, and re-indexing after one edit. */
function languageServerPart(size: number) {
  const generated = generateNotes(size, 42).map(({ path: file, text }) => ({ file: `/bench/${file}`, text }));
  const store = new NoteStore();
  for (const { file, text } of generated) store.set(parseNoteFile(text, file));
  const context: FeatureContext = { index: store.index, locale: 'en', mastery: new Map() };
  const completions: number[] = [];
  const hovers: number[] = [];
  for (let i = 0; i < 1000; i++) {
    const { file, text } = generated[(i * 7919) % generated.length];
    const typed = `${text}\n[see also](note:${'abcdefghij'[i % 10]}`;
    const document = TextDocument.create(`file://${file}`, 'markdown', 1, typed);
    const note = parseNoteFile(typed, file);
    const end = document.positionAt(typed.length);
    let started = now();
    completion(context, document, note, end);
    completions.push(now() - started);
    const link = text.indexOf('note:');
    if (link === -1) continue;
    const position = document.positionAt(link + 6);
    started = now();
    hover(context, store.get(file)!, position);
    hovers.push(now() - started);
  }
  const reindex: number[] = [];
  for (let i = 0; i < 10; i++) {
    const { file, text } = generated[i];
    const started = now();
    store.set(parseNoteFile(`${text}\n\n一次编辑 ${i}\n`, file));
    void store.index.get('x');
    reindex.push(now() - started);
  }
  return {
    size,
    completionMs: { p50: percentile(completions, 50), p95: percentile(completions, 95), requests: completions.length },
    hoverMs: { p50: percentile(hovers, 50), p95: percentile(hovers, 95), requests: hovers.length },
    reindexAfterEditMs: median(reindex),
    reindexRuns: reindex.length,
  };
}

/**
 * Building the review queue from a long history, as the extension does it: read the log file, then
 * either replay all of it through FSRS (cold: no snapshot) or start from a valid snapshot and replay
 * only the answers given since it was taken (a session's worth), then queue.
 */
async function quizPart(reviews: number) {
  const notes = (await readNotesFolder(path.join(root, 'notes'))).filter((note) => !note.inferred);
  const items = quizItemsOf(new NoteIndex(notes).categories.flatMap((category) => category.notes));
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
  scale: () => scalePart(Number(size)),
  lsp: async () => languageServerPart(Number(size)),
  quiz: () => quizPart(Number(size)),
};
if (!parts[part]) {
  console.error(`unknown part ${part}; one of ${Object.keys(parts).join(', ')}`);
  process.exit(2);
}
parts[part]().then((figures) => console.log(JSON.stringify(figures)), (error) => { console.error(error); process.exit(1); });
