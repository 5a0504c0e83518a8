// The Study Notes topic tree: categories → concepts in the notes' order, with a filter by title,
// tag or covered word, and error items for notes that fail to parse.
import * as vscode from 'vscode';
import { sourceLocation, type Note } from '../../core/model';
import type { Category } from '../../core/noteIndex';
import { categoryLabel } from '../labels';
import type { NotesService } from '../notes/notesService';

export type TopicNode = { kind: 'category'; category: Category } | { kind: 'note'; note: Note; broken: boolean };

export class TopicTreeProvider implements vscode.TreeDataProvider<TopicNode> {
  private readonly changed = new vscode.EventEmitter<TopicNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private filter = '';
  private describe: (note: Note) => string | undefined = () => undefined;
  private nodes = new Map<string, TopicNode>();

  constructor(private readonly notes: NotesService) {
    notes.onDidChange(() => this.changed.fire(undefined));
  }

  /** Adds a per-concept progress text (the quiz's mastery) after the English title. */
  setDescriber(describe: (note: Note) => string | undefined): void {
    this.describe = describe;
    this.changed.fire(undefined);
  }

  setFilter(filter: string): void {
    this.filter = filter.trim().toLowerCase();
    void vscode.commands.executeCommand('setContext', 'studyNotes.filtered', this.filter !== '');
    this.changed.fire(undefined);
  }

  async getChildren(parent?: TopicNode): Promise<TopicNode[]> {
    const index = await this.notes.getIndex();
    if (!parent) {
      void vscode.commands.executeCommand('setContext', 'studyNotes.empty', index.notes.length === 0);
      return index.categories
        .map((category) => ({ ...category, notes: category.notes.filter((note) => this.matches(note)) }))
        .filter((category) => category.notes.length > 0)
        .map((category) => this.remember(`category:${category.id}`, { kind: 'category', category }));
    }
    if (parent.kind !== 'category') return [];
    return parent.category.notes.map((note) =>
      this.remember(`note:${note.source}`, { kind: 'note', note, broken: note.inferred && note.problems.length > 0 }));
  }

  /** Keeps one node object per key so that `reveal` finds what `getChildren` returned. */
  private remember(key: string, node: TopicNode): TopicNode {
    this.nodes.set(key, node);
    return node;
  }

  async getParent(node: TopicNode): Promise<TopicNode | undefined> {
    if (node.kind === 'category') return undefined;
    return this.nodes.get(`category:${node.note.category}`);
  }

  /** The tree node of a note file, for revealing it; loads the first level if needed. */
  async nodeForSource(file: string): Promise<TopicNode | undefined> {
    const categories = await this.getChildren();
    for (const category of categories) {
      const found = (await this.getChildren(category)).find((node) => node.kind === 'note' && node.note.source === file);
      if (found) return found;
    }
    return undefined;
  }

  private matches(note: Note): boolean {
    if (!this.filter) return true;
    const { meta } = note;
    const haystack = [meta.id, meta.title, meta.titleEn, ...(meta.tags ?? []), ...(meta.covers ?? [])];
    return haystack.some((text) => text?.toLowerCase().includes(this.filter));
  }

  getTreeItem(node: TopicNode): vscode.TreeItem {
    if (node.kind === 'category') {
      const item = new vscode.TreeItem(categoryLabel(node.category.id), vscode.TreeItemCollapsibleState.Expanded);
      item.id = `category:${node.category.id}`;
      item.iconPath = new vscode.ThemeIcon('folder-library');
      item.description = String(node.category.notes.length);
      item.contextValue = 'category';
      return item;
    }
    const { note } = node;
    const item = new vscode.TreeItem(note.meta.title, vscode.TreeItemCollapsibleState.None);
    item.id = `note:${note.source}`;
    item.resourceUri = vscode.Uri.file(sourceLocation(note.source).file);
    if (node.broken) {
      const problem = note.problems[0];
      item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
      item.description = problem.message;
      item.tooltip = new vscode.MarkdownString().appendText(problem.message);
      item.contextValue = 'brokenNote';
      item.command = {
        command: 'vscode.open',
        title: vscode.l10n.t('Open the Problem'),
        arguments: [vscode.Uri.file(sourceLocation(note.source).file), { selection: new vscode.Range(problem.range.startLine, problem.range.startCharacter, problem.range.endLine, problem.range.endCharacter) }],
      };
      return item;
    }
    item.iconPath = new vscode.ThemeIcon(note.meta.quiz?.length ? 'mortar-board' : 'note');
    item.description = [note.meta.titleEn, this.describe(note)].filter(Boolean).join(' · ');
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**`).appendText(note.meta.title).appendMarkdown(`**`);
    if (note.meta.titleEn) tooltip.appendText(` · ${note.meta.titleEn}`);
    if (note.meta.summary) tooltip.appendMarkdown('\n\n').appendText(note.meta.summary);
    if (note.meta.tags?.length) tooltip.appendMarkdown('\n\n').appendText(note.meta.tags.map((tag) => `#${tag}`).join(' '));
    item.tooltip = tooltip;
    item.contextValue = 'note';
    item.command = { command: 'studyNotes.openNote', title: vscode.l10n.t('Open Note'), arguments: [note.meta.id] };
    return item;
  }
}

export function registerTopicTree(notes: NotesService): { provider: TopicTreeProvider; disposable: vscode.Disposable } {
  const provider = new TopicTreeProvider(notes);
  const view = vscode.window.createTreeView('studyNotes.topics', { treeDataProvider: provider, showCollapseAll: true });
  const revealActiveNote = async (editor: vscode.TextEditor | undefined): Promise<void> => {
    if (!editor || !view.visible || editor.document.languageId !== 'markdown') return;
    const node = await provider.nodeForSource(editor.document.uri.fsPath);
    if (node) await view.reveal(node, { select: true, focus: false });
  };
  const disposable = vscode.Disposable.from(
    view,
    vscode.window.onDidChangeActiveTextEditor(revealActiveNote),
    vscode.commands.registerCommand('studyNotes.refresh', () => notes.reload()),
    vscode.commands.registerCommand('studyNotes.filterTopics', async () => {
      const filter = await vscode.window.showInputBox({
        title: vscode.l10n.t('Filter Topics'),
        prompt: vscode.l10n.t('Title, tag or word in code (Chinese or English)'),
        placeHolder: vscode.l10n.t('e.g. 装饰器, Decorators, functools.partial'),
      });
      if (filter !== undefined) provider.setFilter(filter);
    }),
    vscode.commands.registerCommand('studyNotes.clearFilter', () => provider.setFilter('')),
  );
  return { provider, disposable };
}
