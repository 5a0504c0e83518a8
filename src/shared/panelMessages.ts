// The messages between the note panel's host (the extension) and its page (the webview), declared
// once and imported by both. The page is loaded once per panel and then told what to show, like VS
// Code's Markdown preview; each side checks what it receives with the parsers below and drops the rest.

/** Where the page scrolls when it shows a note. */
export type ScrollRequest =
  /** A newly opened note: its top. */
  | { to: 'top' }
  /** The section holding this line of the note's text (0 is the text's first line). */
  | { to: 'line'; line: number }
  /** The heading a link's `#fragment` names. */
  | { to: 'section'; fragment: string }
  /** Where the reader left this note (going back or forward, or the page was reloaded). */
  | { to: 'restore' };

/** An exercise of the note: the page puts its buttons after the heading named `ref`. */
export interface ExerciseView {
  id: string;
  title: string;
  ref: string;
  hasHints: boolean;
}

/** Everything the page needs to show one note; all text shown to the reader comes from the host. */
export interface NoteView {
  key: string;
  id: string;
  title: string;
  /** Category and English title, one line above the note. */
  meta: string;
  canQuiz: boolean;
  /** Markdown of the body; empty when `notShown` is set. */
  text: string;
  /** Set instead of a body that is not rendered (too large, not text): the message saying why. */
  notShown?: string;
  /** Link target as written → key of the note it opens. */
  links: Record<string, string>;
  related: { key: string; title: string; titleEn?: string }[];
  exercises: ExerciseView[];
  /** Webview URI of the note's folder, ending in `/`: relative images resolve against it. */
  imageBase: string;
  canGoBack: boolean;
  canGoForward: boolean;
}

export type HostMessage =
  /** Show a note (opened, followed, back/forward, or the page was reloaded). */
  | { type: 'show'; view: NoteView; scroll: ScrollRequest }
  /** The note shown changed on disk: show the new text where the reader is. */
  | { type: 'update'; view: NoteView }
  /** The note shown stays: only scroll. */
  | { type: 'scroll'; key: string; scroll: ScrollRequest }
  /** The answer to the page's `storedDrawings`: the drawings found on disk, by key. */
  | { type: 'storedDrawings'; request: number; drawings: Record<string, string> }
  /**
   * Sent before a new page's first note: the keys of the drawings kept on disk, so the page asks
   * only for those and never waits on the host for a drawing that is not there.
   */
  | { type: 'storedKeys'; keys: string[] };

export type CodeAction = 'copy' | 'insert' | 'runnable';

/** A diagram that mermaid could not draw: its index among the note's mermaid blocks and mermaid's message. */
export interface DiagramFailure {
  index: number;
  message: string;
}

export type PageMessage =
  /** The page loaded (first time, or again after VS Code reloaded it) and waits for a note. */
  | { type: 'ready' }
  | { type: 'openNote'; key: string; fragment?: string }
  | { type: 'openExternal'; href: string }
  | { type: 'history'; direction: 'back' | 'forward' }
  /**
   * The code of the block whose button was pressed, as the page shows it. It comes from the note's
   * text, so it is trusted exactly as much as the note: the host only copies it or opens it in an
   * editor, never runs it.
   */
  | { type: 'codeAction'; action: CodeAction; code: string; language: string }
  | { type: 'exercise'; action: 'start' | 'hint'; exerciseId: string }
  | { type: 'openSource' }
  | { type: 'quiz' }
  /** Asks for the drawings kept on disk under these keys (see `DRAWING_KEY`); the host answers with `storedDrawings`. */
  | { type: 'storedDrawings'; request: number; keys: string[] }
  /** A drawing mermaid made, sanitized, to keep on disk for the next session. */
  | { type: 'keepDrawing'; key: string; svg: string }
  /**
   * Every diagram of the note was attempted (after a show, an update or a theme change).
   * `test` is only filled in development and test builds.
   */
  | { type: 'drawn'; key: string; diagrams: number; errors: DiagramFailure[]; test?: PageTestReport };

/**
 * A kept drawing's key: the SHA-256, in hex, of its theme and diagram text (the page computes it).
 * Also the name of its file, so nothing else may pass.
 */
export const DRAWING_KEY = /^[0-9a-f]{64}$/;
/** At most this many keys per request, and characters per drawing kept (larger ones are drawn each time). */
export const MAX_DRAWING_KEYS = 200;
export const MAX_DRAWING_CHARS = 1024 * 1024;
/** At most this many keys in `storedKeys`; with more on disk, the host sends none and the page asks for every drawing. */
export const MAX_STORED_KEYS = 5000;

/** What the page tells integration tests about itself; never sent by a production build. */
export interface PageTestReport {
  /** How many times this page fetched mermaid's script. */
  mermaidLoads: number;
  /** How many drawings mermaid made on this page, those made ahead in the other theme included. */
  mermaidRenders: number;
  /** How many times the page asked the host for drawings kept on disk. */
  storedRequests: number;
  /** `performance.timeOrigin` of the page: a new value means a new document. */
  documentOrigin: number;
  /** Milliseconds from the message to the note's text in the DOM, and to the last diagram. */
  contentMs: number;
  diagramsMs: number;
}

/** Set once in the page's HTML: the strings it shows and where its resources are. */
export interface PageSettings {
  strings: PanelStrings;
  /** mermaid's unpacked entry module; empty when the host could not unpack it. */
  mermaidScript: string;
  /** Webview URIs (ending in `/`) of the folders images may come from. */
  imageRoots: string[];
  remoteImages: boolean;
}

export const PANEL_STRING_KEYS = [
  'back', 'forward', 'quiz', 'openSource', 'contents', 'related', 'copy', 'insert', 'runnable', 'diagramError', 'rendererMissing',
  'emptySection', 'depthLimit', 'imageBlocked', 'imageMissing', 'startExercise', 'showHint', 'exercises',
] as const;
export type PanelStrings = Record<(typeof PANEL_STRING_KEYS)[number], string>;

// ---- Checking what arrives -----------------------------------------------------------------------

type Fields = Record<string, unknown>;
const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isIndex = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;
const MAX_ERRORS = 100;
const isDrawingKey = (value: unknown): value is string => isString(value) && DRAWING_KEY.test(value);

/** A page message, or undefined for anything a page should not send. */
export function parsePageMessage(value: unknown): PageMessage | undefined {
  if (!isObject(value)) return undefined;
  switch (value.type) {
    case 'ready':
    case 'openSource':
    case 'quiz':
      return { type: value.type };
    case 'openNote':
      if (!isString(value.key)) return undefined;
      return isString(value.fragment) ? { type: 'openNote', key: value.key, fragment: value.fragment } : { type: 'openNote', key: value.key };
    case 'openExternal':
      return isString(value.href) && /^(https?:|mailto:)/i.test(value.href) ? { type: 'openExternal', href: value.href } : undefined;
    case 'history':
      return value.direction === 'back' || value.direction === 'forward' ? { type: 'history', direction: value.direction } : undefined;
    case 'codeAction':
      return (value.action === 'copy' || value.action === 'insert' || value.action === 'runnable') && isString(value.code) && isString(value.language)
        ? { type: 'codeAction', action: value.action, code: value.code, language: value.language } : undefined;
    case 'exercise':
      return (value.action === 'start' || value.action === 'hint') && isString(value.exerciseId)
        ? { type: 'exercise', action: value.action, exerciseId: value.exerciseId } : undefined;
    case 'storedDrawings':
      return isIndex(value.request) && Array.isArray(value.keys) && value.keys.length <= MAX_DRAWING_KEYS && value.keys.every(isDrawingKey)
        ? { type: 'storedDrawings', request: value.request, keys: value.keys } : undefined;
    case 'keepDrawing':
      return isDrawingKey(value.key) && isString(value.svg) && value.svg.length <= MAX_DRAWING_CHARS
        ? { type: 'keepDrawing', key: value.key, svg: value.svg } : undefined;
    case 'drawn': {
      if (!isString(value.key) || !isIndex(value.diagrams) || !Array.isArray(value.errors)) return undefined;
      const errors = value.errors.slice(0, MAX_ERRORS)
        .filter((error): error is DiagramFailure => isObject(error) && isIndex(error.index) && isString(error.message))
        .map(({ index, message }) => ({ index, message }));
      const test = isObject(value.test) ? value.test as unknown as PageTestReport : undefined;
      return { type: 'drawn', key: value.key, diagrams: value.diagrams, errors, ...(test ? { test } : {}) };
    }
    default:
      return undefined;
  }
}

/** A host message, or undefined when it is not one. */
export function parseHostMessage(value: unknown): HostMessage | undefined {
  if (!isObject(value)) return undefined;
  switch (value.type) {
    case 'show': {
      const scroll = parseScroll(value.scroll);
      return isNoteView(value.view) && scroll ? { type: 'show', view: value.view, scroll } : undefined;
    }
    case 'update':
      return isNoteView(value.view) ? { type: 'update', view: value.view } : undefined;
    case 'scroll': {
      const scroll = parseScroll(value.scroll);
      return isString(value.key) && scroll ? { type: 'scroll', key: value.key, scroll } : undefined;
    }
    case 'storedDrawings':
      return isIndex(value.request) && isObject(value.drawings) && Object.entries(value.drawings).every(([key, svg]) => isDrawingKey(key) && isString(svg))
        ? { type: 'storedDrawings', request: value.request, drawings: value.drawings as Record<string, string> } : undefined;
    case 'storedKeys':
      return Array.isArray(value.keys) && value.keys.length <= MAX_STORED_KEYS && value.keys.every(isDrawingKey)
        ? { type: 'storedKeys', keys: value.keys } : undefined;
    default:
      return undefined;
  }
}

function parseScroll(value: unknown): ScrollRequest | undefined {
  if (!isObject(value)) return undefined;
  switch (value.to) {
    case 'top':
    case 'restore':
      return { to: value.to };
    case 'line':
      return isIndex(value.line) ? { to: 'line', line: value.line } : undefined;
    case 'section':
      return isString(value.fragment) ? { to: 'section', fragment: value.fragment } : undefined;
    default:
      return undefined;
  }
}

function isNoteView(value: unknown): value is NoteView {
  if (!isObject(value)) return false;
  const strings = ['key', 'id', 'title', 'meta', 'text', 'imageBase'].every((name) => isString(value[name]));
  return strings
    && (value.notShown === undefined || isString(value.notShown))
    && typeof value.canQuiz === 'boolean' && typeof value.canGoBack === 'boolean' && typeof value.canGoForward === 'boolean'
    && isObject(value.links) && Object.values(value.links).every(isString)
    && Array.isArray(value.related) && value.related.every((entry) => isObject(entry) && isString(entry.key) && isString(entry.title))
    && Array.isArray(value.exercises)
    && value.exercises.every((entry) => isObject(entry) && isString(entry.id) && isString(entry.title) && isString(entry.ref) && typeof entry.hasHints === 'boolean');
}
