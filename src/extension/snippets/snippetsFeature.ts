// Runnable examples: insert an example at the cursor as a snippet, copy it into the workspace as a
// file of its own, run it with the user's Python and compare its output with the expected one.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { ExampleRef } from '../../core/model';
import {
  compareOutput, completionWordAt, COMPLETION_TRIGGER, conceptFolder, EXAMPLES_FOLDER, exampleFiles, freeFileNameAsync,
  runExample, snippetCompletions, toPlainText, toSnippetText, type Layout, type RunResult,
} from '../../core/snippets';
import { ExamplesRequest, ResolveRequest, type ExamplesDto, type TreeNode } from '../../shared/protocol';
import type { Feature } from '../features';
import { mayRunCode, userPython } from '../python';

/** Which example a file in the workspace is a copy of, so that its output can be compared. */
const COPIES_KEY = 'studyNotes.exampleCopies';
const EXPECTED_SCHEME = 'study-notes-expected';

/** A note with examples, as the language server describes it. */
type ExampleNote = ExamplesDto;

interface ExampleChoice {
  note: ExampleNote;
  example: ExampleRef;
  code: string;
  expected: string;
}

export interface RunReport {
  result: RunResult;
  /** Undefined when there was nothing to compare with (the file is no example and holds none). */
  matches?: boolean;
  /** For a file that is not a copy but holds an example's code: the example it was compared with. */
  comparedWith?: string;
}

export const registerSnippets: Feature = ({ extension: context, notes }) => {
  const output = vscode.window.createOutputChannel(vscode.l10n.t('Study Notes Examples'));
  const expectedDocs = new Map<string, string>();
  const running = new Set<AbortController>();
  const copies = (): Record<string, { noteId: string; file: string }> => context.workspaceState.get(COPIES_KEY, {});
  // Completion asks on every keystroke after `sn-`: read each example once, until the notes change.
  const codeCache = new Map<string, Promise<string | undefined>>();
  // The notes with examples, asked once until the notes change.
  let noteList: Promise<ExampleNote[]> | undefined;
  const exampleNotes = (): Promise<ExampleNote[]> => (noteList ??= notes.request(ExamplesRequest, undefined).then((list) => list.filter((entry) => entry.examples.length > 0)));
  const findNote = async (target: string): Promise<ExampleNote | undefined> =>
    (await exampleNotes()).find((entry) => entry.note.key === target || entry.note.id === target || entry.note.path === target);
  const exampleCode = (file: string): Promise<string | undefined> => {
    if (!codeCache.has(file)) codeCache.set(file, fs.readFile(file, 'utf8').catch(() => undefined));
    return codeCache.get(file)!;
  };

  async function readExample(note: ExampleNote, example: ExampleRef): Promise<ExampleChoice | undefined> {
    const files = exampleFiles(note.folder, example);
    try {
      const [code, expected] = await Promise.all([fs.readFile(files.code, 'utf8'), fs.readFile(files.expected, 'utf8').catch(() => '')]);
      return { note, example, code, expected };
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not read the example {0}: {1}', example.file, (error as Error).message));
      return undefined;
    }
  }

  /**
   * Concept (unless given), then one of its examples (unless given), with the code previewed in the
   * detail line; `purpose` titles the pickers with the command that asked.
   */
  async function pickExample(purpose: string, target?: string | TreeNode, exampleFile?: string): Promise<ExampleChoice | undefined> {
    const given = typeof target === 'string' ? target : target?.note?.key;
    let note = given ? await findNote(given) : undefined;
    if (given && !note) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} has no runnable examples.', typeof target === 'string' ? target : target?.label ?? ''));
      return undefined;
    }
    if (!note) {
      const picked = await vscode.window.showQuickPick((await exampleNotes()).map((candidate) => ({
        label: candidate.note.title, description: candidate.note.titleEn, detail: candidate.note.summary, note: candidate,
      })), { title: vscode.l10n.t('{0}: Choose a Concept', purpose), placeHolder: vscode.l10n.t('Whose examples?'), matchOnDescription: true });
      note = picked?.note;
    }
    if (!note) return undefined;
    const examples = note.examples;
    const named = examples.find((example) => example.file === exampleFile);
    if (named) return readExample(note, named);
    const choices = (await Promise.all(examples.map((example) => readExample(note!, example)))).filter((choice): choice is ExampleChoice => !!choice);
    if (choices.length === 1) return choices[0];
    const picked = await vscode.window.showQuickPick(choices.map((choice) => ({
      label: choice.example.title,
      description: choice.example.file,
      detail: choice.code.split('\n').filter((line) => line.trim() && !line.trim().startsWith('#')).slice(0, 3).join(' ⏎ '),
      choice,
    })), { title: vscode.l10n.t('{0}: Examples of {1}', purpose, note.note.title), matchOnDescription: true, matchOnDetail: true, ignoreFocusOut: true });
    return picked?.choice;
  }

  function layoutOf(editor: vscode.TextEditor): Layout {
    const position = editor.selection.active;
    const line = editor.document.lineAt(position.line).text;
    return {
      indent: line.slice(0, position.character).match(/^\s*/)![0],
      eol: editor.document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n',
      insertSpaces: editor.options.insertSpaces === true,
      tabSize: typeof editor.options.tabSize === 'number' ? editor.options.tabSize : 4,
    };
  }

  /** Inserts as a snippet (one undo step), re-indented to the cursor; with no editor, in a new document. */
  async function insertCode(code: string, language = 'python'): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      const document = await vscode.workspace.openTextDocument({ language, content: code });
      await vscode.window.showTextDocument(document);
      return;
    }
    const snippet = new vscode.SnippetString(toSnippetText(code, layoutOf(editor)));
    await editor.insertSnippet(snippet, editor.selection, { undoStopBefore: true, undoStopAfter: true, keepWhitespace: true });
  }

  function workspaceRoot(): string | undefined {
    return vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  }

  /** Writes `code` to a free name in the examples folder, opens it and offers to run it. */
  async function createFile(choice: { code: string; note: { id: string; category: string }; fileName: string; example?: ExampleRef }): Promise<vscode.Uri | undefined> {
    const root = workspaceRoot();
    if (!root) {
      const document = await vscode.workspace.openTextDocument({ language: 'python', content: choice.code });
      await vscode.window.showTextDocument(document);
      void vscode.window.showInformationMessage(vscode.l10n.t('No folder is open, so the example opened as an untitled file. Save it to run it.'));
      return undefined;
    }
    const folder = vscode.workspace.getConfiguration('studyNotes.examples').get<string>('folder', EXAMPLES_FOLDER) || EXAMPLES_FOLDER;
    const dir = conceptFolder(path.resolve(root, folder), choice.note.category, choice.note.id);
    const file = path.join(dir, await freeFileNameAsync(dir, choice.fileName));
    try {
      await fs.mkdir(path.dirname(file), { recursive: true });
      // `wx`: fail rather than overwrite, even if the file appeared since its name was chosen.
      await fs.writeFile(file, choice.code, { encoding: 'utf8', flag: 'wx' });
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not create {0}: {1}', file, (error as Error).message));
      return undefined;
    }
    if (choice.example) await context.workspaceState.update(COPIES_KEY, { ...copies(), [file]: { noteId: choice.note.id, file: choice.example.file } });
    const uri = vscode.Uri.file(file);
    await vscode.window.showTextDocument(uri);
    const run = vscode.l10n.t('Run Example');
    void vscode.window.showInformationMessage(vscode.l10n.t('Created {0}.', path.relative(root, file)), run).then((answer) => {
      if (answer === run) void vscode.commands.executeCommand('studyNotes.runExample', uri);
    });
    return uri;
  }

  /** The expected output of a file: a copy made by Create Runnable Example, or an example beside its note. */
  async function expectedFor(file: string): Promise<string | undefined> {
    const copy = copies()[file];
    // Every example beside its note has a .out file; checking for it first keeps an ordinary Python
    // file from starting the notes server just by being opened (the CodeLens asks on open).
    const besideOutput = file.endsWith('.py') ? await fs.readFile(file.replace(/\.py$/, '.out'), 'utf8').catch(() => undefined) : undefined;
    if (!copy && besideOutput === undefined) return undefined;
    const entries = await exampleNotes().catch(() => []);
    if (copy) {
      const note = entries.find((entry) => entry.note.id === copy.noteId);
      const example = note?.examples.find((candidate) => candidate.file === copy.file);
      if (note && example) return fs.readFile(exampleFiles(note.folder, example).expected, 'utf8').catch(() => undefined);
    }
    const beside = entries.find((entry) => entry.folder === path.dirname(file) && entry.examples.some((example) => example.file === path.basename(file)));
    return beside ? besideOutput : undefined;
  }

  /** The example whose code a file holds (inserted, re-indented, or pasted), with its expected output. */
  async function exampleHolding(text: string): Promise<ExampleChoice | undefined> {
    const code = comparableCode(text);
    if (!code) return undefined;
    for (const note of await exampleNotes().catch(() => [])) {
      for (const example of note.examples) {
        const files = exampleFiles(note.folder, example);
        const candidate = await exampleCode(files.code);
        if (candidate === undefined || comparableCode(candidate) !== code) continue;
        const expected = await fs.readFile(files.expected, 'utf8').catch(() => undefined);
        if (expected !== undefined) return { note, example, code: candidate, expected };
      }
    }
    return undefined;
  }

  async function runFile(uri?: vscode.Uri): Promise<RunReport | undefined> {
    if (!mayRunCode(vscode.l10n.t('Running examples is disabled in an untrusted workspace, because the code could come from anyone. Trust this workspace to run examples; inserting and creating them still work.'))) {
      return undefined;
    }
    const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== 'python' || document.isUntitled) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a saved Python file to run it.'));
      return undefined;
    }
    if (document.isDirty) await document.save();
    const interpreter = await userPython();
    if (!interpreter) return undefined;
    const seconds = vscode.workspace.getConfiguration('studyNotes.examples').get<number>('timeLimitSeconds', 10);
    const file = document.uri.fsPath;
    output.clear();
    output.show(true);
    output.appendLine(`$ ${interpreter} -u ${path.basename(file)}`);
    const controller = new AbortController();
    running.add(controller);
    const result = await Promise.resolve(vscode.window.withProgress({
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Running {0}', path.basename(file)),
      cancellable: true,
    }, (_progress, token) => {
      token.onCancellationRequested(() => controller.abort());
      return runExample(interpreter, file, {
        timeoutMs: seconds * 1000, signal: controller.signal, locale: notes.locale,
        onOutput: (text) => output.append(text),
      });
    })).finally(() => running.delete(controller));
    output.appendLine('');
    if (result.timedOut) output.appendLine(vscode.l10n.t('Stopped after the time limit of {0} s (setting studyNotes.examples.timeLimitSeconds), with every process it started.', seconds));
    else if (result.cancelled) output.appendLine(vscode.l10n.t('Cancelled.'));
    else output.appendLine(vscode.l10n.t('Exited with code {0} in {1} s.', result.exitCode ?? result.signal ?? '?', (result.durationMs / 1000).toFixed(2)));
    if (result.timedOut) void vscode.window.showWarningMessage(vscode.l10n.t('{0} did not finish within {1} s and was stopped.', path.basename(file), seconds));

    if (result.timedOut || result.cancelled) return { result };
    let expected = await expectedFor(file);
    let comparedWith: string | undefined;
    if (expected === undefined) {
      const original = await exampleHolding(document.getText());
      if (!original) {
        output.appendLine(vscode.l10n.t('No verdict: {0} is not a copy of a Study Notes example, so there is no expected output to compare with.', path.basename(file)));
        return { result };
      }
      output.appendLine(vscode.l10n.t('{0} holds the code of the example {1} ({2}): its output is compared with that example\'s.', path.basename(file), original.example.file, original.note.note.title));
      expected = original.expected;
      comparedWith = original.example.file;
    }
    const comparison = compareOutput(expected, result.stdout.text, { locale: notes.locale, expectedLabel: 'expected', actualLabel: 'actual' });
    if (comparison.equal) {
      output.appendLine(`✔ ${vscode.l10n.t('The output matches the expected output.')}`);
      void vscode.window.showInformationMessage(vscode.l10n.t('✔ {0}: the output matches the expected output.', path.basename(file)));
    } else {
      output.appendLine(`✘ ${vscode.l10n.t('The output differs from the expected output:')}`);
      output.appendLine(comparison.diff);
      const show = vscode.l10n.t('Show Differences');
      void vscode.window.showWarningMessage(vscode.l10n.t('✘ {0}: the output differs from the expected output.', path.basename(file)), show).then((answer) => {
        if (answer === show) void showDiff(file, expected, result.stdout.text);
      });
    }
    return { result, matches: comparison.equal, ...(comparedWith ? { comparedWith } : {}) };
  }

  async function showDiff(file: string, expected: string, actual: string): Promise<void> {
    const name = path.basename(file);
    expectedDocs.set(`/${name}.expected`, expected);
    expectedDocs.set(`/${name}.actual`, actual);
    await vscode.commands.executeCommand('vscode.diff',
      vscode.Uri.from({ scheme: EXPECTED_SCHEME, path: `/${name}.expected` }),
      vscode.Uri.from({ scheme: EXPECTED_SCHEME, path: `/${name}.actual` }),
      vscode.l10n.t('{0}: expected ↔ actual output', name));
  }

  async function compareWithExpected(uri?: vscode.Uri): Promise<void> {
    const file = uri?.fsPath ?? vscode.window.activeTextEditor?.document.uri.fsPath;
    const expected = file && (await expectedFor(file));
    if (!file || expected === undefined) {
      void vscode.window.showInformationMessage(vscode.l10n.t('This file is not a Study Notes example, so there is no expected output to compare with.'));
      return;
    }
    const report = await runFile(vscode.Uri.file(file));
    if (report && report.matches === false) await showDiff(file, expected, report.result.stdout.text);
  }

  const codeLenses: vscode.CodeLensProvider = {
    async provideCodeLenses(document) {
      if (document.uri.scheme !== 'file' || (await expectedFor(document.uri.fsPath)) === undefined) return [];
      const top = new vscode.Range(0, 0, 0, 0);
      return [
        new vscode.CodeLens(top, { title: vscode.l10n.t('▶ Run example'), command: 'studyNotes.runExample', arguments: [document.uri] }),
        new vscode.CodeLens(top, { title: vscode.l10n.t('Compare with expected'), command: 'studyNotes.compareExample', arguments: [document.uri] }),
      ];
    },
  };

  const completions: vscode.CompletionItemProvider = {
    async provideCompletionItems(document, position) {
      const word = completionWordAt(document.lineAt(position.line).text, position.character);
      if (!word) return [];
      const list = await exampleNotes();
      const range = new vscode.Range(position.line, word.start, position.line, position.character);
      const layout = vscode.window.activeTextEditor?.document === document ? layoutOf(vscode.window.activeTextEditor) : undefined;
      const items: vscode.CompletionItem[] = [];
      const byId = new Map(list.map((entry) => [entry.note.id, entry.note]));
      for (const completion of snippetCompletions(list.map((entry) => ({ id: entry.note.id, folder: entry.folder, examples: entry.examples })))) {
        const note = byId.get(completion.conceptId)!;
        const code = await exampleCode(exampleFiles(completion.noteFolder, completion.example).code);
        if (code === undefined) continue;
        const item = new vscode.CompletionItem(completion.label, vscode.CompletionItemKind.Snippet);
        item.insertText = new vscode.SnippetString(toSnippetText(code, layout));
        item.range = range;
        item.sortText = completion.sortText;
        item.detail = `${note.title} · ${completion.example.title}`;
        item.documentation = new vscode.MarkdownString().appendText(note.summary ?? '').appendCodeblock(toPlainText(code).split('\n').slice(0, 12).join('\n'), 'python');
        items.push(item);
      }
      return items;
    },
  };

  return vscode.Disposable.from(
    output,
    notes.onDidChangeNotes(() => {
      codeCache.clear();
      noteList = undefined;
    }),
    { dispose: () => running.forEach((controller) => controller.abort()) },
    vscode.workspace.registerTextDocumentContentProvider(EXPECTED_SCHEME, { provideTextDocumentContent: (uri) => expectedDocs.get(uri.path) ?? '' }),
    vscode.languages.registerCodeLensProvider({ language: 'python', scheme: 'file' }, codeLenses),
    vscode.languages.registerCompletionItemProvider({ language: 'python' }, completions, COMPLETION_TRIGGER.at(-1)!),
    // Both take an optional concept (id or tree node) and example file name, for links and scripts.
    vscode.commands.registerCommand('studyNotes.insertExample', async (target?: string | TreeNode, exampleFile?: string) => {
      const choice = await pickExample(vscode.l10n.t('Insert Example'), target, exampleFile);
      if (choice) await insertCode(choice.code);
    }),
    vscode.commands.registerCommand('studyNotes.createRunnableExample', async (target?: string | TreeNode, exampleFile?: string) => {
      const choice = await pickExample(vscode.l10n.t('Create File from Example'), target, exampleFile);
      return choice ? createFile({ code: choice.code, note: { id: choice.note.note.id, category: choice.note.note.category }, fileName: choice.example.file, example: choice.example }) : undefined;
    }),
    // From the note panel's code block buttons.
    vscode.commands.registerCommand('studyNotes.insertCode', (code: string, language?: string) => insertCode(code, language === 'python' || !language ? 'python' : language)),
    vscode.commands.registerCommand('studyNotes.createRunnableCode', async (code: string, noteKey: string) => {
      const note = await notes.request(ResolveRequest, { target: noteKey });
      if (note) return createFile({ code, note, fileName: `${note.id.replace(/[^\w]+/g, '_')}_snippet.py` });
      return undefined;
    }),
    vscode.commands.registerCommand('studyNotes.runExample', runFile),
    vscode.commands.registerCommand('studyNotes.compareExample', compareWithExpected),
  );
}

/** Code as lines without their common indentation, trailing blanks and blank lines: an example found again wherever it was inserted. */
function comparableCode(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((line) => line.trimEnd()).filter((line) => line !== '');
  const indent = Math.min(...lines.map((line) => line.length - line.trimStart().length));
  return lines.map((line) => line.slice(indent)).join('\n');
}
