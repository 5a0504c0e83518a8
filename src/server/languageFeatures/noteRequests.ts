// The extension's questions about notes (custom requests): a note's text for the panel, a note by
// key or id, the notes having examples or quiz questions, every quiz question, and how a file opened
// as topics was split. The extension shows what these return and never reads notes itself.
import path from 'node:path';
import type { NoteSummary } from '../../core/model';
import type { NoteModel } from '../../core/noteModel/noteModel';
import { expandLink } from '../../core/notes/noteLinks';
import { quizItemsOf, type QuizItem } from '../../core/quiz/items';
import type { ExamplesDto, NoteContent, NoteRow, NotesParams, TopicFileSummary } from '../../shared/protocol';
import { noteRow, type NoteTree } from './noteTree';

export async function noteContent(model: NoteModel, target: string): Promise<NoteContent | null> {
  const note = model.find(target);
  if (!note) return null;
  const text = note.skipped ? '' : await model.text(note);
  if (text === undefined) return null;
  // A note's own text starts after its front matter; a topic's text is its section.
  const body = note.endLine === undefined && note.bodyLine > 0 ? text.split('\n').slice(note.bodyLine).join('\n') : text;
  const links: Record<string, string> = {};
  for (const ref of note.links) {
    const link = expandLink(ref);
    const linked = link && model.resolveLink(note, link);
    if (link && linked) links[link.href] = linked.key;
  }
  const related = note.related
    .map((id) => model.resolveId(id, note.namespace))
    .filter((other): other is NoteSummary => other !== undefined)
    .map((other) => ({ key: other.key, title: other.title, ...(other.titleEn ? { titleEn: other.titleEn } : {}) }));
  return {
    note: noteRow(note),
    text: body,
    firstLine: note.bodyLine,
    links,
    related,
    examples: note.examples,
    exercises: note.exercises,
    ...(note.skipped ? { skipped: note.skipped } : {}),
    size: model.fileSize(note.path) ?? Buffer.byteLength(text),
  };
}

export function resolveNote(model: NoteModel, target: string): NoteRow | null {
  const note = model.find(target);
  return note ? noteRow(note) : null;
}

export function notesHaving(tree: NoteTree, params: NotesParams): NoteRow[] {
  const having = params?.having;
  return tree.notesInOrder()
    .filter((note) => !having || (having === 'examples' ? note.examples.length > 0 : having === 'exercises' ? note.exercises.length > 0 : note.quiz.length > 0))
    .map(noteRow);
}

/** Every quiz question in the tree's order (the order new questions are introduced in). */
export function quizItems(tree: NoteTree): QuizItem[] {
  return quizItemsOf(tree.notesInOrder().filter((note) => note.quiz.length > 0).map((note) => ({ ...note, category: noteRow(note).category })));
}

export function examples(tree: NoteTree): ExamplesDto[] {
  return tree.notesInOrder()
    .filter((note) => note.examples.length > 0 || note.exercises.length > 0)
    .map((note) => ({ note: noteRow(note), folder: path.dirname(note.path), examples: note.examples, exercises: note.exercises }));
}

export function topicFileSummary(model: NoteModel, file: string): TopicFileSummary | null {
  const split = model.topicFile(file);
  if (!split) return null;
  return { path: file, title: split.title, categories: split.categories.length, topics: split.topics.length, ...(split.topics[0] ? { firstTopic: split.topics[0].key } : {}) };
}
