// The learner's quiz progress: append-only review logs (JSON Lines), written right after every
// answer and every passed exercise, and the schedule merged from them (core/quiz/history.ts). By
// default the one log lives in the extension's global storage. With `studyNotes.quiz.progressFolder`
// set (a folder synced by git or a cloud drive), each machine appends to its own
// `reviews-<machine>.jsonl` there and the schedule merges every `reviews*.jsonl` in it, so two
// machines never overwrite each other's answers. A schedule snapshot, per machine in global storage,
// spares replaying a long history at every start.
import { constants, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type { Locale } from '../../core/messages';
import {
  createReviewEntry, loadHistory, QuizSchedule, serializeReview,
  type Grade, type HistoryProblem, type QuizItem, type ReviewEntry, type ReviewLogFile,
} from '../../core/quiz';

/** Where the quiz questions come from (the language server), and when they change. */
export interface QuizQuestions {
  items(): Promise<QuizItem[]>;
  readonly onDidChange: vscode.Event<unknown>;
  readonly locale: Locale;
}

export const REVIEW_LOG_NAME = 'reviews.jsonl';
const SNAPSHOT_NAME = 'quiz-snapshot.json';
/** The logs of a progress folder: `reviews.jsonl` and `reviews-<machine>.jsonl` (backups end in `.bak`). */
const LOG_NAME = /^reviews.*\.jsonl$/;

/** A failure to read or write the progress, with a message of ours that says what to do. */
export class ProgressError extends Error {}

interface ProgressLocation {
  /** The folder the logs are in. */
  folder: string;
  /** The log this machine appends to. */
  ownLog: string;
  /** Whether the folder is the shared progress folder rather than global storage. */
  shared: boolean;
}

interface ProgressState {
  schedule: QuizSchedule;
  items: QuizItem[];
}

export class ProgressStore implements vscode.Disposable {
  private loaded: Promise<ProgressState> | undefined;
  private schedule: QuizSchedule | undefined;
  private where: ProgressLocation;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private folderWatcher: vscode.Disposable | undefined;
  /**
   * Reading the logs and appending to them run one at a time, in order: two quick answers never
   * interleave their lines, and a load sees either all of an answer or none of it.
   */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly storage: vscode.Uri, private readonly questions: QuizQuestions, private readonly machineId: string) {
    this.where = this.configuredLocation();
    this.watchFolder();
    this.disposables.push(questions.onDidChange(() => {
      // The questions (and so their text hashes) may have changed; the logs have not: no replay needed.
      if (this.loaded) {
        void this.track(this.loaded.then(async ({ schedule }) => {
          const items = await this.currentItems();
          schedule.setQuestions(items);
          return { schedule, items };
        }));
      }
      this.changed.fire();
    }));
    this.disposables.push(vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration('studyNotes.quiz.progressFolder')) return;
      this.where = this.configuredLocation();
      this.watchFolder();
      this.reload();
    }));
  }

  /** The log this machine appends to. */
  get logFile(): string {
    return this.where.ownLog;
  }

  private configuredLocation(): ProgressLocation {
    const setting = vscode.workspace.getConfiguration('studyNotes.quiz').get<string>('progressFolder', '').trim();
    if (setting === '') return { folder: this.storage.fsPath, ownLog: path.join(this.storage.fsPath, REVIEW_LOG_NAME), shared: false };
    // `~` is the home folder, and a relative path is taken from there too (the extension host's
    // working directory means nothing to the learner).
    const folder = path.resolve(os.homedir(), setting.replace(/^~(?=$|[\\/])/, os.homedir()));
    const machine = this.machineId.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 16) || 'machine';
    return { folder, ownLog: path.join(folder, `reviews-${machine}.jsonl`), shared: true };
  }

  /** Answers synced in from other machines refresh the schedule; this machine's own appends do not need to. */
  private watchFolder(): void {
    this.folderWatcher?.dispose();
    this.folderWatcher = undefined;
    if (!this.where.shared) return;
    const { folder, ownLog } = this.where;
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(folder), 'reviews*.jsonl'));
    let pending: NodeJS.Timeout | undefined;
    const synced = (uri: vscode.Uri): void => {
      if (uri.fsPath === ownLog) return;
      // A sync client writes a file in several steps: reload once it has settled.
      clearTimeout(pending);
      pending = setTimeout(() => this.reload(), 1000);
    };
    this.folderWatcher = vscode.Disposable.from(watcher, watcher.onDidCreate(synced), watcher.onDidChange(synced), watcher.onDidDelete(synced), { dispose: () => clearTimeout(pending) });
  }

  private reload(): void {
    this.loaded = undefined;
    this.changed.fire();
  }

  private currentItems(): Promise<QuizItem[]> {
    return this.questions.items();
  }

  /**
   * The questions of every note, in the tree's order, with the schedule of all logs. Rejects with a
   * ProgressError when a log cannot be read or the progress folder cannot be created.
   */
  state(): Promise<ProgressState> {
    return this.loaded ?? this.track(this.load());
  }

  /** Makes `loading` the current state; a failed load is tried again next time (the learner may have fixed the permissions). */
  private track(loading: Promise<ProgressState>): Promise<ProgressState> {
    this.loaded = loading;
    loading.then(({ schedule }) => { this.schedule = schedule; }, () => { if (this.loaded === loading) this.loaded = undefined; });
    return loading;
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private load(): Promise<ProgressState> {
    const where = this.where;
    const snapshotFile = path.join(this.storage.fsPath, SNAPSHOT_NAME);
    // Queued at once, so an answer recorded after this call is appended after these reads.
    const files = this.serially(async () => {
      if (where.shared) await this.prepareFolder(where);
      return { logs: await readLogs(where.folder), snapshot: await fs.readFile(snapshotFile, 'utf8').catch(() => undefined) };
    });
    return Promise.all([this.currentItems(), files]).then(([items, { logs, snapshot }]) => {
      const history = loadHistory(logs, { items, location: where.folder, snapshot, locale: this.questions.locale });
      reportProblems(where.folder, history.problems);
      if (history.snapshot) {
        const encode = history.snapshot;
        // After the queue is shown: encoding a long history takes a moment, and the snapshot is only a cache.
        setTimeout(() => void writeAtomically(snapshotFile, encode).catch(() => undefined), 0);
      }
      return { schedule: history.schedule, items };
    });
  }

  /**
   * Creates the progress folder when it is missing. The first time this machine uses it, the log it
   * kept in global storage is copied in, so the progress made before the setting is not left behind.
   */
  private async prepareFolder({ folder, ownLog }: ProgressLocation): Promise<void> {
    try {
      await fs.mkdir(folder, { recursive: true });
    } catch (error) {
      throw new ProgressError(vscode.l10n.t('The quiz progress folder {0} could not be created: {1}. Create it, or change the setting studyNotes.quiz.progressFolder.', folder, describeError(error)));
    }
    const localLog = path.join(this.storage.fsPath, REVIEW_LOG_NAME);
    await fs.copyFile(localLog, ownLog, constants.COPYFILE_EXCL).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'EEXIST') return;
      throw new ProgressError(vscode.l10n.t('Your quiz history could not be copied into the progress folder {0}: {1}.', folder, describeError(error)));
    });
  }

  /** Whether a question's text changed since it was last answered (call after `state()` resolved). */
  questionChanged(questionId: string): boolean {
    return this.schedule?.get(questionId)?.textChanged ?? false;
  }

  /** Appends one answer to this machine's log at once, then updates the schedule. */
  async record(item: QuizItem, grade: Grade, durationMs: number): Promise<void> {
    await this.append(createReviewEntry(item, grade, new Date(), durationMs));
  }

  /** Appends one review (an answer, or a passed exercise) to this machine's log at once, then updates the schedule. */
  async append(entry: ReviewEntry): Promise<void> {
    // The schedule loaded before this append: a load queued after it reads the answer from the log instead.
    const before = this.state();
    const { folder, ownLog } = this.where;
    await this.serially(async () => {
      try {
        await fs.mkdir(folder, { recursive: true });
        await fs.appendFile(ownLog, serializeReview(entry), 'utf8');
      } catch (error) {
        throw new ProgressError(vscode.l10n.t('Your answer could not be saved to {0}: {1}. The quiz has stopped; the answers given before are kept.', ownLog, describeError(error)));
      }
    });
    (await before).schedule.record(entry);
    this.changed.fire();
  }

  /**
   * Moves every log aside (kept as dated backups, never deleted) and starts afresh. With a progress
   * folder that is every machine's log there, and this machine's log in global storage too, which
   * would otherwise be copied in again. Returns the backups.
   */
  async reset(): Promise<string[]> {
    const { folder, shared } = this.where;
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const logs = (await logNames(folder)).map((name) => path.join(folder, name));
    if (shared) logs.push(path.join(this.storage.fsPath, REVIEW_LOG_NAME));
    const backups = await this.serially(async () => {
      const moved: string[] = [];
      for (const log of logs) {
        const backup = `${log.slice(0, -'.jsonl'.length)}-${stamp}.jsonl.bak`;
        if (await fs.rename(log, backup).then(() => true, () => false)) moved.push(backup);
      }
      return moved;
    });
    this.reload();
    return backups;
  }

  dispose(): void {
    this.folderWatcher?.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** The names of the logs in `folder`, sorted; none when the folder does not exist yet. */
async function logNames(folder: string): Promise<string[]> {
  try {
    return (await fs.readdir(folder)).filter((name) => LOG_NAME.test(name)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new ProgressError(vscode.l10n.t('Study Notes cannot read your quiz history in {0}: {1}. Nothing was changed; check the folder\'s permissions.', folder, describeError(error)));
  }
}

async function readLogs(folder: string): Promise<ReviewLogFile[]> {
  const logs: ReviewLogFile[] = [];
  for (const name of await logNames(folder)) {
    const file = path.join(folder, name);
    try {
      logs.push({ name, content: await fs.readFile(file) });
    } catch (error) {
      // Deleted between listing and reading (a sync client at work): as if it had never been there.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw new ProgressError(vscode.l10n.t('Study Notes cannot read your quiz history {0}: {1}. Nothing was changed; check the file\'s permissions.', file, describeError(error)));
    }
  }
  return logs;
}

/** One warning per log with unreadable lines, naming the file and the first line; the lines stay in the file untouched. */
function reportProblems(folder: string, problems: readonly HistoryProblem[]): void {
  const byLog = new Map<string, HistoryProblem[]>();
  for (const problem of problems) byLog.set(problem.log, [...(byLog.get(problem.log) ?? []), problem]);
  for (const [log, logProblems] of byLog) {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} line(s) of your quiz history {1} could not be read and were skipped. {2} The rest of your progress is kept.',
      logProblems.length, path.join(folder, log), logProblems[0].message));
  }
}

/** Writes a temporary file and renames it over `file`, so a crash never leaves half a file behind. */
async function writeAtomically(file: string, text: () => string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(temporary, text(), 'utf8');
    await fs.rename(temporary, file);
  } finally {
    await fs.rm(temporary, { force: true });
  }
}

/** What went wrong with a file, in words for the learner where the system's code says little. */
function describeError(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'EACCES':
    case 'EPERM':
      return vscode.l10n.t('permission denied');
    case 'ENOTDIR':
    case 'EEXIST':
      return vscode.l10n.t('a file is in the way of the folder');
    case 'ENOSPC':
      return vscode.l10n.t('the disk is full');
    case 'EROFS':
      return vscode.l10n.t('the disk is read-only');
    default:
      return (error as Error).message;
  }
}
