// Document symbols (a note's headings as an outline, then its quiz questions) and workspace symbols
// (every note by id, Chinese title or English title). Both lists are capped: a file of 80,000
// headings or a workspace of 10,000 notes answers with the first ones, not megabytes.
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver';
import type { NoteSummary, ParsedNote } from '../../core/model';
import type { NoteModel } from '../../core/noteModel/noteModel';
import { declarationOf, toRange } from './positions';

export const MAX_DOCUMENT_SYMBOLS = 2000;
export const MAX_WORKSPACE_SYMBOLS = 500;

/** Headings, nested by level, then the quiz questions under a `quiz` entry. */
export function documentSymbols(parsed: ParsedNote): DocumentSymbol[] {
  const roots: DocumentSymbol[] = [];
  const open: { level: number; symbol: DocumentSymbol }[] = [];
  // A section ends where the next heading of the same or a higher level starts, or at the end.
  const close = (level: number, nextLine: number): void => {
    while (open.length > 0 && open[open.length - 1].level >= level) {
      const { symbol } = open.pop()!;
      symbol.range.end = { line: Math.max(symbol.range.start.line, nextLine - 1), character: 0 };
    }
  };
  for (const heading of parsed.headings.slice(0, MAX_DOCUMENT_SYMBOLS)) {
    close(heading.level, heading.line);
    const at = { start: { line: heading.line, character: 0 }, end: { line: heading.line, character: 0 } };
    const symbol: DocumentSymbol = { name: heading.text.slice(0, 200) || '#'.repeat(heading.level), kind: SymbolKind.String, range: { ...at, end: { ...at.end } }, selectionRange: at, children: [] };
    (open.length > 0 ? open[open.length - 1].symbol.children! : roots).push(symbol);
    open.push({ level: heading.level, symbol });
  }
  close(0, Math.max(1, parsed.lineCount));
  const questions = parsed.spans.quiz;
  const quizKey = parsed.spans.keys.find((key) => key.value === 'quiz');
  if (quizKey && questions.length > 0) {
    const children = questions.slice(0, MAX_DOCUMENT_SYMBOLS).map((question, i): DocumentSymbol => ({
      name: question.id?.value ?? `#${i + 1}`,
      detail: parsed.summary.quiz.find((item) => item.id === question.id?.value)?.question.slice(0, 80),
      kind: SymbolKind.Event,
      range: toRange(question.range),
      selectionRange: toRange(question.id?.range ?? question.range),
    }));
    const end = questions[questions.length - 1].range;
    roots.unshift({
      name: 'quiz',
      kind: SymbolKind.Array,
      range: toRange({ ...quizKey.range, endLine: end.endLine, endCharacter: end.endCharacter }),
      selectionRange: toRange(quizKey.range),
      children,
    });
  }
  return roots;
}

/** Each note's names in lower case, computed once per summary (a changed note is a new summary). */
const lowerNames = new WeakMap<NoteSummary, string[]>();

function namesOf(note: NoteSummary): string[] {
  let names = lowerNames.get(note);
  if (!names) {
    names = [note.id, note.title, note.titleEn ?? ''].map((name) => name.toLowerCase());
    lowerNames.set(note, names);
  }
  return names;
}

/** How well a note matches a query typed in any of its names: 0 for no match, higher is better. */
export function conceptScore(note: NoteSummary, query: string): number {
  return scoreLowerCase(note, query.trim().toLowerCase());
}

function scoreLowerCase(note: NoteSummary, needle: string): number {
  if (!needle) return 1;
  const names = namesOf(note);
  if (names.some((name) => name === needle)) return 4;
  if (names.some((name) => name.startsWith(needle))) return 3;
  if (names.some((name) => name.includes(needle))) return 2;
  return names.some((name) => isSubsequence(needle, name)) ? 1 : 0;
}

function isSubsequence(needle: string, haystack: string): boolean {
  let at = 0;
  for (const character of haystack) if (character === needle[at]) at++;
  return at === needle.length;
}

/**
 * The `limit` notes that match a query best: better matches first, then declared concepts before
 * notes whose id only comes from their file name (a folder of a thousand plain notes must not bury
 * the concepts), then by id. Only the best `limit` are kept while scanning, so ten thousand notes
 * cost one pass and no full sort.
 */
export function rankNotes(notes: Iterable<NoteSummary>, query: string, limit: number, skip: (note: NoteSummary) => boolean = () => false): NoteSummary[] {
  const best: { note: NoteSummary; score: number }[] = [];
  const before = (a: { note: NoteSummary; score: number }, b: { note: NoteSummary; score: number }): boolean =>
    a.score > b.score || (a.score === b.score && a.note.id < b.note.id);
  const needle = query.trim().toLowerCase();
  for (const note of notes) {
    if (skip(note)) continue;
    const match = scoreLowerCase(note, needle);
    if (match === 0) continue;
    const entry = { note, score: match * 4 + (note.declared ? 2 : 0) + (note.namespace === 'bundled' ? 1 : 0) };
    if (best.length === limit && !before(entry, best[best.length - 1])) continue;
    // Insert in order (the list is short); drop the last when it is full.
    let at = best.length;
    while (at > 0 && before(entry, best[at - 1])) at--;
    best.splice(at, 0, entry);
    if (best.length > limit) best.pop();
  }
  return best.map(({ note }) => note);
}

export function workspaceSymbols(model: NoteModel, query: string): SymbolInformation[] {
  return rankNotes(model.all(), query, MAX_WORKSPACE_SYMBOLS).map((note) => ({
    name: note.titleEn && note.titleEn !== note.title ? `${note.title} · ${note.titleEn}` : note.title,
    kind: SymbolKind.Module,
    containerName: `${note.id} · ${note.category ?? note.folders.join('/')}`,
    location: declarationOf(note),
  }));
}
