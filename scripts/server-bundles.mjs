// The language server's bundles: `server.js`, and `mermaidWorker.js`, which the server starts only
// when a note has a diagram. The worker bundles jsdom, whose source reads two files at run time;
// the plugin below builds their content in, so the worker needs no node_modules.
//
// esbuild.mjs: `builds.push(...serverBuilds('dist', node))` in place of the server entry.
// Tests: `node scripts/server-bundles.mjs OUTDIR` builds both into OUTDIR with mermaid's browser
// build copied to OUTDIR/webview/mermaid.min.js, where the server looks for it (as in dist/).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

/** @type {esbuild.Plugin} */
export const jsdomBundling = {
  name: 'jsdom-bundling',
  setup(build) {
    // jsdom's CSS helpers read the default stylesheet from beside their source.
    build.onLoad({ filter: /jsdom[\\/]lib[\\/]jsdom[\\/]living[\\/]css[\\/]helpers[\\/]computed-style\.js$/ }, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8');
      const css = await fs.promises.readFile(path.resolve(path.dirname(args.path), '../../../browser/default-stylesheet.css'), 'utf8');
      const read = /fs\.readFileSync\(\s*path\.resolve\(__dirname, "\.\.\/\.\.\/\.\.\/browser\/default-stylesheet\.css"\),\s*\{ encoding: "utf-8" \}\s*\)/;
      if (!read.test(source)) throw new Error(`jsdom changed how it reads its default stylesheet: ${args.path}`);
      return { contents: source.replace(read, JSON.stringify(css)), loader: 'js' };
    });
    // Only synchronous XMLHttpRequest uses this worker file, and mermaid never makes one.
    build.onLoad({ filter: /jsdom[\\/]lib[\\/]jsdom[\\/]living[\\/]xhr[\\/]XMLHttpRequest-impl\.js$/ }, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8');
      return { contents: source.replace('require.resolve("./xhr-sync-worker.js")', '"xhr-sync-worker.js is not bundled"'), loader: 'js' };
    });
    // css-tree's ES build loads its data with createRequire(import.meta.url); its CommonJS build
    // uses plain require() calls that esbuild can follow.
    build.onResolve({ filter: /^css-tree(\/.*)?$/ }, (args) =>
      args.kind === 'require-call' ? undefined : build.resolve(args.path, { kind: 'require-call', resolveDir: args.resolveDir }));
  },
};

/** esbuild options for both bundles, written to `outdir`, on top of the Node options `base`. */
export function serverBuilds(outdir, base) {
  return [
    { ...base, entryPoints: ['src/server/server.ts'], outfile: path.join(outdir, 'server.js') },
    { ...base, entryPoints: ['src/server/mermaidWorker.ts'], outfile: path.join(outdir, 'mermaidWorker.js'), plugins: [jsdomBundling] },
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const outdir = process.argv[2];
  if (!outdir) {
    console.error('usage: node scripts/server-bundles.mjs OUTDIR');
    process.exit(2);
  }
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const base = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: 'linked', logLevel: 'warning', absWorkingDir: root };
  await Promise.all(serverBuilds(path.resolve(outdir), base).map((options) => esbuild.build(options)));
  fs.mkdirSync(path.join(outdir, 'webview'), { recursive: true });
  fs.copyFileSync(path.join(root, 'node_modules/mermaid/dist/mermaid.min.js'), path.join(outdir, 'webview', 'mermaid.min.js'));
}
