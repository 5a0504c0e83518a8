// Hovers: on a concept id or link in a note, and on a word in Python code that a concept covers
// (`functools.partial`, `yield`). Note text is escaped before it enters the hover's Markdown, which
// is trusted to run one command only (opening the note).
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { coveredCandidates, dottedNameAt, pythonImports } from '../../core/codeConcepts';
import { format, type Locale } from '../../core/messages';
import type { NoteSummary, ParsedNote } from '../../core/model';
import type { NoteModel } from '../../core/noteModel/noteModel';
import { escapeMarkdown } from '../../core/text';
import { OPEN_NOTE_COMMAND } from '../../shared/protocol';
import { conceptAt } from './concepts';
import { toRange } from './positions';

export interface HoverContext {
  model: NoteModel;
  locale: Locale;
  /** Concept id → mastery from 0 to 1, as the client last sent it. */
  mastery: ReadonlyMap<string, number>;
}

/** Title, English title, id, summary, mastery and an "Open note" link, as Markdown. */
export function conceptMarkdown(context: HoverContext, note: NoteSummary): string {
  const { title, titleEn, summary, id } = note;
  const parts = [`**${escapeMarkdown(title)}**${titleEn && titleEn !== title ? ` · ${escapeMarkdown(titleEn)}` : ''} \`${id.replace(/`/g, '')}\``];
  if (summary) parts.push(escapeMarkdown(summary));
  const mastery = context.mastery.get(id);
  if (mastery !== undefined) parts.push(format(context.locale, 'hoverMastery', Math.round(mastery * 100)));
  parts.push(`[${format(context.locale, 'hoverOpenNote')}](command:${OPEN_NOTE_COMMAND}?${encodeURIComponent(JSON.stringify([note.key]))})`);
  return parts.join('\n\n');
}

export function noteHover(context: HoverContext, parsed: ParsedNote, position: Position): Hover | null {
  const concept = conceptAt(context.model, parsed, position);
  if (!concept?.target) return null;
  return { contents: { kind: MarkupKind.Markdown, value: conceptMarkdown(context, concept.target) }, range: toRange(concept.range) };
}

export function pythonHover(context: HoverContext, document: TextDocument, position: Position): Hover | null {
  const line = document.getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } }).replace(/\r?\n$/, '');
  if (line.length > 10_000) return null;
  const name = dottedNameAt(line, position.character);
  if (!name) return null;
  const imports = pythonImports(document.getText());
  for (const candidate of coveredCandidates(name.text, imports)) {
    const notes = context.model.covering(candidate);
    if (notes.length === 0) continue;
    return {
      contents: { kind: MarkupKind.Markdown, value: [`\`${candidate.replace(/`/g, '')}\``, ...notes.slice(0, 5).map((note) => conceptMarkdown(context, note))].join('\n\n---\n\n') },
      range: { start: { line: position.line, character: name.start }, end: { line: position.line, character: name.end } },
    };
  }
  return null;
}
