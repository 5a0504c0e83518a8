// Knows where notes live (bundled, plus the user's note folders), loads them on first use and
// reloads when a note file changes. Features ask it for the current NoteIndex.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { toLocale } from '../../core/messages';
import type { Note } from '../../core/model';
import { NoteIndex } from '../../core/noteIndex';
import { readNotesFolder } from '../../core/noteFiles';
import { SearchIndex } from '../../core/search';
import { splitByHeadings } from '../../core/splitByHeadings';

const SPLIT_FILES_KEY = 'studyNotes.topicFiles';

export class NotesService implements vscode.Disposable {
  private index: Promise<NoteIndex> | undefined;
  private searchIndex: Promise<SearchIndex> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  readonly onDidChange = this.changed.event;
  readonly locale = toLocale(vscode.env.language);

  constructor(private readonly extensionUri: vscode.Uri, private readonly workspaceState: vscode.Memento) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.md');
    const reloadIfNote = (uri: vscode.Uri): void => { if (this.isNoteFile(uri.fsPath)) this.reload(); };
    watcher.onDidChange(reloadIfNote);
    watcher.onDidCreate(reloadIfNote);
    watcher.onDidDelete(reloadIfNote);
    this.disposables.push(watcher, vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('studyNotes.noteFolders')) this.reload();
    }));
  }

  get bundledRoot(): string {
    return vscode.Uri.joinPath(this.extensionUri, 'notes').fsPath;
  }

  /** Folders of the user's own notes: the setting, else each workspace folder's `notes/`. */
  userFolders(): string[] {
    const configured = vscode.workspace.getConfiguration('studyNotes').get<string[]>('noteFolders', []);
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (configured.length > 0) {
      return configured.flatMap((folder) => path.isAbsolute(folder) ? [folder] : folders.map((root) => path.join(root.uri.fsPath, folder)));
    }
    return folders.map((root) => path.join(root.uri.fsPath, 'notes')).filter((folder) => folder !== this.bundledRoot);
  }

  isNoteFile(file: string): boolean {
    return [this.bundledRoot, ...this.userFolders()].some((root) => file.startsWith(root + path.sep)) || this.topicFiles().includes(file);
  }

  /** Long Markdown files the user opened as a list of topics (one per section). */
  topicFiles(): string[] {
    return this.workspaceState.get<string[]>(SPLIT_FILES_KEY, []);
  }

  async setTopicFiles(files: string[]): Promise<void> {
    await this.workspaceState.update(SPLIT_FILES_KEY, [...new Set(files)]);
    this.reload();
  }

  getIndex(): Promise<NoteIndex> {
    this.index ??= this.load();
    return this.index;
  }

  /** Built on the first search only: tokenizing every body is the costly part of indexing. */
  getSearchIndex(): Promise<SearchIndex> {
    this.searchIndex ??= this.getIndex().then((index) => new SearchIndex(index.notes));
    return this.searchIndex;
  }

  reload(): void {
    this.index = undefined;
    this.searchIndex = undefined;
    this.changed.fire();
  }

  async noteBySource(file: string): Promise<Note | undefined> {
    return (await this.getIndex()).notes.find((note) => note.source === file);
  }

  private async load(): Promise<NoteIndex> {
    const folders = [this.bundledRoot, ...this.userFolders()];
    const notes = (await Promise.all(folders.map((folder) => readNotesFolder(folder, this.locale)))).flat();
    const sections = await Promise.all(this.topicFiles().map(async (file) =>
      splitByHeadings(await fs.readFile(file, 'utf8').catch(() => ''), file)));
    return new NoteIndex([...notes, ...sections.flat()], this.locale);
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
