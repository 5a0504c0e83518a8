// A short quiz answered through the real QuickPick and InputBox, with the keyboard of the browser
// that shows this VS Code; then the review log, the due questions and the tree; then a progress
// folder shared by several machines.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { buildQueue, createReviewEntry, parseReviewLog, Rating, serializeReview } from '../../src/core/quiz';
import type { StudyNotesApi } from '../../src/extension/api';
import { NoteRequest, type TreeNode } from '../../src/shared/protocol';
import type { QuizResult } from '../../src/extension/quiz/quizSession';
import { callBridge, hasBridge, inWebview } from './bridge';

async function api(): Promise<StudyNotesApi> {
  return vscode.extensions.getExtension<StudyNotesApi>('study-notes-team.study-notes')!.activate();
}

const keys = (...pressed: string[]) => callBridge('press', { keys: pressed });
const waitForQuickInput = (title: string) => callBridge('quickInput', { title });

interface CardState {
  text: string;
  /** Syntax-coloured spans in the question's code. */
  coloured: number;
  /** Elements Markdown made: inline code, code blocks, bold. */
  formatted: number;
  grades: string[];
}

/** What the quiz card's page shows now. */
async function cardState(): Promise<CardState | undefined> {
  const [state] = await inWebview<CardState>(`({
    text: document.querySelector('.quiz-card').innerText,
    coloured: document.querySelectorAll('.card-question pre code.hljs [class^="hljs-"]').length,
    formatted: document.querySelectorAll('.quiz-card code, .quiz-card strong').length,
    grades: [...document.querySelectorAll('.card-grades:not([hidden]) .card-grade')].map((grade) => grade.innerText),
  })`, '.quiz-card');
  return state;
}

async function waitForCard(what: string, ready: (state: CardState) => boolean): Promise<CardState> {
  const until = Date.now() + 30_000;
  let state: CardState | undefined;
  while (Date.now() < until) {
    state = await cardState();
    if (state && ready(state)) return state;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the quiz card never showed ${what}; it showed: ${state?.text}`);
}

/** A key pressed on the card (its page's own keyboard handling). */
const cardKey = (key: string) => inWebview(`(window.dispatchEvent(new KeyboardEvent('keydown', { key: ${JSON.stringify(key)} })), true)`, '.quiz-card');

describe('quiz', function () {
  this.timeout(120_000);

  it('asks questions in the QuickPick, logs every answer and schedules the missed one first', async function () {
    if (!hasBridge()) this.skip();
    const { progress, topics, notes } = await api();
    const [single, output, trueFalse] = (await progress.state()).items.filter((item) => item.noteId === 'distributed-transaction').map((item) => item.question);
    assert.deepEqual([single.type, output.type, trueFalse.type], ['single', 'output', 'truefalse'], 'the fixture questions this test answers');

    const finished = vscode.commands.executeCommand<QuizResult>('studyNotes.startQuiz', { scope: { kind: 'concepts', noteIds: ['distributed-transaction'] }, dueOnly: false, count: 3 });
    // 1: the right choice.
    await waitForQuickInput('1');
    await keys(...Array<string>(single.answer as number).fill('ArrowDown'), 'Enter');
    await waitForQuickInput('✔');
    await keys('Enter');
    // 2: a wrong output, typed.
    await waitForQuickInput('2');
    await callBridge('type', { text: 'not what it prints' });
    await keys('Enter');
    await waitForQuickInput('✘');
    await keys('Enter');
    // 3: true/false, answered right.
    await waitForQuickInput('3');
    await keys(...(trueFalse.answer ? [] : ['ArrowDown']), 'Enter');
    await waitForQuickInput('✔');
    await keys('Enter');
    await waitForQuickInput('3');
    await keys('Escape');
    const result = await finished;
    assert.equal(result.asked, 3);
    assert.equal(result.correct, 2);
    const key = (await notes.request(NoteRequest, { target: 'distributed-transaction' }))!.note.key;
    assert.deepEqual(result.weakest, [{ noteKey: key, missed: 1 }]);

    const log = parseReviewLog(fs.readFileSync(progress.logFile, 'utf8'));
    assert.deepEqual(log.problems, []);
    assert.deepEqual(log.entries.map((entry) => [entry.questionId, entry.grade]), [[single.id, Rating.Good], [output.id, Rating.Again], [trueFalse.id, Rating.Good]]);

    // FSRS's first learning steps: a missed question comes back after 1 minute, a right one after 10.
    const { schedule, items } = await progress.state();
    const dueAt = (minutes: number): string[] => buildQueue(items, schedule, { now: new Date(Date.now() + minutes * 60_000), dueOnly: true, newPerDay: 0 }).map((queued) => queued.item.question.id);
    assert.deepEqual(dueAt(0), [], 'nothing is due the moment the quiz ends');
    assert.deepEqual(dueAt(5), [output.id], 'the missed question comes back alone, within minutes');
    assert.deepEqual([...dueAt(15)].sort(), [single.id, output.id, trueFalse.id].sort(), 'the right answers come back after their step');

    const category = (await topics.getChildren()).find((node: TreeNode) => node.categoryId === 'database')!;
    const concept = (await topics.getChildren(category)).find((node: TreeNode) => node.note?.id === 'distributed-transaction')!;
    assert.match(String(topics.getTreeItem(concept).description), /%/, 'the tree shows the concept\'s mastery');
  });

  it('ends cleanly on Escape, keeping the answers given so far', async function () {
    if (!hasBridge()) this.skip();
    const { progress } = await api();
    const before = fs.readFileSync(progress.logFile, 'utf8').split('\n').filter(Boolean).length;
    const question = (await progress.state()).items.find((item) => item.noteId === 'tcp-handshake')!.question;
    const finished = vscode.commands.executeCommand<QuizResult>('studyNotes.startQuiz', { scope: { kind: 'concepts', noteIds: ['tcp-handshake'] }, dueOnly: false, count: 3 });
    await waitForQuickInput('1');
    await keys(...Array<string>(question.answer as number).fill('ArrowDown'), 'Enter');
    await waitForQuickInput('✔');
    await keys('Escape');
    const result = await finished;
    assert.equal(result.cancelled, true);
    assert.equal(result.asked, 1);
    const after = fs.readFileSync(progress.logFile, 'utf8').split('\n').filter(Boolean);
    assert.equal(after.length, before + 1);
    assert.match(after[after.length - 1], new RegExp(`"questionId":"${question.id}"`));
  });

  it('merges every machine\'s log in the progress folder, and says in its own words when one cannot be read', async function () {
    const { progress } = await api();
    const ownLog = progress.logFile;
    const history = fs.readFileSync(ownLog, 'utf8');
    const item = (await progress.state()).items.find((candidate) => candidate.noteId === 'mvc')!;
    const question = item.question;
    const shared = fs.mkdtempSync(path.join(os.tmpdir(), 'study-notes-progress-'));
    const broken = fs.mkdtempSync(path.join(os.tmpdir(), 'study-notes-progress-'));
    const setProgressFolder = (folder: string | undefined) => new Promise<void>((resolve) => {
      const settings = vscode.workspace.getConfiguration('studyNotes.quiz');
      if (settings.inspect<string>('progressFolder')?.globalValue === folder) return resolve();
      // The extension's own listener was registered first, so it has run when this one runs.
      const listener = vscode.workspace.onDidChangeConfiguration((event) => {
        if (!event.affectsConfiguration('studyNotes.quiz.progressFolder')) return;
        listener.dispose();
        resolve();
      });
      void settings.update('progressFolder', folder, vscode.ConfigurationTarget.Global);
    });
    try {
      const elsewhere = createReviewEntry(item, Rating.Good, new Date(Date.now() - 86_400_000), 1000);
      fs.writeFileSync(path.join(shared, 'reviews-othermachine.jsonl'), serializeReview(elsewhere));
      await setProgressFolder(shared);
      assert.equal(path.dirname(progress.logFile), shared);
      assert.match(path.basename(progress.logFile), /^reviews-[\w-]+\.jsonl$/);
      const { schedule } = await progress.state();
      assert.equal(fs.readFileSync(progress.logFile, 'utf8'), history, 'this machine\'s progress was copied in');
      assert.equal(schedule.get(question.id)?.card.reps, 1, 'the other machine\'s answer counts');
      for (const { questionId } of parseReviewLog(history).entries) assert.ok(schedule.get(questionId), `${questionId} is still scheduled`);

      // A log that cannot be read (a folder in its place): our message, no failed command.
      fs.mkdirSync(path.join(broken, 'reviews-unreadable.jsonl'));
      await setProgressFolder(broken);
      await assert.rejects(progress.state(), /cannot read your quiz history .*reviews-unreadable\.jsonl/);
      assert.equal(await vscode.commands.executeCommand('studyNotes.reviewDue'), undefined);
    } finally {
      await setProgressFolder(undefined);
      fs.rmSync(shared, { recursive: true, force: true });
      fs.rmSync(broken, { recursive: true, force: true });
    }
    assert.equal(progress.logFile, ownLog);
  });

  it('shows the question as a rendered card with coloured code, then the verdict and the explanation; keys on the card go on and stop', async function () {
    if (!hasBridge()) this.skip();
    const { progress } = await api();
    const [first] = (await progress.state()).items.filter((item) => item.noteId === 'closure').map((item) => item.question);
    assert.equal(first.type, 'output', 'the fixture question this test answers');
    assert.ok(first.code, 'the question has code');
    const finished = vscode.commands.executeCommand<QuizResult>('studyNotes.startQuiz', { scope: { kind: 'concepts', noteIds: ['closure'] }, dueOnly: false, count: 3 });
    await waitForQuickInput('1');
    const asked = await waitForCard('the first question', (state) => state.text.includes(first.question.replace(/[`*]/g, '').slice(0, 8)));
    assert.ok(asked.coloured > 0, 'the code is highlighted');
    assert.doesNotMatch(asked.text, /\*\*|```/, 'no Markdown is left as text');

    await callBridge('type', { text: 'not what it prints' });
    await keys('Enter');
    const answered = await waitForCard('the verdict', (state) => state.text.includes('✘'));
    assert.ok(answered.formatted > asked.formatted, 'the right answer is rendered too (as a code block)');
    assert.doesNotMatch(answered.text, /\*\*|```/);
    assert.match(answered.text, /Read/, 'a link to the note');

    // Enter on the card goes on (the QuickPick goes away), Escape on the card stops.
    await cardKey('Enter');
    await waitForQuickInput('2');
    await waitForCard('the second question', (state) => state.text.includes('2 of 3') && !state.text.includes('✘'));
    await cardKey('Escape');
    const result = await finished;
    assert.deepEqual([result.asked, result.correct, result.cancelled], [1, 0, true]);
  });

  it('grades a recall question with the next interval of each grade, and counts the same due questions in the status bar and Review Due', async function () {
    if (!hasBridge()) this.skip();
    const { progress } = await api();
    const item = (await progress.state()).items.find((candidate) => candidate.noteId === 'coroutine' && candidate.question.type === 'recall')!;
    // Forgotten two minutes ago: its one-minute learning step is over, so it alone is due now.
    await progress.append(createReviewEntry(item, Rating.Again, new Date(Date.now() - 120_000), 1000));
    const { schedule, items } = await progress.state();
    const due = buildQueue(items, schedule, { now: new Date(), dueOnly: true, newPerDay: 0 }).map((queued) => queued.item.question.id);
    assert.ok(due.includes(item.question.id));
    const statusText = async () => (await callBridge<{ text: string | null }>('workbenchText', { selector: '.statusbar-item[id$="studyNotes.due"]' })).text ?? '';
    const until = Date.now() + 10_000;
    while (!(await statusText()).includes(`${due.length}`) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 200));
    assert.match(await statusText(), new RegExp(`\\b${due.length} due`), 'the status bar counts what Review Due will ask');

    const finished = vscode.commands.executeCommand<QuizResult>('studyNotes.reviewDue');
    await waitForQuickInput(`1 of ${due.length}`);
    await waitForCard('the recall question', (state) => state.text.includes(item.question.question.slice(0, 6)));
    await keys('Enter');
    const graded = await waitForCard('the grades', (state) => state.grades.length === 4);
    // Learning steps as ts-fsrs schedules them: Again in 1 minute, longer for each better grade.
    assert.match(graded.grades[0], /Again · 1 min/);
    assert.match(graded.grades[2], /Good · \d+(\.\d)? (min|h|d)/);
    await cardKey('3');
    await waitForCard('the next step', (state) => state.grades.length === 0 && /Enter/.test(state.text));
    await keys('Escape');
    const result = await finished;
    assert.equal(result.asked, 1);
    const log = parseReviewLog(fs.readFileSync(progress.logFile, 'utf8')).entries;
    assert.deepEqual([log[log.length - 1].questionId, log[log.length - 1].grade], [item.question.id, Rating.Good]);
  });

  it('draws "All concepts · 5 questions" from at least three concepts, each shown on the card', async function () {
    if (!hasBridge()) this.skip();
    const { progress } = await api();
    const { items } = await progress.state();
    const finished = vscode.commands.executeCommand<QuizResult>('studyNotes.startQuiz', { scope: { kind: 'all' }, dueOnly: false, count: 5 });
    const concepts: string[] = [];
    for (let position = 1; position <= 5; position++) {
      const shown = await waitForCard(`question ${position}`, (state) => state.text.includes(`${position} of 5`) && state.grades.length === 0 && !/Enter: /.test(state.text));
      const heading = shown.text.split('\n').find((line) => line.includes(`${position} of 5`))!;
      concepts.push(heading.slice(heading.lastIndexOf('·') + 1).trim());
      const item = items.find((candidate) => heading.endsWith(candidate.noteTitle) && shown.text.includes(candidate.question.question.replace(/[`*]/g, '').slice(0, 8)))!;
      assert.ok(item, `the card shows a known question: ${heading}`);
      // Answered on the card (any answer will do), or typed for an output question.
      switch (item.question.type) {
        case 'output':
          await waitForQuickInput(`${position} of 5`);
          await callBridge('type', { text: 'x' });
          await keys('Enter');
          break;
        case 'recall':
          await cardKey('Enter');
          await waitForCard('the grades', (state) => state.grades.length === 4);
          await cardKey('1');
          break;
        case 'multiple':
          await cardKey('1');
          await cardKey('Enter');
          break;
        default:
          await cardKey('1');
      }
      await waitForCard('the answer', (state) => /Enter: /.test(state.text));
      if (position < 5) await cardKey('Enter');
    }
    await cardKey('Enter');
    await waitForQuickInput('Score');
    await keys('Escape');
    const result = await finished;
    assert.equal(result.asked, 5);
    assert.ok(new Set(concepts).size >= 3, `five questions from ${new Set(concepts).size} concepts: ${concepts.join(', ')}`);
  });
});
