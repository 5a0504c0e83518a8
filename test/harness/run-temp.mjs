// One temporary folder per run of `npm test`, `npm start` or `npm run bench`, removed when the run ends
// (normally, on a failure, on a time-out or on Ctrl-C). Every process the run starts inherits it as
// TMPDIR (and TMP, TEMP), so what they leave in "the temp folder" goes there: VS Code's
// vscode-ipc-*.sock and vscode-git-*.sock and its TypeScript server's vscode-typescript*/, Chromium's
// profile, the harness's result and stats files, Python's temporary files. VS Code puts its IPC sockets
// in XDG_RUNTIME_DIR when that is set, so the run points it there too.
// Loaded before the npm packages are installed: Node built-ins only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const NAMES = ['TMPDIR', 'TMP', 'TEMP', 'XDG_RUNTIME_DIR'];
let current;

/**
 * Creates this run's temporary folder on first call and points this process's environment at it;
 * later calls return the same one. `outerEnv` is the environment as it was, for a program that
 * outlives the run (a desktop VS Code) and so must not keep its files in a folder that goes away.
 */
export function useRunTempDir() {
  if (current) return current;
  const outerEnv = { ...process.env };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'study-notes-run-'));
  for (const name of NAMES) process.env[name] = dir;
  // 'exit' handlers run on process.exit() and on a normal end alike; only synchronous work is possible.
  process.on('exit', () => removeRunTempDir());
  current = { dir, outerEnv };
  return current;
}

export function removeRunTempDir() {
  if (current) fs.rmSync(current.dir, { recursive: true, force: true, maxRetries: 3 });
}
