// The bundled notes are the product: every concept of the seed plus the notes added after it,
// complete, runnable, diagrammed, quizzable and linked both ways. These tests hold them to that. STUDY_NOTES_NOTE_IDS=a,b limits the per-note checks.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { categoriesOf, readBundledNotes, type BundledNote } from '../support/bundledNotes';
import { mermaidError } from '../support/mermaid';
import { runExerciseTests, runPython, stdlibModules } from '../support/python';

const NOTES_ROOT = path.resolve(__dirname, '../../../notes');

/**
 * The bundled table of contents, category by category in `order`: the seed's concepts in the seed's
 * order, then the notes added after it at the end of their categories.
 */
const BUNDLED_TOC: Record<string, string[]> = {
  python: ['python-list', 'python-dict', 'function-parameters', 'higher-order-functions', 'closure', 'decorator',
    'partial-function', 'iterator', 'singleton', 'multithreading', 'thread-local', 'multiprocessing', 'coroutine',
    'python-memory-gc', 'python-object-model'],
  spider: ['web-crawler'],
  web: ['forward-reverse-proxy', 'tcp-handshake', 'get-post', 'session-cookie-token', 'http', 'wsgi', 'mvc', 'flask', 'django',
    'https-tls'],
  database: ['transaction', 'distributed-transaction', 'isolation-level', 'consistent-hashing', 'cache-penetration-breakdown-avalanche',
    'mysql-index', 'redis', 'database-scaling'],
  other: ['procedural-programming', 'rabbitmq', 'load-balancing', 'io-multiplexing', 'rate-limiting'],
};

/** Notes written after the seed; they must be at least as thorough as the seed's notes became. */
const ADDED_NOTES = ['mysql-index', 'redis', 'database-scaling', 'python-memory-gc', 'python-object-model', 'https-tls',
  'io-multiplexing', 'rate-limiting'];

/** Diagrams the notes issue requires, as the mermaid diagram kinds each note must hold at least. */
const REQUIRED_DIAGRAMS: Record<string, string[]> = {
  'tcp-handshake': ['sequenceDiagram', 'sequenceDiagram', 'stateDiagram'],
  'forward-reverse-proxy': ['any'],
  http: ['any'],
  wsgi: ['any'],
  mvc: ['any'],
  'session-cookie-token': ['any'],
  'distributed-transaction': ['any'],
  'consistent-hashing': ['any'],
  'cache-penetration-breakdown-avalanche': ['any'],
  rabbitmq: ['any'],
  'load-balancing': ['any'],
  coroutine: ['any'],
  multithreading: ['any'],
  'mysql-index': ['any'],
  redis: ['any'],
  'database-scaling': ['any'],
  'python-memory-gc': ['any'],
  'python-object-model': ['any'],
  'https-tls': ['sequenceDiagram', 'sequenceDiagram'],
  'io-multiplexing': ['any'],
  'rate-limiting': ['any'],
};

/** Errors the seed review lists; none may survive into the bundled notes. */
const SEED_ERRORS: [RegExp, string][] = [
  [/ROOLBACK/, 'ROOLBACK'],
  [/\bINS\b/, 'INS for ISN'],
  [/\bbanding\b|\bbinging\b/i, 'banding/binging for binding'],
  [/期程/, '期程'],
  [/\bsqp\b/, 'sqp for seq'],
  [/jinjia2/i, 'jinjia2'],
  [/一盒函数/, '一盒函数'],
  [/没4ms/, '没4ms'],
  [/Web-Server-Gateway-Interface/, 'Web-Server-Gateway-Interface'],
  [/fucking|funking|joking/i, 'profanity from the WSGI example'],
  [/Try[- ]Commit[- ]Cancel/i, 'TCC spelled with Commit'],
  [/session\s*(存储|保存|存放)在客户端/i, '"session is stored on the client"'],
  [/散列冲突会导致字典内?无序/, '"hash collisions make dicts unordered"'],
];

/** Seconds an empty `python3 -I` takes right now: a loaded machine slows start-up, not the examples. */
const interpreterStart = (): number => runPython('pass').seconds;

const only = new Set((process.env.STUDY_NOTES_NOTE_IDS ?? '').split(',').filter(Boolean));
const checked = (note: BundledNote): boolean => only.size === 0 || only.has(note.summary.id);

describe('bundled notes', function () {
  let notes: BundledNote[] = [];

  before(async function () {
    ({ notes } = await readBundledNotes(NOTES_ROOT));
  });

  it('has exactly the notes of the bundled table of contents, in five categories and its order', function () {
    if (only.size > 0) this.skip();
    const found = categoriesOf(notes);
    assert.deepEqual(found, BUNDLED_TOC);
    for (const [category, ids] of Object.entries(found)) {
      const orders = ids.map((id) => notes.find((note) => note.summary.id === id)!.summary.order);
      assert.deepEqual(orders, ids.map((_, i) => i + 1), `orders in ${category}`);
    }
  });

  it('has at least 100 quiz questions with ids unique across all notes', function () {
    if (only.size > 0) this.skip();
    const ids = notes.flatMap((note) => note.summary.quiz.map((question) => question.id));
    assert.ok(ids.length >= 100, `${ids.length} questions`);
    const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
    assert.deepEqual(repeated, []);
  });

  it('has every related link going both ways', function () {
    // A related list is a two-way relation: if a lists b, b lists a. With STUDY_NOTES_NOTE_IDS, only
    // links with a checked note at one end are looked at.
    const byId = new Map(notes.map((note) => [note.summary.id, note]));
    const oneWay: string[] = [];
    for (const note of notes) {
      for (const other of note.summary.related) {
        const target = byId.get(other);
        if (!target || (!checked(note) && !checked(target))) continue; // a missing id is reported by the validity check
        if (!target.summary.related.includes(note.summary.id)) oneWay.push(`${note.summary.id} -> ${other} (${other} does not list ${note.summary.id})`);
      }
    }
    assert.deepEqual(oneWay, []);
  });

  it('has at least 6 quiz questions and 2 examples in each note added after the seed', function () {
    const failures: string[] = [];
    for (const id of ADDED_NOTES.filter((id) => only.size === 0 || only.has(id))) {
      const note = notes.find((candidate) => candidate.summary.id === id);
      if (!note) {
        failures.push(`${id}: not bundled`);
        continue;
      }
      const quiz = note.summary.quiz.length;
      const examples = note.summary.examples.length;
      if (quiz < 6) failures.push(`${id}: only ${quiz} quiz questions`);
      if (examples < 2) failures.push(`${id}: only ${examples} examples`);
    }
    assert.deepEqual(failures, []);
  });

  it('every mermaid block parses with mermaid\'s own parser', async function () {
    this.timeout(120_000);
    const failures: string[] = [];
    for (const note of notes.filter(checked)) {
      for (const [i, diagram] of note.diagrams.entries()) {
        const error = await mermaidError(diagram);
        if (error) failures.push(`${note.summary.id} diagram ${i + 1}: ${error.split('\n').slice(0, 4).join(' | ')}`);
      }
    }
    assert.deepEqual(failures, []);
  });

  describe('each note', function () {
    it('is valid, complete and consistent', function () {
      const failures: string[] = [];
      for (const note of notes.filter(checked)) {
        const meta = note.summary;
        const id = meta.id;
        const fail = (message: string): void => { failures.push(`${id}: ${message}`); };
        for (const problem of note.allProblems) fail(`line ${problem.range.startLine + 1}: ${problem.message}`);
        if (meta.inferred) fail('has no usable front matter');
        for (const key of ['titleEn', 'category', 'order', 'summary'] as const) {
          if (meta[key] === undefined) fail(`front matter lacks ${key}`);
        }
        for (const key of ['covers', 'examples', 'quiz'] as const) {
          if (meta[key].length === 0) fail(`front matter lacks ${key}`);
        }
        if (path.basename(meta.path, '.md') !== id || path.basename(path.dirname(meta.path)) !== id) fail('file is not <category>/<id>/<id>.md');
        if (note.headings[0]?.level !== 1 || note.headings[0]?.text !== meta.title) fail('body does not start with "# <title>"');
        if (meta.quiz.length < 3) fail(`only ${meta.quiz.length} quiz questions`);
        for (const question of meta.quiz) {
          if (!question.id.startsWith(`${id}-`)) fail(`question id ${question.id} does not start with the note id`);
          if (!question.ref) fail(`question ${question.id} has no ref to a heading`);
        }
        const kinds = note.diagrams.map((diagram) => diagram.trim().split(/\s/)[0].replace(/-v2$/, ''));
        const remaining = [...kinds];
        const required = REQUIRED_DIAGRAMS[id] ?? [];
        const missing: string[] = [];
        for (const want of [...required.filter((kind) => kind !== 'any'), ...required.filter((kind) => kind === 'any')]) {
          const at = want === 'any' ? remaining.length - 1 : remaining.indexOf(want);
          if (at === -1) missing.push(want);
          else remaining.splice(at, 1);
        }
        if (missing.length > 0) fail(`lacks required diagram(s): ${missing.join(', ')}`);
        const text = fs.readFileSync(meta.path, 'utf8');
        for (const [pattern, name] of SEED_ERRORS) if (pattern.test(text)) fail(`seed error survives: ${name}`);
      }
      assert.deepEqual(failures, []);
    });

    it('has runnable examples whose output matches the stored output', function () {
      this.timeout(300_000);
      const failures: string[] = [];
      const stdlib = stdlibModules();
      for (const note of notes.filter(checked)) {
        const examples = note.summary.examples;
        if (examples.length === 0) failures.push(`${note.summary.id}: no example`);
        for (const example of examples) {
          const where = `${note.summary.id}/${example.file}`;
          const file = path.join(path.dirname(note.summary.path), example.file);
          const expectedFile = file.replace(/\.py$/, '.out');
          if (stdlib.has(example.file.replace(/\.py$/, ''))) failures.push(`${where}: shadows the standard-library module`);
          if (!fs.existsSync(file) || !fs.existsSync(expectedFile)) {
            failures.push(`${where}: missing ${fs.existsSync(file) ? path.basename(expectedFile) : example.file}`);
            continue;
          }
          const run = runPython(fs.readFileSync(file, 'utf8'), example.file);
          if (run.status !== 0) failures.push(`${where}: exit ${run.status}${run.timedOut ? ' (timed out)' : ''}\n${run.stderr}`);
          else if (run.stdout !== fs.readFileSync(expectedFile, 'utf8')) failures.push(`${where}: output differs from ${path.basename(expectedFile)}:\n${run.stdout}`);
          else if (run.seconds - interpreterStart() >= 2) failures.push(`${where}: took ${run.seconds.toFixed(2)} s (limit 2 s after interpreter start)`);
        }
      }
      assert.deepEqual(failures, []);
    });

    it('has exercises whose hidden tests pass on the reference solution and fail on the starter', function () {
      this.timeout(600_000);
      const failures: string[] = [];
      const stdlib = stdlibModules();
      const exerciseIds = new Set<string>();
      for (const note of notes.filter(checked)) {
        const exercises = note.summary.exercises;
        if (exercises.length === 0) failures.push(`${note.summary.id}: no exercise`);
        const headings = new Set(note.headings.map((heading) => heading.text));
        for (const exercise of exercises) {
          const where = `${note.summary.id}/${exercise.id}`;
          if (!exercise.id.startsWith(`${note.summary.id}-`)) failures.push(`${where}: id does not start with the note id`);
          if (exerciseIds.has(exercise.id)) failures.push(`${where}: id used twice`);
          exerciseIds.add(exercise.id);
          if (!headings.has(exercise.ref)) failures.push(`${where}: ref "${exercise.ref}" names no heading of the note`);
          const files = [exercise.starter, exercise.tests, exercise.solution];
          if (new Set(files).size !== 3) failures.push(`${where}: starter, tests and solution must be three different files`);
          for (const file of files) {
            if (stdlib.has(file.replace(/\.py$/, ''))) failures.push(`${where}: ${file} shadows the standard-library module`);
          }
          const folder = path.dirname(note.summary.path);
          const missing = files.filter((file) => !fs.existsSync(path.join(folder, file)));
          if (missing.length > 0) {
            failures.push(`${where}: missing ${missing.join(', ')}`);
            continue;
          }
          const testsFile = path.join(folder, exercise.tests);
          const solved = runExerciseTests(testsFile, exercise.starter, fs.readFileSync(path.join(folder, exercise.solution), 'utf8'));
          const solvedTests = solved.report.tests;
          if (solved.status !== 0 || solvedTests.length === 0 || solvedTests.some((test) => test.status !== 'passed')) {
            failures.push(`${where}: the reference solution does not pass (exit ${solved.status}${solved.timedOut ? ', timed out' : ''}):\n${solved.stderr.slice(-3000)}`);
          } else if (solvedTests.length < 3) {
            failures.push(`${where}: only ${solvedTests.length} test(s); write at least 3`);
          } else if (solved.seconds - interpreterStart() >= 3) {
            failures.push(`${where}: the tests took ${solved.seconds.toFixed(2)} s on the solution (limit 3 s after interpreter start)`);
          }
          const started = runExerciseTests(testsFile, exercise.starter, fs.readFileSync(path.join(folder, exercise.starter), 'utf8'));
          const startedFailing = started.report.tests.filter((test) => test.status === 'failed' || test.status === 'errored');
          if (started.status === 0 || started.timedOut) {
            failures.push(`${where}: the tests ${started.timedOut ? 'hang' : 'pass'} on the starter; they must fail quickly`);
          } else if (started.report.loadError) {
            failures.push(`${where}: the starter does not import: ${started.report.loadError.message}`);
          } else if (startedFailing.length === 0) {
            failures.push(`${where}: no test fails on the starter`);
          }
        }
      }
      assert.deepEqual(failures, []);
    });

    it('has "what does this print" questions whose stored answer is what the code prints', function () {
      this.timeout(300_000);
      const failures: string[] = [];
      for (const note of notes.filter(checked)) {
        for (const question of note.summary.quiz.filter((q) => q.type === 'output')) {
          const run = runPython(question.code ?? '');
          const printed = run.stdout.replace(/\n$/, '');
          if (run.status !== 0) failures.push(`${question.id}: exit ${run.status}\n${run.stderr}`);
          else if (printed !== question.answer) failures.push(`${question.id}: prints ${JSON.stringify(printed)}, answer says ${JSON.stringify(question.answer)}`);
        }
      }
      assert.deepEqual(failures, []);
    });
  });
});
