// Progress statistics for the chart view, all by local calendar day.
import { State } from 'ts-fsrs';
import { localDayKey, startOfLocalDay } from './days';
import { isDue } from './due';
import type { QuizItem } from './items';
import type { QuizSchedule } from './schedule';

export interface DayReviews {
  /** `YYYY-MM-DD`, local. */
  day: string;
  reviews: number;
  durationMs: number;
}

export interface DayDue {
  day: string;
  due: number;
}

export interface ProgressStats {
  /** The last `days` days, oldest first, today last; days without reviews included. */
  reviewsPerDay: DayReviews[];
  /**
   * Share of Good and Easy among the reviews in those days of questions that were in the FSRS Review
   * state (learning steps left out); null when there were none.
   */
  retention: number | null;
  /** How many reviews `retention` is measured over. */
  retentionReviews: number;
  /** Answered questions due on each of the next `forecastDays` days from today; overdue ones count today (due.ts). */
  dueForecast: DayDue[];
}

export interface StatsOptions {
  now: Date;
  /** Days of review history; 30 when left out. */
  days?: number;
  /** Days of due forecast; 30 when left out. */
  forecastDays?: number;
}

export function progressStats(items: readonly QuizItem[], schedule: QuizSchedule, options: StatsOptions): ProgressStats {
  const { now, days = 30, forecastDays = 30 } = options;
  const reviewsPerDay = dayRange(now, 1 - days, days).map((day) => ({ day, reviews: 0, durationMs: 0 }));
  const byDay = new Map(reviewsPerDay.map((entry) => [entry.day, entry]));
  const windowStart = startOfLocalDay(now, 1 - days).getTime();
  let retentionReviews = 0;
  let passed = 0;
  for (const review of schedule.reviews) {
    if (review.reviewedAt.getTime() < windowStart) continue;
    const entry = byDay.get(localDayKey(review.reviewedAt));
    if (!entry) continue;
    entry.reviews++;
    entry.durationMs += review.durationMs;
    if (review.stateBefore === State.Review) {
      retentionReviews++;
      if (review.grade >= 3) passed++;
    }
  }

  const dueForecast = dayRange(now, 0, forecastDays).map((day) => ({ day, due: 0 }));
  const dueByDay = new Map(dueForecast.map((entry) => [entry.day, entry]));
  for (const item of items) {
    const state = schedule.get(item.question.id);
    if (!state) continue;
    // Today's bar is the due count everything else shows: overdue questions and learning steps included.
    const entry = isDue(state.card, now) ? dueForecast[0] : dueByDay.get(localDayKey(state.card.due));
    if (entry) entry.due++;
  }

  return { reviewsPerDay, retention: retentionReviews === 0 ? null : passed / retentionReviews, retentionReviews, dueForecast };
}

/** `length` consecutive local day keys, the first `offset` days from the day of `now`. */
function dayRange(now: Date, offset: number, length: number): string[] {
  return Array.from({ length }, (_, index) => localDayKey(startOfLocalDay(now, offset + index)));
}
