// Reads what the exercise runner printed (unittest's verbose report on stderr) into one result per
// test: its status, the failing assertion's message, `actual != expected` when unittest states it,
// and the line in the learner's file where the failure happened (the deepest traceback frame in it).
import { LOAD_ERROR_MARKER } from './runnerScript';

export type TestStatus = 'passed' | 'failed' | 'errored' | 'skipped';

export interface SourceLine {
  file: string;
  /** 0-based, like VS Code and LSP. */
  line: number;
}

export interface TestOutcome {
  /** The test method, e.g. `test_retries_until_success`. */
  method: string;
  /** The TestCase class, e.g. `RetryTests`. */
  className: string;
  status: TestStatus;
  /** The last line of the traceback (`AssertionError: 1 != 3`), or the skip reason. */
  message?: string;
  /** The whole traceback of a failure or error. */
  details?: string;
  /** From `assertEqual(actual, expected)`'s `actual != expected`, when that is unambiguous. */
  actual?: string;
  expected?: string;
  /** The deepest frame in the learner's file, else undefined. */
  location?: SourceLine;
}

export interface ExerciseRunReport {
  tests: TestOutcome[];
  /** The tests module could not be loaded: usually the learner's file does not import. */
  loadError?: { message: string; details: string; location?: SourceLine };
}

const RESULT_LINE = /^(\w+) \(([\w.]+)\)(?:\n.*?)? \.\.\. (ok|FAIL|ERROR|skipped(?: '.*')?|expected failure|unexpected success)$/gm;
const FAILURE_HEADER = /^(FAIL|ERROR): (\w+) \(([\w.]+)\)/;
const SEPARATOR = '='.repeat(70);
const FRAME = /^ {2}File "(.+)", line (\d+)/;

/** `learnerFile` is the absolute path of the learner's copy of the starter. */
export function parseUnittestOutput(stderr: string, learnerFile: string): ExerciseRunReport {
  const text = stderr.replace(/\r\n/g, '\n');
  if (text.startsWith(LOAD_ERROR_MARKER) || text.includes(`\n${LOAD_ERROR_MARKER}\n`)) {
    const details = text.slice(text.indexOf(LOAD_ERROR_MARKER) + LOAD_ERROR_MARKER.length).trim();
    return { tests: [], loadError: { message: lastLine(details), details, location: learnerLocation(details, learnerFile) } };
  }
  const tests = new Map<string, TestOutcome>();
  for (const match of text.matchAll(RESULT_LINE)) {
    const [, method, qualified, word] = match;
    const className = classOf(qualified, method);
    const status: TestStatus = word === 'ok' || word === 'expected failure' ? 'passed'
      : word === 'FAIL' || word === 'unexpected success' ? 'failed'
        : word === 'ERROR' ? 'errored' : 'skipped';
    const reason = /^skipped '(.*)'$/.exec(word)?.[1];
    tests.set(`${className}.${method}`, { method, className, status, ...(reason ? { message: reason } : {}) });
  }
  for (const block of text.split(SEPARATOR).slice(1)) {
    const header = FAILURE_HEADER.exec(block.trimStart());
    if (!header) continue;
    const [, kind, method, qualified] = header;
    const className = classOf(qualified, method);
    const details = block.split('\n' + '-'.repeat(70) + '\n')[1]?.trim() ?? '';
    const message = lastLine(details);
    const key = `${className}.${method}`;
    const outcome = tests.get(key) ?? { method, className, status: kind === 'FAIL' ? 'failed' as const : 'errored' as const };
    // A test with several failing subTests reports each: the first one is shown, the others are kept in details.
    if (outcome.message === undefined) {
      outcome.message = message;
      outcome.location = learnerLocation(details, learnerFile);
      Object.assign(outcome, comparison(message));
    }
    outcome.details = outcome.details ? `${outcome.details}\n\n${details}` : details;
    if (outcome.status === 'passed') outcome.status = kind === 'FAIL' ? 'failed' : 'errored';
    tests.set(key, outcome);
  }
  return { tests: [...tests.values()] };
}

/** Python 3.11+ prints `module.Class.method`, older versions `module.Class`. */
function classOf(qualified: string, method: string): string {
  const parts = qualified.split('.');
  if (parts[parts.length - 1] === method) parts.pop();
  return parts[parts.length - 1];
}

function lastLine(text: string): string {
  const lines = text.split('\n').map((line) => line.trimEnd()).filter(Boolean);
  // unittest appends a diff of long strings after the assertion line: report the assertion itself.
  const assertion = lines.findIndex((line) => /^\w+(Error|Exception|Exit|Interrupt)\b/.test(line));
  return assertion >= 0 ? lines.slice(assertion).join('\n') : lines[lines.length - 1] ?? '';
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

function samePath(a: string, b: string): boolean {
  const normal = (file: string) => file.replace(/\\/g, '/').toLowerCase();
  return normal(a) === normal(b);
}

/** `AssertionError: 1 != 3` → actual "1", expected "3", only when ` != ` occurs exactly once. */
function comparison(message: string): { actual?: string; expected?: string } {
  const first = message.split('\n')[0];
  const match = /^AssertionError: (.*)$/.exec(first);
  if (!match) return {};
  const parts = match[1].split(' != ');
  return parts.length === 2 ? { actual: parts[0], expected: parts[1] } : {};
}
