// `npm run bench`: how fast and how large Study Notes is. Prints a table and writes the same figures
// to out/bench/results.json. Exits 0 whatever the figures; non-zero only when a measurement could
// not be taken. Not part of `npm test`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { HarnessError, runWithTimeout, stopAll, stopAllOnSignals, waitFor } from '../test/harness/processes.mjs';
import { useRunTempDir } from '../test/harness/run-temp.mjs';
import { makeWorkspace, runInVsCode } from '../test/harness/vscode-session.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'out', 'bench');
const VSCODE_RUNS = Number(process.env.STUDY_NOTES_BENCH_RUNS ?? 3);
/** `npm run bench -- vscode` (or render, scale, quiz): sizes and only those parts; none named, all of them. */
const PARTS = ['render', 'scale', 'quiz', 'vscode'];
const parts = process.argv.slice(2);
for (const part of parts) {
  if (!PARTS.includes(part)) {
    console.error(`usage: npm run bench [-- ${PARTS.join('|')} …]`);
    process.exit(2);
  }
}
const wanted = (part) => parts.length === 0 || parts.includes(part);
const quiet = () => {};
stopAllOnSignals();
useRunTempDir();

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const kb = (file) => Math.round(fs.statSync(path.join(root, file)).size / 1024);
const folderKb = (dir) => Math.round(fs.readdirSync(path.join(root, dir), { recursive: true })
  .map((name) => fs.statSync(path.join(root, dir, name)))
  .reduce((sum, stat) => sum + (stat.isFile() ? stat.size : 0), 0) / 1024);

async function buildBenchBundles() {
  fs.rmSync(outDir, { recursive: true, force: true });
  const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', packages: 'external', logLevel: 'warning' };
  await esbuild.build({ ...common, entryPoints: ['test/bench/node.ts'], outfile: path.join(outDir, 'node.js') });
  await esbuild.build({ ...common, entryPoints: ['test/bench/vscode.ts'], outfile: path.join(outDir, 'vscode.js'), external: ['vscode'] });
}

function nodePart(...args) {
  const result = spawnSync(process.execPath, ['--expose-gc', path.join(outDir, 'node.js'), ...args], { cwd: root, encoding: 'utf8', timeout: 20 * 60_000 });
  if (result.status !== 0) throw new HarnessError(`benchmark part ${args.join(' ')} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop());
}

async function vscodeRun(vsix, env = {}) {
  const workspace = makeWorkspace(path.join(root, 'test/fixtures/workspace'));
  const resultsFile = path.join(os.tmpdir(), `study-notes-bench-${process.pid}.json`);
  try {
    return await runInVsCode({
      root, testsModule: path.join(outDir, 'vscode.js'), workspace, vsix, env, resultsFile, log: quiet,
      waitForResults: () => waitFor(() => {
        const line = fs.readFileSync(resultsFile, 'utf8').trim();
        if (!line) return undefined;
        const entry = JSON.parse(line);
        if (entry.event === 'error') throw new HarnessError(`the VS Code benchmark failed:\n${entry.message}`);
        return entry.figures;
      }, { timeoutMs: 10 * 60_000, what: 'the VS Code benchmark' }),
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

const rows = [];
const figures = {};
const row = (group, figure, value, how) => rows.push({ group, figure, value, how });
const fixed = (ms) => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;

try {
  console.log('Building the production bundles and the .vsix…');
  await runWithTimeout('npm', ['run', '--silent', 'package'], { cwd: root, env: process.env, timeoutMs: 10 * 60_000, what: 'npm run package' });
  const vsix = fs.readdirSync(root).find((name) => name.endsWith('.vsix'));
  row('Size', 'dist/extension.js', `${kb('dist/extension.js')} KB (goal ≤ 250 KB)`, 'production build, minified: what activation loads');
  row('Size', 'dist/languageClient.js', `${kb('dist/languageClient.js')} KB`, 'vscode-languageclient, loaded the first time something needs notes');
  row('Size', 'dist/server.js', `${kb('dist/server.js')} KB`, 'production build, minified');
  row('Size', 'webview assets', `${folderKb('dist/webview')} KB`, 'dist/webview: panel.js and quizCard.js with their shared chunk, and mermaid brotli-compressed');
  row('Size', vsix, `${kb(vsix)} KB (goal ≤ 2,048 KB)`, 'npm run package');
  await buildBenchBundles();

  if (wanted('render')) {
    console.log('Rendering the bundled notes…');
    const render = nodePart('render');
    figures.render = render;
    row('Rendering', 'markdown → HTML per note', `${fixed(render.renderMs.median)} median, ${fixed(render.renderMs.max)} max`, `${render.notes} bundled notes, median of ${render.runs} batches of ≥ 5 ms each after a warm-up`);
    row('Rendering', 'plain markdown-it, same text', `${fixed(render.markdownItMs.median)} median, ${fixed(render.markdownItMs.max)} max`, 'new MarkdownIt(), defaults');
    row('Rendering', 'ours ÷ markdown-it', `${render.ratio.toFixed(2)}× (goal ≤ 1.3×)`, 'median per note: raw HTML contained, headings, line map, links checked; highlighting is the page\'s, per visible block');

  }
  for (const size of wanted('scale') ? [1000, 10000] : []) {
    console.log(`Generating ${size} notes: the note model in process, then the language server as a process…`);
    const model = nodePart('model', String(size));
    const server = nodePart('server', String(size));
    const label = `Scale ${size.toLocaleString('en')}`;
    const goal = (value, limit) => (size === 10000 ? `${value} (goal ≤ ${limit})` : value);
    row(label, 'cold index', goal(fixed(model.coldIndexMs), '1 s'), `walk + read + parse + validate, no cache, median of ${model.runs}`);
    row(label, 'warm start from the cache', goal(`${fixed(model.firstTreeRowsMs)} to the tree, ${fixed(model.warmIndexMs)} checked`, '200 ms'), `${model.cacheMb} MB cache: the tree is built from it, then every file's size and time is checked; median of ${model.runs}`);
    row(label, 'first tree rows after server start', goal(`${fixed(server.coldFirstRowsMs)} cold, ${fixed(server.warmFirstRowsMs)} warm`, '300 ms'), `node dist/server.js: start → initialize → studyNotes/tree answered (${server.rows} rows)`);
    row(label, 'server peak memory', goal(`${server.peakRssMb} MB`, '200 MB'), `peak RSS (VmHWM) with every note, links and the search index; ${server.rssMb} MB after`);
    row(label, 're-index one edited note', goal(fixed(model.reindexAfterEditMs), '5 ms'), 'an open note\'s whole text parsed and its model entries replaced, median of 20');
    row(label, 'completion', goal(`${fixed(model.completionMs.p50)} p50, ${fixed(model.completionMs.p95)} p95`, '10 ms p95'), `${model.completionMs.requests} requests after note: in open notes`);
    row(label, 'hover', goal(`${fixed(model.hoverMs.p50)} p50, ${fixed(model.hoverMs.p95)} p95`, '10 ms p95'), `${model.hoverMs.requests} requests on note: links`);
    row(label, 'full-text search', goal(`${fixed(model.searchMs.p50)} p50, ${fixed(model.searchMs.p95)} p95`, '50 ms p95'), `${model.searchMs.queries} queries, 200 hits at most`);
    figures[`scale${size}`] = { model, server };
  }

  if (wanted('quiz')) {
    console.log('Quiz queue from 100,000 reviews…');
    const quiz = nodePart('quiz', '100000');
    figures.quiz = quiz;
    row('Quiz', 'queue from 100,000 reviews, cold', fixed(quiz.coldMs),
      `no snapshot: read ${quiz.logKb} KB + parse + FSRS replay of every review + queue (of which parse ${fixed(quiz.parseMs)}, replay ${fixed(quiz.replayMs)}); ${quiz.questions} questions, median of ${quiz.runs}`);
    row('Quiz', 'queue from 100,000 reviews, snapshot', `${fixed(quiz.snapshotMs)} (goal ≤ ${quiz.goalMs} ms)`,
      `read the log and a ${quiz.snapshotKb} KB snapshot, check it, replay the ${quiz.newAnswers} newer answers, queue; writing a snapshot takes ${fixed(quiz.encodeSnapshotMs)} more, after the queue`);
  }

  if (wanted('vscode')) {
    console.log(`Starting VS Code ${VSCODE_RUNS} times with the .vsix installed…`);
    const runs = [];
    for (let i = 0; i < VSCODE_RUNS; i++) runs.push(await vscodeRun(path.join(root, vsix)));
    figures.vscodeRuns = runs;
    console.log(`Starting VS Code ${VSCODE_RUNS} more times for an empty webview…`);
    const emptyWebviews = [];
    for (let i = 0; i < VSCODE_RUNS; i++) emptyWebviews.push((await vscodeRun(path.join(root, vsix), { STUDY_NOTES_BENCH_PART: 'emptyWebview' })).emptyWebviewMs);
    figures.emptyWebviewMs = emptyWebviews;
    const pick = (get) => median(runs.map(get));
    row('Start-up', 'activate()', fixed(pick((r) => r.activateMs)), `time inside activate(), median of ${runs.length} VS Code starts`);
    row('Start-up', 'extension activation by the host', fixed(pick((r) => r.hostActivationMs)), 'extension.activate() from another module: loading the bundle + activate()');
    row('Start-up', 'first open of the tree', fixed(pick((r) => r.firstTreeMs)), `all categories and ${runs[0].treeItems} items, notes loaded on first use`);
    row('Memory', 'extension host growth with the tree shown', `${(pick((r) => r.hostRssAfterTreeMb - r.hostRssMb.beforeActivation)).toFixed(1)} MB (goal ≤ 30 MB)`, 'RSS before activation → after the tree was shown and expanded');
    row('Memory', 'extension host RSS', `${pick((r) => r.hostRssMb.beforeActivation)} MB before → ${pick((r) => r.hostRssMb.afterUse)} MB after`, 'before activation, and after the tree and every note panel were opened');
    const opens = runs.flatMap((r) => r.openNoteToDiagramsMs.samples);
    const percentile90 = (values) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.9) - 1];
    row('Note panel', 'first note with diagrams', `${fixed(pick((r) => r.openNoteToDiagramsMs.first))} (goal ≤ 1.5 s)`,
      `command → last SVG in the page, median of ${runs.length} VS Code starts: new panel, page loaded, mermaid fetched`);
    row('Note panel', 'first note: page ready', fixed(pick((r) => r.openNoteToDiagramsMs.firstPageReady)),
      'command → the page\'s first message: VS Code made the webview and panel.js ran; the rest of the first note is the note, mermaid and its first drawings');
    row('Note panel', 'VS Code alone: an empty webview', fixed(median(emptyWebviews)),
      `a page with one line of script, made where the first note would be, in ${emptyWebviews.length} more VS Code starts: creation → its first message, VS Code's own part of the first note`);
    row('Note panel', 'open note → last diagram painted', `${fixed(median(opens))} median (goal ≤ 300 ms), ${fixed(percentile90(opens))} p90`,
      `each of ${runs[0].openNoteToDiagramsMs.notes - 1} notes with diagrams opened with its neighbour open, × ${runs.length} runs`);
    row('Note panel', 'back to a note', `${fixed(median(runs.flatMap((r) => r.openNoteToDiagramsMs.back)))} median`, 'back through the history: drawings kept per theme and text');
    row('Note panel', 'first note again, in a new panel', fixed(pick((r) => r.openNoteToDiagramsMs.readBefore)),
      'the panel closed and the first note opened again: new page, drawings read from disk, mermaid not imported');
    row('Note panel', 'theme change → diagrams redrawn', `${fixed(median(runs.flatMap((r) => r.themeChangeMs.toOther)))} median (goal ≤ 300 ms)`,
      `to the other theme on the notes with the most diagrams (${runs[0].themeChangeMs.diagrams.join(', ')}), each open ${runs[0].themeChangeMs.readingMs / 1000} s first (drawn ahead when idle); ${fixed(median(runs.flatMap((r) => r.themeChangeMs.back)))} back`);
  }

  const width = (key) => Math.max(...rows.map((r) => String(r[key]).length), key.length);
  const widths = { group: width('group'), figure: width('figure'), value: width('value') };
  console.log(`\n${'group'.padEnd(widths.group)}  ${'figure'.padEnd(widths.figure)}  ${'value'.padEnd(widths.value)}  how`);
  for (const r of rows) console.log(`${r.group.padEnd(widths.group)}  ${r.figure.padEnd(widths.figure)}  ${String(r.value).padEnd(widths.value)}  ${r.how}`);
  fs.mkdirSync(outDir, { recursive: true });
  const json = { date: new Date().toISOString(), machine: { cpus: os.cpus().length, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version }, rows, ...figures };
  fs.writeFileSync(path.join(outDir, 'results.json'), JSON.stringify(json, null, 2));
  console.log(`\nFigures written to ${path.relative(root, path.join(outDir, 'results.json'))}`);
} catch (error) {
  console.error(`\nA measurement could not be taken: ${error instanceof HarnessError ? error.message : error?.stack ?? error}`);
  process.exitCode = 1;
} finally {
  await stopAll();
}
