// The exercises of every note as the language server lists them, with where their files are, and
// where the learner's copy of each goes in this workspace (`studyNotes.exercises.folder`).
import path from 'node:path';
import * as vscode from 'vscode';
import { EXERCISES_FOLDER, exerciseFiles, learnerFile, type ExerciseFiles } from '../../core/exercises';
import type { ExerciseRef } from '../../core/model';
import { exerciseItemsOf, type ExerciseItem } from '../../core/quiz';
import { ExamplesRequest, type NoteRow } from '../../shared/protocol';
import type { NotesClient } from '../client/notesClient';

export interface Exercise {
  ref: ExerciseRef;
  note: NoteRow;
  /** Starter, tests and solution beside the note. */
  files: ExerciseFiles;
  /** The exercise as the review log knows it. */
  item: ExerciseItem;
}

export class ExerciseCatalog implements vscode.Disposable {
  private list: Promise<Exercise[]> | undefined;
  private readonly disposable: vscode.Disposable;

  constructor(private readonly notes: NotesClient) {
    this.disposable = notes.onDidChangeNotes(() => { this.list = undefined; });
  }

  /** Every exercise, in the tree's order of notes; asked once until the notes change. */
  all(): Promise<Exercise[]> {
    this.list ??= this.notes.request(ExamplesRequest, undefined).then((entries) => {
      const items = new Map(exerciseItemsOf(entries).map((item) => [item.exerciseId, item]));
      return entries.flatMap((entry) => entry.exercises
        .filter((ref) => items.get(ref.id)?.noteId === entry.note.id)
        .map((ref) => ({ ref, note: entry.note, files: exerciseFiles(entry.folder, ref), item: items.get(ref.id)! })));
    });
    return this.list;
  }

  async byId(exerciseId: string): Promise<Exercise | undefined> {
    return (await this.all()).find((exercise) => exercise.ref.id === exerciseId);
  }

  /** The exercises of a note, given by key, id or path. */
  async ofNote(target: string): Promise<Exercise[]> {
    return (await this.all()).filter(({ note }) => note.key === target || note.id === target || note.path === target);
  }

  /** The exercise whose learner's copy `file` is. */
  async forLearnerFile(file: string): Promise<Exercise | undefined> {
    const resolved = path.resolve(file);
    return (await this.all()).find((exercise) => this.learnerFile(exercise) === resolved);
  }

  /** The folder copies go to; undefined when no folder is open. */
  exercisesFolder(): string | undefined {
    const root = vscode.workspace.workspaceFolders?.find((folder) => folder.uri.scheme === 'file')?.uri.fsPath;
    if (!root) return undefined;
    const folder = vscode.workspace.getConfiguration('studyNotes.exercises').get<string>('folder', EXERCISES_FOLDER) || EXERCISES_FOLDER;
    return path.resolve(root, folder);
  }

  /** Where the learner's copy of `exercise` is (or goes); undefined when no folder is open. */
  learnerFile(exercise: Exercise): string | undefined {
    const folder = this.exercisesFolder();
    return folder ? learnerFile(folder, exercise.note.category, exercise.note.id, exercise.ref) : undefined;
  }

  dispose(): void {
    this.disposable.dispose();
  }
}
