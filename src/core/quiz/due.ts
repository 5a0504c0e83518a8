// The one definition of "due", which every count and queue asks: the status bar, the tree, Review Due,
// Start Quiz and Show Progress. As in Anki, a question in review is due for its whole local day (from
// midnight), while a question in a learning or relearning step (minutes after an answer) is due at
// the step's exact time: a missed question comes back once its step is over, not at once. The count
// changes when a question is answered, when notes change, when a step ends and at midnight.
import { State, type Card } from 'ts-fsrs';
import { startOfLocalDay } from './days';
import type { QuizSchedule } from './schedule';

/** When a question with this card starts counting as due: a step's exact time, a review's local day. */
export function dueFrom(card: Card): Date {
  return card.state === State.Review ? startOfLocalDay(card.due) : card.due;
}

/** Whether a question with this card is due at `now`. */
export function isDue(card: Card, now: Date): boolean {
  return dueFrom(card).getTime() <= now.getTime();
}

/** `new`: never answered; `due`: answered and due at `now`; `scheduled`: answered and due later. */
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
