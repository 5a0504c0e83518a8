// Runs Python code the way the bundled notes promise it runs: `python3 -I` in an empty temporary folder.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exerciseArguments } from '../../src/core/exercises/runnerScript';
import { parseUnittestOutput, type ExerciseRunReport } from '../../src/core/exercises/unittestResults';

export const PYTHON = process.env.STUDY_NOTES_PYTHON ?? 'python3';

export interface PythonRun {
  stdout: string;
  stderr: string;
  status: number | null;
  seconds: number;
  timedOut: boolean;
}

export function runPython(code: string, fileName = 'snippet_main.py', timeoutMs = 20_000): PythonRun {
  return inTempFolder({ [fileName]: code }, (dir) => runIn(dir, ['-I', fileName], timeoutMs));
}

/**
 * Runs an exercise's hidden tests against `code` saved as the starter's file name in an empty
 * temporary folder, the way Study Notes runs them against the learner's copy.
 */
export function runExerciseTests(testsFile: string, starterName: string, code: string, timeoutMs = 20_000): PythonRun & { report: ExerciseRunReport } {
  return inTempFolder({ [starterName]: code }, (dir) => {
    const run = runIn(dir, exerciseArguments(testsFile, dir), timeoutMs);
    return { ...run, report: parseUnittestOutput(run.stderr, path.join(dir, starterName)) };
  });
}

function inTempFolder<T>(files: Record<string, string>, work: (dir: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'study-notes-py-'));
  try {
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    return work(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function runIn(dir: string, args: string[], timeoutMs: number): PythonRun {
  const started = process.hrtime.bigint();
  const result = spawnSync(PYTHON, args, {
    cwd: dir,
    encoding: 'utf8',
    timeout: timeoutMs,
    // TMPDIR too, so that what Python puts in the temp folder lands in this run's own (test/harness/run-temp.mjs).
    env: { PATH: process.env.PATH ?? '', LANG: 'C.UTF-8', PYTHONIOENCODING: 'utf-8', no_proxy: '127.0.0.1,localhost', ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}) },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { stdout: result.stdout ?? '', stderr: result.stderr ?? '', status: result.status, seconds, timedOut: result.error?.message.includes('ETIMEDOUT') ?? false };
}

let stdlibNames: Set<string> | undefined;
/** The top-level standard-library module names of this Python (`sys.stdlib_module_names`). */
export function stdlibModules(): Set<string> {
  stdlibNames ??= new Set(runPython('import sys\nprint("\\n".join(sorted(sys.stdlib_module_names)))').stdout.split('\n').filter(Boolean));
  return stdlibNames;
}
