// Checks bundled notes while writing them: `node scripts/check-notes.mjs [id …]` runs the content
// tests (schema, examples, quiz code, mermaid) for the given note ids, or for all notes.
import { spawnSync } from 'node:child_process';
import * as esbuild from 'esbuild';

await esbuild.build({
  entryPoints: ['test/unit/notesContent.test.ts'],
  outfile: 'out/test/check/notesContent.test.js',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
const ids = process.argv.slice(2);
const result = spawnSync('npx', ['mocha', '--reporter', 'spec', 'out/test/check/notesContent.test.js'], {
  stdio: 'inherit',
  env: { ...process.env, STUDY_NOTES_NOTE_IDS: ids.join(',') },
});
process.exit(result.status ?? 1);
