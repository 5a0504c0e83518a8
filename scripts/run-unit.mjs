// Builds and runs chosen unit test files on their own, without touching dist/ or the full build:
// `node scripts/run-unit.mjs test/unit/search.test.ts [...]`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node scripts/run-unit.mjs test/unit/NAME.test.ts [...]');
  process.exit(2);
}
// out/test/<dir> keeps the same depth as out/test/unit, so paths relative to __dirname still work.
const outdir = `out/test/dev-${process.pid}`;
await esbuild.build({
  entryPoints: files, outdir, bundle: true, platform: 'node', format: 'cjs', target: 'node20',
  packages: 'external', sourcemap: 'inline', logLevel: 'warning',
});
const built = files.map((file) => path.join(outdir, path.basename(file).replace(/\.ts$/, '.js')));
const result = spawnSync(process.execPath, ['--enable-source-maps', 'node_modules/mocha/bin/mocha.js', '--reporter', 'spec', ...built], { stdio: 'inherit' });
fs.rmSync(outdir, { recursive: true, force: true });
process.exit(result.status ?? 1);
