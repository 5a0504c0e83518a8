// Completion in notes: front-matter keys, quiz question keys and types, ids in `related` and after
// `note:` in links, tags and categories. Which key the cursor is under comes from the YAML node
// ranges of the note's parse; only the text typed on the cursor's own line is looked at here.
import { CompletionItemKind, TextEdit, type CompletionItem, type CompletionList, type Position, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import noteSchema from '../../../schemas/note-frontmatter.schema.json';
import quizSchema from '../../../schemas/quiz-question.schema.json';
import type { NoteSummary, ParsedNote } from '../../core/model';
import type { NoteModel } from '../../core/noteModel/noteModel';
import { contains } from './positions';
import { rankNotes } from './symbols';

/** Completion lists stop here; the client asks again as the user types more. */
export const MAX_COMPLETIONS = 100;
/** Only this much of the line before the cursor is looked at. */
const MAX_PREFIX = 500;

interface SchemaProperty {
  description?: string;
  enum?: string[];
}

const noteKeys = noteSchema.properties as Record<string, SchemaProperty>;
const questionKeys = quizSchema.properties as Record<string, SchemaProperty>;
const empty: CompletionList = { isIncomplete: false, items: [] };

export function completion(model: NoteModel, document: TextDocument, parsed: ParsedNote, position: Position): CompletionList {
  const line = document.getText({ start: { line: position.line, character: 0 }, end: position });
  const prefix = line.slice(-MAX_PREFIX);
  const wordRange = (length: number): Range => ({ start: { line: position.line, character: position.character - length }, end: position });
  const note = parsed.summary;
  const inFrontMatter = note.bodyLine > 0 && position.line > 0 && position.line < note.bodyLine - 1;
  if (!inFrontMatter) {
    // Ids derived from file names keep their Chinese: the typed part is anything up to a delimiter.
    const link = /(?:\]\(|<|\]:[ \t]*)(note:)?([^\s()<>[\]]*)$/.exec(prefix);
    if (!link || (!link[1] && prefix.endsWith('<'))) return empty;
    const typed = (link[1] ?? '') + link[2];
    return idCompletions(model, note, link[2], wordRange(typed.length), (id) => `note:${id}`, new Set());
  }

  // The top-level key the cursor's line belongs to: the last key that starts on or above it.
  const keys = parsed.spans.keys.filter((key) => key.range.startLine <= position.line);
  const owner = keys[keys.length - 1];
  if (!/^\s/.test(prefix)) {
    const key = /^([\w-]*)$/.exec(prefix);
    if (key) {
      const present = new Set(parsed.spans.keys.filter((other) => other.range.startLine !== position.line).map((other) => other.value));
      const items = Object.entries(noteKeys).filter(([name]) => !present.has(name)).map(([name, property]): CompletionItem => ({
        label: name, kind: CompletionItemKind.Property, documentation: property.description, textEdit: TextEdit.replace(wordRange(key[1].length), `${name}: `),
      }));
      return { isIncomplete: false, items };
    }
    const value = /^([\w-]+)[ \t]*:(.*)$/.exec(prefix);
    return value ? valueCompletions(model, parsed, value[1], prefix, wordRange) : empty;
  }
  if (owner?.value === 'quiz' || parsed.spans.quiz.some((question) => contains(question.range, position))) {
    const type = /^\s*(?:-\s+)?type[ \t]*:[ \t]*(\w*)$/.exec(prefix);
    if (type) {
      const items = (questionKeys.type.enum ?? []).map((name): CompletionItem => ({
        label: name, kind: CompletionItemKind.EnumMember, documentation: questionKeys.type.description, textEdit: TextEdit.replace(wordRange(type[1].length), name),
      }));
      return { isIncomplete: false, items };
    }
    const key = /^\s*(?:-\s+)?(\w*)$/.exec(prefix);
    if (!key) return empty;
    const items = Object.entries(questionKeys).map(([name, property]): CompletionItem => ({
      label: name, kind: CompletionItemKind.Property, documentation: property.description, textEdit: TextEdit.replace(wordRange(key[1].length), `${name}: `),
    }));
    return { isIncomplete: false, items };
  }
  return owner ? valueCompletions(model, parsed, owner.value, prefix, wordRange) : empty;
}

function valueCompletions(model: NoteModel, parsed: ParsedNote, key: string, prefix: string, wordRange: (length: number) => Range): CompletionList {
  if (key === 'related') {
    const typed = /[a-z0-9-]*$/.exec(prefix)![0];
    const listed = new Set([parsed.summary.id, ...parsed.spans.related.map((span) => span.value)]);
    listed.delete(typed);
    return idCompletions(model, parsed.summary, typed, wordRange(typed.length), (id) => id, listed, true);
  }
  if (key === 'tags' || key === 'category') {
    const typed = /[^\s,[\]'":]*$/.exec(prefix)![0].toLowerCase();
    const values = key === 'tags' ? model.tags() : model.categories();
    const items = values.filter((value) => value.toLowerCase().includes(typed)).slice(0, MAX_COMPLETIONS)
      .map((value): CompletionItem => ({ label: value, kind: CompletionItemKind.Value, textEdit: TextEdit.replace(wordRange(typed.length), value) }));
    return { isIncomplete: items.length === MAX_COMPLETIONS, items };
  }
  return empty;
}

/**
 * Ids of notes `from` can name (its own namespace first), best matches first; declared concept ids
 * rank above ids that only come from file names. `declaredOnly` for `related`, whose schema allows
 * only declared-style ids.
 */
function idCompletions(model: NoteModel, from: NoteSummary, typed: string, range: Range, insert: (id: string) => string, excluded: Set<string>, declaredOnly = false): CompletionList {
  const visible = (note: NoteSummary): boolean => from.namespace === 'user' || note.namespace === 'bundled';
  // Notes sharing an id (a diagnostic elsewhere) are offered once: ranked with room for them, the
  // better of each kept (checking every id while ranking ten thousand notes would cost more).
  const ranked = rankNotes(model.all(), typed, 2 * (MAX_COMPLETIONS + 1), (note) => !visible(note) || (declaredOnly && !note.declared) || excluded.has(note.id));
  const offered = new Set<string>();
  const best = ranked.filter((note) => !offered.has(note.id) && Boolean(offered.add(note.id))).slice(0, MAX_COMPLETIONS + 1);
  const items = best.slice(0, MAX_COMPLETIONS).map((note, rank): CompletionItem => ({
    label: note.id,
    sortText: String(rank).padStart(4, '0'),
    kind: CompletionItemKind.Reference,
    detail: note.titleEn ? `${note.title} · ${note.titleEn}` : note.title,
    documentation: note.summary,
    filterText: insert(note.id),
    textEdit: TextEdit.replace(range, insert(note.id)),
  }));
  return { isIncomplete: best.length > MAX_COMPLETIONS, items };
}
