// Crash test, first VS Code: answers two questions of a quiz through the QuickPick, then reports its
// process id with the third question open, for the harness to kill the extension host mid-quiz.
import fs from 'node:fs';
import * as vscode from 'vscode';
import type { StudyNotesApi } from '../../src/extension/api';
import { callBridge } from '../integration/bridge';

export async function run(): Promise<void> {
  const resultsFile = process.env.STUDY_NOTES_RESULTS!;
  fs.writeFileSync(resultsFile, '');
  const report = (entry: object) => fs.appendFileSync(resultsFile, JSON.stringify(entry) + '\n');
  try {
    const api = await vscode.extensions.getExtension<StudyNotesApi>('study-notes-team.study-notes')!.activate();
    const questions = (await api.progress.state()).items.filter((item) => item.noteId === 'mvc').map((item) => item.question);
    void vscode.commands.executeCommand('studyNotes.startQuiz', { scope: { kind: 'concepts', noteIds: ['mvc'] }, dueOnly: false, count: 3 });
    for (const [i, question] of questions.slice(0, 2).entries()) {
      await callBridge('quickInput', { title: `${i + 1}` });
      await callBridge('press', { keys: [...Array<string>(question.answer as number).fill('ArrowDown'), 'Enter'] });
      await callBridge('quickInput', { title: '✔' });
      await callBridge('press', { keys: ['Enter'] });
    }
    await callBridge('quickInput', { title: '3' });
    report({ event: 'kill-me', pid: process.pid, answered: questions.slice(0, 2).map((question) => question.id), logFile: api.progress.logFile });
    // VS Code ends the extension host when run() returns: stay mid-quiz until the harness kills it.
    await new Promise(() => {});
  } catch (error) {
    report({ event: 'error', message: String((error as Error).stack ?? error) });
  }
}
