// `npm start`: builds the extension, keeps rebuilding on change, and opens a VS Code with the
// extension under development and this repository (with its bundled notes) as the workspace.
// Here that VS Code is code-server: open the printed address in a browser. With `--desktop`, a
// desktop VS Code (`code` on PATH) is used instead. Ctrl-C stops everything it started and removes
// the run's temp folder. `npm start` begins in scripts/bootstrap.mjs, which installs what is missing.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCodeServer, startCodeServer } from '../test/harness/code-server.mjs';
import { HarnessError, runWithTimeout, stopAllOnSignals, trackProcess } from '../test/harness/processes.mjs';
import { useRunTempDir } from '../test/harness/run-temp.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (message) => console.log(message);
stopAllOnSignals(log);
const { outerEnv } = useRunTempDir();

try {
  await runWithTimeout(process.execPath, ['esbuild.mjs'], { cwd: root, env: process.env, timeoutMs: 5 * 60_000, what: 'the build' });
  const watcher = spawn(process.execPath, ['esbuild.mjs', '--watch'], { cwd: root, stdio: 'inherit', detached: true });
  trackProcess(watcher, 'esbuild --watch');

  if (process.argv.includes('--desktop')) {
    if (spawnSync('sh', ['-c', 'command -v code'], { stdio: 'ignore' }).status !== 0) {
      throw new HarnessError('--desktop needs a desktop VS Code with `code` on PATH.');
    }
    // A desktop VS Code may outlive this command (or already run): it keeps the usual temp folder.
    const code = spawn('code', ['--wait', '--new-window', `--extensionDevelopmentPath=${root}`, root], { stdio: 'inherit', detached: true, env: outerEnv });
    trackProcess(code, 'code');
    code.on('exit', () => process.kill(process.pid, 'SIGTERM'));
    log('Desktop VS Code opened with Study Notes under development. Close its window or press Ctrl-C to stop.');
  } else {
    const entry = await ensureCodeServer(log);
    const server = await startCodeServer({ entry, workspace: root, log: () => {} });
    const payload = [['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${server.port}${root}`]];
    log('\nStudy Notes is running in VS Code (code-server). Open this address in a browser:\n');
    log(`  ${server.url}/?folder=${encodeURIComponent(root)}&payload=${encodeURIComponent(JSON.stringify(payload))}\n`);
    log('Changes to src/ rebuild automatically; reload the browser window to load them. Press Ctrl-C to stop.');
  }
} catch (error) {
  console.error(error instanceof HarnessError ? error.message : error);
  process.kill(process.pid, 'SIGTERM');
}
