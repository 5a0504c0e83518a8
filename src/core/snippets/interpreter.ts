// Chooses the Python that runs examples: the first candidate that answers with a recent enough version.
import { execFile } from 'node:child_process';

export interface PythonInterpreter {
  path: string;
  /** `major.minor.micro`, e.g. `3.11.7`. */
  version: string;
}

export interface PythonSearch {
  found?: PythonInterpreter;
  /** Candidates tried before the one found (or all, when none was), with their version if they answered. */
  rejected: { path: string; version?: string }[];
}

/** Answers a candidate's version, or undefined when it does not run as Python. */
export type PythonProbe = (path: string) => Promise<string | undefined>;

/** The oldest Python the bundled examples are written for. */
export const MINIMUM_PYTHON = '3.8';

const PROBE_TIMEOUT_MS = 5000;

/**
 * Candidates in order of preference: the `configured` setting, the Python extension's interpreter,
 * then `python3` and `python` from PATH (and the `py` launcher on Windows). Empty and repeated entries
 * are left out.
 */
export function pythonCandidates(configured: string | undefined, fromPythonExtension: string | undefined, platform: NodeJS.Platform = process.platform): string[] {
  const all = [configured, fromPythonExtension, 'python3', 'python', ...(platform === 'win32' ? ['py'] : [])];
  return [...new Set(all.map((candidate) => candidate?.trim() ?? '').filter((candidate) => candidate !== ''))];
}

function atLeast(version: string, minimum: string): boolean {
  const have = version.split('.').map(Number);
  const need = minimum.split('.').map(Number);
  for (let i = 0; i < need.length; i += 1) {
    if ((have[i] ?? 0) !== need[i]) return (have[i] ?? 0) > need[i];
  }
  return true;
}

/** The first candidate whose probed version is at least `minimum`, probing one at a time in order. */
export async function findPython(candidates: readonly string[], probe: PythonProbe = probePython, minimum = MINIMUM_PYTHON): Promise<PythonSearch> {
  const rejected: PythonSearch['rejected'] = [];
  for (const path of candidates) {
    const version = await probe(path).catch(() => undefined);
    if (version !== undefined && atLeast(version, minimum)) return { found: { path, version }, rejected };
    rejected.push(version === undefined ? { path } : { path, version });
  }
  return { rejected };
}

/** Runs `path -c …` to read its version; undefined when it fails, prints no version or takes too long. */
export function probePython(path: string, timeoutMs = PROBE_TIMEOUT_MS): Promise<string | undefined> {
  // `%` formatting and print(...) with one argument work in Python 2 too, so an old `python` reports its version.
  const script = 'import sys; print("%d.%d.%d" % tuple(sys.version_info[:3]))';
  return new Promise((resolve) => {
    execFile(path, ['-c', script], { timeout: timeoutMs, windowsHide: true, killSignal: 'SIGKILL' }, (error, stdout) => {
      const version = /^(\d+\.\d+\.\d+)\s*$/.exec(String(stdout));
      resolve(error || !version ? undefined : version[1]);
    });
  });
}
