// The bundled notes read the way the language server reads them, for the content tests: every note
// parsed in full, with the problems only the whole model shows added to its own.
import path from 'node:path';
import type { NoteProblem, ParsedNote } from '../../src/core/model';
import { NoteModel } from '../../src/core/noteModel/noteModel';
import { parseNoteDocument } from '../../src/core/notes/parseNote';
import { NodeFileSystem } from '../../src/server/nodeFileSystem';

export interface BundledNote extends ParsedNote {
  /** Own and cross-note problems. */
  allProblems: NoteProblem[];
}

export async function readBundledNotes(root: string): Promise<{ model: NoteModel; notes: BundledNote[] }> {
  const fs = new NodeFileSystem();
  const model = new NoteModel({ fs });
  await model.configure({ folders: [{ root: path.resolve(root), namespace: 'bundled' }], topicFiles: [] });
  const notes: BundledNote[] = [];
  for (const summary of [...model.all()].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const text = await fs.readFile(summary.path);
    if (text === undefined) continue;
    const parsed = parseNoteDocument({ path: summary.path, text, namespace: 'bundled', root: summary.root });
    notes.push({ ...parsed, allProblems: [...parsed.problems, ...model.crossProblems(parsed)] });
  }
  return { model, notes };
}

/** Category id → note ids in the tree's order (`order`, then title). */
export function categoriesOf(notes: readonly ParsedNote[]): Record<string, string[]> {
  const groups = new Map<string, ParsedNote[]>();
  for (const note of notes) {
    const category = note.summary.category ?? '';
    groups.set(category, [...(groups.get(category) ?? []), note]);
  }
  return Object.fromEntries([...groups].map(([category, members]) => [category, members
    .sort((a, b) => (a.summary.order ?? Infinity) - (b.summary.order ?? Infinity) || a.summary.title.localeCompare(b.summary.title))
    .map((note) => note.summary.id)]));
}
