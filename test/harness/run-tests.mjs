// `npm test`: builds, lints, runs the plain-Node unit suites, then the integration suites inside a real
// VS Code (code-server + Chromium here; @vscode/test-electron where a desktop VS Code exists), and
// ends with one line `N passed, N failed` over all of them. Any failure, or a suite that could not
// start, exits non-zero; every stage has a time limit and every started process is stopped.
// `npm test` starts in scripts/bootstrap.mjs, which installs what is missing and then imports this file.
// Everything the run writes to the temp folder goes to one folder of its own, removed at the end.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HarnessError, runWithTimeout, stopAll, stopAllOnSignals, trackProcess, waitFor } from './processes.mjs';
import { useRunTempDir } from './run-temp.mjs';
import { makeWorkspace, runInVsCode } from './vscode-session.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);
const args = new Set(argv);
/** `--vsix FILE`: test that packaged extension, installed into VS Code, instead of the sources. */
const vsix = args.has('--vsix') ? path.resolve(argv[argv.indexOf('--vsix') + 1] ?? '') : undefined;
/** `--screenshot FILE`: the integration suite saves a screenshot of the workbench there (the README's). */
const screenshot = args.has('--screenshot') ? path.resolve(argv[argv.indexOf('--screenshot') + 1] ?? '') : undefined;
const log = (message) => console.log(message);
const totals = { passed: 0, failed: 0, pending: 0 };
const SUITE_TIMEOUT_MS = Number(process.env.STUDY_NOTES_SUITE_TIMEOUT_MS ?? 15 * 60_000);

stopAllOnSignals();
useRunTempDir();

async function build() {
  log('▶ build and typecheck');
  await runWithTimeout(process.execPath, ['esbuild.mjs'], { cwd: root, env: process.env, timeoutMs: 5 * 60_000, what: 'the esbuild build' });
  await runWithTimeout(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', '.'], { cwd: root, env: process.env, timeoutMs: 5 * 60_000, what: 'the typecheck (tsc)' });
}

/** ESLint over sources, tests and scripts (eslint.config.mjs); its findings stream through. */
async function lint() {
  log('\n▶ lint (ESLint)');
  const child = spawn(process.execPath, [path.join(root, 'node_modules/eslint/bin/eslint.js'), '--max-warnings', '0', '.'], { cwd: root, stdio: 'inherit', detached: true });
  const stop = trackProcess(child, 'eslint');
  const timer = setTimeout(() => { log('eslint timed out; stopping it'); stop(); }, 5 * 60_000);
  const code = await new Promise((resolve) => child.on('exit', (exitCode) => resolve(exitCode)));
  clearTimeout(timer);
  if (code !== 0) throw new HarnessError(`ESLint ${code === 1 ? 'reported the problems listed above' : `failed with exit code ${code}`}`);
  log('  no problems');
}

/** Runs the unit suites in a child Node process; its spec output streams through. */
async function unitSuites() {
  log('\n▶ unit tests (plain Node)');
  const statsFile = path.join(os.tmpdir(), `study-notes-unit-${process.pid}.json`);
  const child = spawn(process.execPath, [path.join(root, 'test/harness/mocha-node.mjs'), statsFile], { cwd: root, stdio: 'inherit', detached: true });
  const stop = trackProcess(child, 'unit tests');
  const timer = setTimeout(() => { log('unit tests timed out; stopping them'); stop(); }, SUITE_TIMEOUT_MS);
  await new Promise((resolve) => child.on('exit', resolve));
  clearTimeout(timer);
  if (!fs.existsSync(statsFile)) throw new HarnessError('the unit suites did not report results');
  const stats = JSON.parse(fs.readFileSync(statsFile, 'utf8'));
  fs.rmSync(statsFile);
  count(stats);
}

function count({ passes, failures, pending }) {
  totals.passed += passes;
  totals.failed += failures;
  totals.pending += pending;
}

/** Prints the JSON-lines results the extension host writes, as they arrive; resolves at `end`. */
function followResults(file, label) {
  let printed = 0;
  return async () => {
    if (!fs.existsSync(file)) return undefined;
    const lines = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
    for (const line of lines.slice(printed)) {
      const entry = JSON.parse(line);
      if (entry.event === 'pass') log(`  ✔ ${entry.title} (${entry.duration} ms)`);
      if (entry.event === 'pending') log(`  - ${entry.title} (pending)`);
      if (entry.event === 'fail') log(`  ✘ ${entry.title}\n${indent(entry.stack ?? entry.message)}`);
      if (entry.event === 'error') throw new HarnessError(`the ${label} suite could not start:\n${indent(entry.stack ?? entry.message)}`);
      if (entry.event === 'end') return entry.stats;
    }
    printed = lines.length;
    return undefined;
  };
}

const indent = (text) => String(text).split('\n').map((line) => `      ${line}`).join('\n');

const fixtureWorkspace = path.join(root, 'test/fixtures/workspace');

async function suiteInCodeServer(label, folder, options = {}) {
  const workspace = makeWorkspace(fixtureWorkspace);
  const resultsFile = path.join(os.tmpdir(), `study-notes-results-${process.pid}.jsonl`);
  try {
    count(await runInVsCode({
      root,
      testsModule: path.join(root, folder, 'index.js'),
      workspace,
      vsix,
      resultsFile,
      log,
      ...options,
      waitForResults: () => waitFor(followResults(resultsFile, label), { timeoutMs: SUITE_TIMEOUT_MS, what: `the ${label} tests to finish`, intervalMs: 200 }),
    }));
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

async function codeServerSuites() {
  log(`\n▶ integration tests in VS Code (code-server + Chromium)${vsix ? ` against ${path.basename(vsix)}` : ''}`);
  // STUDY_NOTES_PACKAGED tells the tests that the extension is a production build, without test reports.
  await suiteInCodeServer('code-server', 'out/test/integration', {
    env: { ...(screenshot ? { STUDY_NOTES_SCREENSHOT: screenshot } : {}), ...(vsix ? { STUDY_NOTES_PACKAGED: '1' } : {}) },
  });
}

/** Kills the extension host in the middle of a quiz, then checks in a new VS Code that no answer was lost. */
async function crashSuites() {
  log('\n▶ quiz progress across a killed extension host');
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'study-notes-crash-'));
  const workspace = makeWorkspace(fixtureWorkspace);
  const resultsFile = path.join(os.tmpdir(), `study-notes-crash-${process.pid}.jsonl`);
  try {
    const killed = await runInVsCode({
      root, testsModule: path.join(root, 'out/test/crash/phase1.js'), workspace, vsix, home, resultsFile, log,
      waitForResults: async () => {
        const entry = await waitFor(() => {
          const line = fs.readFileSync(resultsFile, 'utf8').trim().split('\n').pop();
          if (!line) return undefined;
          const parsed = JSON.parse(line);
          if (parsed.event === 'error') throw new HarnessError(`the quiz before the crash failed:\n${indent(parsed.message)}`);
          return parsed;
        }, { timeoutMs: 120_000, what: 'the quiz to reach its third question' });
        process.kill(entry.pid, 'SIGKILL');
        await waitFor(() => { try { process.kill(entry.pid, 0); return false; } catch { return true; } }, { timeoutMs: 10_000, what: 'the extension host to die' });
        return entry;
      },
    });
    log(`  killed the extension host (pid ${killed.pid}) with question 3 open, after answering ${killed.answered.join(', ')}`);
    await suiteInCodeServer('after the crash', 'out/test/crash', { home, env: { STUDY_NOTES_ANSWERED: killed.answered.join(',') } });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.rmSync(home, { recursive: true, force: true });
  }
}

async function untrustedSuites() {
  log('\n▶ integration tests in VS Code with an untrusted workspace');
  await suiteInCodeServer('untrusted workspace', 'out/test/untrusted', { trustWorkspace: false });
}

/** Desktop VS Code through @vscode/test-electron: given by path, or downloaded when asked. */
async function electronSuites() {
  const executable = process.env.STUDY_NOTES_VSCODE_EXECUTABLE;
  if (!executable && !args.has('--electron')) {
    log('\n▶ integration tests in desktop VS Code: not run (no download here; set STUDY_NOTES_VSCODE_EXECUTABLE=/path/to/code or pass --electron)');
    return;
  }
  log('\n▶ integration tests in desktop VS Code (@vscode/test-electron)');
  const { runTests } = await import('@vscode/test-electron');
  const workspace = makeWorkspace(fixtureWorkspace);
  const resultsFile = path.join(os.tmpdir(), `study-notes-electron-${process.pid}.jsonl`);
  fs.rmSync(resultsFile, { force: true });
  try {
    await runTests({
      ...(executable ? { vscodeExecutablePath: executable } : { version: '1.100.3' }),
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'out/test/integration/index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
      extensionTestsEnv: { STUDY_NOTES_RESULTS: resultsFile },
    }).catch(() => { /* failures are read from the results file below */ });
    const stats = await followResults(resultsFile, 'desktop VS Code')();
    if (!stats) throw new HarnessError('desktop VS Code ran no tests');
    count(stats);
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

let exitCode = 0;
const failedStages = [];
const stages = [build, lint, unitSuites, codeServerSuites, crashSuites, untrustedSuites, electronSuites];
for (const stage of stages) {
  if (args.has('--unit') && stage !== build && stage !== unitSuites) continue;
  if (args.has('--integration') && (stage === unitSuites || stage === lint)) continue;
  if (args.has('--crash') && stage !== build && stage !== crashSuites) continue;
  if (vsix && ![build, codeServerSuites, crashSuites, untrustedSuites].includes(stage)) continue;
  try {
    await stage();
  } catch (error) {
    exitCode = 1;
    totals.failed += 1;
    failedStages.push(stage.name);
    console.error(`\n✘ ${stage.name} failed: ${error instanceof HarnessError ? error.message : error?.stack ?? error}`);
    if (stage === build) break;
  }
}
await stopAll();
if (totals.failed > 0) exitCode = 1;
if (failedStages.length > 0) console.log(`\n✘ stages that failed as a whole (each counted as one failure): ${failedStages.join(', ')}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.pending ? `, ${totals.pending} skipped` : ''}`);
process.exit(exitCode);
