// A changing set of parsed notes, keyed by source. Replacing one note re-parses only that note; the
// index over all of them (id and source maps, cheap next to parsing) is rebuilt on the next read.
import type { Locale } from './messages';
import type { Note } from './model';
import { NoteIndex } from './noteIndex';

export class NoteStore {
  private readonly notes = new Map<string, Note>();
  private current: NoteIndex | undefined;

  constructor(private readonly locale: Locale = 'en') {}

  get size(): number {
    return this.notes.size;
  }

  get(source: string): Note | undefined {
    return this.notes.get(source);
  }

  set(note: Note): void {
    this.notes.set(note.source, note);
    this.current = undefined;
  }

  delete(source: string): boolean {
    const deleted = this.notes.delete(source);
    if (deleted) this.current = undefined;
    return deleted;
  }

  get index(): NoteIndex {
    this.current ??= new NoteIndex([...this.notes.values()], this.locale);
    return this.current;
  }
}
