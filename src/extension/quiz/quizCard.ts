// The quiz card: one webview for the length of a quiz, in the note panel's place (its editor group)
// or beside the editor, never in a third group. Its page is loaded once and told what each step
// shows; what the learner does on the card arrives as actions the quiz session races against its
// QuickPick, so either way of answering works.
import * as vscode from 'vscode';
import { NOTE_PANEL_TYPE } from '../panel/notePanel';
import { webviewPageHtml } from '../webviewPage';
import { parseCardPageMessage, type CardAction, type CardView } from '../../shared/quizCardMessages';

const CARD_TYPE = 'studyNotes.quizCard';

export class QuizCard implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private latest: CardView | undefined;
  private readonly actions = new vscode.EventEmitter<CardAction>();
  /** What the learner does on the card. Closing the card counts as stopping. */
  readonly onAction = this.actions.event;

  constructor(private readonly extensionUri: vscode.Uri, private readonly locale: string) {}

  /** Shows a step of the quiz, opening the card first when it is not open. */
  show(view: CardView): void {
    this.latest = view;
    if (!this.panel) this.open();
    // A page that is not there to receive it (loading, or hidden and unloaded) asks for the latest
    // step when it is ready; VS Code does not say reliably when a page is unloaded, so every step is
    // posted and a page that gets the same step twice shows it again.
    else void this.panel.webview.postMessage({ type: 'show', view });
  }

  close(): void {
    const panel = this.panel;
    this.panel = undefined;
    this.latest = undefined;
    panel?.dispose();
  }

  dispose(): void {
    this.close();
    this.actions.dispose();
  }

  private open(): void {
    const panel = vscode.window.createWebviewPanel(CARD_TYPE, vscode.l10n.t('Quiz'), { viewColumn: cardColumn(), preserveFocus: true }, {
      enableScripts: true,
      enableFindWidget: false,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media'), vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview')],
    });
    this.panel = panel;
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'icon-activity.svg');
    panel.onDidDispose(() => {
      if (this.panel !== panel) return;
      this.panel = undefined;
      this.actions.fire({ type: 'stop' });
    });
    panel.webview.onDidReceiveMessage((message: unknown) => {
      const parsed = parseCardPageMessage(message);
      if (!parsed || this.panel !== panel) return;
      if (parsed.type === 'ready') {
        if (this.latest) void panel.webview.postMessage({ type: 'show', view: this.latest });
      } else {
        this.actions.fire(parsed.action);
      }
    });
    panel.webview.html = this.html(panel.webview);
  }

  private html(webview: vscode.Webview): string {
    return webviewPageHtml({ webview, extensionUri: this.extensionUri, locale: this.locale, script: 'quizCard', bodyClass: 'quiz' });
  }
}

/**
 * Where the card goes: in the note panel's group when the panel is open (the card takes its place
 * for the quiz), else beside the editor when there is one group, else the group next to the active
 * one, so a quiz never opens a third group.
 */
function cardColumn(): vscode.ViewColumn {
  const groups = vscode.window.tabGroups.all;
  const withNote = groups.find((group) => group.tabs.some((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(NOTE_PANEL_TYPE)));
  if (withNote) return withNote.viewColumn;
  if (groups.length < 2) return vscode.ViewColumn.Beside;
  const active = vscode.window.tabGroups.activeTabGroup;
  const other = groups.find((group) => group.viewColumn === active.viewColumn + 1) ?? groups.find((group) => group !== active);
  return other?.viewColumn ?? vscode.ViewColumn.Beside;
}
