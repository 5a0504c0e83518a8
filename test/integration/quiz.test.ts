// A short quiz answered through the real QuickPick and InputBox, with the keyboard of the browser
// that shows this VS Code; then the review log, the due questions and the tree.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import * as vscode from 'vscode';
import { buildQueue, parseReviewLog, Rating } from '../../src/core/quiz';
import type { StudyNotesApi } from '../../src/extension/api';
import type { QuizResult } from '../../src/extension/quiz/quizSession';
import { NoteRequest, type TreeNode } from '../../src/shared/protocol';
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
    const { items } = await progress.state();
    const [single, output, trueFalse] = items.filter((item) => item.noteId === 'distributed-transaction').map((item) => item.question);
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

    const { schedule } = await progress.state();
    const soon = new Date(Date.now() + 5 * 60_000);
    const due = buildQueue(items, schedule, { now: soon, dueOnly: true, newPerDay: 0 }).map((queued) => queued.item.question.id);
    assert.deepEqual(due, [output.id], 'the missed question comes back first, within minutes');

    const category = (await topics.getChildren()).find((node) => node.categoryId === 'database')!;
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
});
