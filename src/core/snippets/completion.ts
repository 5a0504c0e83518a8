// Completion items that insert an example: typing `sn-` then part of a concept id offers that concept's
// examples, e.g. `sn-decorator/decorator_log_calls`.
import type { ExampleRef } from '../model';

export const COMPLETION_TRIGGER = 'sn-';

export const completionPrefix = (conceptId: string): string => `${COMPLETION_TRIGGER}${conceptId}`;

/** `sn-<concept>/<example file without .py>`: unique per example, and starts with the concept's prefix. */
export const completionLabel = (conceptId: string, exampleFile: string): string =>
  `${completionPrefix(conceptId)}/${exampleFile.replace(/\.py$/, '')}`;

export interface SnippetCompletion {
  label: string;
  conceptId: string;
  /** The note's folder, for `exampleFiles(noteFolder, example)`. */
  noteFolder: string;
  example: ExampleRef;
  /** Keeps the notes' order (categories, then `order`) in the completion list. */
  sortText: string;
}

/** One completion per example of `notes`, in the order given. */
export function snippetCompletions(notes: readonly { id: string; folder: string; examples: readonly ExampleRef[] }[]): SnippetCompletion[] {
  const examples = notes.flatMap((note) => note.examples.map((example) => ({ note, example })));
  const width = String(examples.length).length;
  return examples.map(({ note, example }, i) => ({
    label: completionLabel(note.id, example.file),
    conceptId: note.id,
    noteFolder: note.folder,
    example,
    sortText: String(i).padStart(width, '0'),
  }));
}

/**
 * The `sn-…` word that ends at `character` in `lineText`, to be replaced by the completion. VS Code's
 * word range for Python stops at `-`, so the item needs this range to replace the whole word. Returns
 * undefined unless the word starts with `sn` (case-insensitively) and is not an attribute (`x.sn`).
 */
export function completionWordAt(lineText: string, character: number): { start: number; word: string } | undefined {
  const before = lineText.slice(0, character);
  const match = /[\p{L}\p{N}_\-/]+$/u.exec(before);
  if (!match || !/^sn/i.test(match[0])) return undefined;
  if (before[match.index - 1] === '.') return undefined;
  return { start: match.index, word: match[0] };
}
