// The language features of notes, as pure functions of the index, a note and a position, so that
// unit tests and benchmarks call them without a connection. server.ts wires them to LSP requests.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind, CompletionItemKind, CreateFile, MarkupKind, SymbolKind, TextDocumentEdit, TextEdit,
  type CodeAction, type CompletionItem, type CompletionList, type Diagnostic, type DocumentSymbol, type Hover,
  type Location, type Position, type Range, type SymbolInformation, type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import noteSchema from '../../schemas/note-frontmatter.schema.json';
import quizSchema from '../../schemas/quiz-question.schema.json';
import { coveredCandidates, dottedNameAt, pythonImports } from '../core/codeConcepts';
import { format, type Locale } from '../core/messages';
import { sourceLocation, type Note, type TextRange } from '../core/model';
import type { NoteIndex } from '../core/noteIndex';
import { linkedFile, relativeLink } from '../core/noteLinks';
import { nearest } from '../core/nearest';

export interface FeatureContext {
  index: NoteIndex;
  locale: Locale;
  /** Concept id → mastery from 0 to 1, as the client last sent it (`studyNotes/mastery`). */
  mastery: ReadonlyMap<string, number>;
}

/** Completion lists stop here; the client asks again as the user types more. */
export const MAX_COMPLETIONS = 100;
export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const OPEN_NOTE_COMMAND = 'studyNotes.openNote';

export function toRange(range: TextRange): Range {
  return { start: { line: range.startLine, character: range.startCharacter }, end: { line: range.endLine, character: range.endCharacter } };
}

function contains(range: TextRange, position: Position): boolean {
  const afterStart = position.line > range.startLine || (position.line === range.startLine && position.character >= range.startCharacter);
  const beforeEnd = position.line < range.endLine || (position.line === range.endLine && position.character <= range.endCharacter);
  return afterStart && beforeEnd;
}

function overlaps(range: TextRange, other: Range): boolean {
  const startsAfter = range.startLine > other.end.line || (range.startLine === other.end.line && range.startCharacter > other.end.character);
  const endsBefore = range.endLine < other.start.line || (range.endLine === other.start.line && range.endCharacter < other.start.character);
  return !startsAfter && !endsBefore;
}

export function noteUri(note: Note): string {
  return pathToFileURL(sourceLocation(note.source).file).href;
}

function declaration(note: Note): Location {
  const line = sourceLocation(note.source).line;
  const range = note.spans?.id?.range ?? { startLine: line, startCharacter: 0, endLine: line, endCharacter: 0 };
  return { uri: noteUri(note), range: toRange(range) };
}

/** A concept named at a position: the note's own id, a related id or a link, and the note it names. */
export interface ConceptAt {
  id: string;
  kind: 'declaration' | 'related' | 'idLink' | 'fileLink';
  range: TextRange;
  target: Note | undefined;
}

export function conceptAt(index: NoteIndex, note: Note, position: Position): ConceptAt | undefined {
  const spans = note.spans;
  if (!spans) return undefined;
  if (spans.id && contains(spans.id.range, position)) return { id: spans.id.value, kind: 'declaration', range: spans.id.range, target: note };
  const related = spans.related.find((span) => contains(span.range, position));
  if (related) return { id: related.value, kind: 'related', range: related.range, target: index.get(related.value) };
  const link = spans.links.find((candidate) => contains(candidate.range, position));
  if (!link) return undefined;
  if (link.kind === 'id') return { id: link.id, kind: 'idLink', range: link.idRange, target: index.get(link.id) };
  const target = index.resolveLink(note, link);
  return { id: target?.meta.id ?? link.file, kind: 'fileLink', range: link.range, target };
}

// ---- Hover -------------------------------------------------------------------------------------

function openNoteLink(context: FeatureContext, id: string): string {
  return `[${format(context.locale, 'hoverOpenNote')}](command:${OPEN_NOTE_COMMAND}?${encodeURIComponent(JSON.stringify([id]))})`;
}

/** Title, English title, summary, mastery and an "Open note" link, as Markdown. */
export function conceptMarkdown(context: FeatureContext, note: Note): string {
  const { title, titleEn, summary, id } = note.meta;
  const parts = [`**${title}**${titleEn && titleEn !== title ? ` · ${titleEn}` : ''} \`${id}\``];
  if (typeof summary === 'string') parts.push(summary);
  const mastery = context.mastery.get(id);
  if (mastery !== undefined) parts.push(format(context.locale, 'hoverMastery', Math.round(mastery * 100)));
  parts.push(openNoteLink(context, id));
  return parts.join('\n\n');
}

export function hover(context: FeatureContext, note: Note, position: Position): Hover | null {
  const concept = conceptAt(context.index, note, position);
  if (!concept?.target) return null;
  return { contents: { kind: MarkupKind.Markdown, value: conceptMarkdown(context, concept.target) }, range: toRange(concept.range) };
}

/** Hover on a word in Python code that a concept covers (`functools.partial`, `yield`). */
export function pythonHover(context: FeatureContext, document: TextDocument, position: Position): Hover | null {
  const line = document.getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } }).replace(/\r?\n$/, '');
  const name = dottedNameAt(line, position.character);
  if (!name) return null;
  const imports = pythonImports(document.getText());
  for (const candidate of coveredCandidates(name.text, imports)) {
    const notes = context.index.covering(candidate);
    if (notes.length === 0) continue;
    return {
      contents: { kind: MarkupKind.Markdown, value: [`\`${candidate}\``, ...notes.map((note) => conceptMarkdown(context, note))].join('\n\n---\n\n') },
      range: { start: { line: position.line, character: name.start }, end: { line: position.line, character: name.end } },
    };
  }
  return null;
}

// ---- Navigation and rename ---------------------------------------------------------------------

export function definition(context: FeatureContext, note: Note, position: Position): Location | null {
  const target = conceptAt(context.index, note, position)?.target;
  return target ? declaration(target) : null;
}

export function references(context: FeatureContext, note: Note, position: Position, includeDeclaration: boolean): Location[] {
  const concept = conceptAt(context.index, note, position);
  if (!concept) return [];
  const id = concept.target?.meta.id ?? concept.id;
  const found = context.index.referencesTo(id).map((reference) => ({ uri: noteUri(reference.note), range: toRange(reference.range) }));
  return includeDeclaration && concept.target ? [declaration(concept.target), ...found] : found;
}

/** The id under the cursor when it can be renamed: it names an existing note and is not a file path. */
export function prepareRename(context: FeatureContext, note: Note, position: Position): { range: Range; placeholder: string } | null {
  const concept = conceptAt(context.index, note, position);
  if (!concept?.target || concept.kind === 'fileLink') return null;
  return { range: toRange(concept.range), placeholder: concept.id };
}

export class RenameRefused extends Error {}

/** Renames a concept id in its note's front matter, in every `related` list and every `note:` link. */
export function rename(context: FeatureContext, note: Note, position: Position, newId: string): WorkspaceEdit {
  const concept = conceptAt(context.index, note, position);
  if (!concept?.target || concept.kind === 'fileLink') throw new RenameRefused(format(context.locale, 'notAConcept'));
  if (!ID_PATTERN.test(newId)) throw new RenameRefused(format(context.locale, 'invalidId'));
  const taken = context.index.get(newId);
  if (taken && taken !== concept.target) throw new RenameRefused(format(context.locale, 'idTaken', newId, taken.source));
  const changes: Record<string, TextEdit[]> = {};
  const edit = (owner: Note, range: TextRange): void => {
    (changes[noteUri(owner)] ??= []).push(TextEdit.replace(toRange(range), newId));
  };
  const own = concept.target.spans?.id;
  if (own) edit(concept.target, own.range);
  for (const reference of context.index.referencesTo(concept.target.meta.id)) {
    if (reference.kind !== 'fileLink') edit(reference.note, reference.range);
  }
  return { changes };
}

// ---- Symbols -----------------------------------------------------------------------------------

/** Headings, nested by level, then the quiz questions under a `quiz` entry. */
export function documentSymbols(note: Note, lineCount: number): DocumentSymbol[] {
  const roots: DocumentSymbol[] = [];
  const open: { level: number; symbol: DocumentSymbol }[] = [];
  // A section ends where the next heading of the same or a higher level starts, or at the end.
  const close = (level: number, nextLine: number): void => {
    while (open.length > 0 && open[open.length - 1].level >= level) {
      const { symbol } = open.pop()!;
      symbol.range.end = { line: Math.max(symbol.range.start.line, nextLine - 1), character: 0 };
    }
  };
  for (const heading of note.headings) {
    close(heading.level, heading.line);
    const symbol: DocumentSymbol = {
      name: heading.text || '#'.repeat(heading.level),
      kind: SymbolKind.String,
      range: { start: { line: heading.line, character: 0 }, end: { line: heading.line, character: 0 } },
      selectionRange: { start: { line: heading.line, character: 0 }, end: { line: heading.line, character: 0 } },
      children: [],
    };
    (open.length > 0 ? open[open.length - 1].symbol.children! : roots).push(symbol);
    open.push({ level: heading.level, symbol });
  }
  close(0, Math.max(1, lineCount));
  const questions = note.spans?.quiz ?? [];
  const quizKey = note.spans?.keys.find((key) => key.value === 'quiz');
  if (quizKey && questions.length > 0) {
    const children = questions.map((question, i): DocumentSymbol => {
      const meta = Array.isArray(note.meta.quiz) ? note.meta.quiz[i] : undefined;
      return {
        name: question.id?.value ?? `#${i + 1}`,
        detail: typeof meta?.question === 'string' ? meta.question.slice(0, 80) : undefined,
        kind: SymbolKind.Event,
        range: toRange(question.range),
        selectionRange: toRange(question.id?.range ?? question.range),
      };
    });
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

/** How well a concept matches a query typed in any of its names: 0 for no match, higher is better. */
export function conceptScore(note: Note, query: string): number {
  const needle = query.trim().toLowerCase();
  if (!needle) return 1;
  const names = [note.meta.id, note.meta.title, note.meta.titleEn ?? ''].map((name) => name.toLowerCase());
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

/** Every concept, found by id, Chinese title or English title. */
export function workspaceSymbols(context: FeatureContext, query: string, limit = 500): SymbolInformation[] {
  return context.index.notes
    .map((note) => ({ note, score: conceptScore(note, query) }))
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score || a.note.meta.id.localeCompare(b.note.meta.id))
    .slice(0, limit)
    .map(({ note }) => ({
      name: note.meta.titleEn && note.meta.titleEn !== note.meta.title ? `${note.meta.title} · ${note.meta.titleEn}` : note.meta.title,
      kind: SymbolKind.Module,
      containerName: `${note.meta.id} · ${note.category}`,
      location: declaration(note),
    }));
}

// ---- Completion --------------------------------------------------------------------------------

interface SchemaProperty {
  description?: string;
  enum?: string[];
}

const noteKeys = noteSchema.properties as Record<string, SchemaProperty>;
const questionKeys = quizSchema.properties as Record<string, SchemaProperty>;

function lineText(document: TextDocument, line: number): string {
  return document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
}

/** The front matter's lines (the first is the file's line 1), or undefined when there is none. */
function frontMatterLines(document: TextDocument): string[] | undefined {
  const text = document.getText();
  if (!/^---[ \t]*\r?\n/.test(text)) return undefined;
  const start = text.indexOf('\n') + 1;
  const closing = /^(?:---|\.\.\.)[ \t]*\r?$/gm;
  closing.lastIndex = start;
  const end = closing.exec(text)?.index ?? text.length;
  return text.slice(start, end).split(/\r?\n/);
}

export function completion(context: FeatureContext, document: TextDocument, note: Note, position: Position): CompletionList {
  const prefix = lineText(document, position.line).slice(0, position.character);
  const frontMatter = frontMatterLines(document);
  const wordRange = (length: number): Range => ({ start: { line: position.line, character: position.character - length }, end: position });
  if (!frontMatter || position.line === 0 || position.line > frontMatter.length) {
    const link = /(?:\]\(|<|\]:\s*)(note:)?([\w-]*)$/.exec(prefix);
    if (!link || (!link[1] && prefix.endsWith('<'))) return { isIncomplete: false, items: [] };
    const typed = (link[1] ?? '') + link[2];
    return idCompletions(context, link[2], wordRange(typed.length), (id) => `note:${id}`, new Set());
  }

  // An indented line belongs to the nearest top-level `key:` above it.
  let ownerKey: string | undefined;
  for (let i = position.line - 2; i >= 0 && !ownerKey; i--) ownerKey = /^([A-Za-z_][\w-]*)\s*:/.exec(frontMatter[i])?.[1];
  if (!/^\s/.test(prefix)) {
    const key = /^([\w-]*)$/.exec(prefix);
    if (key) {
      const present = new Set(frontMatter.map((line) => /^([A-Za-z_][\w-]*)\s*:/.exec(line)?.[1]));
      const items = Object.entries(noteKeys).filter(([name]) => !present.has(name)).map(([name, property]): CompletionItem => ({
        label: name, kind: CompletionItemKind.Property, documentation: property.description, textEdit: TextEdit.replace(wordRange(key[1].length), `${name}: `),
      }));
      return { isIncomplete: false, items };
    }
    const value = /^([\w-]+)\s*:(.*)$/.exec(prefix);
    return value ? valueCompletions(context, note, value[1], prefix, wordRange) : { isIncomplete: false, items: [] };
  }
  if (ownerKey === 'quiz') {
    const type = /^\s*(?:-\s+)?type\s*:\s*(\w*)$/.exec(prefix);
    if (type) {
      const items = (questionKeys.type.enum ?? []).map((name): CompletionItem => ({
        label: name, kind: CompletionItemKind.EnumMember, documentation: questionKeys.type.description, textEdit: TextEdit.replace(wordRange(type[1].length), name),
      }));
      return { isIncomplete: false, items };
    }
    const key = /^\s*(?:-\s+)?(\w*)$/.exec(prefix);
    if (!key) return { isIncomplete: false, items: [] };
    const items = Object.entries(questionKeys).map(([name, property]): CompletionItem => ({
      label: name, kind: CompletionItemKind.Property, documentation: property.description, textEdit: TextEdit.replace(wordRange(key[1].length), `${name}: `),
    }));
    return { isIncomplete: false, items };
  }
  return ownerKey ? valueCompletions(context, note, ownerKey, prefix, wordRange) : { isIncomplete: false, items: [] };
}

function valueCompletions(context: FeatureContext, note: Note, key: string, prefix: string, wordRange: (length: number) => Range): CompletionList {
  if (key === 'related') {
    const typed = /[a-z0-9-]*$/.exec(prefix)![0];
    const listed = new Set([note.meta.id, ...(note.spans?.related.map((span) => span.value) ?? [])]);
    listed.delete(typed);
    return idCompletions(context, typed, wordRange(typed.length), (id) => id, listed);
  }
  if (key === 'tags' || key === 'category') {
    const typed = /[^\s,[\]'":]*$/.exec(prefix)![0];
    const values = key === 'tags' ? context.index.tags() : context.index.categories.map((category) => category.id);
    const items = values.filter((value) => value.toLowerCase().includes(typed.toLowerCase())).slice(0, MAX_COMPLETIONS)
      .map((value): CompletionItem => ({ label: value, kind: CompletionItemKind.Value, textEdit: TextEdit.replace(wordRange(typed.length), value) }));
    return { isIncomplete: items.length === MAX_COMPLETIONS, items };
  }
  return { isIncomplete: false, items: [] };
}

function idCompletions(context: FeatureContext, typed: string, range: Range, insert: (id: string) => string, excluded: Set<string>): CompletionList {
  // A duplicated id is offered once (its duplicates are reported elsewhere).
  const offered = new Set(excluded);
  const matches = context.index.notes
    .filter((note) => !offered.has(note.meta.id) && offered.add(note.meta.id))
    .map((note) => ({ note, score: conceptScore(note, typed) }))
    .filter(({ score }) => score > 0);
  const best = matches.length > MAX_COMPLETIONS
    ? matches.sort((a, b) => b.score - a.score || a.note.meta.id.localeCompare(b.note.meta.id)).slice(0, MAX_COMPLETIONS)
    : matches;
  const items = best.map(({ note, score }): CompletionItem => ({
    label: note.meta.id,
    sortText: `${9 - score} ${note.meta.id}`,
    kind: CompletionItemKind.Reference,
    detail: note.meta.titleEn ? `${note.meta.title} · ${note.meta.titleEn}` : note.meta.title,
    documentation: typeof note.meta.summary === 'string' ? note.meta.summary : undefined,
    filterText: insert(note.meta.id),
    textEdit: TextEdit.replace(range, insert(note.meta.id)),
  }));
  return { isIncomplete: matches.length > MAX_COMPLETIONS, items };
}

// ---- Code actions ------------------------------------------------------------------------------

/** Quick fixes for dangling ids and links in `range`: the nearest existing id, or a new note. */
export function codeActions(context: FeatureContext, note: Note, range: Range, diagnostics: Diagnostic[], canCreateFiles: boolean): CodeAction[] {
  const spans = note.spans;
  if (!spans) return [];
  const uri = noteUri(note);
  const actions: CodeAction[] = [];
  const matching = (at: TextRange): Diagnostic[] => diagnostics.filter((diagnostic) =>
    diagnostic.range.start.line === at.startLine && diagnostic.range.start.character === at.startCharacter);
  const fix = (title: string, at: TextRange, newText: string): void => {
    actions.push({ title, kind: CodeActionKind.QuickFix, isPreferred: true, diagnostics: matching(at), edit: { changes: { [uri]: [TextEdit.replace(toRange(at), newText)] } } });
  };
  const create = (id: string, file: string, at: TextRange): void => {
    if (!canCreateFiles || !ID_PATTERN.test(id) || context.index.get(id) || context.index.bySource(file)) return;
    const newUri = pathToFileURL(file).href;
    const category = ID_PATTERN.test(note.category) ? `category: ${note.category}\n` : '';
    const text = `---\nid: ${id}\ntitle: ${id}\n${category}---\n\n# ${id}\n`;
    actions.push({
      title: format(context.locale, 'createNote', id),
      kind: CodeActionKind.QuickFix,
      diagnostics: matching(at),
      edit: { documentChanges: [CreateFile.create(newUri, { ignoreIfExists: true }), TextDocumentEdit.create({ uri: newUri, version: null }, [TextEdit.insert({ line: 0, character: 0 }, text)])] },
    });
  };
  const ids = context.index.notes.map((other) => other.meta.id);
  const danglingIds = [
    ...spans.related.map((span) => ({ id: span.value, range: span.range })),
    ...spans.links.flatMap((link) => (link.kind === 'id' ? [{ id: link.id, range: link.idRange }] : [])),
  ];
  for (const { id, range: at } of danglingIds) {
    if (!overlaps(at, range) || context.index.get(id)) continue;
    const closest = nearest(id, ids);
    if (closest) fix(format(context.locale, 'replaceWith', closest), at, closest);
    create(id, newNotePath(note.source, id), at);
  }
  for (const link of spans.links) {
    if (link.kind !== 'file' || !overlaps(link.range, range) || context.index.resolveLink(note, link)) continue;
    const paths = context.index.notes.map((other) => relativeLink(note.source, sourceLocation(other.source).file));
    const closest = nearest(link.file, paths);
    const anchor = link.href.slice(link.href.search(/[#?]|$/));
    if (closest) fix(format(context.locale, 'replaceWith', closest), link.range, closest + anchor);
    const file = linkedFile(note.source, link.file);
    create(path.basename(file, '.md'), file, link.range);
  }
  return actions;
}

/** Where a new note goes: beside `from`, in its own folder when `from` sits in `<id>/<id>.md`. */
export function newNotePath(from: string, id: string): string {
  const folder = path.dirname(from);
  return path.basename(folder) === path.basename(from, '.md')
    ? path.join(path.dirname(folder), id, `${id}.md`)
    : path.join(folder, `${id}.md`);
}
