// What to ask next: due questions, the most forgotten first, then new questions up to the daily limit.
import type { QuizItem } from './items';
import type { QuizSchedule } from './schedule';

export type QuizScope =
  | { kind: 'all' }
  | { kind: 'category'; category: string }
  | { kind: 'concepts'; noteIds: readonly string[] };

export interface QueueOptions {
  now: Date;
  /** Which questions to draw from; all of them when left out. */
  scope?: QuizScope;
  /** Only questions that are due, no new ones. */
  dueOnly?: boolean;
  /** At most this many questions; no limit when left out. */
  count?: number;
  /** New questions per local day, counting those already introduced today (in any scope). */
  newPerDay: number;
}

export interface QueuedQuestion {
  item: QuizItem;
  isNew: boolean;
  /** Probability of recall at `now`; 0 for a new question. */
  retrievability: number;
}

/**
 * Due questions by lowest retrievability (ties by question id), then new questions in the order of
 * `items` (the notes' order, so new material comes in the order it is taught). Answered questions
 * that are not due yet are left out.
 */
export function buildQueue(items: readonly QuizItem[], schedule: QuizSchedule, options: QueueOptions): QueuedQuestion[] {
  const { now, scope = { kind: 'all' }, dueOnly = false, count = Number.POSITIVE_INFINITY } = options;
  const inScope = scopeFilter(scope);
  const due: QueuedQuestion[] = [];
  const fresh: QueuedQuestion[] = [];
  for (const item of items) {
    if (!inScope(item)) continue;
    const id = item.question.id;
    if (schedule.get(id) === undefined) fresh.push({ item, isNew: true, retrievability: 0 });
    else if (schedule.isDue(id, now)) due.push({ item, isNew: false, retrievability: schedule.retrievability(id, now) });
  }
  due.sort((a, b) => a.retrievability - b.retrievability || compareIds(a.item.question.id, b.item.question.id));
  const newAllowed = dueOnly ? 0 : Math.max(0, options.newPerDay - schedule.introducedOn(now));
  return [...due, ...fresh.slice(0, newAllowed)].slice(0, count);
}

function scopeFilter(scope: QuizScope): (item: QuizItem) => boolean {
  switch (scope.kind) {
    case 'all':
      return () => true;
    case 'category':
      return (item) => item.category === scope.category;
    case 'concepts': {
      const noteIds = new Set(scope.noteIds);
      return (item) => noteIds.has(item.noteId);
    }
  }
}

// Plain code-unit order, the same on every machine (localeCompare depends on the ICU locale).
const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
