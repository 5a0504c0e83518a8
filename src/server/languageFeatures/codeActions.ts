// Quick fixes for ids and links that name no note: change to the nearest existing id or file, or
// create the missing note.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeActionKind, CreateFile, TextDocumentEdit, TextEdit, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver';
import { format, type Locale } from '../../core/messages';
import type { ParsedNote, TextRange } from '../../core/model';
import { nearest } from '../../core/nearest';
import type { NoteModel } from '../../core/noteModel/noteModel';
import { linkedFile, relativeLink } from '../../core/notes/noteLinks';
import { overlaps, toRange } from './positions';
import { ID_PATTERN } from './references';

/** Candidates for "did you mean" are drawn from at most this many notes. */
const MAX_CANDIDATES = 20_000;

export function codeActions(model: NoteModel, locale: Locale, parsed: ParsedNote, range: Range, diagnostics: Diagnostic[], canCreateFiles: boolean): CodeAction[] {
  const note = parsed.summary;
  const uri = pathToFileURL(note.path).href;
  const actions: CodeAction[] = [];
  const matching = (at: TextRange): Diagnostic[] => diagnostics.filter((diagnostic) =>
    diagnostic.range.start.line === at.startLine && diagnostic.range.start.character === at.startCharacter);
  const fix = (title: string, at: TextRange, newText: string): void => {
    actions.push({ title, kind: CodeActionKind.QuickFix, isPreferred: true, diagnostics: matching(at), edit: { changes: { [uri]: [TextEdit.replace(toRange(at), newText)] } } });
  };
  const create = (id: string, file: string, at: TextRange): void => {
    if (!canCreateFiles || !ID_PATTERN.test(id) || model.resolveId(id, note.namespace) || model.get(file)) return;
    const newUri = pathToFileURL(file).href;
    const category = note.category && ID_PATTERN.test(note.category) ? `category: ${note.category}\n` : '';
    const text = `---\nid: ${id}\ntitle: ${id}\n${category}---\n\n# ${id}\n`;
    actions.push({
      title: format(locale, 'createNote', id),
      kind: CodeActionKind.QuickFix,
      diagnostics: matching(at),
      edit: { documentChanges: [CreateFile.create(newUri, { ignoreIfExists: true }), TextDocumentEdit.create({ uri: newUri, version: null }, [TextEdit.insert({ line: 0, character: 0 }, text)])] },
    });
  };
  const visible = [...model.all()].filter((other) => note.namespace === 'user' || other.namespace === 'bundled').slice(0, MAX_CANDIDATES);
  const danglingIds = [
    ...parsed.spans.related.map((span) => ({ id: span.value, range: span.range })),
    ...parsed.links.flatMap((link) => (link.kind === 'id' ? [{ id: link.id, range: link.idRange }] : [])),
  ];
  for (const { id, range: at } of danglingIds) {
    if (!overlaps(at, range) || model.resolveId(id, note.namespace)) continue;
    const closest = nearest(id, visible.filter((other) => other.declared).map((other) => other.id));
    if (closest) fix(format(locale, 'replaceWith', closest), at, closest);
    create(id, newNotePath(note.path, id), at);
  }
  for (const link of parsed.links) {
    if (link.kind !== 'file' || !overlaps(link.range, range) || model.resolveLink(note, link)) continue;
    const paths = visible.filter((other) => other.endLine === undefined).map((other) => relativeLink(note.path, other.path));
    const closest = nearest(link.file, paths);
    const anchor = link.href.slice(link.href.search(/[#?]|$/));
    if (closest) fix(format(locale, 'replaceWith', closest), link.range, closest + anchor);
    const file = linkedFile(note.path, link.file);
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
