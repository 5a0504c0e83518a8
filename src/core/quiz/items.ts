// A quiz question together with the note it belongs to: the queue's scopes and the mastery per
// concept need the note id and category, which the question itself does not carry.
import type { QuizQuestion } from '../model';

export interface QuizItem {
  question: QuizQuestion;
  /** The concept's id: what the review log records. */
  noteId: string;
  /** The concept's key in the note model: what the extension opens. */
  noteKey: string;
  noteTitle: string;
  /** The tree category the concept sits in. */
  category: string;
}

/** What `quizItemsOf` needs of a note. */
export interface QuizSource {
  id: string;
  key: string;
  title: string;
  category: string;
  quiz: readonly QuizQuestion[];
}

/**
 * The quiz questions of `notes` in the order given (pass the index's tree order, which is the order
 * new questions are introduced in). Question ids must be unique across notes; the language server
 * reports a duplicate, and here the first one wins so progress stays attached to one question.
 */
export function quizItemsOf(notes: Iterable<QuizSource>): QuizItem[] {
  const seen = new Set<string>();
  const items: QuizItem[] = [];
  for (const note of notes) {
    for (const question of note.quiz) {
      if (seen.has(question.id)) continue;
      seen.add(question.id);
      items.push({ question, noteId: note.id, noteKey: note.key, noteTitle: note.title, category: note.category });
    }
  }
  return items;
}

/** Plain code-unit order of ids and file names, the same on every machine (localeCompare follows the ICU locale). */
export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
