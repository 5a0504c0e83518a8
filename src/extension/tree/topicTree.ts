// The Study Notes topic tree. Its rows come from the language server (categories, the user's note
// folders, files opened as topics, and notes in natural order); this side adds the display names of
// bundled categories, the quiz mastery, icons and commands, and a message while the server restarts.
import * as vscode from 'vscode';
import { TreeParentRequest, TreeRequest, ResolveRequest, type TreeNode } from '../../shared/protocol';
import type { NotesClient } from '../client/notesClient';
import type { Feature, MasteryBoard } from '../features';
import { categoryLabel } from '../labels';

export class TopicTreeProvider implements vscode.TreeDataProvider<TreeNode> {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private filter = '';

  constructor(private readonly notes: NotesClient, private readonly mastery: MasteryBoard) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  setFilter(filter: string): void {
    this.filter = filter.trim();
    void vscode.commands.executeCommand('setContext', 'studyNotes.filtered', this.filter !== '');
    this.refresh();
  }

  async getChildren(parent?: TreeNode): Promise<TreeNode[]> {
    const rows = await this.notes.request(TreeRequest, { parent: parent?.id, ...(this.filter ? { filter: this.filter } : {}) }).catch(() => []);
    if (!parent && !this.filter) void vscode.commands.executeCommand('setContext', 'studyNotes.empty', rows.length === 0);
    return rows;
  }

  async getParent(node: TreeNode): Promise<TreeNode | undefined> {
    return (await this.notes.request(TreeParentRequest, { id: node.id }).catch(() => null)) ?? undefined;
  }

  /** The row of a note (key, path or id), for revealing it. */
  async nodeFor(target: string): Promise<TreeNode | undefined> {
    const row = await this.notes.request(ResolveRequest, { target }).catch(() => null);
    return row ? { id: row.key, kind: 'note', label: row.title, note: row } : undefined;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    if (node.kind !== 'note' || !node.note) {
      const label = node.kind === 'category' && node.categoryId ? categoryLabel(node.categoryId) : node.label;
      const expanded = node.kind === 'category' || node.kind === 'topicFile';
      const item = new vscode.TreeItem(label, expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.id = node.id;
      item.iconPath = new vscode.ThemeIcon({ category: 'folder-library', folder: 'folder', topicFile: 'list-tree', topicCategory: 'symbol-namespace', note: 'note' }[node.kind]);
      item.description = node.childCount === 0 ? vscode.l10n.t('empty') : String(node.childCount ?? '');
      if (node.childCount === 0) item.collapsibleState = vscode.TreeItemCollapsibleState.None;
      if (node.tooltip) item.tooltip = node.tooltip.join('\n');
      item.contextValue = node.kind;
      return item;
    }
    const note = node.note;
    const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.resourceUri = vscode.Uri.file(note.path);
    const tooltip = new vscode.MarkdownString();
    for (const [i, line] of (node.tooltip ?? [node.label]).entries()) {
      if (i > 0) tooltip.appendMarkdown('\n\n');
      tooltip.appendText(line);
    }
    item.tooltip = tooltip;
    if (note.broken && note.problem) {
      const problem = note.problem;
      item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
      item.description = problem.message;
      item.contextValue = 'brokenNote';
      item.command = {
        command: 'vscode.open',
        title: vscode.l10n.t('Open the Problem'),
        arguments: [vscode.Uri.file(note.path), { selection: new vscode.Range(problem.range.startLine, problem.range.startCharacter, problem.range.endLine, problem.range.endCharacter) }],
      };
      return item;
    }
    const concept = this.mastery.current.get(note.id);
    const progress = concept && (concept.seen > 0 || concept.exercisesPassed > 0)
      ? concept.due > 0 ? vscode.l10n.t('{0}% · {1} due', Math.round(concept.mastery * 100), concept.due) : vscode.l10n.t('{0}%', Math.round(concept.mastery * 100))
      : undefined;
    item.description = [node.description, progress].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(note.questions > 0 ? 'mortar-board' : 'note');
    item.contextValue = note.exercises > 0 ? 'note exercise' : 'note';
    item.command = { command: 'studyNotes.openNote', title: vscode.l10n.t('Open Note'), arguments: [note.key] };
    return item;
  }
}

export const registerTopicTree: Feature = ({ notes, mastery }) => {
  const provider = new TopicTreeProvider(notes, mastery);
  const view = vscode.window.createTreeView('studyNotes.topics', { treeDataProvider: provider, showCollapseAll: true });
  const revealActiveNote = async (editor: vscode.TextEditor | undefined): Promise<void> => {
    if (!editor || !view.visible || editor.document.languageId !== 'markdown' || !notes.isNoteFile(editor.document.uri.fsPath)) return;
    const node = await provider.nodeFor(editor.document.uri.fsPath);
    if (node) await view.reveal(node, { select: true, focus: false }).then(undefined, () => undefined);
  };
  const showState = (): void => {
    view.message = notes.state === 'restarting' ? vscode.l10n.t('The notes server stopped and is restarting; the topics come back in a moment.')
      : notes.state === 'failed' ? vscode.l10n.t('The notes server could not start, so no topics can be shown. See the "Study Notes Language Server" output.')
        : undefined;
  };
  const disposable = vscode.Disposable.from(
    view,
    notes.onDidChangeNotes(() => provider.refresh()),
    notes.onDidChangeState(showState),
    mastery.onDidChange(() => provider.refresh()),
    vscode.window.onDidChangeActiveTextEditor(revealActiveNote),
    vscode.commands.registerCommand('studyNotes.refresh', () => provider.refresh()),
    vscode.commands.registerCommand('studyNotes.filterTopics', async () => {
      const filter = await vscode.window.showInputBox({
        title: vscode.l10n.t('Filter Topics'),
        prompt: vscode.l10n.t('Title, tag or word in code (Chinese or English)'),
        placeHolder: vscode.l10n.t('e.g. 装饰器, Decorators, functools.partial'),
      });
      if (filter !== undefined) provider.setFilter(filter);
    }),
    vscode.commands.registerCommand('studyNotes.clearFilter', () => provider.setFilter('')),
    // Internal: shows a note (key, path or id) in the tree, selected.
    vscode.commands.registerCommand('studyNotes.revealNote', async (target: string) => {
      const node = await provider.nodeFor(target);
      if (node) await view.reveal(node, { select: true, focus: true, expand: true }).then(undefined, () => undefined);
    }),
  );
  return Object.assign(disposable, { api: { topics: provider } });
};
