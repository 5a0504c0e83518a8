// Grading an answer and turning the result into an FSRS grade. Objective questions know whether the
// answer was right, so they only give Again or Good; a `recall` question is graded by the learner.
import { Rating, type Grade } from 'ts-fsrs';
import type { QuizQuestion } from '../model';

/**
 * What the learner answered: the choice index (single), the chosen indexes (multiple), a boolean
 * (truefalse) or the typed output (output).
 */
export type QuizAnswer = number | readonly number[] | boolean | string;

/** Whether `answer` is right. A `recall` question has no objective answer: grade it with `gradesFor`. */
export function gradeAnswer(question: QuizQuestion, answer: QuizAnswer): boolean {
  const expected = question.answer;
  switch (question.type) {
    case 'single':
    case 'truefalse':
      return answer === expected;
    case 'multiple':
      return Array.isArray(expected) && Array.isArray(answer) && sameSet(expected, answer);
    case 'output':
      return typeof answer === 'string' && typeof expected === 'string' && normalizeOutput(answer) === normalizeOutput(expected);
    case 'recall':
      throw new Error(`Quiz question "${question.id}" is a recall question; the learner grades it.`);
  }
}

/**
 * Program output as compared: line endings unified, trailing whitespace dropped from every line and
 * trailing empty lines (the final newline among them) removed. Leading spaces still count.
 */
export function normalizeOutput(text: string): string {
  return text.replace(/\r\n?/g, '\n').split('\n').map((line) => line.trimEnd()).join('\n').replace(/\n+$/, '');
}

/** The FSRS grade of an objective answer. */
export function gradeForResult(correct: boolean): Grade {
  return correct ? Rating.Good : Rating.Again;
}

/** The grades the learner may give: all four for `recall`, Again and Good otherwise. */
export function gradesFor(question: QuizQuestion): readonly Grade[] {
  return question.type === 'recall' ? [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy] : [Rating.Again, Rating.Good];
}

function sameSet(expected: readonly number[], answer: readonly number[]): boolean {
  const chosen = new Set(answer);
  return chosen.size === new Set(expected).size && expected.every((index) => chosen.has(index));
}
