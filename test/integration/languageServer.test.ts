// The notes language server, started by the extension inside the real VS Code.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';

async function until<T>(check: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('language server', function () {
  this.timeout(90_000);
  const root = (): string => vscode.workspace.workspaceFolders![0].uri.fsPath;

  it('underlines a related id that points nowhere, at the id itself', async function () {
    const file = path.join(root(), 'notes', 'my-topics', 'dangling.md');
    fs.writeFileSync(file, '---\nid: dangling-demo\ntitle: Dangling\nrelated: [closure, no-such-note]\n---\n# Dangling\n');
    const document = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(document);
    const ours = (): vscode.Diagnostic[] | undefined => {
      const found = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'study-notes');
      return found.length > 0 ? found : undefined;
    };
    // The first note opened also starts the server and its index of every note: give that time,
    // then an edit asks again in case the open arrived while it was starting.
    const diagnostics = await until(ours, 'diagnostics after opening', 40_000).catch(async () => {
      const edit = new vscode.WorkspaceEdit();
      edit.insert(document.uri, new vscode.Position(document.lineCount, 0), '\n');
      await vscode.workspace.applyEdit(edit);
      return until(ours, 'diagnostics after an edit', 40_000);
    });
    const dangling = diagnostics.find((d) => d.message.includes('no-such-note'));
    assert.ok(dangling, diagnostics.map((d) => d.message).join('\n'));
    assert.equal(document.getText(dangling.range), 'no-such-note');
    assert.ok(!diagnostics.some((d) => d.message.includes('"closure"')), 'an existing id is not reported');
  });

  it('explains a word a concept covers when hovering it in Python code', async function () {
    const file = path.join(root(), 'concept_demo.py');
    fs.writeFileSync(file, 'import functools\nint2 = functools.partial(int, base=2)\n');
    const document = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(document);
    const position = new vscode.Position(1, document.lineAt(1).text.indexOf('partial') + 2);
    const hovers = await until(async () => {
      const found = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
      const ours = found.filter((hover) => hover.contents.some((content) => String((content as vscode.MarkdownString).value ?? content).includes('studyNotes.openNote')));
      return ours.length > 0 ? ours : undefined;
    }, 'a concept hover');
    const text = hovers.flatMap((hover) => hover.contents.map((content) => String((content as vscode.MarkdownString).value ?? content))).join('\n');
    assert.match(text, /偏函数/);
  });
});
