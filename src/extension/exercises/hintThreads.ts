// The hints shown so far, kept in view while the learner works: a comment thread at the top of
// their copy that grows by one hint each time they ask, and can be collapsed out of the way.
import * as vscode from 'vscode';

export const HINTS_CONTROLLER = 'studyNotes.exerciseHints';

export class HintThreads implements vscode.Disposable {
  private readonly controller = vscode.comments.createCommentController(HINTS_CONTROLLER, vscode.l10n.t('Exercise Hints'));
  private readonly threads = new Map<string, vscode.CommentThread>();

  /** Shows `shown` of the exercise's `total` hints above the first line of `file`. */
  show(file: vscode.Uri, shown: readonly string[], total: number, expand: boolean): void {
    if (shown.length === 0) return;
    const comments: vscode.Comment[] = shown.map((hint, index) => ({
      body: new vscode.MarkdownString().appendText(hint),
      mode: vscode.CommentMode.Preview,
      author: { name: vscode.l10n.t('Hint {0} of {1}', index + 1, total) },
    }));
    let thread = this.threads.get(file.toString());
    if (!thread) {
      thread = this.controller.createCommentThread(file, new vscode.Range(0, 0, 0, 0), comments);
      thread.canReply = false;
      thread.contextValue = 'exerciseHints';
      thread.label = vscode.l10n.t('Hints');
      this.threads.set(file.toString(), thread);
    } else {
      thread.comments = comments;
    }
    if (expand) thread.collapsibleState = vscode.CommentThreadCollapsibleState.Expanded;
  }

  clear(file: vscode.Uri): void {
    this.threads.get(file.toString())?.dispose();
    this.threads.delete(file.toString());
  }

  dispose(): void {
    this.controller.dispose();
  }
}
