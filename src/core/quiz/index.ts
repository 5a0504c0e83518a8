// The quiz core as the extension uses it: review logs and their merged history, the schedule and its
// snapshot, the queue and scopes (both built on due.ts, the one definition of due), grading,
// mastery, statistics and Anki export. Nothing here touches files or VS Code; the glue reads and
// appends the logs and stores the snapshot.
export { Rating, State, type Card, type Grade } from 'ts-fsrs';
export { exportAnkiTsv, type AnkiExportOptions } from './anki';
export { localDaysBetween, roundInterval, startOfLocalDay, type IntervalUnit } from './days';
export {
  createExerciseReviewEntry, EXERCISE_REVIEW_PREFIX, exerciseGrade, exerciseItemsOf, exerciseReviewId, exerciseTextHash, isExerciseReview,
  type ExerciseHelp, type ExerciseItem, type ExerciseSource,
} from './exercises';
export { gradeAnswer, gradeForResult, gradesFor, normalizeOutput, type QuizAnswer } from './grading';
export { loadHistory, type HistoryProblem, type LoadedHistory, type ReviewLogFile } from './history';
export { quizItemsOf, type QuizItem } from './items';
export { conceptMastery, type ConceptMastery } from './mastery';
export { buildQueue, type QueueOptions, type QueuedQuestion, type QuizScope } from './queue';
export {
  createReviewEntry, parseReviewLog, questionTextHash, REVIEW_LOG_VERSION, serializeReview,
  type ParsedReviewLog, type ReviewEntry, type ReviewLogProblem,
} from './reviewLog';
export { QuizSchedule, type QuestionState, type ReplayedReview } from './schedule';
export { emptyScopeReason, quizScopes, scopeSummary, type EmptyScope, type ScopeSummary } from './scopes';
export { progressStats, type DayDue, type DayReviews, type ProgressStats, type StatsOptions } from './stats';
