// Runnable examples in the real VS Code: insert at the cursor, create files that never overwrite,
// and run examples of different kinds against their expected output.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { exampleFiles, toPlainText } from '../../src/core/snippets';
import type { StudyNotesApi } from '../../src/extension/api';
import type { RunReport } from '../../src/extension/snippets/snippetsFeature';
import { NoteRequest } from '../../src/shared/protocol';
import { callBridge, hasBridge } from './bridge';

async function api(): Promise<StudyNotesApi> {
  return vscode.extensions.getExtension<StudyNotesApi>('study-notes-team.study-notes')!.activate();
}

async function exampleCode(noteId: string, file: string): Promise<string> {
  const note = (await (await api()).notes.request(NoteRequest, { target: noteId }))!;
  const example = note.examples.find((candidate) => candidate.file === file)!;
  return fs.readFileSync(exampleFiles(path.dirname(note.note.path), example).code, 'utf8');
}

/**
 * Runs a command that asks for one of a concept's examples, and picks `file` by typing its name.
 * A QuickPick closes when focus moves (an editor closing as the previous test ends, say): when it
 * closed before it could be answered, the command is asked again.
 */
async function withExamplePicked<T>(command: string, noteId: string, file: string): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const done = vscode.commands.executeCommand<T>(command, noteId);
    try {
      await callBridge('quickInput', { title: 'Examples of', timeoutMs: 10_000 });
    } catch (error) {
      if (attempt < 3 && (await done) === undefined) continue;
      throw error;
    }
    await callBridge('type', { text: file });
    await callBridge('press', { keys: ['Enter'] });
    return done;
  }
}

describe('runnable examples', function () {
  this.timeout(120_000);
  const root = (): string => vscode.workspace.workspaceFolders![0].uri.fsPath;

  before(function () {
    if (!hasBridge()) this.skip();
  });

  it('inserts exactly the example at the cursor, and one undo removes it', async function () {
    const document = await vscode.workspace.openTextDocument({ language: 'python', content: '' });
    await vscode.window.showTextDocument(document);
    // Let the editor take focus before the QuickPick opens, so keys reach the QuickPick.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await withExamplePicked('studyNotes.insertExample', 'decorator', 'decorator_log_calls.py');
    assert.equal(document.getText(), await exampleCode('decorator', 'decorator_log_calls.py'));
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), '');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('re-indents the example to the cursor\'s indentation', async function () {
    const document = await vscode.workspace.openTextDocument({ language: 'python', content: 'def lesson():\n    \n' });
    const editor = await vscode.window.showTextDocument(document);
    editor.options = { insertSpaces: true, tabSize: 4 };
    editor.selection = new vscode.Selection(1, 4, 1, 4);
    await vscode.commands.executeCommand('studyNotes.insertExample', 'closure', 'closure_cells.py');
    const code = await exampleCode('closure', 'closure_cells.py');
    assert.equal(document.getText(), `def lesson():\n    ${toPlainText(code, { indent: '    ', eol: '\n', insertSpaces: true, tabSize: 4 })}\n`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('creates example files without ever overwriting one', async function () {
    const folder = path.join(root(), 'study-examples', 'python', 'partial-function');
    fs.mkdirSync(folder, { recursive: true });
    const mine = path.join(folder, 'partial_basics.py');
    fs.writeFileSync(mine, '# my own work\n');
    const first = await vscode.commands.executeCommand<vscode.Uri>('studyNotes.createRunnableExample', 'partial-function', 'partial_basics.py');
    const second = await vscode.commands.executeCommand<vscode.Uri>('studyNotes.createRunnableExample', 'partial-function', 'partial_basics.py');
    assert.equal(fs.readFileSync(mine, 'utf8'), '# my own work\n');
    assert.deepEqual([path.basename(first.fsPath), path.basename(second.fsPath)], ['partial_basics_2.py', 'partial_basics_3.py']);
    const code = await exampleCode('partial-function', 'partial_basics.py');
    assert.equal(fs.readFileSync(first.fsPath, 'utf8'), code);
    assert.equal(fs.readFileSync(second.fsPath, 'utf8'), code);
  });

  for (const [noteId, file, kind] of [
    ['decorator', 'decorator_log_calls.py', 'plain'],
    ['multiprocessing', 'multiprocessing_basics.py', 'processes'],
    ['get-post', 'get_post_server.py', 'a 127.0.0.1 server'],
  ]) {
    it(`runs an example (${kind}) and finds its output as expected`, async function () {
      const created = await vscode.commands.executeCommand<vscode.Uri>('studyNotes.createRunnableExample', noteId, file);
      const report = await vscode.commands.executeCommand<RunReport>('studyNotes.runExample', created);
      assert.ok(report, 'the example ran');
      assert.equal(report.result.exitCode, 0, report.result.output.text);
      assert.equal(report.matches, true, report.result.output.text);
    });
  }

  it('reports an output that differs from the expected one', async function () {
    const created = await vscode.commands.executeCommand<vscode.Uri>('studyNotes.createRunnableExample', 'decorator', 'decorator_log_calls.py');
    fs.appendFileSync(created.fsPath, '\nprint("one more line")\n');
    const report = await vscode.commands.executeCommand<RunReport>('studyNotes.runExample', created);
    assert.equal(report.result.exitCode, 0);
    assert.equal(report.matches, false);
  });

  it('compares a file holding an example\'s code (not a copy) with that example, and gives no verdict for other files', async function () {
    const code = await exampleCode('decorator', 'decorator_log_calls.py');
    const demo = path.join(root(), 'demo.py');
    // As if inserted into an empty demo.py: blank lines around it and trailing blanks on its lines.
    fs.writeFileSync(demo, `\n\n${code.replace(/\n/g, '  \n')}\n\n`);
    const recognized = await vscode.commands.executeCommand<RunReport>('studyNotes.runExample', vscode.Uri.file(demo));
    assert.equal(recognized.matches, true, recognized.result.output.text);
    assert.equal(recognized.comparedWith, 'decorator_log_calls.py');
    const other = path.join(root(), 'other.py');
    fs.writeFileSync(other, 'print("hello")\n');
    const unknown = await vscode.commands.executeCommand<RunReport>('studyNotes.runExample', vscode.Uri.file(other));
    assert.equal(unknown.result.exitCode, 0);
    assert.equal(unknown.matches, undefined);
    assert.equal(unknown.comparedWith, undefined);
  });

  it('stops an example that runs past the time limit', async function () {
    const file = path.join(root(), 'study-examples', 'slow_example.py');
    fs.writeFileSync(file, 'import time\nprint("start", flush=True)\ntime.sleep(60)\n');
    const config = vscode.workspace.getConfiguration('studyNotes.examples');
    await config.update('timeLimitSeconds', 2, vscode.ConfigurationTarget.Workspace);
    try {
      const report = await vscode.commands.executeCommand<RunReport>('studyNotes.runExample', vscode.Uri.file(file));
      assert.equal(report.result.timedOut, true);
      assert.match(report.result.output.text, /start/);
    } finally {
      await config.update('timeLimitSeconds', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
