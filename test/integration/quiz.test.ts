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
import { callBridge, hasBridge } from './bridge';

async function api(): Promise<StudyNotesApi> {
  return vscode.extensions.getExtension<StudyNotesApi>('study-notes-team.study-notes')!.activate();
}

const keys = (...pressed: string[]) => callBridge('press', { keys: pressed });
const waitForQuickInput = (title: string) => callBridge('quickInput', { title });

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
});
