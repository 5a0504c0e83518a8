// How well each concept is known, for the topic tree and hovers: its quiz questions and its exercises.
import { exerciseReviewId, type ExerciseItem } from './exercises';
import type { QuizItem } from './items';
import type { QuizSchedule } from './schedule';

export interface ConceptMastery {
  noteId: string;
  /**
   * Mean probability of recall at `now` over the concept's questions and exercises, one never
   * answered or passed counting 0.
   */
  mastery: number;
  /** Questions due at `now` (exercises are never due: the quiz does not ask them). */
  due: number;
  /** Questions answered at least once. */
  seen: number;
  /** Questions in all. */
  total: number;
  /** Exercises passed at least once. */
  exercisesPassed: number;
  /** Exercises in all. */
  exercises: number;
}

interface Sums { recall: number; due: number; seen: number; total: number; exercisesPassed: number; exercises: number }

/** Mastery of every concept that has quiz questions or exercises, keyed by note id. */
export function conceptMastery(items: readonly QuizItem[], schedule: QuizSchedule, now: Date, exercises: readonly ExerciseItem[] = []): Map<string, ConceptMastery> {
  const sums = new Map<string, Sums>();
  const sumOf = (noteId: string): Sums => {
    if (!sums.has(noteId)) sums.set(noteId, { recall: 0, due: 0, seen: 0, total: 0, exercisesPassed: 0, exercises: 0 });
    return sums.get(noteId)!;
  };
  for (const item of items) {
    const sum = sumOf(item.noteId);
    const id = item.question.id;
    sum.total++;
    if (schedule.get(id) !== undefined) {
      sum.seen++;
      sum.recall += schedule.retrievability(id, now);
      if (schedule.isDue(id, now)) sum.due++;
    }
  }
  for (const exercise of exercises) {
    const sum = sumOf(exercise.noteId);
    const id = exerciseReviewId(exercise.exerciseId);
    sum.exercises++;
    if (schedule.get(id) !== undefined) {
      sum.exercisesPassed++;
      sum.recall += schedule.retrievability(id, now);
    }
  }
  return new Map([...sums].map(([noteId, { recall, due, seen, total, exercisesPassed, exercises: exerciseCount }]) =>
    [noteId, { noteId, mastery: recall / (total + exerciseCount), due, seen, total, exercisesPassed, exercises: exerciseCount }]));
}
