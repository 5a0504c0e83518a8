// Quiz commands, the due-count status bar item, mastery in the topic tree, the progress view and
// the Anki export, all on top of the quiz core and the review log.
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { buildQueue, conceptMastery, exerciseItemsOf, exportAnkiTsv, progressStats, type ExerciseItem, type QuizScope } from '../../core/quiz';
import { ExamplesRequest, QuizItemsRequest, type TreeNode } from '../../shared/protocol';
import type { Feature } from '../features';
import { categoryLabel } from '../labels';
import { ProgressStore } from './progressStore';
import { progressHtml } from './progressView';
import { QUIZ_SHEET, QuizSheet, runQuiz, type QuizResult } from './quizSession';

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
  });
  const openNote = async (key: string): Promise<unknown> => vscode.commands.executeCommand('studyNotes.openNote', key);
  const sheet = new QuizSheet();
  const status = vscode.window.createStatusBarItem('studyNotes.due', vscode.StatusBarAlignment.Left, 10);
  status.name = vscode.l10n.t('Study Notes: Questions Due');
  status.command = 'studyNotes.reviewDue';
  let running = false;

  // Exercises count in mastery too (their passes are in the log); asked once until the notes change.
  let exerciseList: Promise<ExerciseItem[]> | undefined;
  const exercises = (): Promise<ExerciseItem[]> => (exerciseList ??= notes.request(ExamplesRequest, undefined).then(exerciseItemsOf));

  const newPerDay = (): number => vscode.workspace.getConfiguration('studyNotes.quiz').get<number>('newQuestionsPerDay', 20);

  async function refreshProgress(): Promise<void> {
    const { schedule, items } = await store.state();
    const now = new Date();
    const mastery = conceptMastery(items, schedule, now, await exercises());
    const due = [...mastery.values()].reduce((sum, concept) => sum + concept.due, 0);
    status.text = `$(mortar-board) ${vscode.l10n.t('{0} due', due)}`;
    status.tooltip = vscode.l10n.t('Study Notes: {0} quiz question(s) due for review. Click to review them.', due);
    status.show();
    board.publish(mastery);
  }

  async function start(request: QuizRequest): Promise<QuizResult | undefined> {
    if (running) {
      void vscode.window.showInformationMessage(vscode.l10n.t('A quiz is already running.'));
      return undefined;
    }
    const { schedule, items } = await store.state();
    const queue = buildQueue(items, schedule, { now: new Date(), scope: request.scope, dueOnly: request.dueOnly, count: request.count, newPerDay: newPerDay() });
    if (queue.length === 0) {
      void vscode.window.showInformationMessage(request.dueOnly
        ? vscode.l10n.t('Nothing is due for review. Well done!')
        : vscode.l10n.t('No questions to ask now: everything here is scheduled for later, and today\'s new questions are used up.'));
      return undefined;
    }
    running = true;
    try {
      const result = await runQuiz(queue, store, sheet, openNote);
      await closeSheet();
      if (result.asked > 0) void showResult(result);
      return result;
    } finally {
      running = false;
    }
  }

  async function showResult(result: QuizResult): Promise<void> {
    const { items } = await store.state();
    const titles = new Map(items.map((item) => [item.noteKey, item.noteTitle]));
    const minutes = Math.floor(result.durationMs / 60000);
    const seconds = Math.round((result.durationMs % 60000) / 1000);
    const title = vscode.l10n.t('Score {0}/{1} in {2}m {3}s', result.correct, result.asked, minutes, seconds);
    const weakest = result.weakest.map(({ noteKey, missed }) => ({
      label: `$(book) ${titles.get(noteKey) ?? noteKey}`,
      description: vscode.l10n.t('{0} missed', missed),
      noteKey,
    }));
    const picked = await vscode.window.showQuickPick(weakest, {
      title,
      placeHolder: weakest.length > 0 ? vscode.l10n.t('Your weakest concepts: pick one to read its note') : vscode.l10n.t('All correct. Press Escape to close.'),
    });
    if (picked) await openNote(picked.noteKey);
  }

  async function closeSheet(): Promise<void> {
    for (const group of vscode.window.tabGroups.all) {
      for (const tab of group.tabs) {
        if (tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === QUIZ_SHEET.toString()) await vscode.window.tabGroups.close(tab, true);
      }
    }
  }

  async function pickRequest(): Promise<QuizRequest | undefined> {
    const { items } = await store.state();
    const categories = [...new Set(items.map((item) => item.category))];
    const concepts = [...new Map(items.map((item) => [item.noteId, item])).values()];
    type ScopeItem = vscode.QuickPickItem & { request?: QuizRequest };
    const scopes: ScopeItem[] = [
      { label: `$(list-flat) ${vscode.l10n.t('All concepts')}`, request: { scope: { kind: 'all' }, dueOnly: false } },
      { label: `$(history) ${vscode.l10n.t('Only what is due')}`, request: { scope: { kind: 'all' }, dueOnly: true } },
      { label: vscode.l10n.t('Categories'), kind: vscode.QuickPickItemKind.Separator },
      ...categories.map((category) => ({ label: `$(folder-library) ${categoryLabel(category)}`, request: { scope: { kind: 'category', category } as QuizScope, dueOnly: false } })),
      { label: vscode.l10n.t('Concepts'), kind: vscode.QuickPickItemKind.Separator },
      ...concepts.map((item) => ({
        label: item.noteTitle, description: categoryLabel(item.category), request: { scope: { kind: 'concepts', noteIds: [item.noteId] } as QuizScope, dueOnly: false },
      })),
    ];
    const scope = await vscode.window.showQuickPick(scopes, { title: vscode.l10n.t('Start Quiz'), placeHolder: vscode.l10n.t('What to be quizzed on'), matchOnDescription: true });
    if (!scope?.request) return undefined;
    const counts = [5, 10, 20].map((count) => ({ label: vscode.l10n.t('{0} questions', count), count })).concat({ label: vscode.l10n.t('As many as there are'), count: 0 });
    const count = await vscode.window.showQuickPick(counts, { title: vscode.l10n.t('Start Quiz'), placeHolder: vscode.l10n.t('How many questions') });
    if (!count) return undefined;
    return { ...scope.request, count: count.count || undefined };
  }

  const disposable = vscode.Disposable.from(
    store,
    status,
    vscode.workspace.registerTextDocumentContentProvider(QUIZ_SHEET.scheme, sheet),
    store.onDidChange(() => void refreshProgress()),
    notes.onDidChangeNotes(() => { exerciseList = undefined; }),
    practice.attach((entry) => store.append(entry)),
    vscode.commands.registerCommand('studyNotes.startQuiz', async (request?: QuizRequest) => {
      const chosen = request ?? (await pickRequest());
      return chosen ? start(chosen) : undefined;
    }),
    vscode.commands.registerCommand('studyNotes.reviewDue', () => start({ scope: { kind: 'all' }, dueOnly: true })),
    // From the tree the argument is the tree node; from the panel and tests, a note key or id.
    vscode.commands.registerCommand('studyNotes.quizConcept', async (target?: string | TreeNode) => {
      const { items } = await store.state();
      const given = typeof target === 'string' ? target : target?.note?.key;
      const noteId = items.find((item) => item.noteKey === given || item.noteId === given)?.noteId;
      if (noteId) return start({ scope: { kind: 'concepts', noteIds: [noteId] }, dueOnly: false });
      return vscode.commands.executeCommand('studyNotes.startQuiz');
    }),
    vscode.commands.registerCommand('studyNotes.showProgress', async () => {
      const { schedule, items } = await store.state();
      const panel = vscode.window.createWebviewPanel('studyNotes.progress', vscode.l10n.t('Study Progress'), vscode.ViewColumn.Active, { enableScripts: false, localResourceRoots: [] });
      const now = new Date();
      const exerciseItems = await exercises();
      panel.webview.html = progressHtml(progressStats(items, schedule, { now }), conceptMastery(items, schedule, now, exerciseItems), items, exerciseItems, panel.webview.cspSource);
    }),
    vscode.commands.registerCommand('studyNotes.resetProgress', async () => {
      const reset = vscode.l10n.t('Reset Progress');
      const answer = await vscode.window.showWarningMessage(vscode.l10n.t('Start your quiz progress afresh? Your history is moved to a backup file, not deleted.'), { modal: true }, reset);
      if (answer !== reset) return;
      const backup = await store.reset();
      if (backup) void vscode.window.showInformationMessage(vscode.l10n.t('Quiz progress reset. The old history is kept in {0}.', backup));
    }),
    vscode.commands.registerCommand('studyNotes.exportAnki', async () => {
      const target = await vscode.window.showSaveDialog({ title: vscode.l10n.t('Export to Anki'), filters: { [vscode.l10n.t('Anki text file')]: ['txt'] }, defaultUri: vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? context.globalStorageUri, 'study-notes-anki.txt') });
      if (!target) return;
      const { items } = await store.state();
      try {
        await fs.writeFile(target.fsPath, exportAnkiTsv(items, { locale: notes.locale }), 'utf8');
        void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0} questions to {1}. In Anki: File → Import.', items.length, target.fsPath));
      } catch (error) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Could not write {0}: {1}', target.fsPath, (error as Error).message));
      }
    }),
  );
  // The due count needs the notes and the log: read them once start-up has settled, not in activate().
  const firstRefresh = setTimeout(() => void refreshProgress().catch(() => undefined), 1500);
  return Object.assign(vscode.Disposable.from(disposable, { dispose: () => clearTimeout(firstRefresh) }), { api: { progress: store } });
};
