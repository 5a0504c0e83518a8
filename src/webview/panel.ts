// The note panel's page, loaded once per panel: it renders the notes the host sends (markdown-it,
// then DOMPurify, then images, code buttons, exercise buttons and diagrams), keeps each note's
// scroll position, and turns clicks into the few messages the host accepts. Its own elements are
// made here and held by reference, never looked up by an id a note could also produce.
import DOMPurify from 'dompurify';
import { linkedNoteKey, renderNote, sectionAt, type CodeBlock, type Heading, type RenderedNote } from '../core/render';
import { isRunnableLanguage } from '../core/snippets/runnableLanguage';
import { slugify } from '../core/text';
import {
  parseHostMessage, type CodeAction, type ExerciseView, type HostMessage, type NoteView, type PageMessage, type PageSettings, type ScrollRequest,
} from '../shared/panelMessages';
import { DiagramPainter, type DiagramSlot, type MermaidTheme, type StoredDrawings } from './diagrams';
import { Highlighter, type CodeToColour } from './highlight';
import { button, element, newHook, placeholders } from './pageDom';
import { placeImages, sanitizeNoteHtml } from './sanitize';

interface VsCodeApi {
  postMessage(message: PageMessage): void;
  getState(): unknown;
  setState(state: SavedState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** Kept by VS Code across reloads of the page; the host's serializer reads `noteKey`. */
interface SavedState {
  noteKey?: string;
  positions?: Record<string, number>;
}

const TOC_MIN_HEADINGS = 4;
/** A note of thousands of headings gets a table of contents of its first ones. */
const TOC_MAX_ENTRIES = 500;
const REMEMBERED_POSITIONS = 100;
const STORED_DRAWINGS_WAIT_MS = 2000;

// A module script has no document.currentScript; the page holds one script with settings.
const script = document.querySelector<HTMLScriptElement>('script[data-settings]')!;
const settings = JSON.parse(script.dataset.settings ?? '{}') as PageSettings;
const strings = settings.strings;
const vscode = acquireVsCodeApi();
const post = (message: PageMessage): void => vscode.postMessage(message);
/** Starts every placeholder attribute the renderer writes for this page; unknowable to a note. */
const hook = newHook();

const saved = (vscode.getState() ?? {}) as SavedState;
const positions = new Map<string, number>(Object.entries(saved.positions ?? {}).filter(([, y]) => typeof y === 'number'));
/** Answers the host has yet to give to the page's `storedDrawings` requests. */
const storedAnswers = new Map<number, (drawings: Record<string, string>) => void>();
let storedRequests = 0;
/**
 * The keys of the drawings on disk, as the host said before the first note, plus those this page
 * kept since; until the host says, the page asks for every drawing.
 */
let keysOnDisk: Set<string> | undefined;
const storedDrawings: StoredDrawings = {
  read: (keys) => {
    const onDisk = keysOnDisk ? keys.filter((key) => keysOnDisk!.has(key)) : keys;
    if (onDisk.length === 0) return Promise.resolve({});
    return new Promise((resolve) => {
      const request = ++storedRequests;
      storedAnswers.set(request, resolve);
      post({ type: 'storedDrawings', request, keys: [...onDisk] });
      // A host that does not answer in time costs only the drawing: mermaid draws instead.
      setTimeout(() => { if (storedAnswers.delete(request)) resolve({}); }, STORED_DRAWINGS_WAIT_MS);
    });
  },
  keep: (key, svg) => {
    keysOnDisk?.add(key);
    post({ type: 'keepDrawing', key, svg });
  },
};
const painter = new DiagramPainter(settings.mermaidScript, DOMPurify, strings.diagramError, strings.rendererMissing, storedDrawings);
const highlighter = new Highlighter();

// ---- The page's own elements ------------------------------------------------------------------

/** What each of the page's own links does; links in the note itself are followed by their href. */
const ownLinks = new WeakMap<Element, () => void>();

function ownLink(text: string, onClick: () => void): HTMLAnchorElement {
  const link = element('a', undefined, text);
  link.href = '#';
  ownLinks.set(link, onClick);
  return link;
}

const meta = element('div', 'meta');
const backButton = button('←', () => post({ type: 'history', direction: 'back' }), 'history');
const forwardButton = button('→', () => post({ type: 'history', direction: 'forward' }), 'history');
backButton.title = backButton.ariaLabel = strings.back;
forwardButton.title = forwardButton.ariaLabel = strings.forward;
const quizButton = button(strings.quiz, () => post({ type: 'quiz' }));
const sourceButton = button(strings.openSource, () => post({ type: 'openSource' }));
const header = element('header', 'note-header');
const actions = element('div', 'actions');
actions.append(quizButton, sourceButton);
const navigation = element('div', 'navigation');
navigation.append(backButton, forwardButton, meta);
header.append(navigation, actions);
const toc = element('nav', 'toc');
toc.ariaLabel = strings.contents;
const tocList = element('ul');
toc.append(element('h2', undefined, strings.contents), tocList);
const main = element('main', 'note-body');
const footer = element('footer', 'related');
const relatedList = element('ul');
footer.append(element('h2', undefined, strings.related), relatedList);

// ---- Showing a note -----------------------------------------------------------------------------

interface Shown {
  view: NoteView;
  rendered: RenderedNote | undefined;
  /** Heading elements by index in `rendered.headings`. */
  headings: HTMLElement[];
  diagrams: DiagramSlot[];
  code: CodeToColour[];
  received: number;
}

let shown: Shown | undefined;

function render(view: NoteView, received: number): { shown: Shown; fragment: DocumentFragment } {
  if (view.notShown !== undefined) {
    const fragment = document.createDocumentFragment();
    fragment.append(element('p', 'not-shown', view.notShown));
    return { shown: { view, rendered: undefined, headings: [], diagrams: [], code: [], received }, fragment };
  }
  const rendered = renderNote(view.text, { links: view.links, exercises: view.exercises, hook });
  const fragment = sanitizeNoteHtml(DOMPurify, rendered.html);
  placeImages(fragment, { base: view.imageBase, roots: settings.imageRoots, remote: settings.remoteImages }, { blocked: strings.imageBlocked, missing: strings.imageMissing });
  const found = placeholders(fragment, hook);
  const code: CodeToColour[] = [];
  rendered.codeBlocks.forEach((block, index) => {
    const holder = found.code[index];
    const codeElement = holder?.querySelector('code');
    if (!holder || !codeElement) return;
    holder.prepend(codeButtons(block));
    code.push({ element: codeElement, language: block.language, code: block.code });
  });
  const diagrams: DiagramSlot[] = [];
  rendered.diagrams.forEach((diagram, index) => {
    if (found.diagram[index]) diagrams.push({ index, source: diagram.source, element: found.diagram[index] });
  });
  for (const exercise of rendered.placedExercises) found.exercise[exercise]?.append(...exerciseButtons(view.exercises[exercise]));
  // Exercises whose task heading is not in the text are listed after it.
  const unplaced = view.exercises.filter((_, index) => !rendered.placedExercises.includes(index));
  if (unplaced.length > 0) fragment.append(exerciseList(unplaced));
  for (const cut of found.cut) cut?.prepend(element('p', 'depth-limit-note', strings.depthLimit));
  if (rendered.empty) fragment.append(element('p', 'empty-topic', strings.emptySection));
  return { shown: { view, rendered, headings: found.heading, diagrams, code, received }, fragment };
}

function codeButtons({ code, language }: CodeBlock): HTMLElement {
  const bar = element('div', 'code-actions');
  const send = (action: CodeAction) => () => post({ type: 'codeAction', action, code, language });
  bar.append(button(strings.copy, send('copy')));
  // Only code this extension can run gets the buttons that put it into an editor as code to run.
  if (isRunnableLanguage(language)) bar.append(button(strings.insert, send('insert')), button(strings.runnable, send('runnable')));
  return bar;
}

function exerciseButtons(exercise: ExerciseView): HTMLElement[] {
  const start = button(strings.startExercise, () => post({ type: 'exercise', action: 'start', exerciseId: exercise.id }), 'primary');
  start.title = exercise.title;
  if (!exercise.hasHints) return [start];
  return [start, button(strings.showHint, () => post({ type: 'exercise', action: 'hint', exerciseId: exercise.id }))];
}

function exerciseList(exercises: readonly ExerciseView[]): HTMLElement {
  const section = element('section', 'exercises');
  section.append(element('h2', undefined, strings.exercises));
  for (const exercise of exercises) {
    const row = element('div', 'exercise-actions');
    row.append(element('span', 'exercise-title', exercise.title), ...exerciseButtons(exercise));
    section.append(row);
  }
  return section;
}

function showChrome(view: NoteView, rendered: RenderedNote | undefined): void {
  meta.textContent = view.meta;
  backButton.disabled = !view.canGoBack;
  forwardButton.disabled = !view.canGoForward;
  quizButton.hidden = !view.canQuiz;
  const headings = (rendered?.headings ?? []).map((heading, index) => ({ heading, index })).filter(({ heading }) => heading.level >= 2 && heading.level <= 3).slice(0, TOC_MAX_ENTRIES);
  tocList.replaceChildren(...headings.map(({ heading, index }) => {
    const item = element('li', `level-${heading.level}`);
    item.append(ownLink(heading.text, () => shown?.headings[index]?.scrollIntoView()));
    return item;
  }));
  toc.hidden = headings.length < TOC_MIN_HEADINGS;
  relatedList.replaceChildren(...view.related.map((other) => {
    const item = element('li');
    const link = ownLink(other.title, () => post({ type: 'openNote', key: other.key }));
    // Not read by the page; tells readers of the DOM (and tests) where the link goes.
    link.dataset.noteId = other.key;
    item.append(link);
    if (other.titleEn) item.append(' ', element('span', 'muted', other.titleEn));
    return item;
  }));
  footer.hidden = view.related.length === 0;
  main.dataset.noteId = view.id;
  main.dataset.noteKey = view.key;
}

function show(view: NoteView, scroll: ScrollRequest | 'keepPlace', received: number): void {
  const place = scroll === 'keepPlace' && shown?.view.key === view.key ? readingPlace() : undefined;
  rememberPosition();
  const next = render(view, received);
  main.replaceChildren(next.fragment);
  showChrome(view, next.shown.rendered);
  // The page shows nothing (no empty header, no buttons) until its first note is ready.
  if (!main.isConnected) document.body.append(header, toc, main, footer);
  shown = next.shown;
  // Drawings already made go in now, before scrolling, so the page has its final height; the others
  // are drawn after the scroll, those in view first.
  void drawDiagrams();
  if (place) returnTo(place);
  else scrollTo(scroll === 'keepPlace' ? { to: 'restore' } : scroll);
  saveState();
  highlighter.watch(shown.code);
}

async function drawDiagrams(): Promise<void> {
  const drawing = shown;
  if (!drawing) return;
  const contentMs = performance.now() - drawing.received;
  // Test builds mark the page when the note's drawings in the other theme are made, and how many mermaid made in all.
  const drawnAhead = STUDY_NOTES_TEST ? () => { main.dataset.testDrawnAhead = `${drawing.view.key} ${painter.mermaidRenders}`; } : undefined;
  const failures = await painter.draw(drawing.diagrams, theme(), drawnAhead);
  if (failures === undefined || drawing !== shown) return;
  post({
    type: 'drawn', key: drawing.view.key, diagrams: drawing.diagrams.length, errors: failures,
    ...(STUDY_NOTES_TEST
      ? {
        test: {
          mermaidLoads: painter.scriptLoads, mermaidRenders: painter.mermaidRenders, storedRequests, documentOrigin: performance.timeOrigin, contentMs,
          diagramsMs: performance.now() - drawing.received,
        },
      }
      : {}),
  });
}

// ---- Scrolling ----------------------------------------------------------------------------------

function scrollTo(request: ScrollRequest): void {
  const target = request.to === 'line' ? headingElement(sectionAt(shown?.rendered?.headings ?? [], request.line))
    : request.to === 'section' ? fragmentTarget(request.fragment)
      : undefined;
  if (target) target.scrollIntoView({ block: 'start' });
  else window.scrollTo(0, request.to === 'restore' && shown ? positions.get(shown.view.key) ?? 0 : 0);
}

function headingElement(heading: Heading | undefined): HTMLElement | undefined {
  const headings = shown?.rendered?.headings ?? [];
  return heading ? shown?.headings[headings.indexOf(heading)] : undefined;
}

/** The heading a `#fragment` names (by its slug, as written or slugified), or an element of the note with that id. */
function fragmentTarget(fragment: string): HTMLElement | undefined {
  let decoded = fragment;
  try {
    decoded = decodeURIComponent(fragment);
  } catch {
    // Keep it as written.
  }
  const headings = shown?.rendered?.headings ?? [];
  const heading = headings.find((candidate) => candidate.slug === decoded) ?? headings.find((candidate) => candidate.slug === slugify(decoded));
  if (heading) return headingElement(heading);
  // Ids in the note carry the `user-content-` prefix the sanitizer gave them.
  const id = decoded.startsWith('user-content-') ? decoded : `user-content-${decoded}`;
  return main.querySelector<HTMLElement>(`[id="${CSS.escape(id)}"]`) ?? undefined;
}

interface ReadingPlace {
  line: number;
  /** The block's tag and the start of its text: found again even when lines above it were added or removed. */
  tag: string;
  text: string;
  /** Distance from the top of the window to the top of the block. */
  offset: number;
}

const blockText = (block: Element): string => (block.textContent ?? '').slice(0, 200);

/** The first block in view: what an update of the note keeps in place. */
function readingPlace(): ReadingPlace | undefined {
  if (window.scrollY === 0) return undefined;
  for (const block of main.querySelectorAll<HTMLElement>('[data-line]')) {
    const { top, bottom } = block.getBoundingClientRect();
    if (bottom > 0) return { line: Number(block.dataset.line), tag: block.tagName, text: blockText(block), offset: top };
  }
  return undefined;
}

/** Scrolls the same block back to where it was: the one with the same text nearest its old line, else the block at that line. */
function returnTo(place: ReadingPlace): void {
  let same: HTMLElement | undefined;
  let atLine: HTMLElement | undefined;
  for (const block of main.querySelectorAll<HTMLElement>('[data-line]')) {
    const line = Number(block.dataset.line);
    if (line <= place.line) atLine = block;
    if (block.tagName === place.tag && blockText(block) === place.text
      && (!same || Math.abs(line - place.line) < Math.abs(Number(same.dataset.line) - place.line))) same = block;
  }
  const target = same ?? atLine;
  if (target) window.scrollBy(0, target.getBoundingClientRect().top - place.offset);
}

function rememberPosition(): void {
  if (!shown) return;
  positions.delete(shown.view.key);
  positions.set(shown.view.key, window.scrollY);
  while (positions.size > REMEMBERED_POSITIONS) positions.delete(positions.keys().next().value!);
}

function saveState(): void {
  vscode.setState({ noteKey: shown?.view.key, positions: Object.fromEntries(positions) });
}

let scrollSaveTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('scroll', () => {
  clearTimeout(scrollSaveTimer);
  scrollSaveTimer = setTimeout(() => {
    rememberPosition();
    saveState();
  }, 200);
}, { passive: true });

// ---- Links ---------------------------------------------------------------------------------------

/** Where a link in the note goes: another note, a section of this one, a web page, or nowhere. */
function followLink(link: Element): void {
  const own = ownLinks.get(link);
  if (own) {
    own();
    return;
  }
  const href = link.getAttribute('href') ?? link.getAttribute('xlink:href') ?? '';
  if (!href || !shown) return;
  if (href.startsWith('#')) {
    fragmentTarget(href.slice(1))?.scrollIntoView({ block: 'start' });
    return;
  }
  const key = linkedNoteKey(href, shown.view.links);
  if (key) {
    const hash = href.indexOf('#');
    post(hash === -1 ? { type: 'openNote', key } : { type: 'openNote', key, fragment: href.slice(hash + 1) });
  } else if (/^(https?:|mailto:)/i.test(href)) {
    post({ type: 'openExternal', href });
  }
  // Anything else (a relative file that is no note) stays inert.
}

// Before the webview's own link handling (which would open or scroll by itself): every link click
// is decided here, and only links; buttons keep their own listeners.
for (const type of ['click', 'auxclick'] as const) {
  window.addEventListener(type, (event) => {
    const link = (event.target as Element | null)?.closest?.('a');
    if (!link) return;
    event.preventDefault();
    event.stopPropagation();
    if (type === 'click' || (event as MouseEvent).button === 1) followLink(link);
  }, true);
}

// ---- Theme and messages --------------------------------------------------------------------------

function theme(): MermaidTheme {
  const classes = document.body.classList;
  if (classes.contains('vscode-high-contrast-light')) return 'default';
  return classes.contains('vscode-dark') || classes.contains('vscode-high-contrast') ? 'dark' : 'default';
}

// VS Code swaps the body's theme class when the colour theme changes: redraw in the new colours.
let drawnTheme = theme();
new MutationObserver(() => {
  if (theme() === drawnTheme) return;
  drawnTheme = theme();
  void drawDiagrams();
}).observe(document.body, { attributes: true, attributeFilter: ['class'] });

function handle(message: HostMessage, received: number): void {
  switch (message.type) {
    case 'show':
      show(message.view, message.scroll, received);
      break;
    case 'update':
      show(message.view, 'keepPlace', received);
      break;
    case 'scroll':
      if (shown?.view.key === message.key) scrollTo(message.scroll);
      break;
    case 'storedDrawings':
      storedAnswers.get(message.request)?.(message.drawings);
      storedAnswers.delete(message.request);
      break;
    case 'storedKeys':
      keysOnDisk = new Set(message.keys);
      break;
  }
}

window.addEventListener('message', (event: MessageEvent) => {
  const received = performance.now();
  const message = parseHostMessage(event.data);
  if (message) handle(message, received);
});

post({ type: 'ready' });
