// Open Markdown File as Topics: one long file (an interview README, say) becomes a list of topics in
// the tree, split by the language server. After opening, the tree shows the first topic and a
// message says what was made of the file.
import path from 'node:path';
import * as vscode from 'vscode';
import { TopicFileRequest, type TopicFileSummary } from '../../shared/protocol';
import type { Feature } from '../features';

export const registerTopicFiles: Feature = ({ notes }) => {
  async function openAsTopics(uri?: vscode.Uri): Promise<TopicFileSummary | undefined> {
    const file = uri ?? (await pickMarkdownFile());
    if (!file) return undefined;
    await notes.setTopicFiles([...notes.topicFiles(), file.fsPath]);
    const split = await notes.request(TopicFileRequest, { path: file.fsPath });
    if (!split) {
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} could not be read.', path.basename(file.fsPath)));
      return undefined;
    }
    if (split.topics === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} has no headings to make topics of.', path.basename(file.fsPath)));
      return split;
    }
    await vscode.commands.executeCommand('studyNotes.topics.focus');
    if (split.firstTopic) await vscode.commands.executeCommand('studyNotes.revealNote', split.firstTopic);
    void vscode.window.showInformationMessage(split.categories > 0
      ? vscode.l10n.t('{0}: {1} topics in {2} categories.', split.title, split.topics, split.categories)
      : vscode.l10n.t('{0}: {1} topics.', split.title, split.topics));
    return split;
  }

  async function stopShowing(): Promise<void> {
    const files = notes.topicFiles();
    if (files.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No file is shown as topics.'));
      return;
    }
    const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { file: string }>();
    pick.title = vscode.l10n.t('Stop Showing a File as Topics');
    pick.placeholder = vscode.l10n.t('Tick the files to stop showing, then press Enter');
    pick.canSelectMany = true;
    pick.items = files.map((file) => ({ label: path.basename(file), description: file, file }));
    const chosen = await new Promise<string[] | undefined>((resolve) => {
      pick.onDidAccept(() => {
        // Enter with nothing ticked takes the highlighted file.
        const ticked = pick.selectedItems.length > 0 ? pick.selectedItems : pick.activeItems;
        resolve(ticked.map((item) => item.file));
        pick.hide();
      });
      pick.onDidHide(() => resolve(undefined));
      pick.show();
    });
    pick.dispose();
    if (!chosen || chosen.length === 0) return;
    await notes.setTopicFiles(files.filter((file) => !chosen.includes(file)));
  }

  return vscode.Disposable.from(
    vscode.commands.registerCommand('studyNotes.openFileAsTopics', openAsTopics),
    vscode.commands.registerCommand('studyNotes.closeFileTopics', stopShowing),
  );
};

async function pickMarkdownFile(): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  if (active?.languageId === 'markdown' && active.uri.scheme === 'file') return active.uri;
  const [picked] = (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { Markdown: ['md', 'markdown'] }, title: vscode.l10n.t('Open a Markdown File as Topics') })) ?? [];
  return picked;
}
