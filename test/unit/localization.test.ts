// Every user-facing string exists in English and Simplified Chinese: the manifest's %keys%, the
// vscode.l10n.t() strings of the extension, and the core's own catalogue.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { catalogueKeys } from '../../src/core/messages';

const root = path.resolve(__dirname, '../../..');
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as Record<string, unknown>;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { recursive: true, withFileTypes: false })
    .map(String).filter((file) => file.endsWith('.ts')).map((file) => path.join(root, dir, file));
}

describe('localization', function () {
  it('has every manifest key in package.nls.json and package.nls.zh-cn.json', function () {
    const manifest = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
    const used = new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((match) => match[1]));
    for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const keys = new Set(Object.keys(readJson(file)));
      assert.deepEqual([...used].filter((key) => !keys.has(key)), [], `missing in ${file}`);
      assert.deepEqual([...keys].filter((key) => !used.has(key)), [], `unused in ${file}`);
    }
  });

  it('translates every vscode.l10n.t() string of the extension into Chinese', function () {
    const used = new Set<string>();
    for (const file of sourceFiles('src/extension')) {
      for (const match of fs.readFileSync(file, 'utf8').matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) used.add(match[1].replace(/\\'/g, "'"));
    }
    assert.ok(used.size > 10, `only ${used.size} strings found`);
    const zh = readJson('l10n/bundle.l10n.zh-cn.json');
    assert.deepEqual([...used].filter((key) => typeof zh[key] !== 'string' || zh[key] === ''), [], 'missing in l10n/bundle.l10n.zh-cn.json');
    assert.deepEqual(Object.keys(zh).filter((key) => !used.has(key)), [], 'unused in l10n/bundle.l10n.zh-cn.json');
    for (const [key, value] of Object.entries(zh)) {
      const placeholders = (text: string) => [...text.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort().join();
      assert.equal(placeholders(String(value)), placeholders(key), `placeholders differ for "${key}"`);
    }
  });

  it('has the same message keys in both core catalogues', function () {
    assert.deepEqual(catalogueKeys('zh-cn'), catalogueKeys('en'));
  });
});
