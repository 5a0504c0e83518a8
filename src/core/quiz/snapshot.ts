// The schedule snapshot: the replayed schedule (card states and every replayed review) together with
// exactly which part of which review logs it covers, so a load can start from it and replay only the
// lines appended since. It is a cache and never the truth: anything that does not check out here
// (unreadable JSON, another format or scheduler, an impossible value) makes the caller rebuild from
// the logs, and history.ts checks the covered parts of the logs against their hashes.
import type { Card, Grade, State } from 'ts-fsrs';
import type { ReviewLogProblem } from './reviewLog';
import { SCHEDULER_FINGERPRINT, type QuestionState, type ReplayedReview, type RestoredReviews } from './schedule';

/** Bump when the layout below changes: older snapshots are then rebuilt, not misread. */
export const SNAPSHOT_FORMAT = 1;

/** Where an entry sits in the merged history: by time, then log name, then line (a stable order). */
export interface OrderKey {
  time: number;
  log: string;
  line: number;
}

/** The part of one log a snapshot covers: its first `bytes` bytes, which are `lines` whole lines. */
export interface LogCoverage {
  name: string;
  bytes: number;
  lines: number;
  /** SHA-256 (hex) of those bytes: a log reset, rewritten or replaced by sync no longer matches. */
  sha256: string;
}

/** A problem found in a covered line, kept so that it is reported on every load, not only the first. */
export interface StoredProblem {
  log: string;
  line: number;
  reason: ReviewLogProblem['reason'];
  detail?: string | number;
}

export interface SnapshotCoverage {
  /** The folder the logs are in: a snapshot of another folder's logs never applies. */
  location: string;
  logs: LogCoverage[];
  /** The last replayed entry; newer lines must come after it, or the history is replayed again. */
  last: OrderKey | null;
  problems: StoredProblem[];
}

/** What a snapshot holds, as written. */
export interface SnapshotContent extends SnapshotCoverage {
  states: readonly Omit<QuestionState, 'textChanged'>[];
  reviews: readonly ReplayedReview[];
}

/** A snapshot as read: its reviews are made into objects only when statistics need them. */
export interface Snapshot extends SnapshotCoverage {
  states: Omit<QuestionState, 'textChanged'>[];
  reviews: RestoredReviews;
}

/** Why a stored snapshot was not used. */
export type SnapshotRejection = 'missing' | 'corrupt' | 'outdated' | 'otherLocation';

interface StoredCard extends Omit<Card, 'due' | 'last_review'> {
  due: number;
  last_review?: number;
}

interface StoredState {
  question: string;
  note: string;
  card: StoredCard;
  first: number;
  grade: Grade;
  hash: string;
}

interface SnapshotFile extends SnapshotCoverage {
  format: typeof SNAPSHOT_FORMAT;
  scheduler: string;
  states: StoredState[];
  /** Question ids that `reviews.question` indexes into. */
  questions: string[];
  /** One array per field rather than one object per review: 100,000 reviews stay small and quick to read. */
  reviews: { question: number[]; time: number[]; grade: number[]; duration: number[]; before: number[] };
}

export function encodeSnapshot(snapshot: SnapshotContent): string {
  const questionIndex = new Map<string, number>();
  const reviews: SnapshotFile['reviews'] = { question: [], time: [], grade: [], duration: [], before: [] };
  let previousTime = 0;
  for (const review of snapshot.reviews) {
    let index = questionIndex.get(review.questionId);
    if (index === undefined) questionIndex.set(review.questionId, (index = questionIndex.size));
    const time = review.reviewedAt.getTime();
    reviews.question.push(index);
    // Times as differences from the previous review: a few digits each instead of thirteen.
    reviews.time.push(time - previousTime);
    previousTime = time;
    reviews.grade.push(review.grade);
    reviews.duration.push(review.durationMs);
    reviews.before.push(review.stateBefore);
  }
  const file: SnapshotFile = {
    format: SNAPSHOT_FORMAT,
    scheduler: SCHEDULER_FINGERPRINT,
    location: snapshot.location,
    logs: snapshot.logs,
    last: snapshot.last,
    problems: snapshot.problems,
    states: snapshot.states.map((state) => ({
      question: state.questionId,
      note: state.noteId,
      card: storedCard(state.card),
      first: state.firstReviewedAt.getTime(),
      grade: state.lastGrade,
      hash: state.textHash,
    })),
    questions: [...questionIndex.keys()],
    reviews,
  };
  return JSON.stringify(file);
}

/** The snapshot stored in `text` for the logs in `location`, or why it cannot be used. */
export function decodeSnapshot(text: string | undefined, location: string): Snapshot | { rejected: SnapshotRejection } {
  if (text === undefined) return { rejected: 'missing' };
  let file: SnapshotFile;
  try {
    file = JSON.parse(text) as SnapshotFile;
  } catch {
    return { rejected: 'corrupt' };
  }
  if (!isRecord(file)) return { rejected: 'corrupt' };
  if (file.format !== SNAPSHOT_FORMAT || file.scheduler !== SCHEDULER_FINGERPRINT) return { rejected: 'outdated' };
  if (file.location !== location) return { rejected: 'otherLocation' };
  const snapshot = decodeContent(file);
  return snapshot ?? { rejected: 'corrupt' };
}

/** The snapshot in a parsed file, or undefined when any part of it is not what `encodeSnapshot` writes. */
function decodeContent(file: SnapshotFile): Snapshot | undefined {
  const { logs, last, problems, states, questions, reviews } = file;
  if (!Array.isArray(logs) || !logs.every(isLogCoverage)) return undefined;
  if (last !== null && !isOrderKey(last)) return undefined;
  if (!Array.isArray(problems) || !problems.every(isStoredProblem)) return undefined;
  if (!Array.isArray(states) || !states.every(isStoredState)) return undefined;
  if (!Array.isArray(questions) || !questions.every((id) => typeof id === 'string')) return undefined;
  if (!isRecord(reviews)) return undefined;
  const { question, time, grade, duration, before } = reviews;
  const columns = [question, time, grade, duration, before];
  if (!columns.every((column) => Array.isArray(column) && column.length === question.length && column.every(Number.isFinite))) return undefined;
  if (!question.every((index) => index >= 0 && index < questions.length && Number.isInteger(index))) return undefined;
  if (!grade.every(isGrade) || !before.every(isState)) return undefined;

  const decode = (): ReplayedReview[] => {
    const replayed = new Array<ReplayedReview>(question.length);
    let reviewedAt = 0;
    for (let index = 0; index < question.length; index++) {
      reviewedAt += time[index];
      replayed[index] = {
        questionId: questions[question[index]],
        reviewedAt: new Date(reviewedAt),
        grade: grade[index] as Grade,
        durationMs: duration[index],
        stateBefore: before[index] as State,
      };
    }
    return replayed;
  };
  return {
    location: file.location,
    logs,
    last,
    problems,
    states: states.map((state) => ({
      questionId: state.question,
      noteId: state.note,
      card: restoredCard(state.card),
      firstReviewedAt: new Date(state.first),
      lastGrade: state.grade,
      textHash: state.hash,
    })),
    reviews: { count: question.length, decode },
  };
}

// Dates as milliseconds; a card that was never reviewed has no `last_review` key at all.
function storedCard({ due, last_review: lastReview, ...rest }: Card): StoredCard {
  return { ...rest, due: due.getTime(), ...(lastReview ? { last_review: lastReview.getTime() } : {}) };
}

function restoredCard({ due, last_review: lastReview, ...rest }: StoredCard): Card {
  return { ...rest, due: new Date(due), ...(lastReview === undefined ? {} : { last_review: new Date(lastReview) }) };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;
const isGrade = (value: unknown): boolean => value === 1 || value === 2 || value === 3 || value === 4;
const isState = (value: unknown): boolean => value === 0 || value === 1 || value === 2 || value === 3;

function isLogCoverage(value: unknown): value is LogCoverage {
  return isRecord(value) && typeof value.name === 'string' && isCount(value.bytes) && isCount(value.lines) && typeof value.sha256 === 'string';
}

function isOrderKey(value: unknown): value is OrderKey {
  return isRecord(value) && Number.isFinite(value.time) && typeof value.log === 'string' && isCount(value.line);
}

function isStoredProblem(value: unknown): value is StoredProblem {
  return isRecord(value) && typeof value.log === 'string' && isCount(value.line)
    && (value.reason === 'reviewLogNotJson' || value.reason === 'reviewLogBadField' || value.reason === 'reviewLogNewerVersion')
    && (value.detail === undefined || typeof value.detail === 'string' || typeof value.detail === 'number');
}

const cardNumbers = ['due', 'stability', 'difficulty', 'elapsed_days', 'scheduled_days', 'reps', 'lapses', 'learning_steps'] as const;

function isStoredState(value: unknown): value is StoredState {
  if (!isRecord(value) || !isRecord(value.card)) return false;
  const card = value.card;
  return typeof value.question === 'string' && typeof value.note === 'string' && typeof value.hash === 'string'
    && Number.isFinite(value.first) && isGrade(value.grade) && isState(card.state)
    && cardNumbers.every((field) => Number.isFinite(card[field]))
    && (card.last_review === undefined || Number.isFinite(card.last_review));
}
