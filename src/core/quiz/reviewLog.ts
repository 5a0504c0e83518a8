// The review log: one JSON object per line, appended right after every answer. It is the only
// stored progress; the schedule is derived from it by replaying (schedule.ts), so a lost cache or a
// new scheduler version never loses a review.
import { createHash } from 'node:crypto';
import type { Grade } from 'ts-fsrs';
import { format, type Locale } from '../messages';
import type { QuizQuestion } from '../model';
import type { QuizItem } from './items';

export const REVIEW_LOG_VERSION = 1;

/** One answer. The key order is the line's field order; `version` first lets a reader find entries. */
export interface ReviewEntry {
  version: typeof REVIEW_LOG_VERSION;
  questionId: string;
  noteId: string;
  /** `questionTextHash` of the question as it was answered, to notice later edits. */
  textHash: string;
  /** ISO 8601 time of the answer. */
  reviewedAt: string;
  /** FSRS grade: 1 Again, 2 Hard, 3 Good, 4 Easy. */
  grade: Grade;
  durationMs: number;
}

export interface ReviewLogProblem {
  /** 1-based line number in the log file. */
  line: number;
  /** What was wrong, as a message key: the message can be worked out again in another language. */
  reason: Rejection['rejected'];
  /** The newer version number, or the name of the missing or invalid field. */
  detail?: string | number;
  /** The localized message. */
  message: string;
}

export interface ParsedReviewLog {
  entries: ReviewEntry[];
  /** The 1-based line of each entry, for a stable order among answers given at the same time. */
  lines: number[];
  problems: ReviewLogProblem[];
}

/** A short hash of what the learner sees and is graded on: question, code, choices and answer. */
export function questionTextHash(question: QuizQuestion): string {
  const text = JSON.stringify([question.question, question.code ?? null, question.choices ?? null, question.answer]);
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

export function createReviewEntry(item: QuizItem, grade: Grade, reviewedAt: Date, durationMs: number): ReviewEntry {
  return {
    version: REVIEW_LOG_VERSION,
    questionId: item.question.id,
    noteId: item.noteId,
    textHash: questionTextHash(item.question),
    reviewedAt: reviewedAt.toISOString(),
    grade,
    durationMs: Math.max(0, Math.round(durationMs)),
  };
}

/** The text to append to the log for one answer, newline included. */
export function serializeReview(entry: ReviewEntry): string {
  const { version, questionId, noteId, textHash, reviewedAt, grade, durationMs } = entry;
  return `${JSON.stringify({ version, questionId, noteId, textHash, reviewedAt, grade, durationMs })}\n`;
}

const entryStart = '{"version":';

/**
 * Reads a whole log, or the part of one that starts at line `firstLine`. A line that is not a valid
 * entry is skipped with a problem and every other line is kept. When an interrupted write left a
 * fragment without its newline, the next entry was appended onto the same line: every whole entry
 * on the line is recovered, and only the fragment is reported.
 */
export function parseReviewLog(text: string, locale: Locale = 'en', firstLine = 1): ParsedReviewLog {
  const entries: ReviewEntry[] = [];
  const lines: number[] = [];
  const problems: ReviewLogProblem[] = [];
  const textLines = text.split('\n');
  for (let index = 0; index < textLines.length; index++) {
    const line = textLines[index].trim();
    if (line === '') continue;
    const lineNumber = firstLine + index;
    const parsed = parseLine(line);
    const pieces = 'rejected' in parsed ? entryPieces(line).map(parseLine) : [parsed];
    const recovered = pieces.filter((piece): piece is ReviewEntry => !('rejected' in piece));
    for (const entry of recovered) {
      entries.push(entry);
      lines.push(lineNumber);
    }
    const rejection = recovered.length > 0 ? pieces.find((piece): piece is Rejection => 'rejected' in piece) : parsed as Rejection;
    if (rejection) problems.push(problemAt(locale, lineNumber, rejection.rejected, rejection.detail));
  }
  return { entries, lines, problems };
}

/** A problem of line `line`, with its message in `locale`. */
export function problemAt(locale: Locale, line: number, reason: ReviewLogProblem['reason'], detail?: string | number): ReviewLogProblem {
  return { line, reason, ...(detail === undefined ? {} : { detail }), message: format(locale, reason, line, detail ?? '') };
}

/** A line cut into the pieces that start where an entry starts (and what comes before the first). */
function entryPieces(line: string): string[] {
  const starts: number[] = [];
  for (let at = line.indexOf(entryStart); at !== -1; at = line.indexOf(entryStart, at + 1)) starts.push(at);
  if (starts[0] !== 0) starts.unshift(0);
  return starts.map((start, index) => line.slice(start, starts[index + 1]));
}

interface Rejection {
  rejected: 'reviewLogNotJson' | 'reviewLogNewerVersion' | 'reviewLogBadField';
  /** The newer version number, or the name of the missing or invalid field. */
  detail?: string | number;
}

function parseLine(line: string): ReviewEntry | Rejection {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { rejected: 'reviewLogNotJson' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { rejected: 'reviewLogNotJson' };
  const { version, questionId, noteId, textHash, reviewedAt, grade, durationMs } = value as Record<string, unknown>;
  const badField = (field: keyof ReviewEntry): Rejection => ({ rejected: 'reviewLogBadField', detail: field });
  if (typeof version === 'number' && Number.isInteger(version) && version > REVIEW_LOG_VERSION) {
    return { rejected: 'reviewLogNewerVersion', detail: version };
  }
  if (version !== REVIEW_LOG_VERSION) return badField('version');
  if (typeof questionId !== 'string' || questionId === '') return badField('questionId');
  if (typeof noteId !== 'string') return badField('noteId');
  if (typeof textHash !== 'string') return badField('textHash');
  if (typeof reviewedAt !== 'string' || Number.isNaN(Date.parse(reviewedAt))) return badField('reviewedAt');
  if (grade !== 1 && grade !== 2 && grade !== 3 && grade !== 4) return badField('grade');
  if (typeof durationMs !== 'number' || !Number.isFinite(durationMs) || durationMs < 0) return badField('durationMs');
  return { version, questionId, noteId, textHash, reviewedAt, grade, durationMs };
}
