import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { format } from '../../src/core/messages';
import type { ExampleRef } from '../../src/core/model';
import {
  compareOutput, completionLabel, completionPrefix, completionWordAt, exampleEnvironment, exampleFiles, exampleTargetPath,
  exampleTargetPathAsync, expandSnippetText, findPython, formatBytes, freeFileName, freeFileNameAsync, OutputCollector,
  probePython, pythonCandidates, reindent, runExample, snippetCompletions, tabStopSpans, toPlainText, toSnippetText,
  type OutputStream,
} from '../../src/core/snippets';
import { readBundledNotes } from '../support/bundledNotes';
import { PYTHON } from '../support/python';

const NOTES_ROOT = path.resolve(__dirname, '../../../notes');

/** The bundled notes as the snippets feature sees them: id, folder and examples. */
type ExampleNote = { id: string; folder: string; examples: ExampleRef[] };

function bundledExamples(notes: readonly ExampleNote[]): { name: string; code: string; expected: string }[] {
  return notes.flatMap((note) => note.examples.map((example) => {
    const files = exampleFiles(note.folder, example);
    return { name: `${note.id}/${example.file}`, code: fs.readFileSync(files.code, 'utf8'), expected: fs.readFileSync(files.expected, 'utf8') };
  }));
}

/** Whether `pid` is a live process; a zombie (exited, not yet reaped) counts as gone. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

function commandLine(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

/** Waits until `pid` is gone, for at most `limitMs`; returns whether it went. */
async function waitUntilGone(pid: number, limitMs = 5000): Promise<boolean> {
  const deadline = Date.now() + limitMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

describe('snippets', function () {
  let notes: ExampleNote[] = [];

  before(async function () {
    notes = (await readBundledNotes(NOTES_ROOT)).notes.map(({ summary }) => ({ id: summary.id, folder: path.dirname(summary.path), examples: summary.examples }));
  });

  describe('toSnippetText', function () {
    it('puts tab stops on constant values and literal call arguments in the main block, sharing numbers', function () {
      const code = [
        'import os',
        'SIZE = 10  # size',
        'NAME: str = "a$b}c\\\\d"',
        'LIMIT = -3',
        'ITEMS = [1, 2]',
        'FLAG = True',
        'lower = 5',
        'GREETING = f"hi {SIZE}"',
        'def f(x, y=7):',
        '    INNER = 4',
        '    return g(x, 8)',
        '',
        'f(9)',
        "if __name__ == '__main__':",
        '    print("label", f(10))',
        '    run("a$b}c\\\\d", retries=3, items=[1], delay=-0.5, name=os.sep)',
        '    if (ready):',
        '        start(None)',
        'tail(11)',
        '',
      ].join('\n');
      assert.equal(toSnippetText(code), [
        'import os',
        'SIZE = ${1:10}  # size',
        'NAME: str = ${2:"a\\$b\\}c\\\\\\\\d"}',
        'LIMIT = ${3:-3}',
        'ITEMS = [1, 2]',
        'FLAG = ${4:True}',
        'lower = 5',
        'GREETING = f"hi {SIZE\\}"',
        'def f(x, y=7):',
        '    INNER = 4',
        '    return g(x, 8)',
        '',
        'f(9)',
        "if __name__ == '__main__':",
        '    print("label", f(${1:10}))',
        '    run(${2:"a\\$b\\}c\\\\\\\\d"}, retries=${5:3}, items=[1], delay=${6:-0.5}, name=os.sep)',
        '    if (ready):',
        '        start(${7:None})',
        'tail(11)',
        '$0',
      ].join('\n'));
    });

    it('handles a one-line main block and multi-line calls', function () {
      assert.equal(toSnippetText('if __name__ == "__main__": main(1)\n'), 'if __name__ == "__main__": main(${1:1})\n$0');
      assert.equal(toSnippetText('if __name__ == "__main__":\n    main(\n        2,  # two\n        x=3,\n        y=(4),\n    )\n'),
        'if __name__ == "__main__":\n    main(\n        ${1:2},  # two\n        x=${2:3},\n        y=(4),\n    )\n$0');
    });

    it('escapes $, } and \\ so that the inserted text is exactly the code', function () {
      const code = 'from string import Template\nt = Template("$name costs ${price}")\nprint("a\\\\b", {"k": "}"}, r"\\$")\n';
      const snippet = toSnippetText(code);
      assert.equal(snippet, 'from string import Template\nt = Template("\\$name costs \\${price\\}")\nprint("a\\\\\\\\b", {"k": "\\}"\\}, r"\\\\\\$")\n$0');
      assert.equal(expandSnippetText(snippet), code);
      assert.equal(toPlainText(code), code);
    });

    it('expands back to every bundled example, with and without a layout', function () {
      const examples = bundledExamples(notes);
      assert.ok(examples.length >= 31, `${examples.length} examples`);
      const layout = { indent: '\t', eol: '\r\n' as const, tabSize: 4 };
      let tabStops = 0;
      for (const { name, code } of examples) {
        assert.equal(expandSnippetText(toSnippetText(code)), code, name);
        assert.equal(expandSnippetText(toSnippetText(code, layout)), toPlainText(code, layout), `${name} with a layout`);
        tabStops += tabStopSpans(code.replace(/\r\n/g, '\n')).length;
      }
      assert.ok(tabStops > 20, `only ${tabStops} tab stops in all examples`);
    });

    it('lays the snippet out for the cursor, keeping multi-line strings as they are', function () {
      const code = 'RAW = """a\n  b\n"""\nif __name__ == "__main__":\n    go(1)\n';
      const layout = { indent: '    ', eol: '\r\n' as const };
      assert.equal(toSnippetText(code, layout), 'RAW = ${1:"""a\r\n  b\r\n"""}\r\n    if __name__ == "__main__":\r\n        go(${2:1})\r\n    $0');
      assert.equal(toPlainText(code, layout), 'RAW = """a\r\n  b\r\n"""\r\n    if __name__ == "__main__":\r\n        go(1)\r\n    ');
    });
  });

  describe('expandSnippetText', function () {
    it('expands tab stops, placeholders, nested placeholders, choices and escapes', function () {
      assert.equal(expandSnippetText('a$1b${2}c${3:d${4:e}f}g${5|h\\,i,j|}k\\$\\}\\\\l$0'), 'abcdefgh,ik$}\\l');
    });

    it('keeps a $ that starts nothing, a lone } and a backslash before other characters as text', function () {
      assert.equal(expandSnippetText('$ ${x} } \\n ${1:open'), '$ ${x} } \\n ${1:open');
    });
  });

  describe('reindent', function () {
    it('indents all lines but the first, keeps relative indentation and empties blank lines', function () {
      const code = '        def f():\n            return 1\n   \n        f()\n';
      assert.equal(reindent(code, '  ', '\r\n'), 'def f():\r\n      return 1\r\n\r\n  f()\r\n  ');
    });

    it('converts indentation to the document\'s tabs or spaces', function () {
      assert.equal(reindent('if x:\n\tif y:\n\t\tz()', '\t', '\n'), 'if x:\n\t\tif y:\n\t\t\tz()');
      assert.equal(reindent('if x:\n    if y:\n      z()', '\t', '\n', { tabSize: 4 }), 'if x:\n\t\tif y:\n\t\t  z()');
      assert.equal(reindent('if x:\n\tz()', '', '\n', { insertSpaces: true, tabSize: 2 }), 'if x:\n  z()');
    });

    it('normalizes mixed line endings and leaves the inside of multi-line strings alone', function () {
      assert.equal(reindent('a = 1\r\nb = """x\r\n  y\n"""\rc = 2', '  ', '\n'), 'a = 1\n  b = """x\n  y\n"""\n  c = 2');
    });
  });

  describe('example paths', function () {
    it('finds the first free name: name.py, name_2.py, name_3.py', function () {
      const taken = new Set([path.join('d', 'demo.py'), path.join('d', 'demo_2.py')]);
      const asked: string[] = [];
      const exists = (file: string): boolean => { asked.push(file); return taken.has(file); };
      assert.equal(freeFileName('d', 'demo.py', exists), 'demo_3.py');
      assert.deepEqual(asked, ['demo.py', 'demo_2.py', 'demo_3.py'].map((name) => path.join('d', name)));
      assert.equal(freeFileName('d', 'other.py', exists), 'other.py');
      assert.throws(() => freeFileName('d', 'x.py', () => true), /No free file name/);
    });

    it('puts copies in study-examples/<category>/<concept>/ and keeps names inside it', function () {
      const root = path.join('work', 'space');
      assert.equal(exampleTargetPath(root, 'python', 'decorator', 'log_calls.py', () => false),
        path.join(root, 'study-examples', 'python', 'decorator', 'log_calls.py'));
      const hostile = exampleTargetPath(root, '../..', '..', '../../evil.py', () => false);
      assert.ok(hostile.startsWith(path.join(root, 'study-examples') + path.sep), hostile);
      assert.equal(path.basename(hostile), 'evil.py');
    });

    it('never overwrites a file on disk', async function () {
      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'snippets-paths-'));
      try {
        const first = await exampleTargetPathAsync(root, 'web', 'http', 'client.py');
        fs.mkdirSync(path.dirname(first), { recursive: true });
        fs.writeFileSync(first, '');
        const second = await exampleTargetPathAsync(root, 'web', 'http', 'client.py');
        assert.equal(path.basename(second), 'client_2.py');
        assert.equal(path.dirname(second), path.dirname(first));
        assert.equal(await freeFileNameAsync(path.dirname(first), 'client.py', async () => false), 'client.py');
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
      }
    });

    it('locates an example and its expected output beside the note', function () {
      const files = exampleFiles(path.join('notes', 'python', 'decorator'), { file: 'log_calls.py', title: 't' });
      assert.deepEqual(files, { code: path.join('notes', 'python', 'decorator', 'log_calls.py'), expected: path.join('notes', 'python', 'decorator', 'log_calls.out') });
    });
  });

  describe('compareOutput', function () {
    it('ignores CRLF and a missing final newline, nothing else', function () {
      assert.deepEqual(compareOutput('a\nb\n', 'a\r\nb'), { equal: true, diff: '' });
      assert.equal(compareOutput('a\n', 'a\n\n').equal, false);
      assert.equal(compareOutput('a\n', 'a \n').equal, false);
      assert.equal(compareOutput('', '\n').equal, false);
    });

    it('explains a difference as a unified diff', function () {
      const result = compareOutput('1\n2\n3\n4\n5\n6\n7\n8\n', '1\n2\n3\n4\nfive\n6\n7\n8\n9\n', { expectedLabel: 'demo.out', actualLabel: 'stdout' });
      assert.equal(result.diff, '--- demo.out\n+++ stdout\n@@ -2,7 +2,8 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n+9\n');
    });

    it('caps a long diff with a localized note and cuts long lines', function () {
      const expected = Array.from({ length: 300 }, (_, i) => `line ${i}`).join('\n');
      const actual = Array.from({ length: 300 }, (_, i) => (i % 2 === 0 ? `line ${i}` : 'x'.repeat(900))).join('\n');
      const { diff } = compareOutput(expected, actual, { maxDiffLines: 50, maxLineLength: 100, locale: 'zh-cn' });
      const lines = diff.split('\n').slice(0, -1);
      assert.equal(lines.length, 2 + 50 + 1);
      assert.ok(lines.every((line) => line.length <= 101), 'a line is longer than the cap');
      const body = 1 + 300 + 150; // the @@ line, every line once, and the 150 replacements
      assert.equal(lines.at(-1), format('zh-cn', 'diffTruncated', body - 50));
    });

    it('still gives a correct diff for outputs too different to diff line by line', function () {
      const expected = ['same', ...Array.from({ length: 3000 }, (_, i) => `a${i}`), 'end'].join('\n');
      const actual = ['same', ...Array.from({ length: 2000 }, (_, i) => `b${i}`), 'end'].join('\n');
      const { diff } = compareOutput(expected, actual, { maxDiffLines: 10_000 });
      const lines = diff.split('\n').slice(0, -1);
      assert.equal(lines[2], '@@ -1,3002 +1,2002 @@');
      assert.deepEqual(lines.slice(3, 5), [' same', '-a0']);
      assert.deepEqual(lines.slice(-2), ['+b1999', ' end']);
      assert.equal(lines.slice(3).filter((line) => line.startsWith('-')).length, 3000);
      assert.equal(lines.slice(3).filter((line) => line.startsWith('+')).length, 2000);
    });

    it('numbers an empty side the unified way', function () {
      const expected = '';
      const actual = Array.from({ length: 2000 }, (_, i) => `${i}`).join('\n');
      const lines = compareOutput(expected, actual, { maxDiffLines: 1 }).diff.split('\n');
      assert.equal(lines[2], '@@ -0,0 +1,2000 @@');
    });
  });

  describe('OutputCollector', function () {
    it('keeps output up to the byte limit, never splitting a character, and counts the rest', function () {
      const collector = new OutputCollector(10, 'en');
      assert.equal(collector.push('abcd'), 'abcd');
      assert.equal(collector.push('中文字'), '中文'); // 3 bytes each: 4 + 6 = 10
      assert.equal(collector.push('more'), '');
      assert.equal(collector.text, 'abcd中文');
      assert.equal(collector.totalBytes, 4 + 9 + 4);
      assert.equal(collector.droppedBytes, 7);
      assert.equal(collector.tail(), `\n${format('en', 'outputTruncated', '7 B')}\n`);
    });

    it('adds no note when everything was kept', function () {
      const collector = new OutputCollector(10, 'zh-cn');
      collector.push('0123456789');
      assert.equal(collector.truncated, false);
      assert.equal(collector.tail(), '');
    });

    it('formats sizes', function () {
      assert.deepEqual([formatBytes(512), formatBytes(1536), formatBytes(19.5 * 1024 * 1024)], ['512 B', '1.5 KB', '19.5 MB']);
    });
  });

  describe('choosing Python', function () {
    it('takes the first candidate with a recent enough version, in order', async function () {
      const versions: Record<string, string | undefined> = { configured: undefined, old: '2.7.18', ancient3: '3.6.9', good: '3.11.7', later: '3.12.0' };
      const probed: string[] = [];
      const probe = async (candidate: string): Promise<string | undefined> => { probed.push(candidate); return versions[candidate]; };
      const search = await findPython(['configured', 'old', 'ancient3', 'good', 'later'], probe);
      assert.deepEqual(search, { found: { path: 'good', version: '3.11.7' }, rejected: [{ path: 'configured' }, { path: 'old', version: '2.7.18' }, { path: 'ancient3', version: '3.6.9' }] });
      assert.deepEqual(probed, ['configured', 'old', 'ancient3', 'good']);
      assert.deepEqual(await findPython(['old'], probe), { rejected: [{ path: 'old', version: '2.7.18' }] });
      assert.equal((await findPython(['x'], async () => { throw new Error('broken'); })).found, undefined);
      assert.equal((await findPython(['ancient3'], probe, '3.6')).found?.path, 'ancient3');
    });

    it('lists candidates: setting, Python extension, python3, python (py on Windows), without repeats', function () {
      assert.deepEqual(pythonCandidates(' /opt/py/bin/python3 ', undefined, 'linux'), ['/opt/py/bin/python3', 'python3', 'python']);
      assert.deepEqual(pythonCandidates('', 'python3', 'win32'), ['python3', 'python', 'py']);
    });

    it('probes a real interpreter and rejects what is not one', async function () {
      this.timeout(20_000);
      assert.match(String(await probePython(PYTHON)), /^3\.\d+\.\d+$/);
      assert.equal(await probePython(path.join(os.tmpdir(), 'no-such-python-here')), undefined);
      assert.equal(await probePython(process.execPath), undefined);
    });
  });

  describe('completion helpers', function () {
    it('names every bundled example sn-<concept>/<file>, uniquely and in note order', function () {
      assert.equal(completionPrefix('decorator'), 'sn-decorator');
      assert.equal(completionLabel('decorator', 'decorator_log_calls.py'), 'sn-decorator/decorator_log_calls');
      const items = snippetCompletions(notes);
      assert.equal(new Set(items.map((item) => item.label)).size, items.length);
      for (const item of items) assert.ok(item.label.startsWith(`${completionPrefix(item.conceptId)}/`), item.label);
      assert.deepEqual(items.map((item) => item.sortText), [...items.map((item) => item.sortText)].sort());
      assert.equal(items[0].noteFolder, notes.find((note) => note.examples.length > 0)?.folder);
    });

    it('finds the sn- word before the cursor', function () {
      assert.deepEqual(completionWordAt('    x = sn-deco', 15), { start: 8, word: 'sn-deco' });
      assert.deepEqual(completionWordAt('sn-decorator/dec rest', 16), { start: 0, word: 'sn-decorator/dec' });
      assert.deepEqual(completionWordAt('SN', 2), { start: 0, word: 'SN' });
      assert.equal(completionWordAt('    x = abc', 11), undefined);
      assert.equal(completionWordAt('obj.sn-x', 8), undefined);
      assert.equal(completionWordAt('xsn-a', 5), undefined);
    });
  });

  describe('exampleEnvironment', function () {
    it('adds loopback to no_proxy, keeping existing entries, and asks for UTF-8 output', function () {
      const posix = exampleEnvironment({ PATH: '/bin', NO_PROXY: 'corp.example, localhost' }, 'linux');
      assert.equal(posix.no_proxy, 'corp.example,localhost,127.0.0.1');
      assert.equal(posix.NO_PROXY, posix.no_proxy);
      assert.equal(posix.PYTHONIOENCODING, 'utf-8');
      assert.equal(posix.PATH, '/bin');
      const windows = exampleEnvironment({ no_proxy: 'a' }, 'win32');
      assert.deepEqual(Object.keys(windows).filter((name) => name.toLowerCase() === 'no_proxy'), ['NO_PROXY']);
      assert.equal(windows.NO_PROXY, 'a,127.0.0.1,localhost');
    });
  });

  describe('runExample', function () {
    this.timeout(60_000);
    let dir: string;
    const strays: number[] = [];
    const write = (name: string, code: string): string => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, code);
      return file;
    };
    const pids = (text: string, label: string): number[] => [...text.matchAll(new RegExp(`${label} (\\d+)`, 'g'))].map((match) => Number(match[1]));

    before(function () {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'snippets-run-'));
    });

    after(function () {
      // Only our sleepers: a pid that is gone may already belong to someone else.
      for (const pid of strays.filter((pid) => isAlive(pid) && commandLine(pid).includes('time.sleep(120)'))) process.kill(pid, 'SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('runs a program in its folder, streaming stdout and stderr, with loopback exempt from proxies', async function () {
      const file = write('snippets_hello.py', [
        'import os, sys',
        'print("héllo 你好")',
        'print("oops", file=sys.stderr)',
        'print(os.path.realpath(os.getcwd()))',
        'print(os.environ["no_proxy"])',
        'sys.exit(3)',
        '',
      ].join('\n'));
      const streamed: [string, OutputStream][] = [];
      const result = await runExample(PYTHON, file, { onOutput: (text, stream) => streamed.push([text, stream]) });
      const expected = `héllo 你好\n${fs.realpathSync(dir)}\n${exampleEnvironment(process.env).no_proxy}\n`;
      assert.equal(result.exitCode, 3);
      assert.equal(result.signal, null);
      assert.equal(result.timedOut || result.cancelled, false);
      assert.equal(result.stdout.text, expected);
      assert.ok(compareOutput(expected, result.stdout.text).equal);
      assert.match(result.stdout.text, /127\.0\.0\.1/);
      assert.equal(result.output.text.replace('oops\n', ''), expected);
      assert.equal(streamed.filter(([, stream]) => stream === 'stderr').map(([text]) => text).join(''), 'oops\n');
      assert.equal(streamed.map(([text]) => text).join(''), result.output.text);
    });

    it('runs a bundled example copied into a folder and matches its .out file', async function () {
      const example = bundledExamples(notes).find((candidate) => candidate.name === 'decorator/decorator_log_calls.py');
      assert.ok(example, 'decorator_log_calls.py is bundled');
      const file = write('decorator_log_calls.py', example.code);
      const result = await runExample(PYTHON, file);
      assert.equal(result.exitCode, 0);
      assert.deepEqual(compareOutput(example.expected, result.stdout.text), { equal: true, diff: '' });
    });

    it('kills the whole process tree at the time limit', async function () {
      const file = write('snippets_hang.py', [
        'import subprocess, sys, time',
        'child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])',
        'print("parent", __import__("os").getpid())',
        'print("child", child.pid)',
        'time.sleep(120)',
        '',
      ].join('\n'));
      // Long enough for a slow machine to start both interpreters and print their pids first.
      const result = await runExample(PYTHON, file, { timeoutMs: 5000 });
      const [parent] = pids(result.stdout.text, 'parent');
      const [child] = pids(result.stdout.text, 'child');
      strays.push(parent, child);
      assert.ok(parent && child, result.output.text);
      assert.equal(result.timedOut, true);
      assert.equal(result.cancelled, false);
      assert.equal(result.exitCode, null);
      assert.equal(await waitUntilGone(child), true, `child ${child} still runs`);
      assert.equal(await waitUntilGone(parent), true, `parent ${parent} still runs`);
    });

    it('stops processes an example leaves behind, and returns even when one escaped its process group', async function () {
      if (process.platform === 'win32') this.skip();
      const file = write('snippets_leftovers.py', [
        'import subprocess, sys',
        'left = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"], stdout=subprocess.DEVNULL)',
        'escaped = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"], start_new_session=True)',
        'print("left", left.pid)',
        'print("escaped", escaped.pid)',
        '',
      ].join('\n'));
      const result = await runExample(PYTHON, file, { timeoutMs: 30_000 });
      const [left] = pids(result.stdout.text, 'left');
      const [escaped] = pids(result.stdout.text, 'escaped');
      strays.push(left, escaped);
      assert.equal(result.exitCode, 0, result.output.text);
      assert.equal(result.timedOut, false);
      assert.equal(await waitUntilGone(left), true, `leftover ${left} still runs`);
    });

    it('keeps 1 MB of a 20 MB output, counts all of it and notes the rest once', async function () {
      const file = write('snippets_flood.py', 'import sys\nline = "x" * 1023 + "\\n"\nfor _ in range(20 * 1024):\n    sys.stdout.write(line)\n');
      const streamed: [string, OutputStream][] = [];
      const result = await runExample(PYTHON, file, { timeoutMs: 60_000, locale: 'zh-cn', onOutput: (text, stream) => streamed.push([text, stream]) });
      const limit = 1024 * 1024;
      assert.equal(result.exitCode, 0);
      assert.equal(result.output.totalBytes, 20 * limit);
      assert.equal(Buffer.byteLength(result.output.text), limit);
      assert.equal(result.stdout.text, result.output.text);
      const notes = streamed.filter(([, stream]) => stream === 'note');
      assert.deepEqual(notes, [[format('zh-cn', 'outputTruncated', '19.0 MB') + '\n', 'note']]);
      assert.equal(streamed.filter(([, stream]) => stream === 'stdout').reduce((sum, [text]) => sum + text.length, 0), limit);
    });

    it('is cancelled through an AbortSignal, killing the tree', async function () {
      const file = write('snippets_cancel.py', [
        'import subprocess, sys, time',
        'child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])',
        'print("child", child.pid)',
        'time.sleep(120)',
        '',
      ].join('\n'));
      const controller = new AbortController();
      // Output arrives in chunks that need not be whole lines: `python -u` writes print()'s parts one by one
      // ("child", " ", pid, "\n"), so the line is matched in what has arrived so far, not in a single chunk.
      let seen = '';
      const onOutput = (text: string, stream: OutputStream): void => {
        if (stream === 'stdout') seen += text;
        if (/^child \d+\n/m.test(seen) && !controller.signal.aborted) controller.abort();
      };
      const result = await runExample(PYTHON, file, { signal: controller.signal, onOutput });
      const [child] = pids(result.stdout.text, 'child');
      strays.push(child);
      assert.equal(result.cancelled, true);
      assert.equal(result.timedOut, false);
      assert.equal(await waitUntilGone(child), true, `child ${child} still runs`);

      const before = new AbortController();
      before.abort();
      const skipped = await runExample(PYTHON, file, { signal: before.signal });
      assert.deepEqual([skipped.cancelled, skipped.exitCode, skipped.output.totalBytes], [true, null, 0]);
    });

    it('rejects when Python cannot be started', async function () {
      await assert.rejects(runExample(path.join(dir, 'no-such-python'), write('snippets_never.py', 'print(1)\n')), /ENOENT/);
    });
  });
});
