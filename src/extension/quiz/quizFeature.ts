// Quiz commands, the due-count status bar item, mastery in the topic tree, the progress view and
// the Anki export, all on top of the quiz core and the review logs. Every due count and queue comes
// from the core's one definition of due (core/quiz/due.ts), so the status bar, the tree, Review Due,
// Start Quiz and Show Progress always agree.
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import {
  buildQueue, conceptMastery, emptyScopeReason, exerciseItemsOf, exportAnkiTsv, localDaysBetween, progressStats, quizScopes, scopeSummary,
  startOfLocalDay, type EmptyScope, type ExerciseItem, type QuizScope, type ScopeSummary,
} from '../../core/quiz';
import { ExamplesRequest, QuizItemsRequest, type TreeNode } from '../../shared/protocol';
import type { Feature } from '../features';
import { categoryLabel } from '../labels';
import { ProgressError, ProgressStore } from './progressStore';
import { describeDay, progressHtml } from './progressView';
import { QuizCard } from './quizCard';
import { runQuiz, type QuizResult } from './quizSession';

interface QuizRequest {
  scope: QuizScope;
  dueOnly: boolean;
  count?: number;
}

export const registerQuiz: Feature = ({ extension: context, notes, mastery: board, practice }) => {
  const store = new ProgressStore(context.globalStorageUri, {
    items: () => notes.request(QuizItemsRequest, undefined),
    onDidChange: notes.onDidChangeNotes,
    locale: notes.locale,
  }, vscode.env.machineId);
  const openNote = async (key: string, section?: string): Promise<unknown> => vscode.commands.executeCommand('studyNotes.openNote', key, section);
  const card = new QuizCard(context.extensionUri, notes.locale);
  const status = vscode.window.createStatusBarItem('studyNotes.due', vscode.StatusBarAlignment.Left, 10);
  status.name = vscode.l10n.t('Study Notes: Questions Due');
  status.command = 'studyNotes.reviewDue';
  let running = false;

  // Exercises count in mastery too (their passes are in the log); asked once until the notes change.
  let exerciseList: Promise<ExerciseItem[]> | undefined;
  const exercises = (): Promise<ExerciseItem[]> => (exerciseList ??= notes.request(ExamplesRequest, undefined).then(exerciseItemsOf));

  const newPerDay = (): number => vscode.workspace.getConfiguration('studyNotes.quiz').get<number>('newQuestionsPerDay', 20);

  let dayChange: NodeJS.Timeout | undefined;
  let refreshedAt = new Date();

  async function refreshProgress(): Promise<void> {
    // The count changes by itself when a learning step ends and at midnight (see due.ts): a timer to
    // the first of those keeps it right.
    const now = new Date();
    refreshedAt = now;
    clearTimeout(dayChange);
    const midnight = startOfLocalDay(now, 1).getTime() + 1000;
    dayChange = setTimeout(() => void refreshProgress(), midnight - now.getTime());
    let state;
    try {
      state = await store.state();
    } catch (error) {
      if (!(error instanceof ProgressError)) throw error;
      status.text = `$(warning) ${vscode.l10n.t('Quiz progress unavailable')}`;
      status.tooltip = error.message;
      status.show();
      return;
    }
    const { schedule, items } = state;
    const summary = scopeSummary(items, schedule, { kind: 'all' }, { now, newPerDay: newPerDay() });
    if (summary.nextDueAt && summary.nextDueAt.getTime() < midnight) {
      clearTimeout(dayChange);
      dayChange = setTimeout(() => void refreshProgress(), Math.max(1000, summary.nextDueAt.getTime() - now.getTime() + 500));
    }
    status.text = `$(mortar-board) ${vscode.l10n.t('{0} due', summary.due)}`;
    status.tooltip = [
      summary.due > 0
        ? vscode.l10n.t('Study Notes: {0} quiz question(s) due now. Click to review them.', summary.due)
        : vscode.l10n.t('Study Notes: no quiz question is due now.'),
      nextDueSentence(summary.nextDueAt, now),
    ].join(' ').trim();
    status.show();
    board.publish(conceptMastery(items, schedule, now, await exercises()));
  }

  /** Runs a command's work; when the progress cannot be read or written, shows our message instead of a failed command. */
  async function reportingProgressErrors<T>(work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof ProgressError)) throw error;
      void vscode.window.showErrorMessage(error.message);
      return undefined;
    }
  }

  async function start(request: QuizRequest): Promise<QuizResult | undefined> {
    if (running) {
      void vscode.window.showInformationMessage(vscode.l10n.t('A quiz is already running.'));
      return undefined;
    }
    running = true;
    try {
      return await reportingProgressErrors(async () => {
        const { schedule, items } = await store.state();
        const now = new Date();
        const empty = emptyScopeReason(scopeSummary(items, schedule, request.scope, { now, newPerDay: newPerDay() }), request.dueOnly);
        if (empty) {
          void vscode.window.showInformationMessage(emptyScopeMessage(empty, now));
          return undefined;
        }
        const queue = buildQueue(items, schedule, { now, scope: request.scope, dueOnly: request.dueOnly, count: request.count, newPerDay: newPerDay() });
        const result = await runQuiz(queue, { store, card, openNote });
        card.close();
        if (result.asked > 0) void showResult(result);
        return result;
      });
    } finally {
      running = false;
      // Also when an answer could not be saved and the quiz stopped.
      card.close();
    }
  }

  async function showResult(result: QuizResult): Promise<void> {
    const { items: questions } = await store.state();
    const titles = new Map(questions.map((item) => [item.noteKey, item.noteTitle]));
    const minutes = Math.floor(result.durationMs / 60000);
    const seconds = Math.round((result.durationMs % 60000) / 1000);
    const title = vscode.l10n.t('Score {0}/{1} in {2}m {3}s', result.correct, result.asked, minutes, seconds);
    const items = result.weakest.map(({ noteKey, missed }) => ({
      label: `$(book) ${titles.get(noteKey) ?? noteKey}`,
      description: vscode.l10n.t('{0} missed', missed),
      noteKey,
    }));
    const picked = await vscode.window.showQuickPick(items, {
      title,
      placeHolder: items.length > 0 ? vscode.l10n.t('Your weakest concepts: pick one to read its note') : vscode.l10n.t('All correct. Press Escape to close.'),
    });
    if (picked) await openNote(picked.noteKey);
  }

  /** The scopes that have questions, each with what it would ask today. */
  async function pickRequest(): Promise<QuizRequest | undefined> {
    const { schedule, items } = await store.state();
    const concept = new Map(items.map((item) => [item.noteId, item]));
    const [everything, ...scopes] = quizScopes(items, schedule, { now: new Date(), newPerDay: newPerDay() });
    if (everything.questions === 0) {
      void vscode.window.showInformationMessage(emptyScopeMessage({ reason: 'noQuestions' }, new Date()));
      return undefined;
    }
    const toAsk = (summary: ScopeSummary): string => (summary.due + summary.newToday === 0
      ? vscode.l10n.t('nothing to ask today')
      : vscode.l10n.t('{0} due · {1} new', summary.due, summary.newToday));
    type ScopeItem = vscode.QuickPickItem & { request?: QuizRequest };
    const scopeItem = (summary: ScopeSummary, label: string, detail?: string): ScopeItem => ({
      label, description: [detail, toAsk(summary)].filter(Boolean).join(' · '), request: { scope: summary.scope, dueOnly: false },
    });
    const categories: ScopeItem[] = [];
    const concepts: ScopeItem[] = [];
    for (const summary of scopes) {
      const { scope } = summary;
      if (scope.kind === 'category') categories.push(scopeItem(summary, `$(folder-library) ${categoryLabel(scope.category)}`));
      else if (scope.kind === 'concepts') {
        const item = concept.get(scope.noteIds[0]);
        concepts.push(scopeItem(summary, item?.noteTitle ?? scope.noteIds[0], item ? categoryLabel(item.category) : undefined));
      }
    }
    const picks: ScopeItem[] = [
      scopeItem(everything, `$(list-flat) ${vscode.l10n.t('All concepts')}`),
      { label: `$(history) ${vscode.l10n.t('Only what is due')}`, description: vscode.l10n.t('{0} due', everything.due), request: { scope: { kind: 'all' }, dueOnly: true } },
      { label: vscode.l10n.t('Categories'), kind: vscode.QuickPickItemKind.Separator },
      ...categories,
      { label: vscode.l10n.t('Concepts'), kind: vscode.QuickPickItemKind.Separator },
      ...concepts,
    ];
    const scope = await vscode.window.showQuickPick(picks, { title: vscode.l10n.t('Start Quiz'), placeHolder: vscode.l10n.t('What to be quizzed on'), matchOnDescription: true });
    if (!scope?.request) return undefined;
    const counts = [5, 10, 20].map((count) => ({ label: vscode.l10n.t('{0} questions', count), count })).concat({ label: vscode.l10n.t('As many as there are'), count: 0 });
    const count = await vscode.window.showQuickPick(counts, { title: vscode.l10n.t('Start Quiz'), placeHolder: vscode.l10n.t('How many questions') });
    if (!count) return undefined;
    return { ...scope.request, count: count.count || undefined };
  }

  const disposable = vscode.Disposable.from(
    store,
    status,
    card,
    store.onDidChange(() => void refreshProgress()),
    notes.onDidChangeNotes(() => { exerciseList = undefined; }),
    practice.attach((entry) => store.append(entry)),
    vscode.commands.registerCommand('studyNotes.startQuiz', async (request?: QuizRequest) => {
      const chosen = request ?? (await reportingProgressErrors(pickRequest));
      return chosen ? start(chosen) : undefined;
    }),
    vscode.commands.registerCommand('studyNotes.reviewDue', () => start({ scope: { kind: 'all' }, dueOnly: true })),
    // From the tree the argument is the tree node; from the panel and tests, a note key or id.
    vscode.commands.registerCommand('studyNotes.quizConcept', async (target?: string | TreeNode) => {
      const given = typeof target === 'string' ? target : target?.note?.key;
      const noteId = given === undefined ? undefined : (await store.state()).items.find((item) => item.noteKey === given || item.noteId === given)?.noteId;
      if (noteId) return start({ scope: { kind: 'concepts', noteIds: [noteId] }, dueOnly: false });
      return vscode.commands.executeCommand('studyNotes.startQuiz');
    }),
    vscode.commands.registerCommand('studyNotes.showProgress', () => reportingProgressErrors(async () => {
      const { schedule, items } = await store.state();
      const panel = vscode.window.createWebviewPanel('studyNotes.progress', vscode.l10n.t('Study Progress'), vscode.ViewColumn.Active, { enableScripts: false, localResourceRoots: [] });
      const now = new Date();
      const { due, nextDueAt: next } = scopeSummary(items, schedule, { kind: 'all' }, { now, newPerDay: newPerDay() });
      const exerciseItems = await exercises();
      panel.webview.html = progressHtml(progressStats(items, schedule, { now }), conceptMastery(items, schedule, now, exerciseItems), items, exerciseItems,
        panel.webview.cspSource, { dueNow: due, nextDue: next && describeDay(next, now) });
    })),
    vscode.commands.registerCommand('studyNotes.resetProgress', () => reportingProgressErrors(async () => {
      const reset = vscode.l10n.t('Reset Progress');
      const answer = await vscode.window.showWarningMessage(vscode.l10n.t('Start your quiz progress afresh? Your history is moved to a backup file, not deleted.'), { modal: true }, reset);
      if (answer !== reset) return;
      const backups = await store.reset();
      if (backups.length > 0) void vscode.window.showInformationMessage(vscode.l10n.t('Quiz progress reset. The old history is kept in {0}.', backups.join(', ')));
    })),
    vscode.commands.registerCommand('studyNotes.exportAnki', async () => {
      const target = await vscode.window.showSaveDialog({ title: vscode.l10n.t('Export to Anki'), filters: { [vscode.l10n.t('Anki text file')]: ['txt'] }, defaultUri: vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? context.globalStorageUri, 'study-notes-anki.txt') });
      if (!target) return;
      const progress = await reportingProgressErrors(() => store.state());
      if (!progress) return;
      const { items } = progress;
      try {
        await fs.writeFile(target.fsPath, exportAnkiTsv(items, { locale: notes.locale }), 'utf8');
        void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0} questions to {1}. In Anki: File → Import.', items.length, target.fsPath));
      } catch (error) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Could not write {0}: {1}', target.fsPath, (error as Error).message));
      }
    }),
  );
  // The due count needs the questions, which the notes server knows: it is shown once the server
  // runs (its first notice of ready notes refreshes the store), and never starts the server itself.
  // A computer asleep at midnight fires the day-change timer late; coming back to the window catches up.
  const dayCheck = vscode.window.onDidChangeWindowState((state) => {
    if (state.focused && notes.started && localDaysBetween(refreshedAt, new Date()) !== 0) void refreshProgress();
  });
  return Object.assign(vscode.Disposable.from(disposable, dayCheck, { dispose: () => clearTimeout(dayChange) }), { api: { progress: store } });
};

/** The sentence that says when the next question comes due; empty when none is scheduled. */
function nextDueSentence(nextDueAt: Date | undefined, now: Date): string {
  return nextDueAt ? vscode.l10n.t('The next question comes due {0}.', describeDay(nextDueAt, now)) : '';
}

/** Exactly why a quiz has nothing to ask, and when it will. */
function emptyScopeMessage(empty: EmptyScope, now: Date): string {
  switch (empty.reason) {
    case 'noQuestions':
      return vscode.l10n.t('There are no quiz questions here.');
    case 'nothingDue':
      return `${vscode.l10n.t('Nothing is due for review today. Well done!')} ${nextDueSentence(empty.nextDueAt, now)}`.trim();
    case 'allScheduled':
      return `${vscode.l10n.t('Nothing to ask here today: every question has been answered and none is due.')} ${nextDueSentence(empty.nextDueAt, now)}`.trim();
    case 'newLimitReached':
      return `${vscode.l10n.t('Nothing is due here, and today\'s new questions are used up ({0} new ones are waiting; the daily limit is the setting studyNotes.quiz.newQuestionsPerDay). New questions come again tomorrow.', empty.waiting)} ${nextDueSentence(empty.nextDueAt, now)}`.trim();
  }
}
