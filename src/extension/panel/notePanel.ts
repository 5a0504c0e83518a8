// The note panel: one webview whose page is loaded once and then told by messages which note to
// show (shared/panelMessages.ts), like VS Code's Markdown preview. The host asks the language server
// for notes, keeps the back/forward history, answers the page's code buttons (copy, insert, run),
// reports diagrams the page could not draw as diagnostics, keeps the page's drawings on disk
// (DrawingStore), and restores the panel after a reload.
import path from 'node:path';
import * as vscode from 'vscode';
import { isRunnableLanguage } from '../../core/snippets/runnableLanguage';
import {
  MAX_STORED_KEYS, parsePageMessage, type CodeAction, type HostMessage, type NoteView, type PageMessage, type PageSettings, type PageTestReport, type PanelStrings,
  type ScrollRequest,
} from '../../shared/panelMessages';
import { DiagramErrorsNotification, NoteRequest, NotesRequest, type NoteContent, type TreeNode } from '../../shared/protocol';
import type { NotesClient } from '../client/notesClient';
import type { Feature } from '../features';
import { categoryLabel } from '../labels';
import { webviewPageHtml } from '../webviewPage';
import { DrawingStore } from './drawingStore';
import { mermaidFolder, mermaidScript } from './mermaidScript';

export const NOTE_PANEL_TYPE = 'studyNotes.note';
/** Larger bodies are not rendered: the panel says so and offers the source instead. */
export const RENDER_LIMIT_CHARS = 1024 * 1024;
const REMOTE_IMAGES_SETTING = 'studyNotes.preview.remoteImages';
/** A mermaid fence (linear: the two runs cannot share characters). */
const MERMAID_FENCE = /^ {0,3}(?:`{3,}|~{3,})[ \t]*mermaid\b/im;
const MAX_HISTORY = 50;
const MAX_WAITING_FOR_DRAWINGS = 100;

interface PanelState {
  noteKey?: string;
}

/** How a note comes to be shown, which decides where the page scrolls. */
type Arrival =
  | { kind: 'open'; line?: number; fragment?: string }
  /** Back or forward through the history, or the panel restored after a reload. */
  | { kind: 'return' };

export interface DrawnReport {
  diagrams: number;
  failed: number;
}

export class NotePanel implements vscode.Disposable {
  private static current: NotePanel | undefined;
  private static opening: Promise<NotePanel | undefined> | undefined;
  private content: NoteContent | undefined;
  private readonly history = { back: [] as string[], forward: [] as string[] };
  /** The page has said it is ready and has not been unloaded since. */
  private pageReady = false;
  /** The latest message for a page that is not ready yet. */
  private pending: HostMessage | undefined;
  /** What the page's HTML was made for: its image folders and the remote images setting (the CSP). */
  private pageFor = '';
  private loads = 0;
  private readyAt = 0;
  private latestTestReport: PageTestReport | undefined;
  private readonly renderedListeners: { noteKey: string; resolve: (report: DrawnReport) => void }[] = [];
  /** Notes whose diagram errors the server holds, so that a clean drawing clears them. */
  private readonly keysWithDiagramErrors = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Counts navigations, so that a slower earlier one never overwrites a later one. */
  private navigations = 0;
  private refreshes = 0;
  private readonly drawingStore: DrawingStore | undefined;

  /**
   * Shows a note, scrolled to the section holding `line` (a line of the note's file) or to the
   * section a heading's text or `#fragment` names, when given.
   */
  static async show(context: vscode.ExtensionContext, notes: NotesClient, target: string, line?: number, fragment?: string): Promise<NotePanel | undefined> {
    let panel = NotePanel.current;
    if (!panel) {
      // A second note asked for while the panel is being made goes to that same panel.
      NotePanel.opening ??= NotePanel.open(context, notes).finally(() => (NotePanel.opening = undefined));
      panel = await NotePanel.opening;
      if (!panel) return undefined;
    }
    if (!await panel.showNote(target, { kind: 'open', line, fragment })) return undefined;
    panel.panel.reveal(undefined, false);
    return panel;
  }

  /** The panel, made new: undefined if it was closed while mermaid was being unpacked. */
  private static async open(context: vscode.ExtensionContext, notes: NotesClient): Promise<NotePanel | undefined> {
    // mermaid is unpacked (the first time only: 75–170 ms in the bench) while VS Code makes the webview.
    const mermaid = mermaidScript(context);
    const panel = vscode.window.createWebviewPanel(NOTE_PANEL_TYPE, vscode.l10n.t('Study Notes'), vscode.ViewColumn.Active, { enableScripts: true, enableFindWidget: true });
    let closed = false;
    const closing = panel.onDidDispose(() => (closed = true));
    const script = await mermaid;
    closing.dispose();
    if (closed) return undefined;
    NotePanel.current = new NotePanel(panel, context, notes, script);
    return NotePanel.current;
  }

  static registerSerializer(context: vscode.ExtensionContext, notes: NotesClient): vscode.Disposable {
    return vscode.window.registerWebviewPanelSerializer(NOTE_PANEL_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: PanelState | undefined) {
        NotePanel.current?.dispose();
        NotePanel.current = new NotePanel(panel, context, notes, await mermaidScript(context));
        if (typeof state?.noteKey === 'string') await NotePanel.current.showNote(state.noteKey, { kind: 'return' });
      },
    });
  }

  /** `mermaid`: the unpacked script of mermaid, if it could be unpacked. */
  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly context: vscode.ExtensionContext,
    private readonly notes: NotesClient,
    private readonly mermaid: vscode.Uri | undefined,
  ) {
    this.drawingStore = mermaid ? DrawingStore.for(context, mermaid) : undefined;
    // Read while the page loads, for the page to have before its first note (see 'ready').
    void this.drawingStore?.keys();
    panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'icon-activity.svg');
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      // A hidden panel's page is unloaded; it loads again (and says it is ready) when shown.
      panel.onDidChangeViewState(({ webviewPanel }) => { if (!webviewPanel.visible) this.pageReady = false; }),
      panel.webview.onDidReceiveMessage((message: unknown) => {
        const parsed = parsePageMessage(message);
        if (parsed) void this.handle(parsed);
      }),
      notes.onDidChangeNotes(({ keys, ready }) => {
        if (this.content && (ready || keys.includes(this.content.note.key))) void this.refresh();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(REMOTE_IMAGES_SETTING) || event.affectsConfiguration('studyNotes.noteFolders')) this.preparePage();
      }),
    );
    // The page is made when the first note is known (see preparePage).
  }

  /** The key of the note shown. */
  get noteKey(): string | undefined {
    return this.content?.note.key;
  }

  /** The id of the note shown. */
  get noteId(): string | undefined {
    return this.content?.note.id;
  }

  /** How many times the page was loaded (for tests: navigation must not reload it). */
  get documentLoads(): number {
    return this.loads;
  }

  /** `performance.now()` when the page last said it was ready (the bench splits the first note's time there). */
  get pageReadyAt(): number {
    return this.readyAt;
  }

  /** The page's latest self-report; only development and test builds send one. */
  get testReport(): PageTestReport | undefined {
    return this.latestTestReport;
  }

  /**
   * The drawing of the note last shown: resolves once the page reports it drawn, diagrams
   * included, even if that happened before the caller asked.
   */
  lastRender: Promise<DrawnReport> = Promise.resolve({ diagrams: 0, failed: 0 });

  /** Resolves the next time the page reports a note (default: the current one) drawn, diagrams included. */
  whenRendered(noteKey = this.noteKey ?? ''): Promise<DrawnReport> {
    // A note left before it was drawn is never reported: its oldest waiters are let go.
    this.renderedListeners.splice(0, this.renderedListeners.length - MAX_WAITING_FOR_DRAWINGS);
    return new Promise((resolve) => this.renderedListeners.push({ noteKey, resolve }));
  }

  /** Goes back or forward through the notes shown in this panel; false when there is nowhere to go. */
  async navigate(direction: 'back' | 'forward'): Promise<boolean> {
    const [from, to] = direction === 'back' ? [this.history.back, this.history.forward] : [this.history.forward, this.history.back];
    const key = from.pop();
    if (!key) return false;
    if (this.content) to.push(this.content.note.key);
    return this.showNote(key, { kind: 'return' });
  }

  private async showNote(target: string, arrival: Arrival): Promise<boolean> {
    const navigation = ++this.navigations;
    const content = await this.notes.request(NoteRequest, { target });
    if (navigation !== this.navigations) return content !== null;
    if (!content) {
      void vscode.window.showWarningMessage(vscode.l10n.t('No note "{0}" was found.', target));
      // A new panel whose first note could not be found would stay blank. (Checked only by the
      // latest navigation: an earlier one may end before the later one has shown its note.)
      if (!this.content && arrival.kind === 'open') this.dispose();
      return false;
    }
    const previous = this.content;
    const sameNote = previous?.note.key === content.note.key;
    if (arrival.kind === 'open' && previous && !sameNote) {
      this.history.back.push(previous.note.key);
      this.history.back.splice(0, this.history.back.length - MAX_HISTORY);
      this.history.forward.length = 0;
    }
    this.setContent(content);
    const scroll: ScrollRequest = arrival.kind === 'return' ? { to: 'restore' }
      : arrival.line !== undefined ? { to: 'line', line: Math.max(0, arrival.line - content.firstLine) }
        : arrival.fragment ? { to: 'section', fragment: arrival.fragment }
          : { to: 'top' };
    if (sameNote && previous?.text === content.text && arrival.kind === 'open') {
      // Opening the note already shown only moves to the place asked for, if any.
      if (scroll.to !== 'top') this.post({ type: 'scroll', key: content.note.key, scroll });
      return true;
    }
    this.lastRender = this.whenRendered(content.note.key);
    this.post({ type: 'show', view: this.view(content), scroll });
    return true;
  }

  /** The note shown changed on disk (or the notes were indexed again): the page keeps the reader's place. */
  private async refresh(): Promise<void> {
    const key = this.content?.note.key;
    if (!key) return;
    const navigation = this.navigations;
    const refresh = ++this.refreshes;
    const content = await this.notes.request(NoteRequest, { target: key });
    if (!content || navigation !== this.navigations || refresh !== this.refreshes || content.note.key !== this.content?.note.key) return;
    this.setContent(content);
    this.lastRender = this.whenRendered(content.note.key);
    this.post({ type: 'update', view: this.view(content) });
  }

  private setContent(content: NoteContent): void {
    this.content = content;
    this.panel.title = content.note.title;
    this.preparePage();
  }

  private view(content: NoteContent): NoteView {
    const note = content.note;
    const notShown = content.skipped === 'binary'
      ? vscode.l10n.t('This file is not text, so it is not shown here. Use Open Source to see it in the editor.')
      : content.skipped !== undefined || content.text.length > RENDER_LIMIT_CHARS
        ? vscode.l10n.t('This note is {0} MB, too large to show here. Use Open Source to read it in the editor.', (content.size / 1048576).toFixed(1))
        : undefined;
    return {
      key: note.key,
      id: note.id,
      title: note.title,
      meta: `${categoryLabel(note.category)}${note.titleEn ? ` · ${note.titleEn}` : ''}`,
      canQuiz: note.questions > 0,
      text: notShown === undefined ? content.text : '',
      ...(notShown === undefined ? {} : { notShown }),
      links: content.links,
      related: content.related,
      exercises: content.exercises.map((exercise) => ({ id: exercise.id, title: exercise.title, ref: exercise.ref, hasHints: (exercise.hints?.length ?? 0) > 0 })),
      imageBase: folderUri(this.panel.webview, path.dirname(note.path)),
      canGoBack: this.history.back.length > 0,
      canGoForward: this.history.forward.length > 0,
    };
  }

  private post(message: HostMessage): void {
    // Answers about the store are for the page that asked, or the one that just loaded: never held back.
    if (this.pageReady || message.type === 'storedDrawings' || message.type === 'storedKeys') {
      void this.panel.webview.postMessage(message);
      return;
    }
    // A page still loading needs only the latest note, at the latest place asked for.
    const waiting = this.pending;
    if (message.type === 'show' || waiting?.type !== 'show') this.pending = message;
    else if (message.type === 'update') this.pending = { ...waiting, view: message.view };
    else this.pending = { ...waiting, scroll: message.scroll };
  }

  private async handle(message: PageMessage): Promise<void> {
    switch (message.type) {
      case 'ready': {
        this.readyAt = performance.now();
        // Still not ready while this waits (read at the start, it is done by now): notes meanwhile wait for the page.
        const onDisk = await this.drawingStore?.keys();
        this.loads++;
        this.pageReady = true;
        if (onDisk && onDisk.size <= MAX_STORED_KEYS) this.post({ type: 'storedKeys', keys: [...onDisk] });
        this.deliverToNewPage();
        break;
      }
      case 'openNote':
        await this.showNote(message.key, { kind: 'open', fragment: message.fragment });
        break;
      case 'history':
        await this.navigate(message.direction);
        break;
      case 'openExternal':
        await vscode.env.openExternal(vscode.Uri.parse(message.href));
        break;
      case 'openSource':
        if (this.content) await showSource(this.content.note.path, this.content.note.line);
        break;
      case 'quiz':
        if (this.content) await vscode.commands.executeCommand('studyNotes.quizConcept', this.content.note.key);
        break;
      case 'codeAction':
        await this.codeAction(message.action, message.code, message.language);
        break;
      case 'exercise':
        await this.exercise(message.action, message.exerciseId);
        break;
      case 'drawn':
        this.drawn(message);
        break;
      case 'storedDrawings':
        this.post({ type: 'storedDrawings', request: message.request, drawings: (await this.drawingStore?.read(message.keys)) ?? {} });
        break;
      case 'keepDrawing':
        // A drawing not kept is only drawn again next time.
        await this.drawingStore?.keep(message.key, message.svg).catch(() => undefined);
        break;
    }
  }

  /** A page that just loaded has nothing: it gets the note shown, at the place asked for or where the reader left it. */
  private deliverToNewPage(): void {
    const waiting = this.pending;
    this.pending = undefined;
    const message: HostMessage | undefined = waiting?.type === 'show' ? waiting
      : this.content ? { type: 'show', view: this.view(this.content), scroll: waiting?.type === 'scroll' ? waiting.scroll : { to: 'restore' } }
        : undefined;
    if (!message) return;
    this.lastRender = this.whenRendered(message.view.key);
    void this.panel.webview.postMessage(message);
  }

  private drawn(report: Extract<PageMessage, { type: 'drawn' }>): void {
    if (report.test) this.latestTestReport = report.test;
    for (const listener of this.renderedListeners.filter((waiting) => waiting.noteKey === report.key)) {
      this.renderedListeners.splice(this.renderedListeners.indexOf(listener), 1);
      listener.resolve({ diagrams: report.diagrams, failed: report.errors.length });
    }
    // The server shows them as diagnostics of the note while it is open in an editor; an empty list clears them.
    if (report.errors.length > 0 || this.keysWithDiagramErrors.has(report.key)) {
      if (report.errors.length > 0) this.keysWithDiagramErrors.add(report.key);
      else this.keysWithDiagramErrors.delete(report.key);
      void this.notes.notify(DiagramErrorsNotification, { key: report.key, errors: report.errors });
    }
  }

  private async codeAction(action: CodeAction, code: string, language: string): Promise<void> {
    if (action === 'copy') {
      await vscode.env.clipboard.writeText(code);
      vscode.window.setStatusBarMessage(vscode.l10n.t('Code copied'), 2000);
      return;
    }
    if (!isRunnableLanguage(language)) return;
    // Inserting and creating runnable files belong to the snippets feature.
    const command = action === 'insert' ? 'studyNotes.insertCode' : 'studyNotes.createRunnableCode';
    await vscode.commands.executeCommand(command, code, action === 'insert' ? 'python' : this.content?.note.key);
  }

  private async exercise(action: 'start' | 'hint', exerciseId: string): Promise<void> {
    if (!this.content?.exercises.some((exercise) => exercise.id === exerciseId)) return;
    // Exercises are their own feature; the panel only starts them.
    await vscode.commands.executeCommand(action === 'start' ? 'studyNotes.startExercise' : 'studyNotes.showExerciseHint', exerciseId);
  }

  /**
   * Sets the page's HTML once the first note is known (so that mermaid is fetched with the page when
   * that note has diagrams), and again only when the image folders or the remote images setting change
   * (both are part of the page's security policy). Navigation never changes them.
   */
  private preparePage(): void {
    if (!this.content) return;
    const remoteImages = vscode.workspace.getConfiguration().get<boolean>(REMOTE_IMAGES_SETTING, true) !== false;
    const roots = this.imageRoots(this.content.note.path);
    const pageFor = JSON.stringify({ roots, remoteImages });
    if (pageFor === this.pageFor) return;
    this.pageFor = pageFor;
    const extension = this.context.extensionUri;
    this.panel.webview.options = {
      enableScripts: true,
      localResourceRoots: [
        vscode.Uri.joinPath(extension, 'media'),
        vscode.Uri.joinPath(extension, 'dist', 'webview'),
        mermaidFolder(this.context),
        ...roots.map((root) => vscode.Uri.file(root)),
      ],
    };
    // The new page says when it is ready and then gets the note shown (see deliverToNewPage).
    this.pageReady = false;
    this.panel.webview.html = this.html(roots, remoteImages, MERMAID_FENCE.test(this.content.text));
  }

  /** Folders images may come from: every note folder, the folders of files opened as topics, and the note's own. */
  private imageRoots(notePath?: string): string[] {
    const configuration = this.notes.configuration();
    const roots = [configuration.bundledFolder, ...(configuration.noteFolders ?? []), ...(configuration.topicFiles ?? []).map((file) => path.dirname(file))]
      .filter((folder): folder is string => Boolean(folder));
    const noteFolder = notePath ? path.dirname(notePath) : undefined;
    if (noteFolder && !roots.some((root) => noteFolder === root || noteFolder.startsWith(root + path.sep))) roots.push(noteFolder);
    return [...new Set(roots)].sort();
  }

  /** `mermaid`: the note the page opens with has diagrams, so mermaid is fetched while the page loads. */
  private html(roots: string[], remoteImages: boolean, mermaid: boolean): string {
    const webview = this.panel.webview;
    const settings: PageSettings = {
      strings: panelStrings(),
      mermaidScript: this.mermaid ? webview.asWebviewUri(this.mermaid).toString() : '',
      imageRoots: roots.map((root) => folderUri(webview, root)),
      remoteImages,
    };
    return webviewPageHtml({
      webview,
      extensionUri: this.context.extensionUri,
      locale: this.notes.locale,
      script: 'panel',
      settings,
      imageSources: `${webview.cspSource}${remoteImages ? ' https:' : ''}`,
      inlineStyles: true,
      ...(mermaid && settings.mermaidScript ? { preloadModule: settings.mermaidScript } : {}),
    });
  }

  dispose(): void {
    if (NotePanel.current === this) NotePanel.current = undefined;
    this.panel.dispose();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}

/** Every string the page shows, in the display language. */
function panelStrings(): PanelStrings {
  return {
    back: vscode.l10n.t('Back'),
    forward: vscode.l10n.t('Forward'),
    quiz: vscode.l10n.t('Quiz Me'),
    openSource: vscode.l10n.t('Open Source'),
    contents: vscode.l10n.t('Contents'),
    related: vscode.l10n.t('Related concepts'),
    copy: vscode.l10n.t('Copy'),
    insert: vscode.l10n.t('Insert into Editor'),
    runnable: vscode.l10n.t('Open as Runnable File'),
    diagramError: vscode.l10n.t('This diagram could not be drawn:'),
    rendererMissing: vscode.l10n.t('the diagram renderer (mermaid) could not be loaded.'),
    emptySection: vscode.l10n.t('This section is empty.'),
    depthLimit: vscode.l10n.t('Nested too deeply to show as formatted text; the rest of this block follows as plain text:'),
    imageBlocked: vscode.l10n.t('Image not shown:'),
    imageMissing: vscode.l10n.t('Image not found'),
    startExercise: vscode.l10n.t('Start Exercise'),
    showHint: vscode.l10n.t('Show Hint'),
    exercises: vscode.l10n.t('Exercises'),
  };
}

/** The webview URI of a folder, ending in `/`. */
function folderUri(webview: vscode.Webview, folder: string): string {
  return webview.asWebviewUri(vscode.Uri.file(folder)).toString().replace(/\/?$/, '/');
}

/** Opens a note's Markdown beside the current editor, at its first line. */
export async function showSource(file: string, line: number): Promise<void> {
  const position = new vscode.Position(line, 0);
  await vscode.window.showTextDocument(vscode.Uri.file(file), { viewColumn: vscode.ViewColumn.Beside, selection: new vscode.Range(position, position) });
}

/** The note panel, Open Note (from the tree, links, hovers and the palette) and Open Source. */
export const registerNotePanel: Feature = ({ extension, notes }) => {
  const openNote = (target: string, line?: number, fragment?: string): Promise<NotePanel | undefined> => NotePanel.show(extension, notes, target, line, fragment);
  const disposable = vscode.Disposable.from(
    NotePanel.registerSerializer(extension, notes),
    // From the tree's context menu the argument is the tree node; from links, hovers and tests, a key or
    // id. The place is a line of the note's file, or a section's heading (a quiz question's `ref`).
    vscode.commands.registerCommand('studyNotes.openNote', async (target?: string | TreeNode, place?: number | string) => {
      const key = typeof target === 'string' ? target : target?.note?.key ?? (await pickNote(notes));
      if (!key) return undefined;
      return openNote(key, typeof place === 'number' ? place : undefined, typeof place === 'string' && place ? place : undefined);
    }),
    vscode.commands.registerCommand('studyNotes.openNoteSource', async (node?: TreeNode) => {
      if (node?.note) await showSource(node.note.path, node.note.line);
    }),
  );
  return Object.assign(disposable, { api: { openNote } });
};

async function pickNote(notes: NotesClient): Promise<string | undefined> {
  const rows = await notes.request(NotesRequest, {});
  const picked = await vscode.window.showQuickPick(
    rows.map((row) => ({ label: row.title, description: row.titleEn, detail: row.summary, key: row.key })),
    { title: vscode.l10n.t('Open Note'), placeHolder: vscode.l10n.t('Type a title in Chinese or English'), matchOnDescription: true, matchOnDetail: true },
  );
  return picked?.key;
}
