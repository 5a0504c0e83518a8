// The note panel: one webview that shows a rendered note, follows links to other notes, updates
// when the note's file changes, and is restored after a window reload.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { renderNoteBody, type RenderedNote } from '../../core/render';
import { escapeHtml } from '../../core/text';
import { NoteRequest, NotesRequest, type NoteContent, type TreeNode } from '../../shared/protocol';
import type { NotesClient } from '../client/notesClient';
import type { Feature } from '../features';
import { categoryLabel } from '../labels';

export const NOTE_PANEL_TYPE = 'studyNotes.note';
const TOC_MIN_HEADINGS = 4;
/** Larger bodies are not rendered: the panel says so and offers the source instead. */
export const RENDER_LIMIT_CHARS = 1024 * 1024;

/** Messages the webview may send; anything else is dropped. */
type PanelMessage =
  | { type: 'openNote'; key: string }
  | { type: 'openExternal'; href: string }
  | { type: 'codeAction'; action: 'copy' | 'insert' | 'runnable'; index: number }
  | { type: 'openSource' }
  | { type: 'quiz' }
  | { type: 'rendered'; noteId: string; diagrams: number; failed: number };

function isPanelMessage(value: unknown): value is PanelMessage {
  if (!value || typeof value !== 'object') return false;
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'openNote': return typeof message.key === 'string';
    case 'openExternal': return typeof message.href === 'string' && /^(https?:|mailto:)/i.test(message.href);
    case 'codeAction': return ['copy', 'insert', 'runnable'].includes(message.action as string) && Number.isInteger(message.index);
    case 'openSource': return true;
    case 'quiz': return true;
    case 'rendered': return typeof message.noteId === 'string' && Number.isInteger(message.diagrams) && Number.isInteger(message.failed);
    default: return false;
  }
}

interface PanelState {
  noteKey: string;
}

export class NotePanel implements vscode.Disposable {
  private static current: NotePanel | undefined;
  private content: NoteContent | undefined;
  private rendered: RenderedNote | undefined;
  private readonly renderedListeners: { noteKey: string; resolve: (info: { diagrams: number; failed: number }) => void }[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  /** Counts showNote calls, so that a slower earlier call never overwrites a later one. */
  private requests = 0;

  /** Shows a note, scrolled to the section holding `line` (a line of the note's file) when given. */
  static async show(context: vscode.ExtensionContext, notes: NotesClient, target: string, line?: number): Promise<NotePanel | undefined> {
    if (!NotePanel.current) {
      const panel = vscode.window.createWebviewPanel(NOTE_PANEL_TYPE, vscode.l10n.t('Study Notes'), vscode.ViewColumn.Active, NotePanel.options(context));
      NotePanel.current = new NotePanel(panel, context, notes);
    }
    const shown = await NotePanel.current.showNote(target, line);
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

  static registerSerializer(context: vscode.ExtensionContext, notes: NotesClient): vscode.Disposable {
    return vscode.window.registerWebviewPanelSerializer(NOTE_PANEL_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: PanelState | undefined) {
        panel.webview.options = NotePanel.options(context);
        NotePanel.current?.dispose();
        NotePanel.current = new NotePanel(panel, context, notes);
        if (typeof state?.noteKey === 'string') await NotePanel.current.showNote(state.noteKey);
      },
    });
  }

  private constructor(readonly panel: vscode.WebviewPanel, private readonly context: vscode.ExtensionContext, private readonly notes: NotesClient) {
    panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'icon-activity.svg');
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: unknown) => { if (isPanelMessage(message)) void this.handle(message); }),
      notes.onDidChangeNotes(({ keys, ready }) => {
        if (this.content && (ready || keys.includes(this.content.note.key))) void this.showNote(this.content.note.key);
      }),
    );
  }

  /** The key of the note shown. */
  get noteKey(): string | undefined {
    return this.content?.note.key;
  }

  /** The id of the note shown. */
  get noteId(): string | undefined {
    return this.content?.note.id;
  }

  /**
   * The drawing of the note last shown: resolves once the webview reports it drawn, diagrams
   * included, even if that happened before the caller asked.
   */
  lastRender: Promise<{ diagrams: number; failed: number }> = Promise.resolve({ diagrams: 0, failed: 0 });

  /** Resolves the next time the webview reports a note (default: the current one) drawn, diagrams included. */
  whenRendered(noteKey = this.noteKey ?? ''): Promise<{ diagrams: number; failed: number }> {
    return new Promise((resolve) => this.renderedListeners.push({ noteKey, resolve }));
  }

  private async showNote(target: string, line?: number): Promise<boolean> {
    const request = ++this.requests;
    const content = await this.notes.request(NoteRequest, { target });
    if (request !== this.requests) return content !== null;
    if (!content) {
      void vscode.window.showWarningMessage(vscode.l10n.t('No note "{0}" was found.', target));
      return false;
    }
    this.content = content;
    const tooLarge = content.skipped !== undefined || content.text.length > RENDER_LIMIT_CHARS;
    this.rendered = renderNoteBody(tooLarge ? '' : content.text, { resolveNote: (href) => content.links[href] });
    this.panel.title = content.note.title;
    const headingLines = [...content.text.split('\n').entries()].filter(([, text]) => /^ {0,3}#{1,6}\s/.test(text)).map(([index]) => content.firstLine + index);
    const section = line === undefined ? -1 : headingLines.filter((headingLine) => headingLine <= line).length - 1;
    const anchor = section >= 0 ? this.rendered.toc[section]?.slug : undefined;
    this.lastRender = this.whenRendered(content.note.key);
    this.panel.webview.html = this.html(content, this.rendered, { anchor, tooLarge });
    return true;
  }

  private async handle(message: PanelMessage): Promise<void> {
    switch (message.type) {
      case 'openNote':
        await this.showNote(message.key);
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
        await this.codeAction(message.action, message.index);
        break;
      case 'rendered':
        for (const listener of this.renderedListeners.filter((waiting) => waiting.noteKey === message.noteId)) {
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
      await vscode.commands.executeCommand(command, block.code, action === 'insert' ? block.language : this.content?.note.key);
    } else {
      void vscode.window.showInformationMessage(vscode.l10n.t('This action is not available yet in this version of Study Notes.'));
    }
  }

  private html(content: NoteContent, rendered: RenderedNote, view: { anchor?: string; tooLarge: boolean }): string {
    const webview = this.panel.webview;
    const note = content.note;
    const nonce = randomBytes(16).toString('base64');
    const asset = (...parts: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, ...parts)).toString();
    const strings = {
      copy: vscode.l10n.t('Copy'),
      insert: vscode.l10n.t('Insert into Editor'),
      runnable: vscode.l10n.t('Open as Runnable File'),
      diagramError: vscode.l10n.t('This diagram could not be drawn:'),
    };
    const headings = rendered.toc.filter((entry) => entry.level >= 2 && entry.level <= 3);
    const toc = headings.length >= TOC_MIN_HEADINGS
      ? `<nav class="toc" aria-label="${escapeHtml(vscode.l10n.t('Contents'))}"><h2>${escapeHtml(vscode.l10n.t('Contents'))}</h2><ul>${headings
        .map((entry) => `<li class="level-${entry.level}"><a href="#${escapeHtml(entry.slug)}">${escapeHtml(entry.text)}</a></li>`).join('')}</ul></nav>`
      : '';
    const footer = content.related.length > 0
      ? `<footer class="related"><h2>${escapeHtml(vscode.l10n.t('Related concepts'))}</h2><ul>${content.related
        .map((other) => `<li><a href="#" data-note-id="${escapeHtml(other.key)}">${escapeHtml(other.title)}</a>${other.titleEn ? ` <span class="muted">${escapeHtml(other.titleEn)}</span>` : ''}</li>`).join('')}</ul></footer>`
      : '';
    const empty = !view.tooLarge && content.text.split('\n').filter((text) => text.trim()).length <= 1;
    const mermaidScript = rendered.diagramCount > 0 ? `<script nonce="${nonce}" src="${asset('dist', 'webview', 'mermaid.min.js')}"></script>` : '';
    return `<!DOCTYPE html>
<html lang="${this.notes.locale === 'zh-cn' ? 'zh-CN' : 'en'}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${webview.cspSource} data:; style-src ${webview.cspSource} 'unsafe-inline'; font-src ${webview.cspSource}; script-src 'nonce-${nonce}'; form-action 'none'; base-uri 'none';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('media', 'panel.css')}">
<title>${escapeHtml(note.title)}</title>
</head>
<body>
<header class="note-header">
  <div class="meta">${escapeHtml(categoryLabel(note.category))}${note.titleEn ? ` · ${escapeHtml(note.titleEn)}` : ''}</div>
  <div class="actions">${note.questions > 0 ? `<button type="button" data-action="quiz">${escapeHtml(vscode.l10n.t('Quiz Me'))}</button> ` : ''}<button type="button" data-action="openSource">${escapeHtml(vscode.l10n.t('Open Source'))}</button></div>
</header>
${toc}
<main class="note-body" data-note-id="${escapeHtml(note.id)}" data-note-key="${escapeHtml(note.key)}"${view.anchor ? ` data-scroll-to="${escapeHtml(view.anchor)}"` : ''}>${view.tooLarge
  ? `<p class="too-large">${escapeHtml(vscode.l10n.t('This note is {0} MB, too large to show here. Use Open Source to read it in the editor.', (content.size / 1048576).toFixed(1)))}</p>`
  : rendered.html}${empty ? `<p class="empty-topic">${escapeHtml(vscode.l10n.t('This section is empty.'))}</p>` : ''}</main>
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

/** Opens a note's Markdown beside the current editor, at its first line. */
export async function showSource(file: string, line: number): Promise<void> {
  const position = new vscode.Position(line, 0);
  await vscode.window.showTextDocument(vscode.Uri.file(file), { viewColumn: vscode.ViewColumn.Beside, selection: new vscode.Range(position, position) });
}

/** The note panel, Open Note (from the tree, links, hovers and the palette) and Open Source. */
export const registerNotePanel: Feature = ({ extension, notes }) => {
  const openNote = (target: string, line?: number): Promise<NotePanel | undefined> => NotePanel.show(extension, notes, target, line);
  const disposable = vscode.Disposable.from(
    NotePanel.registerSerializer(extension, notes),
    // From the tree's context menu the argument is the tree node; from links, hovers and tests, a key or id.
    vscode.commands.registerCommand('studyNotes.openNote', async (target?: string | TreeNode, line?: number) => {
      const key = typeof target === 'string' ? target : target?.note?.key ?? (await pickNote(notes));
      return key ? openNote(key, typeof line === 'number' ? line : undefined) : undefined;
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
