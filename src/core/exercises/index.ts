// Practice exercises: where their files go, running their hidden tests and reading the report, and
// the attempts that become reviews. The VS Code glue builds on these.
export { afterRun, MAX_ATTEMPT_MS, newAttempt, withHint, withSolution, type AttemptReview, type ExerciseAttempt } from './attempts';
export { backupName, EXERCISES_FOLDER, exerciseFiles, learnerFile, moduleName, type ExerciseFiles } from './exercisePaths';
export { EXERCISE_RUNNER, exerciseArguments, LOAD_ERROR_MARKER } from './runnerScript';
export { definitionsOf, importedNames, testCasesOf, testedDefinition, type TestCaseSource } from './testSource';
export {
  parseUnittestOutput, type ExerciseRunReport, type SourceLine, type TestFailure, type TestId, type TestOutcome, type TestStatus,
} from './unittestResults';
