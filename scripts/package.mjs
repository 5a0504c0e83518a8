// `npm run package`: production build, then a .vsix with @vscode/vsce (everything is bundled, so no
// node_modules go in), and its size.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const vsix = path.join(root, `${manifest.name}-${manifest.version}.vsix`);

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(process.execPath, ['esbuild.mjs', '--production']);
// The README's images and links stay relative: the repository has no public address to rewrite them to.
// The https-tls note's example serves TLS on 127.0.0.1 with a throwaway self-signed key written into
// its code on purpose; vsce's secret scan would refuse the package for it.
run('npx', ['vsce', 'package', '--no-dependencies', '--no-rewrite-relative-links', '--allow-package-secrets', 'privatekey', '--out', vsix]);
const bytes = fs.statSync(vsix).size;
console.log(`\n${path.basename(vsix)}: ${(bytes / 1024 / 1024).toFixed(2)} MB (${bytes} bytes)`);
