// The panel's mermaid diagrams: mermaid's module is imported once per page, when the first diagram
// needs it (the host's HTML has it fetched with the page when the first note has diagrams); diagrams
// in view are drawn first; every drawing (or error) is kept per theme and diagram text, so going
// back to a note or switching theme back is instant. Drawings are also kept on disk by the host
// (DrawingStore), so a note read in an earlier panel or session shows its diagrams without mermaid.
// Once a note is drawn, its diagrams are drawn ahead in the other theme while the page is idle, so
// that a change of colour theme finds them made. mermaid runs locked down: strict security, no HTML
// labels, and a diagram's own directives cannot change the theme's CSS, fonts, limits, ids or
// mermaid's sanitizer. Its SVG is sanitized by the page before it is shown (the build drops mermaid's
// own pass over it, see scripts/mermaid-patches.mjs), and again when it comes back from disk.
import type { DOMPurify } from 'dompurify';
import { MAX_DRAWING_CHARS, type DiagramFailure } from '../shared/panelMessages';
import { sanitizeDiagramSvg } from './sanitize';

interface Mermaid {
  initialize(config: object): void;
  render(id: string, text: string, container: Element): Promise<{ svg: string }>;
}

/** Config keys a diagram's `%%{init}%%` or front matter may not set: mermaid's defaults plus our own. */
const SECURE_KEYS = [
  'secure', 'securityLevel', 'startOnLoad', 'maxTextSize', 'suppressErrorRendering', 'maxEdges',
  'themeCSS', 'themeVariables', 'fontFamily', 'htmlLabels', 'dompurifyConfig',
  // Ids in the drawing stay mermaid's own, never seeded by the note.
  'deterministicIds', 'deterministicIDSeed',
];
const CACHE_LIMIT = 300;
/** How long a note stays shown before its diagrams are drawn in the other theme. */
const DRAW_AHEAD_AFTER_MS = 1000;

/** The host's store of drawings on disk, reached by messages. */
export interface StoredDrawings {
  /** The drawings kept under these keys (see `storeKey`); missing ones are left out. */
  read(keys: readonly string[]): Promise<Record<string, string>>;
  keep(key: string, svg: string): void;
}

export type MermaidTheme = 'default' | 'dark';
const OTHER_THEME: Record<MermaidTheme, MermaidTheme> = { default: 'dark', dark: 'default' };

export interface DiagramSlot {
  /** The diagram's index among the note's mermaid blocks. */
  index: number;
  source: string;
  /** The block the drawing goes into; the page made it and holds it. */
  element: HTMLElement;
}

type Drawing = { svg: string } | { error: string };

export class DiagramPainter {
  private mermaid: Promise<Mermaid> | undefined;
  private initializedTheme: MermaidTheme | undefined;
  private readonly drawings = new Map<string, Drawing>();
  /** Drawings being made, by cache key: a draw that needs one waits for it instead of making it twice. */
  private readonly inProgress = new Map<string, Promise<Drawing>>();
  /** mermaid makes one drawing at a time: its configuration, the theme included, is global. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Each draw() call gets a number; a later call stops an earlier one (and its drawing ahead) between diagrams. */
  private round = 0;
  private renders = 0;
  private scratch: HTMLElement | undefined;
  /** How many times mermaid's script was fetched (test builds report it). */
  scriptLoads = 0;

  /** How many drawings mermaid has made on this page (test builds report it). */
  get mermaidRenders(): number {
    return this.renders;
  }

  constructor(
    private readonly scriptUri: string,
    private readonly purify: DOMPurify,
    private readonly errorLabel: string,
    /** Localized: why no diagram is drawn when mermaid itself could not be loaded. */
    private readonly rendererMissing: string,
    private readonly stored: StoredDrawings,
  ) {}

  /**
   * Draws the slots: cached drawings at once, before this returns (so before the page paints or
   * scrolls), then those kept on disk, then the others, those in view when mermaid is ready first.
   * Resolves with the diagrams that failed, or undefined if a later call took over. Then draws them
   * ahead in the other theme while the page is idle, and calls `drawnAhead` (test builds) when that
   * is done.
   */
  async draw(slots: readonly DiagramSlot[], theme: MermaidTheme, drawnAhead?: () => void): Promise<DiagramFailure[] | undefined> {
    const round = ++this.round;
    const failures: DiagramFailure[] = [];
    let waiting = this.showCached(slots, theme, failures);
    if (slots.length === 0) return failures;
    if (waiting.length > 0) {
      await this.readStored(waiting, theme);
      if (round !== this.round) return undefined;
      waiting = this.showCached(waiting, theme, failures);
    }
    if (waiting.length === 0) {
      void this.drawAhead(round, slots, OTHER_THEME[theme], drawnAhead);
      return failures.sort((a, b) => a.index - b.index);
    }
    let mermaid: Mermaid;
    try {
      mermaid = await this.load();
    } catch (error) {
      // Not kept: a page made again (after a setting change) tries mermaid again.
      if (round !== this.round) return undefined;
      for (const slot of waiting) this.show(slot, { error: error instanceof Error ? error.message : String(error) }, failures);
      return failures.sort((a, b) => a.index - b.index);
    }
    for (const slot of inViewFirst(waiting)) {
      if (round !== this.round) return undefined;
      const drawing = await this.drawing(mermaid, theme, slot.source);
      if (round !== this.round) return undefined;
      this.show(slot, drawing, failures);
    }
    void this.drawAhead(round, slots, OTHER_THEME[theme], drawnAhead);
    return failures.sort((a, b) => a.index - b.index);
  }

  /** Shows the slots whose drawing this page holds; returns the others. */
  private showCached(slots: readonly DiagramSlot[], theme: MermaidTheme, failures: DiagramFailure[]): DiagramSlot[] {
    return slots.filter((slot) => {
      const cached = this.drawings.get(cacheKey(theme, slot.source));
      if (cached) this.show(slot, cached, failures);
      return !cached;
    });
  }

  /** Takes the drawings the host kept on disk for these slots into this page's cache, sanitized again. */
  private async readStored(slots: readonly DiagramSlot[], theme: MermaidTheme): Promise<void> {
    const keys = await Promise.all(slots.map((slot) => storeKey(theme, slot.source)));
    const stored = await this.stored.read(keys);
    slots.forEach((slot, index) => {
      const svg = stored[keys[index]];
      if (svg !== undefined) this.remember(cacheKey(theme, slot.source), { svg: sanitizeDiagramSvg(this.purify, svg) });
    });
  }

  /**
   * Once the reader has stayed on the note a moment (a reader skimming through notes costs no
   * drawing ahead, and never waits for one), one diagram at a time, each when the page is idle,
   * until a later draw() takes over.
   */
  private async drawAhead(round: number, slots: readonly DiagramSlot[], theme: MermaidTheme, done?: () => void): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, DRAW_AHEAD_AFTER_MS));
    const notHeld = () => slots.filter((slot) => !this.drawings.has(cacheKey(theme, slot.source)));
    if (round !== this.round) return;
    if (notHeld().length > 0) await this.readStored(notHeld(), theme);
    for (const slot of notHeld()) {
      await new Promise((resolve) => requestIdleCallback(resolve));
      if (round !== this.round) return;
      // mermaid is imported here when the note's drawings all came from disk.
      const mermaid = await this.load().catch(() => undefined);
      if (!mermaid) return;
      await this.drawing(mermaid, theme, slot.source);
    }
    if (round === this.round) done?.();
  }

  /** The drawing of a diagram in a theme: kept, being made, or made now (after those queued before it). */
  private drawing(mermaid: Mermaid, theme: MermaidTheme, source: string): Promise<Drawing> {
    const key = cacheKey(theme, source);
    const kept = this.drawings.get(key);
    if (kept) return Promise.resolve(kept);
    let made = this.inProgress.get(key);
    if (!made) {
      made = this.queue.then(async () => {
        const drawing = await this.render(mermaid, theme, source);
        this.remember(key, drawing);
        this.inProgress.delete(key);
        if ('svg' in drawing && drawing.svg.length <= MAX_DRAWING_CHARS) void storeKey(theme, source).then((stored) => this.stored.keep(stored, drawing.svg));
        return drawing;
      });
      this.inProgress.set(key, made);
      this.queue = made;
    }
    return made;
  }

  private show(slot: DiagramSlot, drawing: Drawing, failures: DiagramFailure[]): void {
    const { element } = slot;
    element.querySelector(':scope > .diagram-output, :scope > .diagram-error')?.remove();
    const output = element.ownerDocument.createElement('div');
    if ('svg' in drawing) {
      output.className = 'diagram-output';
      // Sanitized with DOMPurify's SVG profile when it was drawn.
      output.innerHTML = drawing.svg;
      element.classList.remove('failed');
      element.classList.add('drawn');
    } else {
      output.className = 'diagram-error';
      output.textContent = `${this.errorLabel} ${drawing.error}`;
      element.classList.remove('drawn');
      element.classList.add('failed');
      failures.push({ index: slot.index, message: drawing.error });
    }
    element.appendChild(output);
  }

  private load(): Promise<Mermaid> {
    // The host could not unpack mermaid (and said so); every diagram shows why it is not drawn.
    if (!this.scriptUri) return Promise.reject(new Error(this.rendererMissing));
    this.mermaid ??= (async () => {
      this.scriptLoads++;
      // A module imported by this (nonced) module script inherits its nonce, and so do the chunks
      // mermaid imports in turn: those of the diagram types drawn, when first drawn.
      const loaded = (await import(this.scriptUri).catch(() => {
        throw new Error(this.rendererMissing);
      })) as { default?: Mermaid };
      if (!loaded.default) throw new Error(this.rendererMissing);
      return loaded.default;
    })();
    return this.mermaid;
  }

  private initialize(mermaid: Mermaid, theme: MermaidTheme): void {
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      theme,
      htmlLabels: false,
      flowchart: { htmlLabels: false },
      fontFamily: 'var(--vscode-font-family)',
      // Errors are shown by the page, in the block; mermaid's own error drawing would be a second one.
      suppressErrorRendering: true,
      secure: SECURE_KEYS,
    });
    this.initializedTheme = theme;
  }

  private async render(mermaid: Mermaid, theme: MermaidTheme, source: string): Promise<Drawing> {
    // Note ids all start with `user-content-`, so this id (and mermaid's `d` + id) meets none of them.
    const id = `sn-diagram-${++this.renders}`;
    // mermaid lays the drawing out in a scratch element: ours is out of the page's flow, so drawing
    // (ahead, or below the reader) never changes the page's height under the reader.
    this.scratch ??= document.body.appendChild(Object.assign(document.createElement('div'), { className: 'diagram-scratch', ariaHidden: 'true' }));
    try {
      if (this.initializedTheme !== theme) this.initialize(mermaid, theme);
      const { svg } = await mermaid.render(id, source, this.scratch);
      return { svg: sanitizeDiagramSvg(this.purify, svg) };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    } finally {
      // mermaid leaves its scratch drawing behind when a diagram fails to draw.
      this.scratch.replaceChildren();
    }
  }

  private remember(key: string, drawing: Drawing): void {
    if (this.drawings.size >= CACHE_LIMIT) this.drawings.delete(this.drawings.keys().next().value!);
    this.drawings.set(key, drawing);
  }
}

/**
 * The cache key: the theme and the diagram's text, which is all a drawing depends on (the same
 * diagram in two notes is drawn once).
 */
function cacheKey(theme: MermaidTheme, source: string): string {
  return `${theme}\n${source}`;
}

/** The key of a drawing kept on disk: the SHA-256 of its cache key, in hex (a file name that says nothing of the note). */
async function storeKey(theme: MermaidTheme, source: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(cacheKey(theme, source)));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Slots in view first (in order), then the rest in document order. */
function inViewFirst(slots: readonly DiagramSlot[]): DiagramSlot[] {
  const height = window.innerHeight;
  const visible = (slot: DiagramSlot): boolean => {
    const { top, bottom } = slot.element.getBoundingClientRect();
    return bottom >= 0 && top <= height;
  };
  return [...slots.filter(visible), ...slots.filter((slot) => !visible(slot))];
}
