// The build's patch of mermaid's getConfig (scripts/mermaid-config-patch.mjs): its copy of the
// configuration is mermaid's own copy, value for value and in what it shares with the original,
// on generated configurations (fast-check, fixed seed) and on mermaid's real one; and the patch
// finds mermaid's getConfig in the installed build, once.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import fc from 'fast-check';
import { copyConfig, patchGetConfig } from '../../scripts/mermaid-config-patch.mjs';

const MERMAID = path.join(__dirname, '../../../node_modules/mermaid/dist');

interface MermaidConfigModule {
  assignWithDepth_default(destination: object, source: object, options?: { depth: number }): object;
  setSiteConfig(config: object): object;
}

/** mermaid's own configuration functions, from the unminified chunk that defines them. */
async function mermaidConfigModule(): Promise<MermaidConfigModule> {
  const folder = path.join(MERMAID, 'chunks/mermaid.esm');
  const chunk = fs.readdirSync(folder).find((name) => name.endsWith('.mjs') && /^var assignWithDepth = /m.test(fs.readFileSync(path.join(folder, name), 'utf8')));
  assert.ok(chunk, `no chunk of mermaid exports assignWithDepth in ${folder}`);
  return await import(pathToFileURL(path.join(folder, chunk)).href) as MermaidConfigModule;
}

/** Paths (below the top) where `copy` holds the very object `source` holds: what a change through the copy would change in the source. */
function shared(copy: unknown, source: unknown, at = '$'): string[] {
  if (typeof copy !== 'object' || copy === null || typeof source !== 'object' || source === null) return [];
  const paths = at !== '$' && copy === source ? [at] : [];
  for (const key of Object.keys(copy)) paths.push(...shared((copy as Record<string, unknown>)[key], (source as Record<string, unknown>)[key], `${at}.${key}`));
  return paths;
}

describe('mermaid getConfig patch', function () {
  let mermaid: MermaidConfigModule;
  before(async function () {
    mermaid = await mermaidConfigModule();
  });

  const sameCopy = (source: object): void => {
    const theirs = mermaid.assignWithDepth_default({}, source);
    const ours = copyConfig(source, 2);
    assert.deepStrictEqual(ours, theirs);
    assert.deepStrictEqual(shared(ours, source), shared(theirs, source));
  };

  it('copies generated configurations as mermaid does: nulls dropped, arrays deduplicated, deeper levels shared', function () {
    const sharedItem = { same: 1 };
    const { config } = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.constantFrom<unknown>(null, undefined, 0, -0, Number.NaN, 1, 'a', true, sharedItem, () => 1),
        fc.string({ maxLength: 4 }),
        tie('list'),
        tie('config'),
      ),
      list: fc.array(tie('value'), { maxLength: 5 }),
      config: fc.dictionary(fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom('__proto__', 'theme', 'flowchart')), tie('value'), { maxKeys: 6 }),
    }));
    fc.assert(fc.property(config, (source) => sameCopy(source as object)), { seed: 20261203, numRuns: 500 });
  });

  it('copies a __proto__ key as an own property at the copied levels, as mermaid does', function () {
    sameCopy(JSON.parse('{"__proto__": {"polluted": true}, "flowchart": {"__proto__": {"x": 1}, "deep": {"__proto__": {"y": 2}}}}') as object);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it("copies mermaid's real configuration, theme variables included, as mermaid does", function () {
    sameCopy(mermaid.setSiteConfig({ theme: 'dark', securityLevel: 'strict', htmlLabels: false, flowchart: { htmlLabels: false } }));
  });

  it("patches the installed build's getConfig exactly once, into a module that still parses", function () {
    const folder = path.join(MERMAID, 'chunks/mermaid.esm.min');
    let patched = 0;
    for (const name of fs.readdirSync(folder).filter((file) => file.endsWith('.mjs'))) {
      const result = patchGetConfig(fs.readFileSync(path.join(folder, name), 'utf8'));
      patched += result.patched;
      if (result.patched === 0) continue;
      assert.match(result.code, /=[\w$]+\(\(\)=>__studyNotesCopyConfig\([\w$]+,2\),"getConfig"\)/);
      assert.doesNotThrow(() => esbuild.transformSync(result.code, { format: 'esm', loader: 'js' }), name);
    }
    assert.equal(patched, 1, 'a new mermaid build: update GET_CONFIG in scripts/mermaid-config-patch.mjs');
  });
});
