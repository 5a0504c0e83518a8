// mermaid's own parser, run in Node: mermaid needs a DOM, so a jsdom window stands in for the browser.
import { JSDOM } from 'jsdom';

type Mermaid = { parse(text: string): Promise<unknown>; initialize(config: object): void };
let loading: Promise<Mermaid> | undefined;

async function loadMermaid(): Promise<Mermaid> {
  const { window } = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
  const globals = globalThis as Record<string, unknown>;
  globals.window = window;
  globals.document = window.document;
  for (const name of ['Element', 'HTMLElement', 'SVGElement', 'DOMParser', 'XMLSerializer', 'MutationObserver']) {
    globals[name] ??= (window as unknown as Record<string, unknown>)[name];
  }
  const mermaid = (await import('mermaid')).default as Mermaid;
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
  return mermaid;
}

/** Resolves to undefined when `source` parses, else to mermaid's error message. */
export async function mermaidError(source: string): Promise<string | undefined> {
  loading ??= loadMermaid();
  const mermaid = await loading;
  try {
    await mermaid.parse(source);
    return undefined;
  } catch (error) {
    return (error as Error).message ?? String(error);
  }
}
