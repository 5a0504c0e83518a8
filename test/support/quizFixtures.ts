// Quiz items, answers and generated review logs for the quiz tests and benchmark: deterministic for a given seed.
import type { Grade } from 'ts-fsrs';
import type { QuizQuestion } from '../../src/core/model';
import type { QuizItem } from '../../src/core/quiz/items';
import { createReviewEntry, REVIEW_LOG_VERSION, serializeReview, type ReviewEntry } from '../../src/core/quiz/reviewLog';
import { seededRandom } from './seededRandom';

/** A single-choice question of note `noteId` (answer: choice 0), with any field overridden. */
export function quizItem(id: string, noteId = 'note', category = 'python', question: Partial<QuizQuestion> = {}): QuizItem {
  return {
    question: { id, type: 'single', question: `Question ${id}?`, choices: ['yes', 'no'], answer: 0, explanation: 'Because.', ...question },
    noteId,
    noteKey: `/notes/${noteId}.md`,
    noteTitle: noteId,
    category,
  };
}

/** Answers of one item, as [time, grade] pairs, turned into log entries. */
export const answersOf = (answered: QuizItem, reviews: [Date, Grade][]): ReviewEntry[] =>
  reviews.map(([at, grade]) => createReviewEntry(answered, grade, at, 1000));

/** The text of a log file holding `entries`. */
export const logText = (entries: readonly ReviewEntry[]): string => entries.map(serializeReview).join('');

/** The time of the first generated review; later ones follow 1 to 10 minutes apart. */
export const GENERATED_LOG_START = Date.UTC(2024, 0, 1, 8, 0, 0);

/**
 * A review log of `count` answers to random questions of `questionIds`, as the text of a log file.
 * The note id is the question id without its last `-part` (bundled ids start with their note's id),
 * and the text hash is a fixed placeholder, so every question shows as changed against real notes.
 */
export function generateReviewLog(count: number, questionIds: readonly string[], seed: number): string {
  const random = seededRandom(seed);
  const pick = (weights: readonly number[]): number => {
    let roll = random() * weights.reduce((sum, weight) => sum + weight, 0);
    const index = weights.findIndex((weight) => (roll -= weight) < 0);
    return index === -1 ? weights.length - 1 : index;
  };
  let time = GENERATED_LOG_START;
  const lines: string[] = [];
  for (let index = 0; index < count; index++) {
    const questionId = questionIds[Math.floor(random() * questionIds.length)];
    const entry: ReviewEntry = {
      version: REVIEW_LOG_VERSION,
      questionId,
      noteId: questionId.replace(/-[^-]*$/, ''),
      textHash: 'generated000',
      reviewedAt: new Date(time).toISOString(),
      grade: (1 + pick([15, 5, 70, 10])) as ReviewEntry['grade'],
      durationMs: 2_000 + Math.floor(random() * 58_000),
    };
    lines.push(serializeReview(entry));
    time += 60_000 + Math.floor(random() * 540_000);
  }
  return lines.join('');
}

