// Runs in a VS Code that has NOT trusted its workspace: notes, examples and exercises work, running is blocked.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { StudyNotesApi } from '../../src/extension/api';
import { ResolveRequest } from '../../src/shared/protocol';
import type { RunReport } from '../../src/extension/snippets/snippetsFeature';

describe('in an untrusted workspace', function () {
  this.timeout(60_000);

  // This suite's VS Code starts fresh, so it also shows what opening a Python file costs: nothing.
  it('starts the notes server for a Python file only when a word in it is first hovered', async function () {
    const api = await vscode.extensions.getExtension<StudyNotesApi>('study-notes-team.study-notes')!.activate();
    const file = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'hover_first.py');
    fs.writeFileSync(file, 'import functools\nsquare = functools.partial(pow, exp=2)\n');
    const document = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(document);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.equal(api.notes.started, false, 'opening a Python file does not start the server');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(1, document.lineAt(1).text.indexOf('partial') + 2));
    const text = hovers.flatMap((hover) => hover.contents.map((part) => (typeof part === 'string' ? part : part.value))).join('\n');
    assert.equal(api.notes.started, true, 'the first hover started it');
    assert.match(text, /偏函数/, 'and that first hover already shows the concept');
  });

  it('still lists notes, but refuses to run an example', async function () {
    assert.equal(vscode.workspace.isTrusted, false, 'this suite needs an untrusted workspace');
    const api = await vscode.extensions.getExtension<StudyNotesApi>('study-notes-team.study-notes')!.activate();
    assert.ok(await api.notes.request(ResolveRequest, { target: 'decorator' }), 'notes load');
    const marker = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'ran.txt');
    const file = path.join(path.dirname(marker), 'would_run.py');
    fs.writeFileSync(file, `open(${JSON.stringify(marker)}, "w").write("ran")\n`);
    const report = await vscode.commands.executeCommand<RunReport | undefined>('studyNotes.runExample', vscode.Uri.file(file));
    assert.equal(report, undefined);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.equal(fs.existsSync(marker), false, 'the example must not have run');
  });

  it('starts an exercise, but refuses to run its tests', async function () {
    const copy = await vscode.commands.executeCommand<vscode.Uri>('studyNotes.startExercise', 'decorator-retry');
    assert.ok(copy && fs.existsSync(copy.fsPath), 'starting an exercise only copies a file');
    const marker = path.join(path.dirname(copy.fsPath), 'imported.txt');
    fs.writeFileSync(copy.fsPath, `open(${JSON.stringify(marker)}, "w").write("imported")\n`);
    const summaries = await vscode.commands.executeCommand<unknown>('studyNotes.runExerciseTests', copy);
    assert.equal(summaries, undefined);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.equal(fs.existsSync(marker), false, 'the learner\'s file must not have been imported');
  });
});
