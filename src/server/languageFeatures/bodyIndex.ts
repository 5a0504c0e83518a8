// The second pass over note bodies, in the background once the model is ready (the tree never waits
// for it): each note's links (for references and rename) and its full-text search tokens (for the
// extension's Search Notes). Kept up to date one changed note at a time.
import type { NoteSummary } from '../../core/model';
import type { NoteModel } from '../../core/noteModel/noteModel';
import { SearchIndex } from '../../core/search';
import { TimeSlices } from '../../core/timeSlices';
import { textPassed } from '../memory';
import type { SearchResult } from '../../shared/protocol';
import { noteRow } from './noteTree';

export class BodyIndex {
  private readonly index = new SearchIndex();
  private completed: () => void = () => undefined;
  private completion = new Promise<void>((resolve) => { this.completed = resolve; });
  /** Bumped by every rebuild, so an earlier build stops when a later one starts. */
  private generation = 0;
  private complete = false;
  private readonly stale = new Set<string>();
  /** The summary each note was indexed from: a new summary object means the note changed. */
  private readonly indexed = new Map<string, NoteSummary>();
  /** Re-indexing runs one note at a time (a large note's tokens are added between requests). */
  private queue: Promise<void> = Promise.resolve();
  /** Notes waiting in the queue: asked again, they are not queued twice. */
  private readonly queued = new Set<string>();
  /** Re-indexings queued or running: search answers are partial until they are done. */
  private pending = 0;

  constructor(private readonly model: NoteModel) {}

  /** Starts (or restarts, after the folders changed) the background build. */
  rebuild(): void {
    const generation = ++this.generation;
    if (this.complete) this.completion = new Promise<void>((resolve) => { this.completed = resolve; });
    this.complete = false;
    void (async () => {
      await this.model.ready;
      const slices = new TimeSlices();
      for (const key of [...this.model.all()].map((note) => note.key)) {
        if (generation !== this.generation) return;
        await this.reindex(key, slices);
        await slices.pause();
      }
      for (const key of [...this.stale]) await this.reindex(key, slices);
      if (generation === this.generation) {
        this.complete = true;
        this.completed();
      }
    })();
  }

  /**
   * Notes changed: their entries are replaced (now, or when the build reaches them). A change the
   * model reports for a note already indexed in its current form (the first index's own notices,
   * which arrive after this pass read the note) is no change here.
   */
  changed(keys: readonly string[]): void {
    for (const key of keys) {
      const note = this.model.get(key);
      if (note && this.indexed.get(key) === note) continue;
      if (this.complete) void this.reindex(key, new TimeSlices());
      else this.stale.add(key);
    }
  }

  /** Queues a note's re-indexing; a note already waiting is not queued again. */
  private reindex(key: string, slices: TimeSlices): Promise<void> {
    this.stale.delete(key);
    if (this.queued.has(key)) return this.queue;
    this.queued.add(key);
    this.pending++;
    const run = this.queue.then(() => {
      this.queued.delete(key);
      return this.indexNow(key, slices);
    }).finally(() => this.pending--);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async indexNow(key: string, slices: TimeSlices): Promise<void> {
    const note = this.model.get(key);
    const text = note && !note.skipped ? await this.model.text(note) : undefined;
    if (text !== undefined) textPassed(text.length);
    if (!note || text === undefined) {
      this.index.remove(key);
      this.indexed.delete(key);
      return;
    }
    this.indexed.set(key, note);
    this.model.setBodyText(key, text);
    // A large note gives up when it changed again meanwhile: its newer text is queued already.
    const done = await this.index.addInSlices(key, `${note.title}\n${note.titleEn ?? ''}\n${text.slice(bodyStart(note, text))}`, slices, () => !this.queued.has(key));
    if (!done) this.indexed.delete(key);
  }

  get ready(): boolean {
    return this.complete;
  }

  /** Stops the background pass (the service is going away). */
  dispose(): void {
    this.generation++;
  }

  /** Resolves once every note's body was read (references need every note's links). */
  whenComplete(): Promise<void> {
    return this.completion;
  }

  async search(query: string, limit = 200, cancelled?: () => boolean): Promise<SearchResult> {
    const hits = await this.index.search(query, {
      cancelled,
      lines: async (key) => {
        const note = this.model.get(key);
        const text = note ? await this.model.text(note) : undefined;
        return note && text !== undefined ? bodyOf(note, text) : undefined;
      },
      priority: (key, needle) => {
        const note = this.model.get(key);
        if (!note) return 0;
        return note.title.toLowerCase().includes(needle) || note.titleEn?.toLowerCase().includes(needle) ? 2 : note.namespace === 'bundled' ? 1 : 0;
      },
    }, limit);
    return {
      hits: hits.flatMap((hit) => {
        const note = this.model.get(hit.key);
        return note ? [{ note: noteRow(note), line: hit.line, text: hit.text.length > 300 ? `${hit.text.slice(0, 297)}…` : hit.text }] : [];
      }),
      partial: !this.complete || this.pending > 0,
    };
  }
}

/** The lines of a note's body (a topic's text is its body already), with the file line of the first. */
function bodyOf(note: NoteSummary, text: string): { firstLine: number; lines: string[] } {
  return { firstLine: note.bodyLine, lines: text.slice(bodyStart(note, text)).split('\n') };
}

/** Where the body starts in a note's text: after its front matter (a topic's text is all body). */
function bodyStart(note: NoteSummary, text: string): number {
  if (note.endLine !== undefined) return 0;
  let offset = 0;
  for (let line = 0; line < note.bodyLine && offset !== -1; line++) offset = text.indexOf('\n', offset) + 1 || -1;
  return offset === -1 ? text.length : offset;
}
