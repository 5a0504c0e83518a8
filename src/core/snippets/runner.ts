// Runs Python (an example file, or an exercise's tests) streaming its output, under a time limit and a
// cancel signal. Stopping a run must stop everything it started (multiprocessing workers, servers, subprocesses):
// on POSIX the example leads its own process group and the whole group is killed; on Windows
// `taskkill /T` (through tree-kill) kills the process tree.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { StringDecoder } from 'node:string_decoder';
import treeKill from 'tree-kill';
import type { Locale } from '../messages';
import { DEFAULT_OUTPUT_LIMIT, OutputCollector } from './outputCollector';

/** `note` is the single truncation note sent after the output, when output was left out. */
export type OutputStream = 'stdout' | 'stderr' | 'note';

export interface RunOptions {
  /** Working folder; default: the example file's folder, for `runPython` the current one. */
  cwd?: string;
  /** Time limit; default 10 s. */
  timeoutMs?: number;
  /** Receives the output as it arrives, already capped (see `OutputCollector`). */
  onOutput?: (text: string, stream: OutputStream) => void;
  signal?: AbortSignal;
  /** Bytes of output kept; default 1 MB. */
  maxOutputBytes?: number;
  /** Language of the truncation note. */
  locale?: Locale;
  /** Environment to start from; default `process.env`. */
  env?: NodeJS.ProcessEnv;
}

export interface RunResult {
  /** Exit code, or null when the process was ended by a signal. */
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  cancelled: boolean;
  /** stdout and stderr interleaved as they arrived: what was shown. */
  output: OutputCollector;
  /** stdout alone, for `compareOutput`. */
  stdout: OutputCollector;
  /** stderr alone, where an exercise's test report is. */
  stderr: OutputCollector;
  durationMs: number;
}

export const DEFAULT_TIMEOUT_MS = 10_000;

/** After the example's own process ended, how long to wait for the output pipes to close before closing them. */
const PIPE_GRACE_MS = 2000;

const LOOPBACK = ['127.0.0.1', 'localhost'];

/**
 * The example's environment: `base` plus UTF-8 output (the `.out` files are UTF-8) and loopback added
 * to `no_proxy`, so examples that talk to their own local server bypass a configured proxy.
 */
export function exampleEnvironment(base: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base, PYTHONIOENCODING: 'utf-8' };
  const names = Object.keys(env).filter((name) => name.toLowerCase() === 'no_proxy');
  const hosts = names.flatMap((name) => (env[name] ?? '').split(',')).map((host) => host.trim()).filter(Boolean);
  const noProxy = [...new Set([...hosts, ...LOOPBACK])].join(',');
  for (const name of names) delete env[name];
  // Windows environment names ignore case, so one entry there; POSIX programs read either spelling.
  if (platform === 'win32') env.NO_PROXY = noProxy;
  else Object.assign(env, { no_proxy: noProxy, NO_PROXY: noProxy });
  return env;
}

/** Kills the example and everything it started. */
function killAll(pid: number): void {
  if (process.platform === 'win32') {
    treeKill(pid, 'SIGKILL', () => undefined);
    return;
  }
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // ESRCH: the group is already gone.
  }
}

/**
 * Runs `python -u file` in the file's folder. Resolves when the example's output has ended, with how
 * it ended; rejects only when Python cannot be started (e.g. a wrong `pythonPath`). At the time limit
 * or on `signal` the whole process tree is killed. On POSIX, processes the example leaves behind when it
 * exits are killed too.
 */
export function runExample(pythonPath: string, file: string, options: RunOptions = {}): Promise<RunResult> {
  return runPython(pythonPath, ['-u', path.resolve(file)], { ...options, cwd: options.cwd ?? path.dirname(path.resolve(file)) });
}

/** `runExample` for any arguments of Python: the same limits, killing and capped output. */
export function runPython(pythonPath: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const { timeoutMs = DEFAULT_TIMEOUT_MS, onOutput, signal, maxOutputBytes = DEFAULT_OUTPUT_LIMIT, locale = 'en' } = options;
  const output = new OutputCollector(maxOutputBytes, locale);
  const stdout = new OutputCollector(maxOutputBytes, locale);
  const stderr = new OutputCollector(maxOutputBytes, locale);
  const started = performance.now();
  const result = (fields: Pick<RunResult, 'exitCode' | 'signal' | 'timedOut' | 'cancelled'>): RunResult =>
    ({ ...fields, output, stdout, stderr, durationMs: performance.now() - started });
  if (signal?.aborted) return Promise.resolve(result({ exitCode: null, signal: null, timedOut: false, cancelled: true }));

  return new Promise((resolve, reject) => {
    const child = spawn(pythonPath, [...args], {
      cwd: options.cwd,
      env: exampleEnvironment(options.env ?? process.env),
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group on POSIX, so that one kill reaches every process it starts.
      detached: process.platform !== 'win32',
      windowsHide: true,
    });
    let timedOut = false;
    let cancelled = false;
    let graceTimer: NodeJS.Timeout | undefined;
    const stop = (): void => { if (child.pid !== undefined) killAll(child.pid); };
    const timer = setTimeout(() => { timedOut = true; stop(); }, timeoutMs);
    const onAbort = (): void => { cancelled = true; stop(); };
    signal?.addEventListener('abort', onAbort, { once: true });
    const cleanUp = (): void => {
      clearTimeout(timer);
      clearTimeout(graceTimer);
      signal?.removeEventListener('abort', onAbort);
    };

    for (const [stream, name] of [[child.stdout, 'stdout'], [child.stderr, 'stderr']] as const) {
      const decoder = new StringDecoder('utf8');
      const take = (text: string): void => {
        const alone = name === 'stdout' ? stdout : stderr;
        alone.push(text);
        const shown = output.push(text);
        if (shown) onOutput?.(shown, name);
      };
      stream.on('data', (chunk: Buffer) => take(decoder.write(chunk)));
      stream.on('end', () => take(decoder.end()));
    }

    child.on('error', (error) => {
      // Without a pid the process never started; later errors (a failed kill) change nothing.
      if (child.pid === undefined) { cleanUp(); reject(error); }
    });
    child.on('exit', () => {
      if (process.platform !== 'win32') stop();
      // A process that escaped the group may still hold the pipes open; stop waiting for it.
      graceTimer = setTimeout(() => { child.stdout.destroy(); child.stderr.destroy(); }, PIPE_GRACE_MS);
    });
    child.on('close', (exitCode, exitSignal) => {
      cleanUp();
      const tail = output.tail();
      if (tail) onOutput?.(tail, 'note');
      resolve(result({ exitCode, signal: exitSignal, timedOut, cancelled }));
    });
  });
}
