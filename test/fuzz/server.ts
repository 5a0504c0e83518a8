// The long fuzz run of the language server (issue 15), `npm run fuzz`: thousands of malformed and
// hostile notes written to a folder, `node dist/server.js --stdio` indexing them, and every note
// opened and asked for completion, hover, symbols and definition at random positions (some of them
// invalid), plus workspace symbols and full-text search. It reports crashes, requests unanswered
// after 1 s, error logs and the server's peak memory, and exits non-zero when any goal is missed.
// Built to out/fuzz/server.js by scripts/fuzz.mjs: `node out/fuzz/server.js [notes] [seed]`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { HOSTILE_FILES, withPort } from '../support/hostileCorpus';
import { SERVER_NODE_FLAGS } from '../../src/server/serverFlags';
import { LspProcess } from '../support/lspProcess';
import { note } from '../support/noteArbitraries';
import { seededRandom } from '../support/seededRandom';

const root = path.resolve(__dirname, '../..');
const NOTES = Number(process.argv[2] ?? 10_000);
const SEED = Number(process.argv[3] ?? 20_261_202);
const ANSWER_WITHIN_MS = 1000;
const MAX_RSS_MB = 300;

interface Outcome {
  requests: number;
  slow: { method: string; ms: number; note: string }[];
  unanswered: { method: string; note: string }[];
  failed: { method: string; message: string; note: string }[];
}

async function main(): Promise<void> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'study-notes-fuzz-'));
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'study-notes-fuzz-cache-'));
  const texts = [
    ...fc.sample(note, { seed: SEED, numRuns: NOTES }).map(String),
    ...HOSTILE_FILES.map((file) => withPort(file.text(), 9)),
  ];
  texts.forEach((text, i) => fs.writeFileSync(path.join(folder, `fuzz-${i}.md`), text));
  // With the Node flags the extension starts it with.
  const server = new LspProcess(path.join(root, 'dist', 'server.js'), ['--stdio'], {}, SERVER_NODE_FLAGS);
  let peakRssMb = 0;
  const sampler = setInterval(() => { peakRssMb = Math.max(peakRssMb, rssMb(server.pid)); }, 200);
  const outcome: Outcome = { requests: 0, slow: [], unanswered: [], failed: [] };
  const random = seededRandom(SEED);
  const started = performance.now();
  try {
    await server.request('initialize', {
      processId: process.pid, rootUri: null, capabilities: { textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } } },
      initializationOptions: { noteFolders: [folder], cacheFolder: cache, locale: 'en' },
    });
    server.notify('initialized', {});
    const ask = async (method: string, params: unknown, note: string, invalid = false): Promise<void> => {
      outcome.requests++;
      const sent = performance.now();
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => { timer = setTimeout(() => resolve('late'), 10_000); });
      try {
        const answer = await Promise.race([server.request(method, params).then(() => 'ok' as const), late]);
        const ms = performance.now() - sent;
        if (answer === 'late') outcome.unanswered.push({ method, note });
        else if (ms > ANSWER_WITHIN_MS) outcome.slow.push({ method, ms: Math.round(ms), note });
      } catch (error) {
        // Invalid parameters must be answered with InvalidParams; anything else is a failure.
        const code = (error as { code?: number }).code;
        if (!(invalid && code === -32602)) outcome.failed.push({ method, message: String((error as Error).message).slice(0, 200), note });
      } finally {
        clearTimeout(timer);
      }
    };
    // The first tree answer waits for the first index of every note (a cold start, no cache): that
    // is `indexedMs`. Every request after it must be answered within ANSWER_WITHIN_MS.
    await server.request('studyNotes/tree', {});
    const indexedMs = performance.now() - started;
    for (const [i, text] of texts.entries()) {
      const file = path.join(folder, `fuzz-${i}.md`);
      const uri = pathToFileURL(file).href;
      server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
      const lines = text.split('\n');
      const position = () => {
        const line = Math.floor(random() * (lines.length + 2));
        return { line, character: Math.floor(random() * ((lines[line]?.length ?? 0) + 3)) };
      };
      const where = { textDocument: { uri } };
      await Promise.all([
        ask('textDocument/completion', { ...where, position: position() }, file),
        ask('textDocument/hover', { ...where, position: position() }, file),
        ask('textDocument/definition', { ...where, position: position() }, file),
        ask('textDocument/documentSymbol', where, file),
      ]);
      if (i % 10 === 0) await ask('textDocument/hover', { ...where, position: null }, file, true);
      if (i % 25 === 0) {
        await ask('workspace/symbol', { query: text.slice(0, Math.floor(random() * 12)) }, file);
        await ask('studyNotes/search', { query: lines[Math.floor(random() * lines.length)]?.slice(0, 12) ?? 'x' }, file);
      }
      server.notify('textDocument/didClose', where);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    const crashed = !server.running;
    const errorLogs = server.notifications
      .filter(({ method, params }) => method === 'window/logMessage' && (params as { type?: number }).type === 1)
      .map(({ params }) => String((params as { message?: string }).message).slice(0, 300));
    const summary = {
      notes: texts.length, seed: SEED, requests: outcome.requests, indexedMs: Math.round(indexedMs), totalSeconds: Math.round((performance.now() - started) / 1000),
      crashed, unanswered: outcome.unanswered.length, slowerThan1s: outcome.slow.length, failed: outcome.failed.length, errorLogs: errorLogs.length,
      stderrBytes: server.stderr.length, peakRssMb, maxRssMb: MAX_RSS_MB,
      examples: { slow: outcome.slow.slice(0, 5), unanswered: outcome.unanswered.slice(0, 5), failed: outcome.failed.slice(0, 5), errorLogs: errorLogs.slice(0, 5), stderr: server.stderr.slice(0, 500) },
    };
    console.log(JSON.stringify(summary, null, 2));
    const ok = !crashed && outcome.unanswered.length === 0 && outcome.slow.length === 0 && outcome.failed.length === 0 && errorLogs.length === 0 && server.stderr === '' && peakRssMb <= MAX_RSS_MB;
    process.exitCode = ok ? 0 : 1;
  } finally {
    clearInterval(sampler);
    await server.stop();
    fs.rmSync(folder, { recursive: true, force: true });
    fs.rmSync(cache, { recursive: true, force: true });
  }
}

function rssMb(pid: number | undefined): number {
  try {
    return Math.round(Number(/^VmRSS:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);
  } catch {
    return 0;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
