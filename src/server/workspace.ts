// The server's view of the notes: every note file of the note folders, read from disk, with the
// editor's text taking over while a file is open. Each change re-parses only the file it concerns.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Locale } from '../core/messages';
import type { Note } from '../core/model';
import { findNoteFiles, isNoteFileName, parseNoteFile } from '../core/noteFiles';
import { NoteStore } from '../core/noteStore';

export class NoteWorkspace {
  readonly store: NoteStore;
  /** Files whose text comes from the editor, not the disk. */
  private readonly open = new Set<string>();
  readonly ready: Promise<void>;

  constructor(readonly folders: readonly string[], readonly locale: Locale = 'en') {
    this.store = new NoteStore(locale);
    this.ready = this.loadAll();
  }

  isNoteFile(file: string): boolean {
    return isNoteFileName(file) && this.folders.some((folder) => file.startsWith(folder + path.sep));
  }

  /** Takes the editor's text of an open note. */
  update(file: string, text: string): Note {
    this.open.add(file);
    const note = parseNoteFile(text, file, this.locale);
    this.store.set(note);
    return note;
  }

  /** The editor closed the file: its saved text counts again, or nothing if it is gone. */
  async close(file: string): Promise<void> {
    this.open.delete(file);
    await this.refresh(file);
  }

  /** Re-reads a file that changed on disk, unless the editor holds it; drops it if it is gone. */
  async refresh(file: string): Promise<void> {
    if (this.open.has(file)) return;
    const note = await this.readFromDisk(file);
    if (this.open.has(file)) return;
    if (note) this.store.set(note);
    else this.store.delete(file);
  }

  /** A folder was deleted: its notes go, except those still open. */
  removeFolder(folder: string): void {
    const prefix = folder + path.sep;
    for (const note of this.store.index.notes) {
      if (note.source.startsWith(prefix) && !this.open.has(note.source)) this.store.delete(note.source);
    }
  }

  private async loadAll(): Promise<void> {
    const files = (await Promise.all(this.folders.map((folder) => findNoteFiles(folder)))).flat();
    const notes = await Promise.all(files.map((file) => this.readFromDisk(file)));
    for (const note of notes) {
      // A file the editor opened while the folders were read keeps the editor's text.
      if (note && !this.open.has(note.source)) this.store.set(note);
    }
  }

  private async readFromDisk(file: string): Promise<Note | undefined> {
    try {
      return parseNoteFile(await fs.readFile(file, 'utf8'), file, this.locale);
    } catch {
      return undefined;
    }
  }
}
