// How well each concept is known, for the topic tree and hovers.
import type { QuizItem } from './items';
import type { QuizSchedule } from './schedule';

export interface ConceptMastery {
  noteId: string;
  /** Mean probability of recall over the concept's questions at `now`, a new question counting 0. */
  mastery: number;
  /** Questions due at `now`. */
  due: number;
  /** Questions answered at least once. */
  seen: number;
  /** Questions in all. */
  total: number;
}

/** Mastery of every concept that has quiz questions, keyed by note id. */
export function conceptMastery(items: readonly QuizItem[], schedule: QuizSchedule, now: Date): Map<string, ConceptMastery> {
  const sums = new Map<string, { recall: number; due: number; seen: number; total: number }>();
  for (const item of items) {
    const sum = sums.get(item.noteId) ?? { recall: 0, due: 0, seen: 0, total: 0 };
    const id = item.question.id;
    sum.total++;
    if (schedule.get(id) !== undefined) {
      sum.seen++;
      sum.recall += schedule.retrievability(id, now);
      if (schedule.isDue(id, now)) sum.due++;
    }
    sums.set(item.noteId, sum);
  }
  return new Map([...sums].map(([noteId, { recall, due, seen, total }]) => [noteId, { noteId, mastery: recall / total, due, seen, total }]));
}
