// The build's patches of mermaid (scripts/mermaid-patches.mjs). Its copies of the configuration,
// eager and lazy, are mermaid's own copy, value for value and in what they share with the original,
// on generated configurations (fast-check, fixed seeds) and on mermaid's real one; the lazy copy,
// put in place of mermaid's getConfig, gives what mermaid's own gives through generated sequences of
// mermaid's configuration calls, read only after later calls; and each patch finds its code in the
// installed build once.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import fc from 'fast-check';
import { copyConfig, copyConfigLazily, patchMermaid } from '../../scripts/mermaid-patches.mjs';

const MERMAID = path.join(__dirname, '../../../node_modules/mermaid/dist');
/** The unminified chunk of mermaid's ES module build that holds its configuration. */
const CONFIG_CHUNK = /^var assignWithDepth = /m;
/** Its getConfig's body. */
const GET_CONFIG_BODY = 'return assignWithDepth_default({}, currentConfig);';

interface MermaidConfigModule {
  assignWithDepth_default(destination: object, source: object, options?: { depth: number }): object;
  setSiteConfig(config: object): object;
  updateSiteConfig(config: object): object;
  setConfig(config: object): object;
  addDirective(directive: object): void;
  reset(): void;
  getConfig(): Record<string, unknown>;
}

function configChunk(): string {
  const folder = path.join(MERMAID, 'chunks/mermaid.esm');
  const chunk = fs.readdirSync(folder).find((name) => name.endsWith('.mjs') && CONFIG_CHUNK.test(fs.readFileSync(path.join(folder, name), 'utf8')));
  assert.ok(chunk, `no chunk of mermaid exports assignWithDepth in ${folder}`);
  return path.join(folder, chunk);
}

/** mermaid's own configuration functions, from the unminified chunk that defines them. */
async function mermaidConfigModule(): Promise<MermaidConfigModule> {
  return await import(pathToFileURL(configChunk()).href) as MermaidConfigModule;
}

/**
 * A second instance of that chunk, with its own configuration, whose getConfig returns the lazy
 * copy (its imports of mermaid's other chunks made absolute, so it runs from a temporary folder).
 */
async function lazyConfigModule(folder: string): Promise<MermaidConfigModule> {
  const file = configChunk();
  const text = fs.readFileSync(file, 'utf8');
  assert.equal(text.split(GET_CONFIG_BODY).length, 2, 'a new mermaid build: update GET_CONFIG_BODY');
  const patched = text
    .replace(GET_CONFIG_BODY, 'return globalThis.__studyNotesTest.copyConfigLazily(currentConfig, 2, globalThis.__studyNotesTest.copyConfig);')
    .replace(/from "\.\/([^"]+)"/g, (_, name: string) => `from ${JSON.stringify(pathToFileURL(path.join(path.dirname(file), name)).href)}`);
  (globalThis as Record<string, unknown>).__studyNotesTest = { copyConfig, copyConfigLazily };
  const copy = path.join(folder, 'lazy-config.mjs');
  fs.writeFileSync(copy, patched);
  return await import(pathToFileURL(copy).href) as MermaidConfigModule;
}

/** Paths (below the top) where `copy` holds the very object `source` holds: what a change through the copy would change in the source. */
function shared(copy: unknown, source: unknown, at = '$'): string[] {
  if (typeof copy !== 'object' || copy === null || typeof source !== 'object' || source === null) return [];
  const paths = at !== '$' && copy === source ? [at] : [];
  for (const key of Object.keys(copy)) paths.push(...shared((copy as Record<string, unknown>)[key], (source as Record<string, unknown>)[key], `${at}.${key}`));
  return paths;
}

type Config = Record<string, unknown>;

/** A value read through (every getter called), with functions as their text and undefined kept. */
function comparable(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_, item: unknown) => typeof item === 'function' ? `function: ${String(item)}` : item === undefined ? '(undefined)' : item));
}

/** A settings object as mermaid's API takes it: a few real keys at each level, each optional. */
const settings = fc.record({
  theme: fc.constantFrom('default', 'dark', 'forest', 'neutral', 'base'),
  fontSize: fc.integer({ min: 8, max: 30 }),
  flowchart: fc.record({ nodeSpacing: fc.integer({ min: 1, max: 100 }), htmlLabels: fc.boolean(), curve: fc.constantFrom('basis', 'linear') }, { requiredKeys: [] }),
  sequence: fc.record({ mirrorActors: fc.boolean(), messageAlign: fc.constantFrom('left', 'center') }, { requiredKeys: [] }),
  themeVariables: fc.record({ primaryColor: fc.constantFrom('#ff0000', '#00ff00'), fontFamily: fc.constantFrom('serif', 'monospace') }, { requiredKeys: [] }),
}, { requiredKeys: [] });

/** A call of mermaid's configuration API, or a getConfig() whose copy the caller then changes as mermaid's diagrams do. */
type ConfigCall =
  | { call: 'setSiteConfig' | 'updateSiteConfig' | 'setConfig' | 'addDirective'; settings: object }
  | { call: 'reset' }
  | { call: 'getConfig'; write: string | undefined; value: number };
const configCall: fc.Arbitrary<ConfigCall> = fc.oneof(
  fc.record({ call: fc.constantFrom('setSiteConfig', 'updateSiteConfig', 'setConfig', 'addDirective' as const), settings }),
  fc.record({ call: fc.constant('reset' as const) }),
  fc.record({ call: fc.constant('getConfig' as const), write: fc.constantFrom(undefined, 'theme', 'flowchart.nodeSpacing', 'themeVariables.primaryColor'), value: fc.integer() }),
);

describe('mermaid patches', function () {
  let mermaid: MermaidConfigModule;
  let lazy: MermaidConfigModule;
  let folder: string;
  before(async function () {
    mermaid = await mermaidConfigModule();
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'study-notes-mermaid-'));
    lazy = await lazyConfigModule(folder);
  });
  after(function () {
    fs.rmSync(folder, { recursive: true, force: true });
    delete (globalThis as Record<string, unknown>).__studyNotesTest;
  });

  const sameCopy = (source: object): void => {
    const theirs = mermaid.assignWithDepth_default({}, source);
    for (const ours of [copyConfig(source, 2), copyConfigLazily(source, 2, copyConfig)]) {
      assert.deepStrictEqual(Object.keys(ours), Object.keys(theirs));
      assert.deepStrictEqual(ours, theirs);
      assert.deepStrictEqual(shared(ours, source), shared(theirs, source));
    }
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
    sameCopy(JSON.parse('{"__proto__": {"polluted": true}, "flowchart": {"__proto__": {"x": 1}, "deep": {"__proto__": {"y": 2}}}, "theme": "dark"}') as object);
    sameCopy(JSON.parse('{"__proto__": 1, "theme": "dark"}') as object);
    assert.equal(({} as Config).polluted, undefined);
  });

  it("copies mermaid's real configuration, theme variables included, as mermaid does", function () {
    sameCopy(mermaid.setSiteConfig({ theme: 'dark', securityLevel: 'strict', htmlLabels: false, flowchart: { htmlLabels: false } }));
  });

  it('copies a top-level object of the lazy copy once, when first read; what the caller writes or deletes stays', function () {
    const source = { theme: 'dark', flowchart: { nodeSpacing: 50, curve: { shape: { name: 'basis' } } }, themeVariables: { primaryColor: '#fff' }, list: [1, 1, 2] };
    const made: unknown[] = [];
    const copy = copyConfigLazily(source, 2, (value, depth) => {
      made.push(value);
      return copyConfig(value, depth);
    }) as typeof source;
    assert.deepEqual(Object.keys(copy), ['theme', 'flowchart', 'themeVariables', 'list']);
    assert.deepEqual(made, [], 'nothing copied before it is read');
    const flowchart = copy.flowchart;
    assert.equal(copy.flowchart, flowchart, 'the second read gives the object the first one made');
    assert.deepEqual(made, [source.flowchart]);
    flowchart.nodeSpacing = 10;
    assert.equal(source.flowchart.nodeSpacing, 50, 'a change to the copy stays in the copy');
    assert.ok(flowchart.curve !== source.flowchart.curve && flowchart.curve.shape === source.flowchart.curve.shape, 'the second level is copied shallowly and the third shared, as in mermaid\'s copy');
    copy.themeVariables = { primaryColor: '#000' };
    assert.deepEqual(copy.themeVariables, { primaryColor: '#000' });
    assert.deepEqual(made, [source.flowchart], 'a replaced object is never copied');
    delete (copy as Partial<typeof source>).list;
    assert.deepEqual(Object.keys(copy), ['theme', 'flowchart', 'themeVariables']);
    assert.deepEqual(JSON.parse(JSON.stringify(copy)), { theme: 'dark', flowchart: { nodeSpacing: 10, curve: { shape: { name: 'basis' } } }, themeVariables: { primaryColor: '#000' } });
    assert.deepEqual(source.list, [1, 1, 2]);
  });

  it("gives, in place of mermaid's getConfig, what mermaid's gives, when read only after later configuration calls", function () {
    // Each configuration call works out a theme's variables: some 10 ms a run.
    this.timeout(30_000);
    const run = (module: MermaidConfigModule, calls: ConfigCall[]): Config[] => {
      module.reset();
      module.setSiteConfig({});
      const copies: Config[] = [];
      for (const step of calls) {
        if (step.call === 'reset') module.reset();
        else if (step.call !== 'getConfig') (module[step.call] as (settings: object) => unknown)(structuredClone(step.settings));
        else {
          const copy = module.getConfig();
          copies.push(copy);
          if (!step.write) continue;
          const [first, second] = step.write.split('.');
          if (second) (copy[first] as Config)[second] = step.value;
          else copy[first] = step.value;
        }
      }
      return copies;
    };
    fc.assert(fc.property(fc.array(configCall, { maxLength: 12 }), (calls) => {
      // mermaid's copies are complete when made; the lazy ones are read only now, after every call.
      // (The two instances of the chunk have functions of their own, told apart by their text.)
      const eager = run(mermaid, calls);
      const late = run(lazy, calls);
      assert.deepStrictEqual(comparable(late), comparable(eager));
    }), { seed: 20261204, numRuns: 200 });
  });

  it("patches the installed build's getConfig and its sanitizing of the SVG once each, into modules that still parse", function () {
    const files = ['mermaid.esm.min.mjs', ...fs.readdirSync(path.join(MERMAID, 'chunks/mermaid.esm.min')).filter((file) => file.endsWith('.mjs')).map((file) => `chunks/mermaid.esm.min/${file}`)];
    const total = { getConfig: 0, sanitizeSvg: 0 };
    for (const file of files) {
      const original = fs.readFileSync(path.join(MERMAID, file), 'utf8');
      const { code, patched } = patchMermaid(original);
      total.getConfig += patched.getConfig;
      total.sanitizeSvg += patched.sanitizeSvg;
      if (code === original) continue;
      if (patched.getConfig > 0) assert.match(code, /=[\w$]+\(\(\)=>__studyNotesCopyConfig\([\w$]+,2\),"getConfig"\)/);
      if (patched.sanitizeSvg > 0) assert.doesNotMatch(code, /HTML_INTEGRATION_POINTS:\{foreignobject:!0\}/, file);
      assert.doesNotThrow(() => esbuild.transformSync(code, { format: 'esm', loader: 'js' }), file);
    }
    assert.deepEqual(total, { getConfig: 1, sanitizeSvg: 1 }, 'a new mermaid build: update GET_CONFIG or SANITIZE_SVG in scripts/mermaid-patches.mjs');
  });
});
