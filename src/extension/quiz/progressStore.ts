// The learner's quiz progress: an append-only review log (JSON Lines) in the extension's global
// storage, written right after every answer and every passed exercise, and the schedule derived from it by replay.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { Locale } from '../../core/messages';
import { createReviewEntry, parseReviewLog, QuizSchedule, serializeReview, type Grade, type QuizItem, type ReviewEntry } from '../../core/quiz';

/** Where the quiz questions come from (the language server), and when they change. */
export interface QuizQuestions {
  items(): Promise<QuizItem[]>;
  readonly onDidChange: vscode.Event<unknown>;
  readonly locale: Locale;
}

export const REVIEW_LOG_NAME = 'reviews.jsonl';

export class ProgressStore implements vscode.Disposable {
  private loaded: Promise<{ schedule: QuizSchedule; items: QuizItem[] }> | undefined;
  private schedule: QuizSchedule | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** Appends are chained so that two quick answers never interleave their lines. */
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly storage: vscode.Uri, private readonly questions: QuizQuestions) {
    this.disposables.push(questions.onDidChange(() => {
      // The questions (and so their text hashes) may have changed; the log has not: no replay needed.
      this.loaded = this.loaded?.then(async ({ schedule }) => {
        const items = await this.currentItems();
        schedule.setQuestions(items);
        return { schedule, items };
      });
      this.changed.fire();
    }));
  }

  get logFile(): string {
    return path.join(this.storage.fsPath, REVIEW_LOG_NAME);
  }

  private currentItems(): Promise<QuizItem[]> {
    return this.questions.items();
  }

  /** The questions of every note, in the tree's order, with the schedule replayed from the log. */
  state(): Promise<{ schedule: QuizSchedule; items: QuizItem[] }> {
    this.loaded ??= this.load();
    void this.loaded.then(({ schedule }) => { this.schedule = schedule; });
    return this.loaded;
  }

  private async load(): Promise<{ schedule: QuizSchedule; items: QuizItem[] }> {
    const items = await this.currentItems();
    const text = await fs.readFile(this.logFile, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
    const { entries, problems } = parseReviewLog(text, this.questions.locale);
    if (problems.length > 0) {
      // The unreadable lines stay in the file untouched; only the readable history is used.
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} line(s) of your quiz history could not be read and were skipped ({1}). The rest of your progress is kept.',
        problems.length, problems[0].message));
    }
    return { schedule: QuizSchedule.replay(entries, items), items };
  }

  /** Whether a question's text changed since it was last answered (call after `state()` resolved). */
  questionChanged(questionId: string): boolean {
    return this.schedule?.get(questionId)?.textChanged ?? false;
  }

  /** Appends one answer to the log at once, then updates the schedule. */
  async record(item: QuizItem, grade: Grade, durationMs: number): Promise<void> {
    await this.append(createReviewEntry(item, grade, new Date(), durationMs));
  }

  /** Appends one review (an answer, or a passed exercise) to the log at once, then updates the schedule. */
  async append(entry: ReviewEntry): Promise<void> {
    const write = this.writing.then(async () => {
      await fs.mkdir(this.storage.fsPath, { recursive: true });
      await fs.appendFile(this.logFile, serializeReview(entry), 'utf8');
    });
    this.writing = write.catch(() => undefined);
    await write;
    (await this.state()).schedule.record(entry);
    this.changed.fire();
  }

  /** Moves the log aside (kept as a dated backup, never deleted) and starts afresh. */
  async reset(): Promise<string | undefined> {
    await this.writing;
    const backup = path.join(this.storage.fsPath, `reviews-${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl.bak`);
    const moved = await fs.rename(this.logFile, backup).then(() => backup, () => undefined);
    this.loaded = undefined;
    this.changed.fire();
    return moved;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
