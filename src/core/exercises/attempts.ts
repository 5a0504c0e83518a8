// One attempt at an exercise, from its start to the first run that passes every test, and the help
// taken on the way. The attempt decides the review the pass is logged as (Good unaided, Hard after
// hints, Again after the solution), and is logged once: running the passing tests again is no new review.
import type { Grade } from 'ts-fsrs';
import { exerciseGrade } from '../quiz/exercises';

export interface ExerciseAttempt {
  /** ISO time the learner's copy was made, or made afresh. */
  startedAt: string;
  hintsShown: number;
  solutionShown: boolean;
  /** A run of the tests failed: Show Solution no longer asks first. */
  failedRun: boolean;
  /** ISO time of the first run that passed; the attempt's review was logged then. */
  passedAt?: string;
}

/** Time counted for one review at most: a copy started days ago was not worked on all that while. */
export const MAX_ATTEMPT_MS = 60 * 60 * 1000;

export function newAttempt(now: Date): ExerciseAttempt {
  return { startedAt: now.toISOString(), hintsShown: 0, solutionShown: false, failedRun: false };
}

/** The attempt after one more hint of `available` was shown (it stays at the last one). */
export function withHint(attempt: ExerciseAttempt, available: number): ExerciseAttempt {
  return { ...attempt, hintsShown: Math.min(attempt.hintsShown + 1, available) };
}

export function withSolution(attempt: ExerciseAttempt): ExerciseAttempt {
  return { ...attempt, solutionShown: true };
}

export interface AttemptReview {
  grade: Grade;
  durationMs: number;
}

/** The attempt after a run, and the review to log when this run is its first pass. */
export function afterRun(attempt: ExerciseAttempt, passed: boolean, now: Date): { attempt: ExerciseAttempt; review?: AttemptReview } {
  if (!passed) return { attempt: { ...attempt, failedRun: true } };
  if (attempt.passedAt) return { attempt };
  const durationMs = Math.min(MAX_ATTEMPT_MS, Math.max(0, now.getTime() - Date.parse(attempt.startedAt)));
  return { attempt: { ...attempt, passedAt: now.toISOString() }, review: { grade: exerciseGrade(attempt), durationMs } };
}
