// The learner's whole history as one schedule: every review log in the progress folder (one per
// machine, or the single log in VS Code's storage) merged in time order, started from a snapshot of
// an earlier replay when it still matches the logs. The logs stay the only truth: a snapshot that is
// missing, corrupt, made by another version, of another folder, or whose covered bytes no longer hash
// the same is ignored and the whole history replayed. Pure: the glue reads and writes the files.
import { createHash, type Hash } from 'node:crypto';
import type { Locale } from '../messages';
import { compareIds, type QuizItem } from './items';
import { parseReviewLog, problemAt, type ReviewEntry, type ReviewLogProblem } from './reviewLog';
import { QuizSchedule } from './schedule';
import { decodeSnapshot, encodeSnapshot, type LogCoverage, type OrderKey, type SnapshotRejection, type StoredProblem } from './snapshot';

export interface ReviewLogFile {
  /** The file name, which orders answers given at the same time across logs. */
  name: string;
  content: Uint8Array;
}

export interface HistoryProblem extends ReviewLogProblem {
  /** The name of the log file the line is in. */
  log: string;
}

/**
 * Why the whole history was replayed instead of starting from the snapshot: the snapshot was
 * unusable, a covered log changed or vanished, or a log gained answers older than the snapshot's last
 * one (a synced log from a machine that was offline), which must be replayed in their place in time.
 */
export type RebuildReason = SnapshotRejection | 'logsChanged' | 'olderAnswers';

export interface LoadedHistory {
  schedule: QuizSchedule;
  /** Every unreadable line of every log, by log name and line. */
  problems: HistoryProblem[];
  /** Undefined when the schedule started from the snapshot. */
  rebuilt?: RebuildReason;
  /** How many reviews were replayed through FSRS for this load. */
  replayed: number;
  /**
   * The text of a snapshot of exactly what was read, when the stored one does not already cover it;
   * a function because encoding 100,000 reviews takes a while and can wait until the queue is shown.
   */
  snapshot?: () => string;
}

export interface LoadOptions {
  items: readonly QuizItem[];
  /** The folder of the logs; a snapshot of another folder is not used. */
  location: string;
  /** The stored snapshot's text; undefined when there is none. */
  snapshot: string | undefined;
  locale: Locale;
}

interface KeyedEntry {
  entry: ReviewEntry;
  key: OrderKey;
}

interface ReadLog {
  entries: KeyedEntry[];
  problems: HistoryProblem[];
  coverage: LogCoverage;
}

/** The merged history of `logs` as a schedule. */
export function loadHistory(logs: readonly ReviewLogFile[], options: LoadOptions): LoadedHistory {
  const sorted = [...logs].sort((a, b) => compareIds(a.name, b.name));
  const stored = decodeSnapshot(options.snapshot, options.location);
  if ('rejected' in stored) return replayAll(sorted, options, stored.rejected);

  const covered = new Map(stored.logs.map((coverage) => [coverage.name, coverage]));
  if (stored.logs.some((coverage) => !sorted.some((log) => log.name === coverage.name))) return replayAll(sorted, options, 'logsChanged');
  const reads: ReadLog[] = [];
  for (const log of sorted) {
    const read = readLog(log, options.locale, covered.get(log.name));
    if (!read) return replayAll(sorted, options, 'logsChanged');
    reads.push(read);
  }
  const tail = merge(reads);
  if (stored.last && tail.length > 0 && compareKeys(tail[0].key, stored.last) <= 0) return replayAll(sorted, options, 'olderAnswers');

  const schedule = QuizSchedule.restore(stored.states, stored.reviews, options.items);
  for (const { entry } of tail) schedule.record(entry);
  const storedProblems = stored.problems.map((problem) => ({ ...problemAt(options.locale, problem.line, problem.reason, problem.detail), log: problem.log }));
  const problems = sortProblems([...storedProblems, ...reads.flatMap((read) => read.problems)]);
  const unchanged = reads.length === stored.logs.length && reads.every((read) => read.coverage.bytes === covered.get(read.coverage.name)?.bytes);
  return {
    schedule,
    problems,
    replayed: tail.length,
    snapshot: unchanged ? undefined : snapshotOf(schedule, options.location, reads, tail.at(-1)?.key ?? stored.last, problems),
  };
}

function replayAll(logs: readonly ReviewLogFile[], options: LoadOptions, reason: RebuildReason): LoadedHistory {
  const reads = logs.map((log) => readLog(log, options.locale, undefined)!);
  const entries = merge(reads);
  const schedule = QuizSchedule.replay(entries.map(({ entry }) => entry), options.items);
  const problems = sortProblems(reads.flatMap((read) => read.problems));
  return {
    schedule, problems, rebuilt: reason, replayed: entries.length,
    snapshot: snapshotOf(schedule, options.location, reads, entries.at(-1)?.key ?? null, problems),
  };
}

const NEWLINE = 0x0a;
const decoder = new TextDecoder('utf-8');

/**
 * The whole lines of `log` after the part `covered` (all of them without it), or undefined when the
 * covered part is no longer what it was. A last line without its newline is left for a later load:
 * it is a write still in progress (a sync client copying the file) or one cut off, which the next
 * append completes (see parseReviewLog).
 */
function readLog(log: ReviewLogFile, locale: Locale, covered: LogCoverage | undefined): ReadLog | undefined {
  const { content, name } = log;
  const start = covered?.bytes ?? 0;
  const end = content.lastIndexOf(NEWLINE) + 1;
  if (end < start) return undefined;
  const hash: Hash = createHash('sha256').update(content.subarray(0, start));
  if (covered && hash.copy().digest('hex') !== covered.sha256) return undefined;
  const tail = content.subarray(start, end);
  hash.update(tail);
  const firstLine = (covered?.lines ?? 0) + 1;
  const text = decoder.decode(tail);
  const parsed = parseReviewLog(text, locale, firstLine);
  let lines = covered?.lines ?? 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++;
  return {
    entries: parsed.entries.map((entry, index) => ({ entry, key: { time: Date.parse(entry.reviewedAt), log: name, line: parsed.lines[index] } })),
    problems: parsed.problems.map((problem) => ({ ...problem, log: name })),
    coverage: { name, bytes: end, lines, sha256: hash.digest('hex') },
  };
}

/** The entries of all logs in history order: by time, then log name, then line. */
function merge(reads: readonly ReadLog[]): KeyedEntry[] {
  return reads.flatMap((read) => read.entries).sort((a, b) => compareKeys(a.key, b.key));
}

function snapshotOf(schedule: QuizSchedule, location: string, reads: readonly ReadLog[], last: OrderKey | null, problems: readonly HistoryProblem[]): () => string {
  // Taken now, before later answers change the schedule. Reviews are only ever appended, so the
  // first `reviewCount` of them are those of this moment even when encoded later.
  const states = [...schedule.all()];
  const reviewCount = schedule.reviewCount;
  const stored: StoredProblem[] = problems.map(({ log, line, reason, detail }) => ({ log, line, reason, ...(detail === undefined ? {} : { detail }) }));
  const logs = reads.map((read) => read.coverage);
  return () => encodeSnapshot({ location, logs, last, problems: stored, states, reviews: schedule.reviews.slice(0, reviewCount) });
}

function sortProblems(problems: HistoryProblem[]): HistoryProblem[] {
  return problems.sort((a, b) => compareIds(a.log, b.log) || a.line - b.line);
}

function compareKeys(a: OrderKey, b: OrderKey): number {
  return a.time - b.time || compareIds(a.log, b.log) || a.line - b.line;
}
