// Full-text search over note bodies. Chinese has no spaces: a note is indexed by every CJK character
// and every pair of neighbouring characters, so any Chinese word is found through its pairs, even one
// a word splitter would break apart (拥塞窗口); other text by lower-cased words. The index maps each
// token to the notes that hold it (not to lines: that would cost gigabytes at ten thousand notes);
// a query reads the few candidate notes again to find and rank the lines that hold every token.
// Notes are added and removed one at a time, so an edited note is re-indexed alone.

import { TimeSlices, type Pauses } from './timeSlices';

const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/gu;
const WORD = /[\p{L}\p{N}_]+/gu;
const CJK_CHAR = /^[\u3400-\u9fff\uf900-\ufaff]/u;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** A text's lines, lower-cased, one at a time: a megabyte of text never becomes a megabyte-long array. */
function* lowerCaseLines(text: string): Generator<string> {
  for (let start = 0; start < text.length;) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    yield text.slice(start, end).toLowerCase();
    start = end + 1;
  }
}

/** Calls `visit` with each token of a lower-cased line, repeats included, until it returns false. */
function lineTokens(lower: string, visit: (token: string) => boolean): boolean {
  for (const [run] of lower.matchAll(CJK_RUN)) {
    for (let i = 0; i < run.length; i++) {
      if (!visit(run[i])) return false;
      if (i + 1 < run.length && !visit(run.slice(i, i + 2))) return false;
    }
  }
  for (const [word] of lower.replace(CJK_RUN, ' ').matchAll(WORD)) {
    if (word.length <= MAX_WORD && !visit(word)) return false;
  }
  return true;
}

/** Longer "words" (hashes, base64, a hostile run of letters) are not indexed: no one searches for them. */
const MAX_WORD = 64;
/** A real note has a few thousand different tokens; indexing stays quick whatever a file holds. */
const MAX_TOKENS_PER_NOTE = 50_000;

/** What a line must hold for a query: each CJK word's pairs (or its single character), and each word. */
export function queryTokens(query: string): { tokens: string[]; words: string[] } {
  const lower = query.toLowerCase().slice(0, 500);
  const tokens: string[] = [];
  const words: string[] = [];
  for (const run of lower.match(CJK_RUN) ?? []) {
    if (run.length === 1) tokens.push(run);
    for (let i = 0; i + 1 < run.length; i++) tokens.push(run.slice(i, i + 2));
    for (const { segment, isWordLike } of segmenter.segment(run)) if (isWordLike) words.push(segment);
  }
  const latin = lower.replace(CJK_RUN, ' ').match(WORD) ?? [];
  tokens.push(...latin);
  words.push(...latin);
  return { tokens: [...new Set(tokens)], words };
}

/** A word character that is not CJK: what makes up the words that `WORD` finds once CJK is blanked. */
const WORD_CHAR = String.raw`[[\p{L}\p{N}_]--[\u3400-\u9fff\uf900-\ufaff]]`;

/**
 * Whether a lower-cased line holds every index token of a query, as its own tokens would (a CJK
 * character or pair as a substring, a word as a whole word), without tokenizing the line: a search
 * may look at every line of a large note.
 */
export function lineHolder(tokens: readonly string[]): (lower: string) => boolean {
  const tests = tokens.map((token): ((lower: string) => boolean) => {
    if (CJK_CHAR.test(token)) return (lower) => lower.includes(token);
    if (token.length > MAX_WORD) return () => false;
    // A query word is made of word characters only: nothing in it needs escaping.
    const word = new RegExp(`(?<!${WORD_CHAR})${token}(?!${WORD_CHAR})`, 'v');
    return (lower) => lower.includes(token) && word.test(lower);
  });
  return (lower) => tests.every((test) => test(lower));
}

export interface SearchLine {
  key: string;
  /** Line in the note's file (0-based) and its text. */
  line: number;
  text: string;
  score: number;
}

/** How a search reads candidates: their lines, and which notes to look at first. */
export interface SearchSource {
  /** The note's lines and the file line of the first; undefined when it is gone. */
  lines(key: string): Promise<{ firstLine: number; lines: string[] } | undefined>;
  /** Higher first: notes whose title matches the query, say. */
  priority(key: string, needle: string): number;
  /** True once the asker no longer wants the answer: the search stops reading. */
  cancelled?(): boolean;
}

/** Lists this long or longer are packed as bytes; shorter ones stay arrays (a packed list has a fixed cost). */
const PACK_FROM = 32;

/**
 * The notes holding one token, as ascending ordinals. Short lists are plain arrays; longer ones are
 * gaps between ordinals written as variable-length bytes (7 bits each), so a token found in most of
 * 10,000 notes takes about one byte per note instead of eight.
 */
class PackedPostings {
  private bytes = new Uint8Array(64);
  private used = 0;
  private last = 0;
  count = 0;

  get lastOrdinal(): number {
    return this.last;
  }

  constructor(ordinals: readonly number[]) {
    for (const ordinal of ordinals) this.push(ordinal);
  }

  /** Appends an ordinal larger than every one before. */
  push(ordinal: number): void {
    if (this.used + 5 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    let gap = ordinal - this.last;
    while (gap >= 0x80) {
      this.bytes[this.used++] = (gap & 0x7f) | 0x80;
      gap >>>= 7;
    }
    this.bytes[this.used++] = gap;
    this.last = ordinal;
    this.count++;
  }

  toArray(): number[] {
    const ordinals = new Array<number>(this.count);
    let value = 0;
    for (let at = 0, index = 0; at < this.used; index++) {
      let gap = 0;
      for (let shift = 0; ; shift += 7) {
        const byte = this.bytes[at++];
        gap |= (byte & 0x7f) << shift;
        if (byte < 0x80) break;
      }
      value += gap;
      ordinals[index] = value;
    }
    return ordinals;
  }
}

type Postings = number[] | PackedPostings;

const ordinalsOf = (postings: Postings | undefined): number[] => (postings === undefined ? [] : Array.isArray(postings) ? postings : postings.toArray());

export class SearchIndex {
  private readonly postings = new Map<string, Postings>();
  private readonly ordinals = new Map<string, number>();
  /** Ordinal → key; undefined for a note removed since (compacted away when they pile up). */
  private keys: (string | undefined)[] = [];
  private removed = 0;
  /** An add is under way (paused, or running). */
  private adding = false;

  get size(): number {
    return this.ordinals.size;
  }

  has(key: string): boolean {
    return this.ordinals.has(key);
  }

  /** Indexes a note's text (replacing what was indexed for it), at once. */
  add(key: string, text: string): void {
    const lines = this.addLines(key, text);
    while (!lines.next().done);
  }

  /**
   * Indexes a note's text between other work: a 5 MB note takes over half a second. After each
   * pause, `wanted` says whether to go on (no, when a newer version of the note waits). Resolves to
   * false when it gave up: the note stays partly indexed until it is added again or removed.
   */
  async addInSlices(key: string, text: string, slices: Pauses, wanted: () => boolean): Promise<boolean> {
    const lines = this.addLines(key, text);
    for (;;) {
      const step = lines.next();
      if (step.done) return step.value;
      const pause = slices.pause();
      if (pause === undefined) continue;
      await pause;
      if (!wanted()) {
        lines.return(false);
        return false;
      }
    }
  }

  /**
   * Adds a note's tokens, stopping after each line; returns false if the note was removed during a
   * stop. Adds never overlap: one that pauses must end before the next starts (ordinals only grow).
   */
  private *addLines(key: string, text: string): Generator<void, boolean> {
    if (this.adding) throw new Error(`SearchIndex: "${key}" was added while another note's add was paused`);
    this.remove(key);
    let ordinal = this.keys.push(key) - 1;
    this.ordinals.set(key, ordinal);
    // Straight into the lists, without a set of the note's tokens: a note of 50,000 different
    // tokens would make one that outlives the young generation and bloats the heap.
    let different = 0;
    const visit = (token: string): boolean => {
      if (this.append(token, ordinal)) different++;
      return different < MAX_TOKENS_PER_NOTE;
    };
    this.adding = true;
    try {
      for (const line of lowerCaseLines(text)) {
        if (!lineTokens(line, visit)) return true;
        yield;
        // Removed during a pause, or renumbered by a compaction (where it stays the last note, so
        // its ordinal stays the largest and every list stays in order).
        const now = this.ordinals.get(key);
        if (now === undefined) return false;
        ordinal = now;
      }
      return true;
    } finally {
      this.adding = false;
    }
  }

  /**
   * Adds the note to a token's list, unless it is there already (a repeat in the same note); true
   * when added. Ordinals only grow, so each list stays in ascending order by appending.
   */
  private append(token: string, ordinal: number): boolean {
    const list = this.postings.get(token);
    if (list === undefined) {
      this.postings.set(token, [ordinal]);
      return true;
    }
    if (!Array.isArray(list)) {
      if (list.count > 0 && list.lastOrdinal === ordinal) return false;
      list.push(ordinal);
    } else if (list[list.length - 1] === ordinal) {
      return false;
    } else if (list.length + 1 < PACK_FROM) {
      list.push(ordinal);
    } else {
      this.postings.set(token, new PackedPostings([...list, ordinal]));
    }
    return true;
  }

  remove(key: string): void {
    const ordinal = this.ordinals.get(key);
    if (ordinal === undefined) return;
    this.ordinals.delete(key);
    this.keys[ordinal] = undefined;
    this.removed++;
    if (this.removed > 1000 && this.removed > this.ordinals.size / 4) this.compact();
  }

  /** Drops removed notes from every list and renumbers, when removals outweigh a quarter of the index. */
  private compact(): void {
    const renumber = new Map<number, number>();
    const keys: string[] = [];
    this.keys.forEach((key, ordinal) => {
      if (key === undefined) return;
      renumber.set(ordinal, keys.length);
      this.ordinals.set(key, keys.length);
      keys.push(key);
    });
    for (const [token, list] of this.postings) {
      const kept = ordinalsOf(list).filter((ordinal) => renumber.has(ordinal)).map((ordinal) => renumber.get(ordinal)!);
      if (kept.length === 0) this.postings.delete(token);
      else this.postings.set(token, kept.length < PACK_FROM ? kept : new PackedPostings(kept));
    }
    this.keys = keys;
    this.removed = 0;
  }

  /** Notes holding every token of the query. */
  candidates(query: string): string[] {
    const { tokens } = queryTokens(query);
    if (tokens.length === 0) return [];
    const lists = tokens.map((token) => this.postings.get(token)).sort((a, b) => sizeOf(a) - sizeOf(b));
    let matches = ordinalsOf(lists[0]);
    for (const list of lists.slice(1)) {
      if (matches.length === 0) break;
      const set = new Set(ordinalsOf(list));
      matches = matches.filter((ordinal) => set.has(ordinal));
    }
    return matches.map((ordinal) => this.keys[ordinal]).filter((key): key is string => key !== undefined);
  }

  /**
   * Lines holding every token of the query, best first: a line holding the whole query, a heading,
   * the query's words. Candidate notes are read in priority order until `limit` lines are found.
   */
  async search(query: string, source: SearchSource, limit = 200): Promise<SearchLine[]> {
    const { tokens, words } = queryTokens(query);
    if (tokens.length === 0) return [];
    const needle = query.trim().toLowerCase();
    const candidates = this.candidates(query)
      .map((key, order) => ({ key, order, priority: source.priority(key, needle) }))
      .sort((a, b) => b.priority - a.priority || a.order - b.order);
    const holdsQuery = lineHolder(tokens);
    // A note of 5 MB has 400,000 lines: other requests (and a cancellation) get their turn meanwhile.
    const slices = new TimeSlices();
    const hits: SearchLine[] = [];
    for (const { key, priority } of candidates) {
      if (hits.length >= limit || source.cancelled?.()) break;
      const note = await source.lines(key);
      if (!note) continue;
      for (const [offset, text] of note.lines.entries()) {
        const pause = slices.pause();
        if (pause) {
          await pause;
          if (source.cancelled?.()) break;
        }
        if (!text.trim() || text.length > 10_000) continue;
        const lower = text.toLowerCase();
        if (!holdsQuery(lower)) continue;
        const score = (lower.includes(needle) ? 4 : 0) + (/^#{1,6}\s/.test(text) ? 2 : 0) + words.filter((word) => lower.includes(word)).length + (priority > 0 ? 1 : 0);
        hits.push({ key, line: note.firstLine + offset, text: text.trim(), score });
      }
    }
    return hits.sort((a, b) => b.score - a.score).slice(0, limit);
  }
}

function sizeOf(postings: Postings | undefined): number {
  return postings === undefined ? 0 : Array.isArray(postings) ? postings.length : postings.count;
}
