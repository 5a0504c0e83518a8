// Every feature of the extension, registered through one contract (like Foam's features index): a
// feature gets the shared context and returns what to dispose, plus anything it exposes to tests.
import type * as vscode from 'vscode';
import type { ConceptMastery, ReviewEntry } from '../core/quiz';
import type { NotesClient } from './client/notesClient';
import { registerLanguageServerStart } from './client/serverStart';
import { registerExercises } from './exercises/exercisesFeature';
import { registerNotePanel } from './panel/notePanel';
import { registerQuiz } from './quiz/quizFeature';
import { registerSearchNotes } from './search/searchNotes';
import { registerSnippets } from './snippets/snippetsFeature';
import { registerTopicFiles } from './topics/topicFiles';
import { registerTopicTree } from './tree/topicTree';
import type { StudyNotesApi } from './api';

export interface StudyNotesContext {
  extension: vscode.ExtensionContext;
  notes: NotesClient;
  /** Quiz mastery per concept id; the quiz publishes it, the tree and hovers show it. */
  mastery: MasteryBoard;
  /** Passed exercises as reviews; the exercises feature records them, the quiz feature writes its log. */
  practice: PracticeLog;
}

export interface MasteryBoard {
  readonly current: ReadonlyMap<string, ConceptMastery>;
  readonly onDidChange: vscode.Event<ReadonlyMap<string, ConceptMastery>>;
  publish(mastery: ReadonlyMap<string, ConceptMastery>): void;
}

export interface PracticeLog {
  /** Appends a review to the log (resolves once it is written; at once when no quiz keeps a log). */
  record(entry: ReviewEntry): Promise<void>;
  /** The quiz feature's writer of the log. */
  attach(writer: (entry: ReviewEntry) => Promise<void>): vscode.Disposable;
}

export interface FeatureHandle extends vscode.Disposable {
  /** What the feature hands to integration tests (and other extensions). */
  api?: Partial<StudyNotesApi>;
}

export type Feature = (context: StudyNotesContext) => FeatureHandle;

export const features: readonly Feature[] = [
  registerLanguageServerStart,
  registerTopicTree,
  registerNotePanel,
  registerTopicFiles,
  registerSearchNotes,
  registerQuiz,
  registerSnippets,
  registerExercises,
];
