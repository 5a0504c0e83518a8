// Full-text search over note bodies. Chinese has no spaces: a note is indexed by every CJK character
// and every pair of neighbouring characters, so any Chinese word is found through its pairs, even one
// a word splitter would break apart (拥塞窗口); other text by lower-cased words. The index maps each
// token to the notes that hold it (not to lines: that would cost gigabytes at ten thousand notes);
// a query reads the few candidate notes again to find and rank the lines that hold every token.
// Notes are added and removed one at a time, so an edited note is re-indexed alone.

const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/gu;
const WORD = /[\p{L}\p{N}_]+/gu;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * Index tokens of a text: CJK characters and character pairs, and lower-cased words. At most
 * `limit` different tokens: a note with more (a generated word list, say) is indexed by its first ones.
 */
export function tokenize(text: string, limit = Number.POSITIVE_INFINITY): Set<string> {
  const tokens = new Set<string>();
  forEachToken(text, (token) => {
    tokens.add(token);
    return tokens.size < limit;
  });
  return tokens;
}

/**
 * Calls `visit` with each token of a text, repeats included, until it returns false. Line by line
 * and match by match: a megabyte of text never becomes a megabyte-long array.
 */
function forEachToken(text: string, visit: (token: string) => boolean): void {
  for (let start = 0; start < text.length;) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (!lineTokens(text.slice(start, end).toLowerCase(), visit)) return;
    start = end + 1;
  }
}

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

  get size(): number {
    return this.ordinals.size;
  }

  has(key: string): boolean {
    return this.ordinals.has(key);
  }

  /** Indexes a note's text (replacing what was indexed for it). */
  add(key: string, text: string): void {
    this.remove(key);
    const ordinal = this.keys.push(key) - 1;
    this.ordinals.set(key, ordinal);
    // Straight into the lists, without a set of the note's tokens: a note of 50,000 different
    // tokens would make one that outlives the young generation and bloats the heap.
    let different = 0;
    forEachToken(text, (token) => {
      if (this.append(token, ordinal)) different++;
      return different < MAX_TOKENS_PER_NOTE;
    });
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
    const hits: SearchLine[] = [];
    for (const [read, { key, priority }] of candidates.entries()) {
      // Let a cancellation (or another request) in now and then.
      if (read > 0 && read % 64 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
      if (hits.length >= limit || source.cancelled?.()) break;
      const note = await source.lines(key);
      if (!note) continue;
      note.lines.forEach((text, offset) => {
        if (!text.trim() || text.length > 10_000) return;
        const lineTokens = tokenize(text);
        if (!tokens.every((token) => lineTokens.has(token))) return;
        const lower = text.toLowerCase();
        const score = (lower.includes(needle) ? 4 : 0) + (/^#{1,6}\s/.test(text) ? 2 : 0) + words.filter((word) => lower.includes(word)).length + (priority > 0 ? 1 : 0);
        hits.push({ key, line: note.firstLine + offset, text: text.trim(), score });
      });
    }
    return hits.sort((a, b) => b.score - a.score).slice(0, limit);
  }
}

function sizeOf(postings: Postings | undefined): number {
  return postings === undefined ? 0 : Array.isArray(postings) ? postings.length : postings.count;
}
