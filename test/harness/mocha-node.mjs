// Runs the built unit suites (out/test/unit) and the harness's own tests (test/harness/*.test.mjs)
// with mocha's spec reporter, and writes the counts to the file named by the first argument, for
// run-tests.mjs to add up.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Mocha from 'mocha';

const statsFile = process.argv[2];
const harness = path.dirname(fileURLToPath(import.meta.url));
const dir = path.resolve(harness, '../../out/test/unit');
const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: 20_000 });
for (const file of fs.readdirSync(dir, { recursive: true }).filter((name) => name.endsWith('.test.js')).sort()) {
  mocha.addFile(path.join(dir, file));
}
// The harness's own tests (plain .mjs, not built): the set-up's decisions, for instance.
for (const file of fs.readdirSync(harness).filter((name) => name.endsWith('.test.mjs')).sort()) {
  mocha.addFile(path.join(harness, file));
}
await mocha.loadFilesAsync();
const runner = mocha.run(() => {
  fs.writeFileSync(statsFile, JSON.stringify(runner.stats));
  // Suites may leave handles open (a jsdom window); the counts are written, so leave now.
  process.exit(0);
});
