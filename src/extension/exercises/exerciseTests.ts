// The exercises in VS Code's Testing view: one item per started exercise (the learner's copy), with
// the test cases of its hidden tests as children (read from the tests file, then as runs report
// them). Run runs the hidden tests with the user's Python under the time limit, killing everything
// they started when it is reached; Debug runs the same tests under the Python debugger, so that
// breakpoints in the learner's file stop, with no time limit. Results carry the failing assertion,
// expected vs actual, and the line in the learner's file.
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import {
  EXERCISE_RUNNER, exerciseArguments, moduleName, parseUnittestOutput, testCasesOf, testedDefinition,
  type ExerciseRunReport, type TestFailure, type TestId, type TestStatus,
} from '../../core/exercises';
import type { Locale } from '../../core/messages';
import { existsOnDisk, runPython, type RunResult } from '../../core/snippets';
import { mayRunCode, userPython } from '../python';
import type { Exercise, ExerciseCatalog } from './exerciseCatalog';

export const EXERCISES_CONTROLLER = 'studyNotes.exercises';
/** Marks the debug sessions this feature starts, to read their output and notice their end. */
const RUN_ID = 'studyNotesExerciseRun';
const DEFAULT_TIME_LIMIT_SECONDS = 10;

/** A message as it was reported on a test item. */
export interface ReportedMessage {
  message: string;
  expected?: string;
  actual?: string;
  /** 0-based line in the learner's file. */
  line?: number;
}

export interface ReportedTest {
  id: string;
  label: string;
  status: TestStatus;
  messages: ReportedMessage[];
}

/** What one run of an exercise reported to the Testing view, for the caller and for tests. */
export interface ExerciseRunSummary {
  exerciseId: string;
  file: string;
  /** Every test ran and passed. */
  passed: boolean;
  timedOut: boolean;
  tests: ReportedTest[];
}

export interface ExerciseTestsOptions {
  catalog: ExerciseCatalog;
  locale: Locale;
  /** Where the runner is written for the debugger, which needs a file. */
  storage: vscode.Uri;
  /** Whether the notes server was started (listing the started exercises asks it). */
  serverStarted(): boolean;
  /** After each run that went to its end: whether every test passed. */
  onDidRun(exercise: Exercise, passed: boolean): Promise<void>;
}

export class ExerciseTests implements vscode.Disposable {
  readonly controller = vscode.tests.createTestController(EXERCISES_CONTROLLER, vscode.l10n.t('Study Notes Exercises'));
  private readonly runProfile: vscode.TestRunProfile;
  private readonly exercises = new Map<string, Exercise>();
  private discovered: Promise<void> | undefined;
  /** VS Code asked for the items before the notes server ran: they are listed at its first notice. */
  private wanted = false;
  private readonly debugOutput = new Map<string, (category: string, text: string) => void>();
  private readonly disposables: vscode.Disposable[] = [this.controller];

  constructor(private readonly options: ExerciseTestsOptions) {
    this.runProfile = this.controller.createRunProfile(vscode.l10n.t('Run'), vscode.TestRunProfileKind.Run,
      (request, token) => this.execute(request, token, false).then(() => undefined), true);
    this.controller.createRunProfile(vscode.l10n.t('Debug'), vscode.TestRunProfileKind.Debug,
      (request, token) => this.execute(request, token, true).then(() => undefined), true);
    // VS Code asks as soon as a file is opened; that alone must not start the notes server.
    this.controller.resolveHandler = async (item) => {
      if (item) return;
      if (this.options.serverStarted()) await this.ready();
      else this.wanted = true;
    };
    this.controller.refreshHandler = () => this.refresh();
    this.disposables.push(vscode.debug.registerDebugAdapterTrackerFactory('*', {
      createDebugAdapterTracker: (session) => {
        const sink = this.debugOutput.get(session.configuration[RUN_ID]);
        return sink && {
          onDidSendMessage: (message: { type?: string; event?: string; body?: { category?: string; output?: string } }) => {
            if (message.type === 'event' && message.event === 'output' && message.body?.output) sink(message.body.category ?? 'console', message.body.output);
          },
        };
      },
    }));
  }

  /** The items, found once: call `refresh` when copies or notes change. */
  ready(): Promise<void> {
    this.discovered ??= this.discover();
    return this.discovered;
  }

  refresh(): Promise<void> {
    this.discovered = undefined;
    return this.ready();
  }

  /** Copies were made or deleted, or moved with the setting: finds the items again, if they were ever asked for. */
  changed(): void {
    if (this.discovered) void this.refresh();
  }

  /**
   * The notes changed (an exercise may be gone or renamed): the items are found again when next
   * needed, not at once, so that an edit of a note costs the language server no extra request;
   * at once only when VS Code asked for them before the server ran.
   */
  notesChanged(): void {
    this.discovered = undefined;
    if (!this.wanted) return;
    this.wanted = false;
    void this.ready();
  }

  /** The item of a started exercise. */
  async itemFor(exercise: Exercise): Promise<vscode.TestItem | undefined> {
    await this.ready();
    return this.controller.items.get(itemId(exercise));
  }

  /** Runs the given exercises' tests through the Run profile, as the Testing view would. */
  async run(items: readonly vscode.TestItem[]): Promise<ExerciseRunSummary[] | undefined> {
    const cancellation = new vscode.CancellationTokenSource();
    try {
      return await this.execute(new vscode.TestRunRequest(items, undefined, this.runProfile), cancellation.token, false);
    } finally {
      cancellation.dispose();
    }
  }

  /** One item per exercise whose copy exists, in the notes' order, children from its tests file. */
  private async discover(): Promise<void> {
    const { catalog } = this.options;
    const started: vscode.TestItem[] = [];
    this.exercises.clear();
    for (const exercise of await catalog.all()) {
      const file = catalog.learnerFile(exercise);
      if (!file || !(await existsOnDisk(file))) continue;
      const id = itemId(exercise);
      const existing = this.controller.items.get(id);
      const item = existing?.uri?.fsPath === file ? existing : this.controller.createTestItem(id, exercise.ref.title, vscode.Uri.file(file));
      item.description = exercise.note.title;
      item.range = new vscode.Range(0, 0, 0, 0);
      item.sortText = String(started.length).padStart(4, '0');
      if (item !== existing) {
        const source = await fs.readFile(exercise.files.tests, 'utf8').catch(() => '');
        for (const test of testCasesOf(source)) this.childFor(item, test);
      }
      this.exercises.set(id, exercise);
      started.push(item);
    }
    this.controller.items.replace(started);
  }

  /** The run behind both profiles; undefined when nothing could run (untrusted, no Python). */
  private async execute(request: vscode.TestRunRequest, token: vscode.CancellationToken, debug: boolean): Promise<ExerciseRunSummary[] | undefined> {
    await this.ready();
    const targets = this.targets(request);
    const run = this.controller.createTestRun(request);
    try {
      const refusal = vscode.l10n.t('Running exercises is disabled in an untrusted workspace, because the code could come from anyone. Trust this workspace to run them; starting exercises, hints and solutions still work.');
      if (!mayRunCode(refusal)) {
        for (const [item] of targets) run.errored(item, new vscode.TestMessage(refusal));
        return undefined;
      }
      const python = await userPython();
      if (!python) {
        for (const [item] of targets) run.errored(item, new vscode.TestMessage(vscode.l10n.t('No Python was found to run the tests with.')));
        return undefined;
      }
      const summaries: ExerciseRunSummary[] = [];
      for (const [item, exercise] of targets) {
        if (token.isCancellationRequested) break;
        const summary = debug ? await this.debugOne(run, item, exercise, python, token) : await this.runOne(run, item, exercise, python, token);
        if (summary) summaries.push(summary);
      }
      return summaries;
    } finally {
      run.end();
    }
  }

  /** The exercises a request names: a test case runs its whole exercise (the tests run as one module). */
  private targets(request: vscode.TestRunRequest): [vscode.TestItem, Exercise][] {
    const chosen = request.include ?? [...this.controller.items].map(([, item]) => item);
    const excluded = new Set(request.exclude ?? []);
    const roots = new Set(chosen.map((item) => item.parent ?? item).filter((item) => !excluded.has(item)));
    return [...roots].flatMap((item) => {
      const exercise = this.exercises.get(item.id);
      return exercise ? [[item, exercise] as [vscode.TestItem, Exercise]] : [];
    });
  }

  private async runOne(run: vscode.TestRun, item: vscode.TestItem, exercise: Exercise, python: string, token: vscode.CancellationToken): Promise<ExerciseRunSummary> {
    const file = await this.saved(item);
    const seconds = vscode.workspace.getConfiguration('studyNotes.exercises').get<number>('timeLimitSeconds', DEFAULT_TIME_LIMIT_SECONDS);
    this.started(run, item);
    const controller = new AbortController();
    const cancel = token.onCancellationRequested(() => controller.abort());
    const folder = path.dirname(file);
    run.appendOutput(`$ ${python} -I -c <runner> ${exercise.files.tests} ${folder}\r\n`, undefined, item);
    let result: RunResult;
    try {
      result = await runPython(python, exerciseArguments(exercise.files.tests, folder), {
        cwd: folder, timeoutMs: seconds * 1000, signal: controller.signal, locale: this.options.locale,
        onOutput: (text) => run.appendOutput(text.replace(/\r?\n/g, '\r\n'), undefined, item),
      });
    } catch (error) {
      // Python could not be started at all.
      run.errored(item, new vscode.TestMessage(vscode.l10n.t('Could not start {0}: {1}', python, (error as Error).message)));
      return { exerciseId: exercise.ref.id, file, passed: false, timedOut: false, tests: [] };
    } finally {
      cancel.dispose();
    }
    return this.report(run, item, exercise, parseUnittestOutput(result.stderr.text, file), result, seconds);
  }

  /** Runs the tests under the Python debugger; their report is read from the session's output. */
  private async debugOne(run: vscode.TestRun, item: vscode.TestItem, exercise: Exercise, python: string, token: vscode.CancellationToken): Promise<ExerciseRunSummary | undefined> {
    const type = debuggerType();
    if (!type) {
      const explanation = vscode.l10n.t('Debug runs the hidden tests under the Python debugger, so that breakpoints in your file stop. It needs the Python Debugger extension (ms-python.debugpy), which is not installed. Run works without it.');
      run.skipped(item);
      run.appendOutput(`${explanation}\r\n`, undefined, item);
      const show = vscode.l10n.t('Show Extension');
      void vscode.window.showInformationMessage(explanation, show).then((answer) => {
        if (answer === show) void vscode.commands.executeCommand('workbench.extensions.search', 'ms-python.debugpy');
      });
      return undefined;
    }
    const file = await this.saved(item);
    const runner = vscode.Uri.joinPath(this.options.storage, 'exercise_runner.py').fsPath;
    await fs.mkdir(path.dirname(runner), { recursive: true });
    await fs.writeFile(runner, EXERCISE_RUNNER, 'utf8');
    const runId = randomUUID();
    let stderr = '';
    this.debugOutput.set(runId, (category, text) => {
      if (category === 'stderr') stderr += text;
      run.appendOutput(text.replace(/\r?\n/g, '\r\n'), undefined, item);
    });
    this.started(run, item);
    let session: vscode.DebugSession | undefined;
    const startedSession = vscode.debug.onDidStartDebugSession((started) => {
      if (started.configuration[RUN_ID] === runId) session = started;
    });
    const ended = new Promise<void>((resolve) => {
      const listener = vscode.debug.onDidTerminateDebugSession((terminated) => {
        if (terminated.configuration[RUN_ID] !== runId) return;
        listener.dispose();
        resolve();
      });
    });
    try {
      const configuration: vscode.DebugConfiguration = {
        type, request: 'launch', name: vscode.l10n.t('Debug {0}', exercise.ref.title),
        program: runner, args: [exercise.files.tests, path.dirname(file)], cwd: path.dirname(file), python,
        console: 'internalConsole', justMyCode: true, [RUN_ID]: runId,
      };
      const started = await vscode.debug.startDebugging(vscode.workspace.getWorkspaceFolder(item.uri!), configuration, { testRun: run });
      if (!started) {
        run.errored(item, new vscode.TestMessage(vscode.l10n.t('The Python debugger did not start; see the Debug Console.')));
        return undefined;
      }
      const cancel = token.onCancellationRequested(() => { if (session) void vscode.debug.stopDebugging(session); });
      await ended;
      cancel.dispose();
      const report = parseUnittestOutput(stderr, file);
      return await this.report(run, item, exercise, report, { exitCode: report.finished ? 0 : null, timedOut: false, cancelled: token.isCancellationRequested }, 0);
    } finally {
      startedSession.dispose();
      this.debugOutput.delete(runId);
    }
  }

  /** Saves the learner's unsaved edits (the tests read the file) and answers its path. */
  private async saved(item: vscode.TestItem): Promise<string> {
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === item.uri!.toString());
    if (document?.isDirty) await document.save();
    return item.uri!.fsPath;
  }

  private started(run: vscode.TestRun, item: vscode.TestItem): void {
    run.started(item);
    item.children.forEach((child) => run.started(child));
  }

  /** Reports one exercise's results on its items and answers what was reported. */
  private async report(run: vscode.TestRun, item: vscode.TestItem, exercise: Exercise, report: ExerciseRunReport,
    result: Pick<RunResult, 'exitCode' | 'timedOut' | 'cancelled'>, seconds: number): Promise<ExerciseRunSummary> {
    const uri = item.uri!;
    const [learnerSource, testsSource] = await Promise.all([
      fs.readFile(uri.fsPath, 'utf8').catch(() => ''), fs.readFile(exercise.files.tests, 'utf8').catch(() => ''),
    ]);
    const tests: ReportedTest[] = [];
    const mark = (test: vscode.TestItem, status: TestStatus, messages: vscode.TestMessage[] = []): void => {
      if (status === 'passed') run.passed(test);
      else if (status === 'skipped') run.skipped(test);
      else if (status === 'failed') run.failed(test, messages);
      else run.errored(test, messages);
      tests.push({ id: test.id, label: test.label, status, messages: messages.map(reported) });
    };
    const located = (text: string, line: number | undefined): vscode.TestMessage => {
      const message = new vscode.TestMessage(text);
      if (line !== undefined) message.location = new vscode.Location(uri, new vscode.Position(line, 0));
      return message;
    };
    const toMessage = (failure: TestFailure): vscode.TestMessage => {
      const text = failure.subTest ? `${failure.subTest}\n${failure.message}` : failure.message;
      const line = failure.location?.line
        ?? (failure.testLine === undefined ? undefined : testedDefinition(testsSource, failure.testLine, learnerSource, moduleName(exercise.ref)));
      const message = failure.expected !== undefined && failure.actual !== undefined
        ? vscode.TestMessage.diff(text, failure.expected, failure.actual) : new vscode.TestMessage(text);
      if (line !== undefined) message.location = new vscode.Location(uri, new vscode.Position(line, 0));
      return message;
    };
    const reportedIds = new Set<string>();
    const summary = (passed: boolean): ExerciseRunSummary => ({ exerciseId: exercise.ref.id, file: uri.fsPath, passed, timedOut: result.timedOut, tests });
    const skipUnreported = (): void => item.children.forEach((child) => { if (!reportedIds.has(child.id)) run.skipped(child); });

    if (result.cancelled) {
      skipUnreported();
      return summary(false);
    }
    if (report.loadError) {
      const { message, location } = report.loadError;
      mark(item, 'errored', [located(`${vscode.l10n.t('Your file could not be imported, so no test ran.')}\n${message}`, location?.line ?? 0)]);
      skipUnreported();
      await this.options.onDidRun(exercise, false);
      return summary(false);
    }
    for (const outcome of report.tests) {
      const child = this.childFor(item, outcome);
      reportedIds.add(child.id);
      const messages = outcome.failures.map(toMessage);
      if (messages.length === 0 && (outcome.status === 'failed' || outcome.status === 'errored')) {
        messages.push(new vscode.TestMessage(vscode.l10n.t('The test was expected to fail, and passed.')));
      }
      mark(child, outcome.status, messages);
    }
    if (result.timedOut) {
      const stopped = vscode.l10n.t('Stopped after the time limit of {0} s (setting studyNotes.exercises.timeLimitSeconds), with every process it started. Is there an endless loop, or a wait that never ends?', seconds);
      if (report.unfinished) {
        const child = this.childFor(item, report.unfinished);
        reportedIds.add(child.id);
        mark(child, 'errored', [new vscode.TestMessage(stopped)]);
      } else {
        mark(item, 'errored', [new vscode.TestMessage(stopped)]);
      }
    } else if (report.tests.length === 0) {
      mark(item, 'errored', [new vscode.TestMessage(vscode.l10n.t('The tests did not run (exit code {0}); the output of this run tells why.', result.exitCode ?? '?'))]);
    }
    skipUnreported();
    const passed = !result.timedOut && result.exitCode === 0 && report.tests.length > 0
      && report.tests.every((test) => test.status === 'passed' || test.status === 'skipped');
    await this.options.onDidRun(exercise, passed);
    return summary(passed);
  }

  /** A test case's item under its exercise, made the first time the tests file or a run names it. */
  private childFor(parent: vscode.TestItem, test: TestId): vscode.TestItem {
    const id = `${parent.id}/${test.className}.${test.method}`;
    let child = parent.children.get(id);
    if (!child) {
      child = this.controller.createTestItem(id, test.method);
      child.description = test.className;
      child.sortText = String(parent.children.size).padStart(4, '0');
      parent.children.add(child);
    }
    return child;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function itemId(exercise: Exercise): string {
  return `exercise:${exercise.ref.id}`;
}

function reported(message: vscode.TestMessage): ReportedMessage {
  return {
    message: typeof message.message === 'string' ? message.message : message.message.value,
    ...(message.expectedOutput === undefined ? {} : { expected: message.expectedOutput }),
    ...(message.actualOutput === undefined ? {} : { actual: message.actualOutput }),
    ...(message.location ? { line: message.location.range.start.line } : {}),
  };
}

/** The debugger of the Python extensions: `debugpy` (Python Debugger), or `python` in older Python extensions. */
function debuggerType(): string | undefined {
  if (vscode.extensions.getExtension('ms-python.debugpy')) return 'debugpy';
  return vscode.extensions.getExtension('ms-python.python') ? 'python' : undefined;
}
