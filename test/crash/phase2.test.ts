// Crash test, second VS Code on the same user data: the answers given before the extension host was
// killed are all in the review log and in the schedule.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import * as vscode from 'vscode';
import { parseReviewLog } from '../../src/core/quiz';
import type { StudyNotesApi } from '../../src/extension/api';

describe('after the extension host was killed mid-quiz', function () {
  it('keeps every question answered before the crash', async function () {
    const answered = (process.env.STUDY_NOTES_ANSWERED ?? '').split(',').filter(Boolean);
    assert.equal(answered.length, 2, 'the first VS Code answered two questions');
    const api = await vscode.extensions.getExtension<StudyNotesApi>('study-notes-team.study-notes')!.activate();
    const log = parseReviewLog(fs.readFileSync(api.progress.logFile, 'utf8'));
    assert.deepEqual(log.problems, []);
    assert.deepEqual(log.entries.map((entry) => entry.questionId), answered);
    const { schedule } = await api.progress.state();
    for (const id of answered) assert.ok(schedule.get(id), `${id} is scheduled`);
  });
});
