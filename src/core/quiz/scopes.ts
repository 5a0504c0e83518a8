// Honest scopes: which scopes have questions, how many of them can be asked today, and when a scope
// has nothing to ask, exactly why and when its next question comes due. Counts use the same
// definitions as the queue (due.ts), so what a scope promises is what the quiz then asks.
import { dueFrom, isDue, newQuestionsLeftToday } from './due';
import type { QuizItem } from './items';
import { scopeFilter, type QuizScope } from './queue';
import type { QuizSchedule } from './schedule';

export interface ScopeSummary {
  scope: QuizScope;
  /** Questions in the scope. */
  questions: number;
  /** Answered questions due now (due.ts). */
  due: number;
  /** Questions never answered. */
  unseen: number;
  /** New questions a quiz over this scope would introduce today, within the daily limit. */
  newToday: number;
  /** When the next answered question that is not due yet becomes due; undefined when there is none. */
  nextDueAt?: Date;
}

export interface ScopeOptions {
  now: Date;
  newPerDay: number;
}

/** The counts of one scope. */
export function scopeSummary(items: readonly QuizItem[], schedule: QuizSchedule, scope: QuizScope, options: ScopeOptions): ScopeSummary {
  const summary = emptySummary(scope);
  const inScope = scopeFilter(scope);
  for (const item of items) if (inScope(item)) tally(summary, item, schedule, options.now);
  return withNewToday(summary, schedule, options);
}

/**
 * The scopes a quiz can be started on: all questions, then each category and each concept that has
 * questions, in the order of `items` (the notes' order). Categories and concepts without a question
 * are not listed. One pass over the questions.
 */
export function quizScopes(items: readonly QuizItem[], schedule: QuizSchedule, options: ScopeOptions): ScopeSummary[] {
  const all = emptySummary({ kind: 'all' });
  const categories = new Map<string, ScopeSummary>();
  const concepts = new Map<string, ScopeSummary>();
  for (const item of items) {
    let category = categories.get(item.category);
    if (!category) categories.set(item.category, (category = emptySummary({ kind: 'category', category: item.category })));
    let concept = concepts.get(item.noteId);
    if (!concept) concepts.set(item.noteId, (concept = emptySummary({ kind: 'concepts', noteIds: [item.noteId] })));
    for (const summary of [all, category, concept]) tally(summary, item, schedule, options.now);
  }
  return [all, ...categories.values(), ...concepts.values()].map((summary) => withNewToday(summary, schedule, options));
}

/** Why a quiz over a scope has nothing to ask, with when its next question becomes due. */
export type EmptyScope =
  /** The scope holds no questions at all. */
  | { reason: 'noQuestions' }
  /** Only due questions were asked for, and none is due. */
  | { reason: 'nothingDue'; nextDueAt?: Date }
  /** Every question has been answered and none is due now. */
  | { reason: 'allScheduled'; nextDueAt?: Date }
  /** Nothing is due, and new questions are waiting but today's limit of new questions is used up. */
  | { reason: 'newLimitReached'; waiting: number; nextDueAt?: Date };

/** Why a quiz over the scope of `summary` would be empty, or undefined when it has something to ask. */
export function emptyScopeReason(summary: ScopeSummary, dueOnly: boolean): EmptyScope | undefined {
  const { questions, due, unseen, newToday, nextDueAt } = summary;
  if (questions === 0) return { reason: 'noQuestions' };
  if (due > 0 || (!dueOnly && newToday > 0)) return undefined;
  if (dueOnly) return { reason: 'nothingDue', nextDueAt };
  return unseen > 0 ? { reason: 'newLimitReached', waiting: unseen, nextDueAt } : { reason: 'allScheduled', nextDueAt };
}

function emptySummary(scope: QuizScope): ScopeSummary {
  return { scope, questions: 0, due: 0, unseen: 0, newToday: 0 };
}

function tally(summary: ScopeSummary, item: QuizItem, schedule: QuizSchedule, now: Date): void {
  summary.questions++;
  const state = schedule.get(item.question.id);
  if (!state) summary.unseen++;
  else if (isDue(state.card, now)) summary.due++;
  else {
    const from = dueFrom(state.card);
    if (!summary.nextDueAt || from < summary.nextDueAt) summary.nextDueAt = from;
  }
}

function withNewToday(summary: ScopeSummary, schedule: QuizSchedule, options: ScopeOptions): ScopeSummary {
  return { ...summary, newToday: Math.min(summary.unseen, newQuestionsLeftToday(schedule, options.now, options.newPerDay)) };
}
