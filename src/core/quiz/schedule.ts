// The schedule is derived, never stored: replaying the review log through ts-fsrs rebuilds it, in
// one pass over the log. Questions are matched by id, so editing a question's text keeps its
// history; the edit is only flagged.
import { createEmptyCard, fsrs, FSRSVersion, State, type Card, type Grade } from 'ts-fsrs';
import { localDayKey } from './days';
import { isDue } from './due';
import { isExerciseReview } from './exercises';
import type { QuizItem } from './items';
import { questionTextHash, type ReviewEntry } from './reviewLog';

// Default FSRS-6 parameters without fuzz, so the same log always replays to the same schedule.
const scheduler = fsrs();

/** What a replay depends on besides the log: a stored schedule made under another one is stale. */
export const SCHEDULER_FINGERPRINT = `${FSRSVersion} ${JSON.stringify(scheduler.parameters)}`;

export interface QuestionState {
  readonly questionId: string;
  /** The note the question belonged to at its last review. */
  readonly noteId: string;
  /** The ts-fsrs card after the last review: `due`, `stability`, `state`, `reps`, `lapses`… */
  readonly card: Card;
  /** When the question was first answered, i.e. introduced as a new question. */
  readonly firstReviewedAt: Date;
  readonly lastGrade: Grade;
  /** The text hash logged with the last review. */
  readonly textHash: string;
  /** The question's text is no longer what was last answered (its history is kept all the same). */
  readonly textChanged: boolean;
}

/** One review as replayed, with what statistics need and the log does not hold. */
export interface ReplayedReview {
  readonly questionId: string;
  readonly reviewedAt: Date;
  readonly grade: Grade;
  readonly durationMs: number;
  /** The card's FSRS state just before this review. */
  readonly stateBefore: State;
}

/** Reviews of a snapshot: their number, and the work of making them into objects. */
export interface RestoredReviews {
  readonly count: number;
  decode(): ReplayedReview[];
}

export class QuizSchedule {
  private readonly states = new Map<string, QuestionState>();
  private replayed: ReplayedReview[] = [];
  /** Reviews restored from a snapshot, made into objects only when statistics ask for them. */
  private restored: RestoredReviews | undefined;
  private currentHashes = new Map<string, string>();

  /** An empty schedule for the current questions (their text decides `textChanged`). */
  constructor(items: readonly QuizItem[]) {
    this.setQuestions(items);
  }

  /** Rebuilds the schedule from a whole log. Entries are taken in time order, file order for ties. */
  static replay(entries: readonly ReviewEntry[], items: readonly QuizItem[]): QuizSchedule {
    const schedule = new QuizSchedule(items);
    for (const { entry, time } of chronological(entries)) schedule.apply(entry, time);
    return schedule;
  }

  /**
   * A schedule from stored states and reviews (a snapshot of an earlier replay); `textChanged` is
   * worked out again against the current questions.
   */
  static restore(states: readonly Omit<QuestionState, 'textChanged'>[], reviews: RestoredReviews, items: readonly QuizItem[]): QuizSchedule {
    const schedule = new QuizSchedule([]);
    for (const state of states) schedule.states.set(state.questionId, { ...state, textChanged: false });
    schedule.restored = reviews;
    schedule.setQuestions(items);
    return schedule;
  }

  /** Applies one new answer (after the glue has appended it to the log) and returns the new state. */
  record(entry: ReviewEntry): QuestionState {
    return this.apply(entry, Date.parse(entry.reviewedAt));
  }

  private apply(entry: ReviewEntry, loggedTime: number): QuestionState {
    const previous = this.states.get(entry.questionId);
    // ts-fsrs rejects a review older than the card's last one; after a clock was set back, the
    // review counts as made at the time of the previous one instead of stopping the quiz.
    const lastReview = previous?.card.last_review;
    const reviewedAt = lastReview && loggedTime < lastReview.getTime() ? lastReview : new Date(loggedTime);
    const card = scheduler.next(previous?.card ?? createEmptyCard(reviewedAt), reviewedAt, entry.grade).card;
    const currentHash = this.currentHashes.get(entry.questionId);
    const state: QuestionState = {
      questionId: entry.questionId,
      noteId: entry.noteId,
      card,
      firstReviewedAt: previous?.firstReviewedAt ?? reviewedAt,
      lastGrade: entry.grade,
      textHash: entry.textHash,
      textChanged: currentHash !== undefined && currentHash !== entry.textHash,
    };
    this.states.set(entry.questionId, state);
    this.replayed.push({
      questionId: entry.questionId,
      reviewedAt,
      grade: entry.grade,
      durationMs: entry.durationMs,
      stateBefore: previous?.card.state ?? State.New,
    });
    return state;
  }

  /** Takes the current questions after notes changed, updating `textChanged` without a replay. */
  setQuestions(items: readonly QuizItem[]): void {
    this.currentHashes = new Map(items.map((item) => [item.question.id, questionTextHash(item.question)]));
    for (const [id, state] of this.states) {
      const currentHash = this.currentHashes.get(id);
      const textChanged = currentHash !== undefined && currentHash !== state.textHash;
      if (textChanged !== state.textChanged) this.states.set(id, { ...state, textChanged });
    }
  }

  /** The state of a question, or undefined when it was never answered (a new question). */
  get(questionId: string): QuestionState | undefined {
    return this.states.get(questionId);
  }

  /** Every answered question, including questions no longer in any note. */
  all(): IterableIterator<QuestionState> {
    return this.states.values();
  }

  /** Every review in replay order. */
  get reviews(): readonly ReplayedReview[] {
    if (this.restored) {
      this.replayed = this.restored.decode().concat(this.replayed);
      this.restored = undefined;
    }
    return this.replayed;
  }

  /** How many reviews `reviews` holds, without decoding restored ones. */
  get reviewCount(): number {
    return (this.restored?.count ?? 0) + this.replayed.length;
  }

  /** Probability of recalling the question at `now` (0 for a new question). */
  retrievability(questionId: string, now: Date): number {
    const state = this.states.get(questionId);
    return state ? scheduler.get_retrievability(state.card, now, false) : 0;
  }

  /**
   * When each grade given at `now` would bring the question back, in milliseconds from `now`: the
   * figures beside the grade buttons (`Again · 1 min`, `Good · 3 d`), as Anki shows them.
   */
  nextIntervals(questionId: string, now: Date, grades: readonly Grade[]): Map<Grade, number> {
    const card: Card = this.states.get(questionId)?.card ?? createEmptyCard<Card>(now);
    const lastReview = card.last_review;
    // The same clamp as `apply`, so the preview is what answering would really schedule.
    const at = lastReview && now.getTime() < lastReview.getTime() ? lastReview : now;
    const outcomes = scheduler.repeat(card, at);
    return new Map(grades.map((grade) => [grade, outcomes[grade].card.due.getTime() - now.getTime()]));
  }

  /** Whether an answered question is due at `now` (see due.ts for what that means). */
  isDue(questionId: string, now: Date): boolean {
    const state = this.states.get(questionId);
    return state !== undefined && isDue(state.card, now);
  }

  /** How many questions were answered for the first time on the local day that holds `day` (exercises are no new questions). */
  introducedOn(day: Date): number {
    const key = localDayKey(day);
    let count = 0;
    for (const state of this.states.values()) if (localDayKey(state.firstReviewedAt) === key && !isExerciseReview(state.questionId)) count++;
    return count;
  }
}

/** The entries with their times, in time order; a log written on one machine already is. */
function chronological(entries: readonly ReviewEntry[]): { entry: ReviewEntry; time: number }[] {
  const timed = entries.map((entry) => ({ entry, time: Date.parse(entry.reviewedAt) }));
  const ordered = timed.every(({ time }, index) => index === 0 || timed[index - 1].time <= time);
  // Array.prototype.sort is stable, so entries with the same time keep their file order.
  return ordered ? timed : timed.sort((a, b) => a.time - b.time);
}
