// Runs Python code the way the bundled notes promise it runs: `python3 -I` in an empty temporary folder.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const PYTHON = process.env.STUDY_NOTES_PYTHON ?? 'python3';

export interface PythonRun {
  stdout: string;
  stderr: string;
  status: number | null;
  seconds: number;
  timedOut: boolean;
}

export function runPython(code: string, fileName = 'snippet_main.py', timeoutMs = 20_000): PythonRun {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'study-notes-py-'));
  try {
    fs.writeFileSync(path.join(dir, fileName), code);
    const started = process.hrtime.bigint();
    const result = spawnSync(PYTHON, ['-I', fileName], {
      cwd: dir,
      encoding: 'utf8',
      timeout: timeoutMs,
      env: { PATH: process.env.PATH ?? '', LANG: 'C.UTF-8', PYTHONIOENCODING: 'utf-8', no_proxy: '127.0.0.1,localhost' },
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { stdout: result.stdout ?? '', stderr: result.stderr ?? '', status: result.status, seconds, timedOut: result.error?.message.includes('ETIMEDOUT') ?? false };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

let stdlibNames: Set<string> | undefined;
/** The top-level standard-library module names of this Python (`sys.stdlib_module_names`). */
export function stdlibModules(): Set<string> {
  stdlibNames ??= new Set(runPython('import sys\nprint("\\n".join(sorted(sys.stdlib_module_names)))').stdout.split('\n').filter(Boolean));
  return stdlibNames;
}
