// Types of mermaid-patches.mjs, for the tests that check it.
export function copyConfig(source: object, depth: number): object;
export function copyConfigLazily(source: object, depth: number, copyNested: (value: object, depth: number) => object): object;
export function patchMermaid(code: string): { code: string; patched: { getConfig: number; sanitizeSvg: number } };
