// Go to definition, find references and rename of a concept id. The model knows which notes name a
// concept; the exact places of `related` items in notes not open in an editor come from parsing
// just those notes.
import { TextEdit, type Location, type Position, type Range, type WorkspaceEdit } from 'vscode-languageserver';
import { format, type Locale } from '../../core/messages';
import type { NoteSummary, ParsedNote, TextRange } from '../../core/model';
import type { NoteModel } from '../../core/noteModel/noteModel';
import { conceptAt } from './concepts';
import { declarationOf, fileUri, toRange } from './positions';

export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export interface ReferencesContext {
  model: NoteModel;
  locale: Locale;
  /** The full parse of any note (open: the editor's; else read from disk now). */
  detail(note: NoteSummary): Promise<ParsedNote | undefined>;
}

interface Place {
  note: NoteSummary;
  kind: 'related' | 'idLink' | 'fileLink';
  range: TextRange;
}

/** Every place that names `target`: `related` items, `note:` links and relative links. */
async function placesNaming(context: ReferencesContext, target: NoteSummary): Promise<Place[]> {
  const places: Place[] = [];
  const parsedRelated = new Set<string>();
  for (const reference of context.model.referencesTo(target)) {
    if (reference.link) {
      places.push({ note: reference.from, kind: reference.kind, range: reference.kind === 'idLink' && reference.link.kind === 'id' ? reference.link.idRange : reference.link.range });
    } else if (!parsedRelated.has(reference.from.key)) {
      parsedRelated.add(reference.from.key);
      const parsed = await context.detail(reference.from);
      for (const span of parsed?.spans.related ?? []) if (span.value === target.id) places.push({ note: reference.from, kind: 'related', range: span.range });
    }
  }
  return places;
}

export async function definition(context: ReferencesContext, parsed: ParsedNote, position: Position): Promise<Location | null> {
  const target = conceptAt(context.model, parsed, position)?.target;
  if (!target) return null;
  return declarationOf(target, target.key === parsed.summary.key ? parsed : await context.detail(target));
}

export async function references(context: ReferencesContext, parsed: ParsedNote, position: Position, includeDeclaration: boolean): Promise<Location[]> {
  const concept = conceptAt(context.model, parsed, position);
  if (!concept?.target) return [];
  const found = (await placesNaming(context, concept.target)).map((place) => ({ uri: fileUri(place.note.path), range: toRange(place.range) }));
  if (!includeDeclaration) return found;
  const declaration = declarationOf(concept.target, concept.target.key === parsed.summary.key ? parsed : await context.detail(concept.target));
  return [declaration, ...found];
}

/** The id under the cursor when it can be renamed: it names a note that declares it, not a file path. */
export function prepareRename(context: ReferencesContext, parsed: ParsedNote, position: Position): { range: Range; placeholder: string } | null {
  const concept = conceptAt(context.model, parsed, position);
  if (!concept?.target?.declared || concept.kind === 'fileLink') return null;
  return { range: toRange(concept.range), placeholder: concept.id };
}

export class RenameRefused extends Error {}

/** Renames a concept id in its note's front matter, in every `related` list and every `note:` link. */
export async function rename(context: ReferencesContext, parsed: ParsedNote, position: Position, newId: string): Promise<WorkspaceEdit> {
  const concept = conceptAt(context.model, parsed, position);
  if (!concept?.target?.declared || concept.kind === 'fileLink') throw new RenameRefused(format(context.locale, 'notAConcept'));
  if (!ID_PATTERN.test(newId)) throw new RenameRefused(format(context.locale, 'invalidId'));
  const target = concept.target;
  const taken = context.model.resolveId(newId, target.namespace);
  if (taken && taken !== target && taken.namespace === target.namespace) throw new RenameRefused(format(context.locale, 'idTaken', newId, taken.path));
  const changes: Record<string, TextEdit[]> = {};
  const edit = (note: NoteSummary, range: TextRange): void => {
    (changes[fileUri(note.path)] ??= []).push(TextEdit.replace(toRange(range), newId));
  };
  const own = (target.key === parsed.summary.key ? parsed : await context.detail(target))?.spans.id;
  if (own) edit(target, own.range);
  for (const place of await placesNaming(context, target)) if (place.kind !== 'fileLink') edit(place.note, place.range);
  return { changes };
}
