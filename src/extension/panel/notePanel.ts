// The note panel: one webview that shows a rendered note, follows links to other notes, updates
// when the note's file changes, and is restored after a window reload.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import * as vscode from 'vscode';
import type { Note } from '../../core/model';
import { renderNoteBody, type RenderedNote } from '../../core/render';
import { showSource } from '../notes/showSource';
import { categoryLabel } from '../labels';
import type { NotesService } from '../notes/notesService';

export const NOTE_PANEL_TYPE = 'studyNotes.note';
const TOC_MIN_HEADINGS = 4;
/** Larger bodies are not rendered: the panel says so and offers the source instead. */
export const RENDER_LIMIT_CHARS = 1024 * 1024;

/** Messages the webview may send; anything else is dropped. */
type PanelMessage =
  | { type: 'openNote'; id: string }
  | { type: 'openExternal'; href: string }
  | { type: 'codeAction'; action: 'copy' | 'insert' | 'runnable'; index: number }
  | { type: 'openSource' }
  | { type: 'quiz' }
  | { type: 'rendered'; noteId: string; diagrams: number; failed: number };

function isPanelMessage(value: unknown): value is PanelMessage {
  if (!value || typeof value !== 'object') return false;
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'openNote': return typeof message.id === 'string';
    case 'openExternal': return typeof message.href === 'string' && /^(https?:|mailto:)/i.test(message.href);
    case 'codeAction': return ['copy', 'insert', 'runnable'].includes(message.action as string) && Number.isInteger(message.index);
    case 'openSource': return true;
    case 'quiz': return true;
    case 'rendered': return typeof message.noteId === 'string' && Number.isInteger(message.diagrams) && Number.isInteger(message.failed);
    default: return false;
  }
}

interface PanelState {
  noteId: string;
}

export class NotePanel implements vscode.Disposable {
  private static current: NotePanel | undefined;
  private note: Note | undefined;
  private rendered: RenderedNote | undefined;
  private readonly renderedListeners: { noteId: string; resolve: (info: { diagrams: number; failed: number }) => void }[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  /** Counts showNote calls, so that a slower earlier call never overwrites a later one. */
  private requests = 0;

  /** Shows a note, scrolled to the section holding `line` (a line of the note's file) when given. */
  static async show(context: vscode.ExtensionContext, notes: NotesService, noteId: string, line?: number): Promise<NotePanel | undefined> {
    if (!NotePanel.current) {
      const panel = vscode.window.createWebviewPanel(NOTE_PANEL_TYPE, vscode.l10n.t('Study Notes'), vscode.ViewColumn.Active, NotePanel.options(context));
      NotePanel.current = new NotePanel(panel, context, notes);
    }
    const shown = await NotePanel.current.showNote(noteId, line);
    NotePanel.current.panel.reveal(undefined, false);
    return shown ? NotePanel.current : undefined;
  }

  static options(context: vscode.ExtensionContext): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      enableFindWidget: true,
      retainContextWhenHidden: false,
      localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'media'), vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview')],
    };
  }

  static registerSerializer(context: vscode.ExtensionContext, notes: NotesService): vscode.Disposable {
    return vscode.window.registerWebviewPanelSerializer(NOTE_PANEL_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: PanelState | undefined) {
        panel.webview.options = NotePanel.options(context);
        NotePanel.current?.dispose();
        NotePanel.current = new NotePanel(panel, context, notes);
        if (state?.noteId) await NotePanel.current.showNote(state.noteId);
      },
    });
  }

  private constructor(readonly panel: vscode.WebviewPanel, private readonly context: vscode.ExtensionContext, private readonly notes: NotesService) {
    panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'icon-activity.svg');
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: unknown) => { if (isPanelMessage(message)) void this.handle(message); }),
      notes.onDidChange(() => { if (this.note) void this.showNote(this.note.meta.id); }),
    );
  }

  get noteId(): string | undefined {
    return this.note?.meta.id;
  }

  /**
   * The drawing of the note last shown: resolves once the webview reports it drawn, diagrams
   * included, even if that happened before the caller asked.
   */
  lastRender: Promise<{ diagrams: number; failed: number }> = Promise.resolve({ diagrams: 0, failed: 0 });

  /** Resolves the next time the webview reports a note (default: the current one) drawn, diagrams included. */
  whenRendered(noteId = this.noteId ?? ''): Promise<{ diagrams: number; failed: number }> {
    return new Promise((resolve) => this.renderedListeners.push({ noteId, resolve }));
  }

  private async showNote(noteId: string, line?: number): Promise<boolean> {
    const request = ++this.requests;
    const index = await this.notes.getIndex();
    if (request !== this.requests) return index.get(noteId) !== undefined;
    const note = index.get(noteId);
    if (!note) {
      void vscode.window.showWarningMessage(vscode.l10n.t('No note has the id "{0}".', noteId));
      return false;
    }
    this.note = note;
    const tooLarge = note.body.length > RENDER_LIMIT_CHARS;
    this.rendered = renderNoteBody(tooLarge ? '' : note.body, {
      resolveNote: (href) => {
        if (href.startsWith('note:')) return index.get(href.slice(5)) ? href.slice(5) : undefined;
        if (!href.endsWith('.md') || /^[a-z]+:/i.test(href)) return undefined;
        const target = path.resolve(path.dirname(note.source), decodeURIComponent(href));
        return index.notes.find((candidate) => candidate.source === target)?.meta.id;
      },
    });
    this.panel.title = note.meta.title;
    const section = line === undefined ? -1 : note.headings.filter((heading) => heading.line <= line).length - 1;
    const anchor = section >= 0 ? this.rendered.toc[section]?.slug : undefined;
    this.lastRender = this.whenRendered(note.meta.id);
    this.panel.webview.html = this.html(note, this.rendered, (id) => index.get(id), { anchor, tooLarge });
    return true;
  }

  private async handle(message: PanelMessage): Promise<void> {
    switch (message.type) {
      case 'openNote':
        await this.showNote(message.id);
        break;
      case 'openExternal':
        await vscode.env.openExternal(vscode.Uri.parse(message.href));
        break;
      case 'openSource':
        if (this.note) await showSource(this.note);
        break;
      case 'quiz':
        if (this.note) await vscode.commands.executeCommand('studyNotes.quizConcept', this.note.meta.id);
        break;
      case 'codeAction':
        await this.codeAction(message.action, message.index);
        break;
      case 'rendered':
        for (const listener of this.renderedListeners.filter((waiting) => waiting.noteId === message.noteId)) {
          this.renderedListeners.splice(this.renderedListeners.indexOf(listener), 1);
          listener.resolve({ diagrams: message.diagrams, failed: message.failed });
        }
        break;
    }
  }

  private async codeAction(action: 'copy' | 'insert' | 'runnable', index: number): Promise<void> {
    const block = this.rendered?.codeBlocks[index];
    if (!block) return;
    if (action === 'copy') {
      await vscode.env.clipboard.writeText(block.code);
      vscode.window.setStatusBarMessage(vscode.l10n.t('Code copied'), 2000);
      return;
    }
    // Inserting and creating runnable files belong to the snippets feature.
    const command = action === 'insert' ? 'studyNotes.insertCode' : 'studyNotes.createRunnableCode';
    if ((await vscode.commands.getCommands(true)).includes(command)) {
      await vscode.commands.executeCommand(command, block.code, action === 'insert' ? block.language : this.note?.meta.id);
    } else {
      void vscode.window.showInformationMessage(vscode.l10n.t('This action is not available yet in this version of Study Notes.'));
    }
  }

  private html(note: Note, rendered: RenderedNote, lookup: (id: string) => Note | undefined, view: { anchor?: string; tooLarge: boolean }): string {
    const webview = this.panel.webview;
    const nonce = randomBytes(16).toString('base64');
    const asset = (...parts: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, ...parts)).toString();
    const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    const strings = {
      copy: vscode.l10n.t('Copy'),
      insert: vscode.l10n.t('Insert into Editor'),
      runnable: vscode.l10n.t('Open as Runnable File'),
      diagramError: vscode.l10n.t('This diagram could not be drawn:'),
    };
    const headings = rendered.toc.filter((entry) => entry.level >= 2 && entry.level <= 3);
    const toc = headings.length >= TOC_MIN_HEADINGS
      ? `<nav class="toc" aria-label="${escape(vscode.l10n.t('Contents'))}"><h2>${escape(vscode.l10n.t('Contents'))}</h2><ul>${headings
        .map((entry) => `<li class="level-${entry.level}"><a href="#${escape(entry.slug)}">${escape(entry.text)}</a></li>`).join('')}</ul></nav>`
      : '';
    const related = (note.meta.related ?? []).map(lookup).filter((other): other is Note => other !== undefined);
    const footer = related.length > 0
      ? `<footer class="related"><h2>${escape(vscode.l10n.t('Related concepts'))}</h2><ul>${related
        .map((other) => `<li><a href="#" data-note-id="${escape(other.meta.id)}">${escape(other.meta.title)}</a>${other.meta.titleEn ? ` <span class="muted">${escape(other.meta.titleEn)}</span>` : ''}</li>`).join('')}</ul></footer>`
      : '';
    const mermaidScript = rendered.diagramCount > 0 ? `<script nonce="${nonce}" src="${asset('dist', 'webview', 'mermaid.min.js')}"></script>` : '';
    return `<!DOCTYPE html>
<html lang="${this.notes.locale === 'zh-cn' ? 'zh-CN' : 'en'}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${webview.cspSource} data:; style-src ${webview.cspSource} 'unsafe-inline'; font-src ${webview.cspSource}; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('media', 'panel.css')}">
<title>${escape(note.meta.title)}</title>
</head>
<body>
<header class="note-header">
  <div class="meta">${escape(categoryLabel(note.category))}${note.meta.titleEn ? ` · ${escape(note.meta.titleEn)}` : ''}</div>
  <div class="actions">${note.meta.quiz?.length ? `<button type="button" data-action="quiz">${escape(vscode.l10n.t('Quiz Me'))}</button> ` : ''}<button type="button" data-action="openSource">${escape(vscode.l10n.t('Open Source'))}</button></div>
</header>
${toc}
<main class="note-body" data-note-id="${escape(note.meta.id)}"${view.anchor ? ` data-scroll-to="${escape(view.anchor)}"` : ''}>${view.tooLarge
  ? `<p class="too-large">${escape(vscode.l10n.t('This note is {0} MB, too large to show here. Use Open Source to read it in the editor.', (Buffer.byteLength(note.body) / 1048576).toFixed(1)))}</p>`
  : rendered.html}</main>
${footer}
<script nonce="${nonce}" id="study-notes-strings" type="application/json">${JSON.stringify(strings).replace(/</g, '\\u003c')}</script>
${mermaidScript}
<script nonce="${nonce}" src="${asset('dist', 'webview', 'panel.js')}"></script>
</body>
</html>`;
  }

  dispose(): void {
    if (NotePanel.current === this) NotePanel.current = undefined;
    this.panel.dispose();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}
