// Types of mermaid-config-patch.mjs, for the unit test that checks it.
export function copyConfig(source: object, depth: number): object;
export function patchGetConfig(code: string): { code: string; patched: number };
