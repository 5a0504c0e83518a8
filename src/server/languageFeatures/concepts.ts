// The concept named at a position of an open note: its own id, a `related` id, or a link.
import type { Position } from 'vscode-languageserver';
import type { NoteSummary, ParsedNote, TextRange } from '../../core/model';
import type { NoteModel } from '../../core/noteModel/noteModel';
import { contains } from './positions';

export interface ConceptAt {
  id: string;
  kind: 'declaration' | 'related' | 'idLink' | 'fileLink';
  /** The range of the id (or of the whole link target, for relative links). */
  range: TextRange;
  target: NoteSummary | undefined;
}

export function conceptAt(model: NoteModel, parsed: ParsedNote, position: Position): ConceptAt | undefined {
  const note = parsed.summary;
  const { spans } = parsed;
  if (spans.id && contains(spans.id.range, position)) return { id: spans.id.value, kind: 'declaration', range: spans.id.range, target: note };
  const related = spans.related.find((span) => contains(span.range, position));
  if (related) return { id: related.value, kind: 'related', range: related.range, target: model.resolveId(related.value, note.namespace) };
  const link = parsed.links.find((candidate) => contains(candidate.range, position));
  if (!link) return undefined;
  if (link.kind === 'id') return { id: link.id, kind: 'idLink', range: link.idRange, target: model.resolveId(link.id, note.namespace) };
  const target = model.resolveLink(note, link);
  return { id: target?.id ?? link.file, kind: 'fileLink', range: link.range, target };
}
