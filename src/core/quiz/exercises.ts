// Exercises in the review log: passing an exercise is a review of its concept, so writing the code
// counts toward mastery like answering questions. Its entries carry the id `exercise:<exercise id>`,
// which no quiz question can have (question ids are kebab-case): the quiz only ever asks the
// questions the notes declare, so an exercise is never asked as a question, and a reader of the log
// can tell the two apart without knowing the notes.
import { createHash } from 'node:crypto';
import { Rating, type Grade } from 'ts-fsrs';
import { REVIEW_LOG_VERSION, type ReviewEntry } from './reviewLog';

export const EXERCISE_REVIEW_PREFIX = 'exercise:';

/** An exercise with the note it belongs to, like a `QuizItem` for a question. */
export interface ExerciseItem {
  exerciseId: string;
  /** The concept's id: what the review log records. */
  noteId: string;
  /** The concept's key in the note model: what the extension opens. */
  noteKey: string;
  noteTitle: string;
  category: string;
}

/** What `exerciseItemsOf` needs of a note. */
export interface ExerciseSource {
  note: { id: string; key: string; title: string; category: string };
  exercises: readonly { id: string }[];
}

/** The exercises of `notes` in the order given; an id used twice keeps its first note, as questions do. */
export function exerciseItemsOf(notes: Iterable<ExerciseSource>): ExerciseItem[] {
  const seen = new Set<string>();
  const items: ExerciseItem[] = [];
  for (const { note, exercises } of notes) {
    for (const exercise of exercises) {
      if (seen.has(exercise.id)) continue;
      seen.add(exercise.id);
      items.push({ exerciseId: exercise.id, noteId: note.id, noteKey: note.key, noteTitle: note.title, category: note.category });
    }
  }
  return items;
}

/** The review log's id for an exercise. */
export function exerciseReviewId(exerciseId: string): string {
  return `${EXERCISE_REVIEW_PREFIX}${exerciseId}`;
}

/** Whether a review log entry (by its question id) is an exercise's. */
export function isExerciseReview(questionId: string): boolean {
  return questionId.startsWith(EXERCISE_REVIEW_PREFIX);
}

/** The help the learner had before the tests passed. */
export interface ExerciseHelp {
  hintsShown: number;
  solutionShown: boolean;
}

/** Good when passed unaided, Hard after hints, Again when the solution had been shown. */
export function exerciseGrade(help: ExerciseHelp): Grade {
  if (help.solutionShown) return Rating.Again;
  return help.hintsShown > 0 ? Rating.Hard : Rating.Good;
}

/** A short hash of the hidden tests the exercise passed, to notice later edits (like a question's text hash). */
export function exerciseTextHash(testsSource: string): string {
  return createHash('sha256').update(testsSource).digest('hex').slice(0, 12);
}

export function createExerciseReviewEntry(item: ExerciseItem, grade: Grade, reviewedAt: Date, durationMs: number, testsSource: string): ReviewEntry {
  return {
    version: REVIEW_LOG_VERSION,
    questionId: exerciseReviewId(item.exerciseId),
    noteId: item.noteId,
    textHash: exerciseTextHash(testsSource),
    reviewedAt: reviewedAt.toISOString(),
    grade,
    durationMs: Math.max(0, Math.round(durationMs)),
  };
}
