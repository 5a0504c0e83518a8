// What the extension hands to its integration tests (and to other extensions).
import type { NotesClient } from './client/notesClient';
import type { ExerciseTests } from './exercises/exerciseTests';
import type { NotePanel } from './panel/notePanel';
import type { ProgressStore } from './quiz/progressStore';
import type { TopicTreeProvider } from './tree/topicTree';

export interface StudyNotesApi {
  notes: NotesClient;
  topics: TopicTreeProvider;
  progress: ProgressStore;
  /** The exercises' test controller. */
  exercises: ExerciseTests;
  /** Opens a note (key, path or id) in the panel, at the section holding `line` when given. */
  openNote(target: string, line?: number, section?: string): Promise<NotePanel | undefined>;
  /** Milliseconds spent inside activate(), for the benchmark. */
  activationMs: number;
}
