// What to ask next: due questions, the most forgotten first, then new questions up to the daily
// limit taken from the concepts in turn, all mixed so that concepts interleave (mixed practice).
import { newQuestionsLeftToday, questionStatus } from './due';
import { compareIds, type QuizItem } from './items';
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
 * In priority order: due questions by lowest retrievability (ties by due time, then question id), then new
 * questions one concept at a time in turn, concepts and questions in the order of `items` (the
 * notes' order, so new material comes in the order it is taught), as many as today's limit allows.
 * Then mixed (see `interleaveConcepts`), then cut to `count`. Questions answered and due on a later
 * day are left out, so without `count` the queue holds exactly what `scopeSummary` counts.
 */
export function buildQueue(items: readonly QuizItem[], schedule: QuizSchedule, options: QueueOptions): QueuedQuestion[] {
  const { now, scope = { kind: 'all' }, dueOnly = false, count = Number.POSITIVE_INFINITY } = options;
  const inScope = scopeFilter(scope);
  const due: { queued: QueuedQuestion; dueAt: number }[] = [];
  const fresh: QuizItem[] = [];
  for (const item of items) {
    if (!inScope(item)) continue;
    const id = item.question.id;
    const status = questionStatus(schedule, id, now);
    if (status === 'new') fresh.push(item);
    else if (status === 'due') due.push({ queued: { item, isNew: false, retrievability: schedule.retrievability(id, now) }, dueAt: schedule.get(id)!.card.due.getTime() });
  }
  // FSRS measures elapsed time in whole days, so learning steps answered today all recall at 1:
  // among equals, the one that came due first (a wrong answer's 1-minute step) goes first.
  due.sort((a, b) => a.queued.retrievability - b.queued.retrievability || a.dueAt - b.dueAt || compareIds(a.queued.item.question.id, b.queued.item.question.id));
  const newAllowed = dueOnly ? 0 : newQuestionsLeftToday(schedule, now, options.newPerDay);
  const introduced = conceptsInTurn(fresh).slice(0, newAllowed).map((item) => ({ item, isNew: true, retrievability: 0 }));
  return interleaveConcepts([...due.map(({ queued }) => queued), ...introduced]).slice(0, count);
}

export function scopeFilter(scope: QuizScope): (item: QuizItem) => boolean {
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

/** The first question of every concept, then the second of every concept…, concepts in first-seen order. */
function conceptsInTurn(items: readonly QuizItem[]): QuizItem[] {
  const byConcept = new Map<string, QuizItem[]>();
  for (const item of items) {
    const list = byConcept.get(item.noteId);
    if (list) list.push(item);
    else byConcept.set(item.noteId, [item]);
  }
  const lists = [...byConcept.values()];
  const longest = Math.max(0, ...lists.map((list) => list.length));
  const inTurn: QuizItem[] = [];
  for (let round = 0; round < longest; round++) for (const list of lists) if (round < list.length) inTurn.push(list[round]);
  return inTurn;
}

/** At most this many questions of one concept in any `WINDOW` questions in a row… */
const MOST_PER_WINDOW = 2;
/** …so a quiz of five questions draws from at least three concepts when it can, and no concept runs on. */
const WINDOW = 5;

/**
 * The queue reordered for mixed practice: each next question is the first one (in priority order)
 * whose concept has fewer than two questions among the four before it; only when no other concept
 * is left does a concept come more often. So no five in a row come from one concept while others are
 * available, and any five in a row cover three concepts when three are left.
 */
function interleaveConcepts(queue: readonly QueuedQuestion[]): QueuedQuestion[] {
  // Each concept's questions in priority order, and a heap of the concepts by their next question.
  const pending = new Map<string, number[]>();
  queue.forEach((queued, position) => {
    const positions = pending.get(queued.item.noteId);
    if (positions) positions.push(position);
    else pending.set(queued.item.noteId, [position]);
  });
  const heads = new MinHeap<{ concept: string; positions: number[]; next: number }>((a, b) => a.positions[a.next] - b.positions[b.next]);
  for (const [concept, positions] of pending) heads.push({ concept, positions, next: 0 });

  const mixed: QueuedQuestion[] = [];
  while (heads.size > 0) {
    const recent = mixed.slice(-(WINDOW - 1)).map((queued) => queued.item.noteId);
    const tooRecent = (concept: string): boolean => recent.filter((id) => id === concept).length >= MOST_PER_WINDOW;
    // At most two concepts can be too recent among four questions, so this sets aside at most two.
    const setAside = [];
    let head = heads.pop()!;
    while (tooRecent(head.concept) && heads.size > 0) {
      setAside.push(head);
      head = heads.pop()!;
    }
    if (tooRecent(head.concept)) {
      // Every concept left is too recent: take the first question in priority order after all.
      setAside.push(head);
      head = setAside.reduce((first, candidate) => (candidate.positions[candidate.next] < first.positions[first.next] ? candidate : first));
      setAside.splice(setAside.indexOf(head), 1);
    }
    mixed.push(queue[head.positions[head.next++]]);
    if (head.next < head.positions.length) heads.push(head);
    for (const aside of setAside) heads.push(aside);
  }
  return mixed;
}

/** A binary min-heap: the concepts' next questions, so mixing stays fast for long queues. */
class MinHeap<T> {
  private readonly items: T[] = [];

  constructor(private readonly compare: (a: T, b: T) => number) {}

  get size(): number {
    return this.items.length;
  }

  push(item: T): void {
    const { items } = this;
    items.push(item);
    for (let child = items.length - 1; child > 0;) {
      const parent = (child - 1) >> 1;
      if (this.compare(items[child], items[parent]) >= 0) break;
      [items[child], items[parent]] = [items[parent], items[child]];
      child = parent;
    }
  }

  pop(): T | undefined {
    const { items } = this;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      items[0] = last;
      for (let parent = 0; ;) {
        const left = 2 * parent + 1;
        const right = left + 1;
        let smallest = parent;
        if (left < items.length && this.compare(items[left], items[smallest]) < 0) smallest = left;
        if (right < items.length && this.compare(items[right], items[smallest]) < 0) smallest = right;
        if (smallest === parent) break;
        [items[smallest], items[parent]] = [items[parent], items[smallest]];
        parent = smallest;
      }
    }
    return top;
  }
}
