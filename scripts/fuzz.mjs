// `npm run fuzz [-- NOTES [SEED]]`: the long fuzz run of the language server (test/fuzz/server.ts)
// against the production bundle. Exits non-zero when the server crashed, left a request unanswered
// or slower than 1 s, logged an error, or went over its memory goal.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const build = spawnSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
await esbuild.build({
  absWorkingDir: root, entryPoints: ['test/fuzz/server.ts'], outfile: 'out/fuzz/server.js',
  bundle: true, platform: 'node', format: 'cjs', target: 'node20', packages: 'external', logLevel: 'warning',
});
const run = spawnSync(process.execPath, [path.join(root, 'out/fuzz/server.js'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
