// The learner's attempt at each exercise in this workspace (when it started, the hints and solution
// seen, whether a run failed or passed), kept in the workspace state beside their copies.
import * as vscode from 'vscode';
import { newAttempt, type ExerciseAttempt } from '../../core/exercises';

const ATTEMPTS_KEY = 'studyNotes.exerciseAttempts';

export class AttemptStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<string>();
  /** An exercise's attempt changed (its id). */
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {}

  private all(): Record<string, ExerciseAttempt> {
    return this.state.get<Record<string, ExerciseAttempt>>(ATTEMPTS_KEY, {});
  }

  get(exerciseId: string): ExerciseAttempt | undefined {
    return this.all()[exerciseId];
  }

  /** Starts a new attempt (a new or fresh copy). */
  start(exerciseId: string): Promise<ExerciseAttempt> {
    return this.set(exerciseId, newAttempt(new Date()));
  }

  /** Changes the current attempt; one is started first when there is none (a hint asked for before starting). */
  update(exerciseId: string, change: (attempt: ExerciseAttempt) => ExerciseAttempt): Promise<ExerciseAttempt> {
    return this.set(exerciseId, change(this.get(exerciseId) ?? newAttempt(new Date())));
  }

  private async set(exerciseId: string, attempt: ExerciseAttempt): Promise<ExerciseAttempt> {
    await this.state.update(ATTEMPTS_KEY, { ...this.all(), [exerciseId]: attempt });
    this.changed.fire(exerciseId);
    return attempt;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
