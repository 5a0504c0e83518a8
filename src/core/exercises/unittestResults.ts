// Reads what the exercise runner printed (unittest's verbose report on stderr) into one result per
// test: its status and, for each failing assertion (one per failing subTest), the message,
// `actual != expected` when unittest states it, and the line in the learner's file where it failed.
// It reads the shapes of Python 3.8 to 3.14: `test (module.Class)` before 3.11 and
// `test (module.Class.test)` since; subTest failures on lines of their own since 3.11 and not at
// all before (the next test then starts on the same line); docstrings on a second line; colours.
import { LOAD_ERROR_MARKER } from './runnerScript';

export type TestStatus = 'passed' | 'failed' | 'errored' | 'skipped';

export interface SourceLine {
  file: string;
  /** 0-based, like VS Code and LSP. */
  line: number;
}

/** One failing assertion or error: of the test, or of one of its subTests. */
export interface TestFailure {
  /** The subTest's parameters as unittest prints them, `(n=2)` or `[message] (n=2)`. */
  subTest?: string;
  /** The exception line (`AssertionError: 1 != 3`) and the lines unittest adds after it. */
  message: string;
  /** The whole traceback. */
  details: string;
  /** From `assertEqual(actual, expected)`'s `actual != expected`, when that is unambiguous. */
  actual?: string;
  expected?: string;
  /** The deepest frame in the learner's file, else undefined. */
  location?: SourceLine;
  /** The line (0-based) of the test method where it failed, in the tests file. */
  testLine?: number;
}

export interface TestId {
  /** The test method, e.g. `test_retries_until_success`. */
  method: string;
  /** The TestCase class, e.g. `RetryTests`. */
  className: string;
}

export interface TestOutcome extends TestId {
  status: TestStatus;
  /** Why it was skipped. */
  reason?: string;
  /** Empty for passed and skipped tests (and for an unexpected success, which has no traceback). */
  failures: TestFailure[];
}

export interface ExerciseRunReport {
  tests: TestOutcome[];
  /** The tests module could not be loaded: usually the learner's file does not import. */
  loadError?: { message: string; details: string; location?: SourceLine };
  /** unittest printed `Ran N tests`: the run was not cut short. */
  finished: boolean;
  /** In a run cut short: the test that had started and not ended (the one that was running). */
  unfinished?: TestId;
}

/** A test's description where the progress report starts it: at a line start, indented (a subTest), or after an unfinished one. */
const PROGRESS_HEADER = /(?<=^ *|\.\.\. )(\w+) \(([\w.]+)\)([^\n]*?)(?:\n([^\n]*?))? \.\.\. /gm;
const STATUS = /^(ok|FAIL|ERROR|skipped(?: '(.*)')?|expected failure|unexpected success)$/;
const FAILURE_HEADER = /^(FAIL|ERROR): (\w+) \(([\w.]+)\)(.*)$/;
const SEPARATOR = /^(?:={70}|-{70})$/m;
const BLOCK_SEPARATOR = '='.repeat(70);
const TRACEBACK_START = `\n${'-'.repeat(70)}\n`;
const FRAME = /^ {2}File "(.+)", line (\d+), in (\S+)/;
/** Colour codes (ESC `[` … `m`), which Python 3.14 prints when FORCE_COLOR is set. */
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
const SEVERITY: Record<TestStatus, number> = { skipped: 0, passed: 1, failed: 2, errored: 3 };

/** `learnerFile` is the absolute path of the learner's copy of the starter. */
export function parseUnittestOutput(stderr: string, learnerFile: string): ExerciseRunReport {
  const text = stderr.replace(/\r\n/g, '\n').replace(ANSI, '');
  if (text.startsWith(LOAD_ERROR_MARKER) || text.includes(`\n${LOAD_ERROR_MARKER}\n`)) {
    const details = text.slice(text.indexOf(LOAD_ERROR_MARKER) + LOAD_ERROR_MARKER.length).trim();
    return { tests: [], loadError: { message: exceptionLines(details), details, location: learnerLocation(details, learnerFile) }, finished: true };
  }
  const finished = /^Ran \d+ tests? in /m.test(text);
  const separator = SEPARATOR.exec(text);
  const progress = separator ? text.slice(0, separator.index) : text;
  const tests = new Map<string, TestOutcome>();
  const outcome = (method: string, qualified: string): TestOutcome => {
    const className = classOf(qualified, method);
    const key = `${className}.${method}`;
    if (!tests.has(key)) tests.set(key, { method, className, status: 'passed', failures: [] });
    return tests.get(key)!;
  };
  const seen = new Set<TestOutcome>();
  let unfinished: TestId | undefined;

  const headers = [...progress.matchAll(PROGRESS_HEADER)];
  headers.forEach((header, index) => {
    const [whole, method, qualified] = header;
    const end = header.index + whole.length;
    const status = statusIn(progress.slice(end, headers[index + 1]?.index ?? progress.length));
    const test = outcome(method, qualified);
    if (!status) {
      // A test whose subTests failed gets no status line of its own; one still running has none either.
      unfinished = { method: test.method, className: test.className };
      return;
    }
    unfinished = undefined;
    const [word, reason] = status;
    const next: TestStatus = word === 'ok' || word === 'expected failure' ? 'passed'
      : word === 'FAIL' || word === 'unexpected success' ? 'failed'
        : word === 'ERROR' ? 'errored' : 'skipped';
    if (!seen.has(test) || SEVERITY[next] > SEVERITY[test.status]) test.status = next;
    if (reason !== undefined) test.reason = reason;
    seen.add(test);
  });

  for (const block of text.split(BLOCK_SEPARATOR).slice(1)) {
    const header = FAILURE_HEADER.exec(block.trimStart().split('\n')[0]);
    if (!header) continue;
    const [, kind, method, qualified, suffix] = header;
    const test = outcome(method, qualified);
    const details = block.split(TRACEBACK_START)[1]?.trim() ?? '';
    const message = exceptionLines(details);
    const subTest = suffix.trim();
    test.failures.push({
      ...(subTest ? { subTest } : {}),
      message,
      details,
      ...comparison(message),
      location: learnerLocation(details, learnerFile),
      testLine: testLine(details, method),
    });
    const next: TestStatus = kind === 'FAIL' ? 'failed' : 'errored';
    if (!seen.has(test) || SEVERITY[next] > SEVERITY[test.status]) test.status = next;
    seen.add(test);
    if (unfinished?.method === test.method && unfinished.className === test.className) unfinished = undefined;
  }
  const reported = [...tests.values()].filter((test) => seen.has(test));
  return { tests: reported, finished, ...(!finished && unfinished ? { unfinished } : {}) };
}

/**
 * The status after a test's ` ... `: on the same line, or (when the learner's code wrote to the
 * process's stderr while the test ran) on a later line of its own.
 */
function statusIn(segment: string): [word: string, reason?: string] | undefined {
  const lines = segment.split('\n').map((line) => line.trim());
  const sameLine = STATUS.exec(lines[0]);
  const found = sameLine ?? lines.slice(1).reverse().map((line) => STATUS.exec(line)).find(Boolean);
  if (!found) return undefined;
  const word = found[1].startsWith('skipped') ? 'skipped' : found[1];
  return found[2] === undefined ? [word] : [word, found[2]];
}

/** Python 3.11+ prints `module.Class.method`, older versions `module.Class`. */
function classOf(qualified: string, method: string): string {
  const parts = qualified.split('.');
  if (parts.length > 1 && parts[parts.length - 1] === method) parts.pop();
  return parts[parts.length - 1];
}

/** From the exception line to the end: unittest puts the diff of long values after the assertion. */
function exceptionLines(traceback: string): string {
  const lines = traceback.split('\n').map((line) => line.trimEnd());
  const lastFrame = lines.reduce((last, line, index) => (/^\s*File "/.test(line) ? index : last), -1);
  // After the last frame come its source line and carets, indented; the exception line is not.
  const exception = lines.findIndex((line, index) => index > lastFrame && /^\S/.test(line));
  const kept = exception >= 0 ? lines.slice(exception) : lines.filter(Boolean).slice(-1);
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  return kept.join('\n');
}

function learnerLocation(traceback: string, learnerFile: string): SourceLine | undefined {
  let found: SourceLine | undefined;
  for (const line of traceback.split('\n')) {
    const frame = FRAME.exec(line);
    if (frame && samePath(frame[1], learnerFile)) found = { file: learnerFile, line: Number(frame[2]) - 1 };
  }
  // A SyntaxError names its place as `File "…", line N` without the two-space frame indent.
  const syntax = /^\s*File "(.+)", line (\d+)\s*$/m.exec(traceback.split('\n').slice(-6).join('\n'));
  if (!found && syntax && samePath(syntax[1], learnerFile)) found = { file: learnerFile, line: Number(syntax[2]) - 1 };
  return found;
}

/** The line of the deepest frame of the test method itself. */
function testLine(traceback: string, method: string): number | undefined {
  let found: number | undefined;
  for (const line of traceback.split('\n')) {
    const frame = FRAME.exec(line);
    if (frame && frame[3] === method) found = Number(frame[2]) - 1;
  }
  return found;
}

function samePath(a: string, b: string): boolean {
  const normal = (file: string) => file.replace(/\\/g, '/').toLowerCase();
  return normal(a) === normal(b);
}

/**
 * `AssertionError: 1 != 3` → actual "1", expected "3", only when ` != ` occurs exactly once;
 * the `Lists differ: ` kind of prefix of sequence comparisons is left out.
 */
function comparison(message: string): { actual?: string; expected?: string } {
  const match = /^AssertionError: (?:(?:Lists|Tuples|Sequences) differ: )?(.*)$/.exec(message.split('\n')[0]);
  if (!match) return {};
  const parts = match[1].split(' != ');
  return parts.length === 2 ? { actual: parts[0], expected: parts[1] } : {};
}
