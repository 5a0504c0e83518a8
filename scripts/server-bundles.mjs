// The language server's bundle, `server.js`, built on its own for tests that run the server as any
// LSP client would: `node scripts/server-bundles.mjs OUTDIR` builds it into OUTDIR.
// esbuild.mjs uses `serverBuild` for dist/.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

/** esbuild options for the server bundle, written to `outdir`, on top of the Node options `base`. */
export function serverBuild(outdir, base) {
  return { ...base, entryPoints: ['src/server/server.ts'], outfile: path.join(outdir, 'server.js') };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const outdir = process.argv[2];
  if (!outdir) {
    console.error('usage: node scripts/server-bundles.mjs OUTDIR');
    process.exit(2);
  }
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const base = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: 'linked', logLevel: 'warning', absWorkingDir: root };
  await esbuild.build(serverBuild(path.resolve(outdir), base));
}
