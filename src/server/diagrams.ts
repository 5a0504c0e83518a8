// Checks mermaid blocks with mermaid's own parser. mermaid needs a DOM, so it runs in a worker
// thread with jsdom (dist/mermaidWorker.js), started on the first note that has a diagram: the
// server starts fast, and a slow or stuck parse never blocks other requests.
import { Worker } from 'node:worker_threads';
import { format, type Locale } from '../core/messages';
import type { Note, NoteProblem } from '../core/model';

/** A parse that takes longer than this is given up and the worker restarted. */
const PARSE_TIMEOUT_MS = 15_000;
const CACHE_SIZE = 1000;

interface WorkerAnswer {
  id: number;
  error?: string;
}

export class DiagramChecker {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (error: string | undefined) => void; timer: NodeJS.Timeout }>();
  /** Diagram source → mermaid's error, or undefined when it parses; most recent last. */
  private readonly results = new Map<string, string | undefined>();

  /** `workerFile` is the bundled worker; `mermaidScript` is mermaid's single-file browser build. */
  constructor(private readonly workerFile: string, private readonly mermaidScript: string) {}

  /** Resolves to mermaid's error message, or undefined when the diagram parses (or the check gave up). */
  check(source: string): Promise<string | undefined> {
    if (this.results.has(source)) return Promise.resolve(this.results.get(source));
    const worker = this.start();
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.stop();
        resolve(undefined);
      }, PARSE_TIMEOUT_MS);
      this.pending.set(id, {
        timer,
        resolve: (error) => {
          this.remember(source, error);
          resolve(error);
        },
      });
      worker.postMessage({ id, source });
    });
  }

  dispose(): void {
    this.stop();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerFile, { workerData: { mermaidScript: this.mermaidScript } });
    worker.on('message', ({ id, error }: WorkerAnswer) => {
      const waiting = this.pending.get(id);
      if (!waiting) return;
      this.pending.delete(id);
      clearTimeout(waiting.timer);
      waiting.resolve(error);
    });
    // A worker that dies answers nothing: release everyone waiting, and start afresh next time.
    worker.on('error', () => this.stop());
    worker.on('exit', () => { if (this.worker === worker) this.stop(); });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private stop(): void {
    const worker = this.worker;
    this.worker = undefined;
    for (const { timer, resolve } of this.pending.values()) {
      clearTimeout(timer);
      resolve(undefined);
    }
    this.pending.clear();
    void worker?.terminate();
  }

  private remember(source: string, error: string | undefined): void {
    this.results.set(source, error);
    if (this.results.size > CACHE_SIZE) this.results.delete(this.results.keys().next().value!);
  }
}

/**
 * A problem for each diagram of `note` that mermaid rejected (`errors` is parallel to its diagrams),
 * on the line mermaid names ("Parse error on line 3") or else on the diagram's first line.
 */
export function diagramProblems(note: Note, errors: readonly (string | undefined)[], locale: Locale): NoteProblem[] {
  const problems: NoteProblem[] = [];
  errors.forEach((error, i) => {
    const firstLine = note.spans?.diagramLines[i];
    if (error === undefined || firstLine === undefined) return;
    const lines = note.diagrams[i].split('\n');
    const reported = Number(/\bline (\d+)\b/.exec(error)?.[1] ?? 1);
    const offset = Math.min(Math.max(reported, 1), lines.length) - 1;
    const messageLines = error.split('\n').map((line) => line.trim()).filter((line) => line && !/^[-^.]*$/.test(line) && !line.startsWith('...'));
    const message = messageLines.length > 1 ? `${messageLines[0]} ${messageLines[messageLines.length - 1]}` : (messageLines[0] ?? error);
    problems.push({
      message: format(locale, 'diagramError', message),
      severity: 'error',
      range: { startLine: firstLine + offset, startCharacter: 0, endLine: firstLine + offset, endCharacter: lines[offset].length },
    });
  });
  return problems;
}
