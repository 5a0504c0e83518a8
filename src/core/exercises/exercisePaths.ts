// Where an exercise's files are: the starter, hidden tests and solution beside the note, and the
// learner's copy of the starter in `<exercises folder>/<category>/<concept>/`, under the starter's
// own name because the tests import it as a module by that name.
import path from 'node:path';
import type { ExerciseRef } from '../model';
import { conceptFolder } from '../snippets/examplePaths';

/** Folder of the workspace that receives the learner's copies. */
export const EXERCISES_FOLDER = 'study-exercises';

export interface ExerciseFiles {
  starter: string;
  tests: string;
  solution: string;
}

/** The exercise's three files in the note's folder. */
export function exerciseFiles(noteFolder: string, exercise: ExerciseRef): ExerciseFiles {
  return {
    starter: path.join(noteFolder, exercise.starter),
    tests: path.join(noteFolder, exercise.tests),
    solution: path.join(noteFolder, exercise.solution),
  };
}

/** The learner's copy: `<exercisesFolder>/<category>/<concept>/<starter>`. */
export function learnerFile(exercisesFolder: string, category: string, conceptId: string, exercise: ExerciseRef): string {
  return path.join(conceptFolder(exercisesFolder, category, conceptId), exercise.starter);
}

/** The module the tests import: the starter's name without `.py`. */
export function moduleName(exercise: ExerciseRef): string {
  return exercise.starter.replace(/\.py$/, '');
}

/**
 * The name a copy is kept under when the learner starts afresh (a free name is chosen from it).
 * The dot keeps it from being imported in place of the learner's module.
 */
export function backupName(exercise: ExerciseRef): string {
  return `${moduleName(exercise)}.backup.py`;
}
