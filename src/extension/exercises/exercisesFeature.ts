// Practice exercises: Start Exercise copies the starter into the workspace (never over the learner's
// work), the Testing view runs the hidden tests against it, hints come one at a time and stay in
// view, the solution opens beside the learner's copy only after a failed run or a confirmation,
// and a passed exercise is logged as a review of its concept.
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { afterRun, backupName, withHint, withSolution, type AttemptReview } from '../../core/exercises';
import { createExerciseReviewEntry, Rating } from '../../core/quiz';
import { existsOnDisk, freeFileNameAsync } from '../../core/snippets';
import { plainText } from '../../core/text';
import { NoteRequest, type TreeNode } from '../../shared/protocol';
import type { Feature } from '../features';
import { AttemptStore } from './attemptStore';
import { ExerciseCatalog, type Exercise } from './exerciseCatalog';
import { ExerciseTests, type ExerciseRunSummary } from './exerciseTests';
import { HintThreads } from './hintThreads';

const SOLUTION_SCHEME = 'study-notes-solution';

/** What the commands take: an exercise id (the note panel's buttons), a note key or id, a tree row, the learner's copy or its hints thread. */
type ExerciseTarget = string | TreeNode | vscode.Uri | vscode.CommentThread | undefined;

/** When the learner's copy exists: reopen it, or start afresh (the copy is kept as a backup). */
type StartChoice = 'open' | 'fresh';

export const registerExercises: Feature = ({ extension: context, notes, practice }) => {
  const catalog = new ExerciseCatalog(notes);
  const attempts = new AttemptStore(context.workspaceState);
  const hints = new HintThreads();
  const tests = new ExerciseTests({ catalog, locale: notes.locale, storage: context.globalStorageUri, serverStarted: () => notes.started, onDidRun });
  const lensesChanged = new vscode.EventEmitter<void>();

  /** Updates the attempt after a run; the first pass of an attempt is logged as a review of the concept. */
  async function onDidRun(exercise: Exercise, passed: boolean): Promise<void> {
    let review: AttemptReview | undefined;
    await attempts.update(exercise.ref.id, (attempt) => {
      const next = afterRun(attempt, passed, new Date());
      review = next.review;
      return next.attempt;
    });
    if (!passed) return;
    if (!review) {
      void vscode.window.showInformationMessage(vscode.l10n.t('✔ {0}: every test passes.', exercise.ref.title));
      return;
    }
    const testsSource = await fs.readFile(exercise.files.tests, 'utf8').catch(() => '');
    try {
      await practice.record(createExerciseReviewEntry(exercise.item, review.grade, new Date(), review.durationMs, testsSource));
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('✔ {0}: every test passes, but the pass could not be saved to your progress: {1}', exercise.ref.title, (error as Error).message));
      return;
    }
    const counted = review.grade === Rating.Good
      ? vscode.l10n.t('✔ {0}: every test passes. It counts as practice of {1} (Good: solved on your own).', exercise.ref.title, exercise.note.title)
      : review.grade === Rating.Hard
        ? vscode.l10n.t('✔ {0}: every test passes. It counts as practice of {1} (Hard: solved with hints).', exercise.ref.title, exercise.note.title)
        : vscode.l10n.t('✔ {0}: every test passes. It counts as practice of {1} (Again: solved after seeing the solution).', exercise.ref.title, exercise.note.title);
    void vscode.window.showInformationMessage(counted);
  }

  /** The exercise a command was given, else the one whose copy is in the active editor, else the learner's pick. */
  async function resolveExercise(target: ExerciseTarget, title: string): Promise<Exercise | undefined> {
    if (typeof target === 'string') {
      const exercise = await catalog.byId(target);
      if (exercise) return exercise;
      const ofNote = await catalog.ofNote(target);
      if (ofNote.length === 0) void vscode.window.showInformationMessage(vscode.l10n.t('No exercise "{0}" was found.', target));
      return pickExercise(ofNote, title);
    }
    if (target instanceof vscode.Uri) return catalog.forLearnerFile(target.fsPath);
    if (target && 'comments' in target) return catalog.forLearnerFile(target.uri.fsPath);
    if (target?.note) return pickExercise(await catalog.ofNote(target.note.key), title);
    const active = vscode.window.activeTextEditor?.document.uri;
    const current = active?.scheme === 'file' ? await catalog.forLearnerFile(active.fsPath) : undefined;
    return current ?? pickExercise(await catalog.all(), title);
  }

  async function pickExercise(candidates: readonly Exercise[], title: string): Promise<Exercise | undefined> {
    if (candidates.length <= 1) return candidates[0];
    const picked = await vscode.window.showQuickPick(candidates.map((exercise) => {
      const attempt = attempts.get(exercise.ref.id);
      const state = attempt?.passedAt ? `$(pass) ${vscode.l10n.t('passed')}` : attempt ? `$(edit) ${vscode.l10n.t('started')}` : '';
      return { label: exercise.ref.title, description: [exercise.note.title, state].filter(Boolean).join(' · '), detail: exercise.ref.titleEn, exercise };
    }), { title, placeHolder: vscode.l10n.t('Which exercise?'), matchOnDescription: true, matchOnDetail: true });
    return picked?.exercise;
  }

  async function startExercise(target?: ExerciseTarget, choice?: StartChoice): Promise<vscode.Uri | undefined> {
    const exercise = await resolveExercise(target, vscode.l10n.t('Start Exercise'));
    if (!exercise) return undefined;
    const file = catalog.learnerFile(exercise);
    if (!file) {
      const open = vscode.l10n.t('Open Folder');
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder first: exercises are copied into it, where the tests can run them.'), open).then((answer) => {
        if (answer === open) void vscode.commands.executeCommand('workbench.action.files.openFolder');
      });
      return undefined;
    }
    const uri = vscode.Uri.file(file);
    if (await existsOnDisk(file)) {
      const answer = choice ?? (await askOpenOrFresh(exercise, file));
      if (!answer) return undefined;
      if (answer === 'fresh' && !(await startFresh(exercise, file, choice === undefined))) return undefined;
    } else {
      try {
        await fs.mkdir(path.dirname(file), { recursive: true });
        // `wx`: fail rather than overwrite, even if the file appeared since it was looked for.
        await fs.writeFile(file, await fs.readFile(exercise.files.starter, 'utf8'), { encoding: 'utf8', flag: 'wx' });
      } catch (error) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Could not create {0}: {1}', file, (error as Error).message));
        return undefined;
      }
      await attempts.start(exercise.ref.id);
    }
    await tests.refresh();
    await vscode.window.showTextDocument(uri, { preview: false });
    showHints(exercise, false);
    return uri;
  }

  async function askOpenOrFresh(exercise: Exercise, file: string): Promise<StartChoice | undefined> {
    const relative = vscode.workspace.asRelativePath(file);
    const picked = await vscode.window.showQuickPick<vscode.QuickPickItem & { choice: StartChoice }>([
      { label: `$(go-to-file) ${vscode.l10n.t('Open')}`, detail: vscode.l10n.t('Go on where you left off, in {0}', relative), choice: 'open' },
      { label: `$(discard) ${vscode.l10n.t('Start Fresh')}`, detail: vscode.l10n.t('Keep your copy as {0} and begin again from the starter', backupName(exercise.ref)), choice: 'fresh' },
    ], { title: vscode.l10n.t('You have started "{0}" already', exercise.ref.title) });
    return picked?.choice;
  }

  /** Backs the learner's copy up under a free name, then copies the starter in its place; asks first when `confirm`. */
  async function startFresh(exercise: Exercise, file: string, confirm: boolean): Promise<boolean> {
    const dir = path.dirname(file);
    if (confirm) {
      const fresh = vscode.l10n.t('Start Fresh');
      const answer = await vscode.window.showWarningMessage(
        vscode.l10n.t('Start "{0}" afresh? Your copy is kept as {1} beside it, and the starter is copied in its place.', exercise.ref.title, backupName(exercise.ref)),
        { modal: true }, fresh);
      if (answer !== fresh) return false;
    }
    const open = vscode.workspace.textDocuments.find((document) => document.uri.fsPath === file);
    if (open?.isDirty) await open.save();
    try {
      const backup = path.join(dir, await freeFileNameAsync(dir, backupName(exercise.ref)));
      // COPYFILE_EXCL: the backup never replaces another file; only then is the copy replaced.
      await fs.copyFile(file, backup, constants.COPYFILE_EXCL);
      await fs.writeFile(file, await fs.readFile(exercise.files.starter, 'utf8'), 'utf8');
      void vscode.window.showInformationMessage(vscode.l10n.t('Started afresh. Your previous copy is kept as {0}.', path.basename(backup)));
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not start afresh: {0}', (error as Error).message));
      return false;
    }
    await attempts.start(exercise.ref.id);
    hints.clear(vscode.Uri.file(file));
    return true;
  }

  /** Shows the attempt's hints in the learner's copy, when it exists. */
  function showHints(exercise: Exercise, expand: boolean): void {
    const file = catalog.learnerFile(exercise);
    const all = exercise.ref.hints ?? [];
    const shown = attempts.get(exercise.ref.id)?.hintsShown ?? 0;
    if (file && shown > 0) hints.show(vscode.Uri.file(file), all.slice(0, shown), all.length, expand);
  }

  /** One more hint each time (the last one stays); answers how many have been shown. */
  async function showHint(target?: ExerciseTarget): Promise<number | undefined> {
    const exercise = await resolveExercise(target, vscode.l10n.t('Show Hint'));
    if (!exercise) return undefined;
    const all = exercise.ref.hints ?? [];
    if (all.length === 0) {
      const read = vscode.l10n.t('Read the Task');
      void vscode.window.showInformationMessage(vscode.l10n.t('"{0}" has no hints. The section "{1}" of the note states the task.', exercise.ref.title, exercise.ref.ref), read).then((answer) => {
        if (answer === read) void openTask(exercise);
      });
      return 0;
    }
    const { hintsShown } = await attempts.update(exercise.ref.id, (attempt) => withHint(attempt, all.length));
    showHints(exercise, true);
    const hint = all[hintsShown - 1];
    const last = hintsShown === all.length;
    const next = vscode.l10n.t('Next Hint');
    const solution = vscode.l10n.t('Show Solution');
    void vscode.window.showInformationMessage(
      last ? vscode.l10n.t('Last hint ({0} of {1}): {2}', hintsShown, all.length, hint) : vscode.l10n.t('Hint {0} of {1}: {2}', hintsShown, all.length, hint),
      last ? solution : next).then((answer) => {
      if (answer === next) void showHint(exercise.ref.id);
      if (answer === solution) void showSolution(exercise.ref.id);
    });
    return hintsShown;
  }

  /** The reference solution beside the learner's copy, read-only; asks first unless a run has failed. */
  async function showSolution(target?: ExerciseTarget): Promise<boolean> {
    const exercise = await resolveExercise(target, vscode.l10n.t('Show Solution'));
    if (!exercise) return false;
    if (!attempts.get(exercise.ref.id)?.failedRun) {
      const show = vscode.l10n.t('Show Solution');
      const answer = await vscode.window.showWarningMessage(
        vscode.l10n.t('See the solution of "{0}" before your tests have failed even once? A run or a hint may be all you need. Once you have seen it, passing the exercise counts as Again.', exercise.ref.title),
        { modal: true }, show);
      if (answer !== show) return false;
    }
    await attempts.update(exercise.ref.id, withSolution);
    const solution = vscode.Uri.from({ scheme: SOLUTION_SCHEME, path: `/${exercise.ref.id}/${exercise.ref.solution}` });
    const file = catalog.learnerFile(exercise);
    const options: vscode.TextDocumentShowOptions = { viewColumn: vscode.ViewColumn.Beside, preview: false };
    if (file && (await existsOnDisk(file))) {
      await vscode.commands.executeCommand('vscode.diff', solution, vscode.Uri.file(file), vscode.l10n.t('Reference solution ↔ {0}', path.basename(file)), options);
    } else {
      await vscode.window.showTextDocument(solution, options);
    }
    return true;
  }

  async function runTests(target?: ExerciseTarget): Promise<ExerciseRunSummary[] | undefined> {
    const exercise = await resolveExercise(target, vscode.l10n.t('Run Exercise Tests'));
    if (!exercise) return undefined;
    const item = await tests.itemFor(exercise);
    if (!item) {
      const start = vscode.l10n.t('Start Exercise');
      void vscode.window.showInformationMessage(vscode.l10n.t('"{0}" is not started yet: Start Exercise copies its starter into your workspace first.', exercise.ref.title), start).then((answer) => {
        if (answer === start) void startExercise(exercise.ref.id);
      });
      return undefined;
    }
    return tests.run([item]);
  }

  /** Opens the note at the section that states the task. */
  async function openTask(exercise: Exercise): Promise<void> {
    const content = await notes.request(NoteRequest, { target: exercise.note.key });
    const index = content?.text.split('\n').findIndex((line) => {
      const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
      return heading !== null && plainText(heading[1]) === plainText(exercise.ref.ref);
    }) ?? -1;
    await vscode.commands.executeCommand('studyNotes.openNote', exercise.note.key, index >= 0 ? content!.firstLine + index : undefined);
  }

  /** Whether `file` could be a learner's copy, by its path alone (no need to ask the server). */
  const inExercisesFolder = (file: string): boolean => {
    const folder = catalog.exercisesFolder();
    return folder !== undefined && file.endsWith('.py') && file.startsWith(folder + path.sep);
  };

  const codeLenses: vscode.CodeLensProvider = {
    onDidChangeCodeLenses: lensesChanged.event,
    async provideCodeLenses(document) {
      if (!inExercisesFolder(document.uri.fsPath)) return [];
      const exercise = await catalog.forLearnerFile(document.uri.fsPath);
      if (!exercise) return [];
      const top = new vscode.Range(0, 0, 0, 0);
      const total = exercise.ref.hints?.length ?? 0;
      const shown = attempts.get(exercise.ref.id)?.hintsShown ?? 0;
      const lens = (title: string, command: string, tooltip: string, args: unknown[] = [document.uri]): vscode.CodeLens =>
        new vscode.CodeLens(top, { title, command, tooltip, arguments: args });
      return [
        lens(`$(beaker) ${vscode.l10n.t('Run Tests')}`, 'studyNotes.runExerciseTests', vscode.l10n.t('Run the hidden tests against this file')),
        ...(total > 0 ? [lens(`$(lightbulb) ${vscode.l10n.t('Hint ({0}/{1})', shown, total)}`, 'studyNotes.showExerciseHint', vscode.l10n.t('One more hint each time'))] : []),
        lens(`$(eye) ${vscode.l10n.t('Show Solution')}`, 'studyNotes.showExerciseSolution', vscode.l10n.t('Opens the reference solution beside your file; passing afterwards counts as Again')),
        lens(`$(book) ${vscode.l10n.t('Read the Task')}`, 'studyNotes.openExerciseTask', vscode.l10n.t('Opens the note at the section that states the task')),
      ];
    },
  };

  /** Puts back the hints of copies opened in an editor (the threads do not outlive a window). */
  const restoreHints = async (document: vscode.TextDocument): Promise<void> => {
    if (document.uri.scheme !== 'file' || !inExercisesFolder(document.uri.fsPath)) return;
    const exercise = await catalog.forLearnerFile(document.uri.fsPath);
    if (exercise) showHints(exercise, false);
  };

  let watcher: vscode.Disposable | undefined;
  /** Copies made or deleted outside the commands (by hand, by git) change the Testing view. */
  const watchCopies = (): void => {
    watcher?.dispose();
    const folder = catalog.exercisesFolder();
    if (!folder) return;
    const files = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(folder), '**/*.py'), false, true, false);
    const changed = (): void => {
      tests.changed();
      lensesChanged.fire();
    };
    watcher = vscode.Disposable.from(files, files.onDidCreate(changed), files.onDidDelete(changed));
  };
  watchCopies();
  for (const document of vscode.workspace.textDocuments) void restoreHints(document);

  const disposable = vscode.Disposable.from(
    catalog, attempts, hints, tests, lensesChanged,
    { dispose: () => watcher?.dispose() },
    attempts.onDidChange(() => lensesChanged.fire()),
    notes.onDidChangeNotes(() => tests.notesChanged()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration('studyNotes.exercises.folder')) return;
      watchCopies();
      tests.changed();
      lensesChanged.fire();
    }),
    vscode.workspace.onDidOpenTextDocument((document) => void restoreHints(document)),
    // An edited copy makes its last results stale.
    vscode.workspace.onDidSaveTextDocument(async (document) => {
      if (!inExercisesFolder(document.uri.fsPath)) return;
      const exercise = await catalog.forLearnerFile(document.uri.fsPath);
      const item = exercise && (await tests.itemFor(exercise));
      if (item) tests.controller.invalidateTestResults(item);
    }),
    vscode.workspace.registerTextDocumentContentProvider(SOLUTION_SCHEME, {
      async provideTextDocumentContent(uri) {
        const exercise = await catalog.byId(uri.path.split('/')[1]);
        return exercise ? fs.readFile(exercise.files.solution, 'utf8').catch(() => '') : '';
      },
    }),
    vscode.languages.registerCodeLensProvider({ language: 'python', scheme: 'file' }, codeLenses),
    vscode.commands.registerCommand('studyNotes.startExercise', startExercise),
    vscode.commands.registerCommand('studyNotes.showExerciseHint', showHint),
    vscode.commands.registerCommand('studyNotes.showExerciseSolution', showSolution),
    vscode.commands.registerCommand('studyNotes.runExerciseTests', runTests),
    vscode.commands.registerCommand('studyNotes.openExerciseTask', async (target?: ExerciseTarget) => {
      const exercise = await resolveExercise(target, vscode.l10n.t('Read the Task'));
      if (exercise) await openTask(exercise);
    }),
  );
  return Object.assign(disposable, { api: { exercises: tests } });
};
