// Practice exercises in the real VS Code: Start Exercise copies the starter without ever overwriting
// the learner's copy, the Testing API runs the hidden tests and reports failures at their line,
// the reference solution passes, and the pass raises the concept's mastery.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { parseReviewLog, Rating } from '../../src/core/quiz';
import type { StudyNotesApi } from '../../src/extension/api';
import type { ExerciseRunSummary } from '../../src/extension/exercises/exerciseTests';
import { NoteRequest, type TreeNode } from '../../src/shared/protocol';
import { callBridge, hasBridge } from './bridge';

async function api(): Promise<StudyNotesApi> {
  return vscode.extensions.getExtension<StudyNotesApi>('study-notes-team.study-notes')!.activate();
}

/** The decorator note's folder, where the exercise's starter and solution are. */
async function noteFolder(): Promise<string> {
  const note = (await (await api()).notes.request(NoteRequest, { target: 'decorator' }))!;
  return path.dirname(note.note.path);
}

/** The concept's mastery as the topic tree shows it, 0 when it shows none. */
async function treeMastery(): Promise<number> {
  const { topics } = await api();
  const category = (await topics.getChildren()).find((node) => node.categoryId === 'python')!;
  const concept = (await topics.getChildren(category)).find((node: TreeNode) => node.note?.id === 'decorator')!;
  return Number(/(\d+)%/.exec(String(topics.getTreeItem(concept).description ?? ''))?.[1] ?? 0);
}

async function until<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('exercises', function () {
  this.timeout(120_000);
  const root = (): string => vscode.workspace.workspaceFolders![0].uri.fsPath;
  const learner = (): string => path.join(root(), 'study-exercises', 'python', 'decorator', 'decorator_retry_exercise.py');

  // Leave VS Code as this suite found it: no editors or notifications (the panel suites read the
  // active editor group's webviews), and an empty review log (the quiz suite reads it from its start).
  after(async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('notifications.clearAll');
    await (await api()).progress.reset();
  });

  it('starts an exercise by copying its starter, and never overwrites the learner\'s copy', async function () {
    const starter = fs.readFileSync(path.join(await noteFolder(), 'decorator_retry_exercise.py'), 'utf8');
    const created = await vscode.commands.executeCommand<vscode.Uri>('studyNotes.startExercise', 'decorator-retry');
    assert.equal(created.fsPath, learner());
    assert.equal(fs.readFileSync(learner(), 'utf8'), starter);
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, learner(), 'the copy is opened');

    fs.appendFileSync(learner(), '\n# my own work\n');
    const reopened = await vscode.commands.executeCommand<vscode.Uri>('studyNotes.startExercise', 'decorator-retry', 'open');
    assert.equal(reopened.fsPath, learner());
    assert.match(fs.readFileSync(learner(), 'utf8'), /# my own work/);

    await vscode.commands.executeCommand<vscode.Uri>('studyNotes.startExercise', 'decorator-retry', 'fresh');
    assert.equal(fs.readFileSync(learner(), 'utf8'), starter);
    const backup = path.join(path.dirname(learner()), 'decorator_retry_exercise.backup.py');
    assert.match(fs.readFileSync(backup, 'utf8'), /# my own work/, 'starting afresh keeps the old copy');
  });

  it('asks whether to reopen or start afresh when the exercise was started before', async function () {
    if (!hasBridge()) this.skip();
    fs.appendFileSync(learner(), '\n# still mine\n');
    const answered = vscode.commands.executeCommand<vscode.Uri>('studyNotes.startExercise', 'decorator-retry');
    await callBridge('quickInput', { title: 'already', timeoutMs: 10_000 });
    await callBridge('press', { keys: ['Enter'] });
    assert.equal((await answered).fsPath, learner());
    assert.match(fs.readFileSync(learner(), 'utf8'), /# still mine/, 'Open keeps the copy as it is');
    fs.writeFileSync(learner(), fs.readFileSync(learner(), 'utf8').replace('\n# still mine\n', ''));
  });

  it('lists the started exercise in the Testing API and reports the starter\'s failures at their line', async function () {
    const { exercises } = await api();
    await exercises.refresh();
    const item = exercises.controller.items.get('exercise:decorator-retry');
    assert.ok(item, 'the started exercise is a test item');
    assert.equal(item.uri?.fsPath, learner());
    assert.ok(item.children.size >= 3, 'its test cases are listed before the first run');

    const summaries = await exercises.run([item]);
    assert.ok(summaries, 'the tests ran');
    const [summary] = summaries;
    assert.equal(summary.passed, false);
    const failing = summary.tests.filter((test) => test.status === 'failed' || test.status === 'errored');
    assert.ok(failing.length > 0, JSON.stringify(summary.tests));
    const raiseLine = fs.readFileSync(learner(), 'utf8').split('\n').findIndex((line) => line.includes('raise NotImplementedError'));
    const message = failing[0].messages[0];
    assert.match(message.message, /NotImplementedError/);
    assert.equal(message.line, raiseLine, 'the failure points at the line in the learner\'s file');
  });

  it('reports every test passed once the reference solution is written, and the concept\'s mastery rises', async function () {
    const { progress } = await api();
    const before = await treeMastery();
    const solution = fs.readFileSync(path.join(await noteFolder(), 'decorator_retry_exercise_solution.py'), 'utf8');
    fs.writeFileSync(learner(), solution);
    const summaries = await vscode.commands.executeCommand<ExerciseRunSummary[]>('studyNotes.runExerciseTests', vscode.Uri.file(learner()));
    const [summary] = summaries;
    assert.equal(summary.passed, true, JSON.stringify(summary.tests));
    assert.ok(summary.tests.length >= 3);
    assert.ok(summary.tests.every((test) => test.status === 'passed'));

    const entry = await until(async () => parseReviewLog(fs.readFileSync(progress.logFile, 'utf8')).entries
      .find((candidate) => candidate.questionId === 'exercise:decorator-retry'), 'the pass in the review log');
    assert.deepEqual([entry.noteId, entry.grade], ['decorator', Rating.Good]);
    const after = await until(async () => {
      const mastery = await treeMastery();
      return mastery > before ? mastery : undefined;
    }, 'the mastery to rise');
    assert.ok(after > before, `mastery ${before}% → ${after}%`);

    await vscode.commands.executeCommand('studyNotes.runExerciseTests', vscode.Uri.file(learner()));
    const passes = parseReviewLog(fs.readFileSync(progress.logFile, 'utf8')).entries.filter((candidate) => candidate.questionId === 'exercise:decorator-retry');
    assert.equal(passes.length, 1, 'passing again is no new review');
  });

  it('stops tests that run past the time limit and names the test that was running', async function () {
    const config = vscode.workspace.getConfiguration('studyNotes.exercises');
    await config.update('timeLimitSeconds', 2, vscode.ConfigurationTarget.Workspace);
    const kept = fs.readFileSync(learner(), 'utf8');
    fs.writeFileSync(learner(), 'def retry(times, exceptions):\n    while True:\n        pass\n');
    try {
      const [summary] = await vscode.commands.executeCommand<ExerciseRunSummary[]>('studyNotes.runExerciseTests', vscode.Uri.file(learner()));
      assert.equal(summary.timedOut, true);
      assert.equal(summary.passed, false);
      const stopped = summary.tests.filter((test) => test.status === 'errored');
      assert.equal(stopped.length, 1, JSON.stringify(summary.tests));
      assert.match(stopped[0].messages[0].message, /time limit of 2 s/);
    } finally {
      fs.writeFileSync(learner(), kept);
      await config.update('timeLimitSeconds', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('shows one more hint each time, and the solution beside the copy after a failed run', async function () {
    assert.equal(await vscode.commands.executeCommand('studyNotes.showExerciseHint', 'decorator-retry'), 1);
    assert.equal(await vscode.commands.executeCommand('studyNotes.showExerciseHint', vscode.Uri.file(learner())), 2);
    // A run failed earlier in this attempt, so no confirmation is asked.
    assert.equal(await vscode.commands.executeCommand('studyNotes.showExerciseSolution', 'decorator-retry'), true);
    const tab = await until(async () => {
      const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      return input instanceof vscode.TabInputTextDiff ? input : undefined;
    }, 'the diff editor');
    assert.equal(tab.original.scheme, 'study-notes-solution');
    assert.equal(tab.modified.fsPath, learner());
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
