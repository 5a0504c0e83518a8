// The one definition of "due", which every count and queue asks: the status bar, the tree, Review Due,
// Start Quiz and Show Progress. A question is due from the start of the local day its card comes due
// until it is answered: "due today" is everything scheduled before midnight, learning and relearning
// steps (due minutes after an answer) included. So an answer shows up in the count at once, and the
// count changes only when a question is answered, when notes change and at midnight.
import type { Card } from 'ts-fsrs';
import { startOfLocalDay } from './days';
import type { QuizSchedule } from './schedule';

/** When a question with this card starts counting as due: the start of the local day of `card.due`. */
export function dueFrom(card: Card): Date {
  return startOfLocalDay(card.due);
}

/** Whether a question with this card is due at `now`. */
export function isDue(card: Card, now: Date): boolean {
  return dueFrom(card).getTime() <= now.getTime();
}

/** `new`: never answered; `due`: answered and due at `now`; `scheduled`: answered and due on a later day. */
export type QuestionStatus = 'new' | 'due' | 'scheduled';

export function questionStatus(schedule: QuizSchedule, questionId: string, now: Date): QuestionStatus {
  const state = schedule.get(questionId);
  if (state === undefined) return 'new';
  return isDue(state.card, now) ? 'due' : 'scheduled';
}

/** How many new questions may still be introduced on the local day of `now` (in all scopes together). */
export function newQuestionsLeftToday(schedule: QuizSchedule, now: Date, newPerDay: number): number {
  return Math.max(0, newPerDay - schedule.introducedOn(now));
}
