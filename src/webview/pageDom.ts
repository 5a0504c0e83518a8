// What both pages (note panel, quiz card) build their own elements with, and how they find the
// renderer's placeholders in a sanitized note: marked with a random per-page hook a note cannot guess.
import type { HookKind } from '../core/render';

export function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const made = document.createElement(tag);
  if (className) made.className = className;
  if (text !== undefined) made.textContent = text;
  return made;
}

export function button(label: string, onClick: () => void, className?: string): HTMLButtonElement {
  const made = element('button', className, label);
  made.type = 'button';
  made.addEventListener('click', onClick);
  return made;
}

/** A value for the renderer's `hook` option: random per page load. */
export function newHook(): string {
  return [...crypto.getRandomValues(new Uint32Array(4))].map((part) => part.toString(16)).join('');
}

export type Placeholders = Record<HookKind, HTMLElement[]>;

/** The renderer's placeholders in a sanitized fragment, checked against this page's hook, then unmarked. */
export function placeholders(fragment: DocumentFragment, hook: string): Placeholders {
  const found: Placeholders = { heading: [], diagram: [], code: [], exercise: [], cut: [] };
  for (const marked of fragment.querySelectorAll<HTMLElement>('[data-sn]')) {
    const [owner, kind, index] = (marked.dataset.sn ?? '').split(' ');
    marked.removeAttribute('data-sn');
    if (owner === hook && Object.hasOwn(found, kind)) found[kind as HookKind][Number(index)] = marked;
  }
  return found;
}
