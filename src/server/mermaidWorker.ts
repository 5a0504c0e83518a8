// Worker thread of DiagramChecker: runs mermaid's browser build in a jsdom window and answers
// `{id, source}` messages with `{id, error?}`. It has its own globals, so the DOM stand-in never
// leaks into the language server.
import fs from 'node:fs';
import vm from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import { JSDOM } from 'jsdom';

interface Mermaid {
  initialize(config: object): void;
  parse(text: string): Promise<unknown>;
}

const { mermaidScript } = workerData as { mermaidScript: string };
const dom = new JSDOM('<!doctype html><html><body></body></html>', { runScripts: 'outside-only', pretendToBeVisual: true });
const window = dom.window as unknown as Record<string, unknown>;
// Some diagram parsers use these, which jsdom's window lacks.
window.structuredClone = structuredClone;
new vm.Script(fs.readFileSync(mermaidScript, 'utf8'), { filename: mermaidScript }).runInContext(dom.getInternalVMContext());
const mermaid = window.mermaid as Mermaid;
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });

parentPort!.on('message', async ({ id, source }: { id: number; source: string }) => {
  try {
    await mermaid.parse(source);
    parentPort!.postMessage({ id });
  } catch (error) {
    const message = (error as { message?: unknown })?.message;
    parentPort!.postMessage({ id, error: typeof message === 'string' ? message : String(error) });
  }
});
