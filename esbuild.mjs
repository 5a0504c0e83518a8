// Builds the extension (Node, CommonJS), the language server (Node) and the webview scripts
// (browser), plus the test bundles. `--production` minifies and drops source maps; `--watch` rebuilds.
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { patchMermaid } from './scripts/mermaid-patches.mjs';
import { serverBuild } from './scripts/server-bundles.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const withTests = !production;

const common = {
  bundle: true,
  // Test-only reports (see src/buildFlags.d.ts) compile away in the production build.
  define: { STUDY_NOTES_TEST: String(!production) },
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  logLevel: 'warning',
  legalComments: production ? 'none' : 'inline',
};

const node = { ...common, platform: 'node', format: 'cjs', target: 'node20' };

/** Test files under `dir` ending in `.test.ts`, plus any extra entry points. */
function testEntries(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.join(dir, file));
}

const builds = [
  { ...node, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // The language client, loaded by extension.js the first time something needs notes.
  { ...node, entryPoints: ['src/extension/client/languageClient.ts'], outfile: 'dist/languageClient.js', external: ['vscode'] },
  // The language server, which owns the note model.
  serverBuild('dist', node),
  {
    ...common,
    platform: 'browser',
    // ES modules, so that the two pages share one chunk of common code (renderer, highlighting,
    // sanitizer) instead of each bundling its own copy.
    format: 'esm',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    target: 'es2022',
    entryPoints: { panel: 'src/webview/panel.ts', quizCard: 'src/webview/quizCard.ts' },
    outdir: 'dist/webview',
  },
];
if (withTests) {
  // Tests keep their npm packages external so that mocha and friends load from node_modules.
  builds.push(
    { ...node, entryPoints: testEntries('test/unit'), outdir: 'out/test/unit', packages: 'external' },
    { ...node, entryPoints: testEntries('test/integration'), outdir: 'out/test/integration', packages: 'external', external: ['vscode'] },
    // The crash test runs in two VS Codes: one is killed mid-quiz, the next checks what was kept.
    {
      ...node,
      entryPoints: { phase1: 'test/crash/phase1.ts', index: 'test/integration/index.ts', 'phase2.test': 'test/crash/phase2.test.ts' },
      outdir: 'out/test/crash',
      packages: 'external',
      external: ['vscode'],
    },
    // The untrusted-workspace suite runs in a VS Code of its own, with the same entry module.
    {
      ...node,
      entryPoints: { index: 'test/integration/index.ts', 'untrusted.test': 'test/untrusted/untrusted.test.ts' },
      outdir: 'out/test/untrusted',
      packages: 'external',
      external: ['vscode'],
    },
  );
}

/**
 * The note panel draws diagrams with mermaid's ES module build: its entry and the chunks the entry
 * imports (about 0.75 MB), then only the chunks of the diagram types a note uses, where the
 * single-file build has the page evaluate all 3.5 MB before its first drawing. Its 104 files ship
 * beside panel.js (never a CDN) as one brotli-compressed archive, 725 KB in the .vsix, which the
 * first note panel of a session unpacks once into the extension's storage
 * (src/extension/panel/mermaidScript.ts, which reads this format). Two patches take away work
 * mermaid repeats (scripts/mermaid-patches.mjs). Compressing takes 10–15 s, so the result is kept
 * in node_modules/.cache for as long as mermaid's version and the patches are the same.
 *
 * The archive: a first line with the JSON list of [path, byte length], then the files' bytes in
 * that order.
 */
async function packMermaid() {
  const dist = 'node_modules/mermaid/dist';
  const { version } = JSON.parse(fs.readFileSync('node_modules/mermaid/package.json', 'utf8'));
  const files = ['mermaid.esm.min.mjs', ...fs.readdirSync(path.join(dist, 'chunks/mermaid.esm.min'))
    .filter((name) => name.endsWith('.mjs')).sort().map((name) => `chunks/mermaid.esm.min/${name}`)];
  const patch = createHash('sha256').update(fs.readFileSync('scripts/mermaid-patches.mjs')).digest('hex').slice(0, 12);
  const cached = `node_modules/.cache/study-notes/mermaid-${version}.${files.length}.${patch}.esm.br`;
  if (!fs.existsSync(cached)) {
    const patched = { getConfig: 0, sanitizeSvg: 0 };
    const contents = files.map((file) => {
      const result = patchMermaid(fs.readFileSync(path.join(dist, file), 'utf8'));
      for (const name of Object.keys(patched)) patched[name] += result.patched[name];
      return Buffer.from(result.code);
    });
    // Drawing stays correct without a patch, only slower; the unit test fails on such a mermaid.
    for (const [name, times] of Object.entries(patched)) {
      if (times !== 1) console.warn(`esbuild.mjs: mermaid ${version}'s ${name} was patched ${times} times, not once; see scripts/mermaid-patches.mjs`);
    }
    const index = JSON.stringify(files.map((file, i) => [file, contents[i].length]));
    const archive = Buffer.concat([Buffer.from(`${index}\n`), ...contents]);
    const packed = await promisify(zlib.brotliCompress)(archive, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        // A 16 MB window: the chunks repeat one another's code at long distances.
        [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: archive.length,
      },
    });
    fs.rmSync(path.dirname(cached), { recursive: true, force: true });
    fs.mkdirSync(path.dirname(cached), { recursive: true });
    fs.writeFileSync(cached, packed);
  }
  fs.mkdirSync('dist/webview', { recursive: true });
  fs.copyFileSync(cached, 'dist/webview/mermaid.esm.br');
}

if (!watch) {
  // A fresh dist/ and out/ each time, so no stale bundle or source map is ever packaged or tested.
  fs.rmSync('dist', { recursive: true, force: true });
  fs.rmSync('out/test/unit', { recursive: true, force: true });
  fs.rmSync('out/test/integration', { recursive: true, force: true });
  fs.rmSync('out/test/untrusted', { recursive: true, force: true });
  fs.rmSync('out/test/crash', { recursive: true, force: true });
}
const mermaidPacked = packMermaid();
if (watch) {
  const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
  await Promise.all(contexts.map((context) => context.watch()));
  console.log('esbuild: watching for changes…');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
await mermaidPacked;
