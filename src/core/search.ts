// Full-text search over note bodies. Chinese has no spaces: the index holds every CJK character and
// every pair of neighbouring characters, so any Chinese word is found through its pairs, even one a
// word splitter would break apart (拥塞窗口). Intl.Segmenter splits only the short query into words,
// which rank the lines that hold them whole; segmenting every body would cost seconds at scale.
// Other text is indexed by lower-cased words.
import type { Note } from './model';

export interface SearchHit {
  note: Note;
  /** Line in the note's file (0-based) and its text. */
  line: number;
  text: string;
  score: number;
}

const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/gu;
const WORD = /[\p{L}\p{N}_]+/gu;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Index tokens of a text: CJK characters and character pairs, and lower-cased words. */
export function tokenize(text: string): Set<string> {
  const tokens = new Set<string>();
  const lower = text.toLowerCase();
  for (const run of lower.match(CJK_RUN) ?? []) {
    for (let i = 0; i < run.length; i++) {
      tokens.add(run[i]);
      if (i + 1 < run.length) tokens.add(run.slice(i, i + 2));
    }
  }
  for (const word of lower.replace(CJK_RUN, ' ').match(WORD) ?? []) tokens.add(word);
  return tokens;
}

/** What a line must hold for a query: each CJK word's pairs (or its single character), and each word. */
function queryTokens(query: string): { tokens: string[]; words: string[] } {
  const lower = query.toLowerCase();
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

interface IndexedLine {
  note: Note;
  line: number;
  text: string;
}

export class SearchIndex {
  private readonly lines: IndexedLine[] = [];
  private readonly postings = new Map<string, number[]>();

  constructor(notes: readonly Note[]) {
    for (const note of notes) {
      const bodyLines = note.body.split(/\r?\n/);
      for (const [offset, text] of bodyLines.entries()) {
        if (!text.trim()) continue;
        const id = this.lines.push({ note, line: note.bodyLine + offset, text }) - 1;
        for (const token of tokenize(text)) {
          const list = this.postings.get(token);
          if (list) list.push(id);
          else this.postings.set(token, [id]);
        }
      }
    }
  }

  /** Lines holding every token of the query, best first: headings and title matches rank higher. */
  search(query: string, limit = 200): SearchHit[] {
    const { tokens, words } = queryTokens(query);
    if (tokens.length === 0) return [];
    const lists = tokens.map((token) => this.postings.get(token) ?? []).sort((a, b) => a.length - b.length);
    let matches = lists[0];
    for (const list of lists.slice(1)) {
      const set = new Set(list);
      matches = matches.filter((id) => set.has(id));
    }
    const needle = query.trim().toLowerCase();
    return matches
      .map((id) => {
        const { note, line, text } = this.lines[id];
        const lower = text.toLowerCase();
        const score = (lower.includes(needle) ? 4 : 0) + (/^#{1,6}\s/.test(text) ? 2 : 0) + words.filter((word) => lower.includes(word)).length
          + (note.meta.title.toLowerCase().includes(needle) || note.meta.titleEn?.toLowerCase().includes(needle) ? 1 : 0);
        return { note, line, text: text.trim(), score };
      })
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);
  }
}
