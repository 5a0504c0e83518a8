// Conversions between the model's ranges and LSP's, and the places a concept is declared at.
import { pathToFileURL } from 'node:url';
import type { Location, Position, Range } from 'vscode-languageserver';
import type { NoteSummary, ParsedNote, TextRange } from '../../core/model';

export function toRange(range: TextRange): Range {
  return { start: { line: range.startLine, character: range.startCharacter }, end: { line: range.endLine, character: range.endCharacter } };
}

export function contains(range: TextRange, position: Position): boolean {
  const afterStart = position.line > range.startLine || (position.line === range.startLine && position.character >= range.startCharacter);
  const beforeEnd = position.line < range.endLine || (position.line === range.endLine && position.character <= range.endCharacter);
  return afterStart && beforeEnd;
}

export function overlaps(range: TextRange, other: Range): boolean {
  const startsAfter = range.startLine > other.end.line || (range.startLine === other.end.line && range.startCharacter > other.end.character);
  const endsBefore = range.endLine < other.start.line || (range.endLine === other.start.line && range.endCharacter < other.start.character);
  return !startsAfter && !endsBefore;
}

export function fileUri(file: string): string {
  return pathToFileURL(file).href;
}

/** Where a note declares itself: its front-matter id, else its first line (a topic: its heading). */
export function declarationOf(note: NoteSummary, parsed?: ParsedNote): Location {
  const id = parsed?.spans.id?.range;
  const line = note.endLine !== undefined ? note.bodyLine : 0;
  return { uri: fileUri(note.path), range: toRange(id ?? { startLine: line, startCharacter: 0, endLine: line, endCharacter: 0 }) };
}
