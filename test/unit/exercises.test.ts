// Practice exercises without VS Code: the front matter schema of exercises, reading unittest's
// report (Python 3.8-3.10 and 3.11+ shapes, subTests, a module that does not import, a test that
// writes to stderr, a run cut short), test discovery from source, and exercise passes as reviews.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import {
  afterRun, exerciseArguments, MAX_ATTEMPT_MS, newAttempt, parseUnittestOutput, testCasesOf, testedDefinition, withHint, withSolution,
} from '../../src/core/exercises';
import type { QuizQuestion } from '../../src/core/model';
import { parseNoteDocument } from '../../src/core/notes/parseNote';
import {
  buildQueue, conceptMastery, createExerciseReviewEntry, exerciseGrade, exerciseItemsOf, isExerciseReview, parseReviewLog,
  QuizSchedule, Rating, serializeReview, type QuizItem,
} from '../../src/core/quiz';
import { PYTHON } from '../support/python';

const LEARNER = '/work/study-exercises/python/demo/demo_exercise.py';
const TESTS = '/ext/notes/python/demo/demo_exercise_test.py';

/** Python 3.11+: `test (module.Class.test)`, subTest failures on lines of their own, carets under calls. */
const REPORT_311 = `test_add (exercise_tests.DemoTests.test_add) ... ERROR
test_doc (exercise_tests.DemoTests.test_doc)
Adds lists. ... FAIL
test_ok (exercise_tests.DemoTests.test_ok) ... ok
test_skip (exercise_tests.DemoTests.test_skip) ... skipped 'not yet'
test_sub (exercise_tests.DemoTests.test_sub) ... 
  test_sub (exercise_tests.DemoTests.test_sub) (n=1) ... FAIL
  test_sub (exercise_tests.DemoTests.test_sub) [odd] (n=3) ... FAIL
test_twice (exercise_tests.DemoTests.test_twice) ... FAIL

======================================================================
ERROR: test_add (exercise_tests.DemoTests.test_add)
----------------------------------------------------------------------
Traceback (most recent call last):
  File "${TESTS}", line 8, in test_add
    self.assertEqual(add(1, 2), 3)
                     ^^^^^^^^^
  File "${LEARNER}", line 5, in add
    raise NotImplementedError
NotImplementedError

======================================================================
FAIL: test_doc (exercise_tests.DemoTests.test_doc)
Adds lists.
----------------------------------------------------------------------
Traceback (most recent call last):
  File "${TESTS}", line 15, in test_doc
    self.assertEqual(twice([1, 2]), [1, 2, 1, 2])
AssertionError: Lists differ: [1, 2, 1, 2, 1, 2] != [1, 2, 1, 2]

First list contains 2 additional elements.

- [1, 2, 1, 2, 1, 2]
+ [1, 2, 1, 2]

======================================================================
FAIL: test_sub (exercise_tests.DemoTests.test_sub) (n=1)
----------------------------------------------------------------------
Traceback (most recent call last):
  File "${TESTS}", line 21, in test_sub
    self.assertEqual(twice(n), 2 * n)
AssertionError: 3 != 2

======================================================================
FAIL: test_sub (exercise_tests.DemoTests.test_sub) [odd] (n=3)
----------------------------------------------------------------------
Traceback (most recent call last):
  File "${TESTS}", line 21, in test_sub
    self.assertEqual(twice(n), 2 * n)
AssertionError: 9 != 6

======================================================================
FAIL: test_twice (exercise_tests.DemoTests.test_twice)
----------------------------------------------------------------------
Traceback (most recent call last):
  File "${TESTS}", line 11, in test_twice
    self.assertEqual(twice("ab"), "abab")
AssertionError: 'ababab' != 'abab'
- ababab
?     --
+ abab


----------------------------------------------------------------------
Ran 6 tests in 0.003s

FAILED (failures=4, errors=1, skipped=1)
`;

/**
 * Python 3.8-3.10: `test (module.Class)`; a test whose subTests fail gets no status at all, so the
 * next test's description follows on the same line.
 */
const REPORT_310 = `test_add (exercise_tests.DemoTests) ... ERROR
test_ok (exercise_tests.DemoTests) ... ok
test_sub (exercise_tests.DemoTests) ... test_twice (exercise_tests.DemoTests) ... ok

======================================================================
ERROR: test_add (exercise_tests.DemoTests)
----------------------------------------------------------------------
Traceback (most recent call last):
  File "${TESTS}", line 8, in test_add
    self.assertEqual(add(1, 2), 3)
  File "${LEARNER}", line 5, in add
    raise NotImplementedError
NotImplementedError

======================================================================
FAIL: test_sub (exercise_tests.DemoTests) (n=1)
----------------------------------------------------------------------
Traceback (most recent call last):
  File "${TESTS}", line 21, in test_sub
    self.assertEqual(twice(n), 2 * n)
AssertionError: 3 != 2

----------------------------------------------------------------------
Ran 4 tests in 0.002s

FAILED (failures=1, errors=1)
`;

describe('exercises', function () {
  describe('front matter schema', function () {
    const parse = (exercises: string) => parseNoteDocument({
      path: '/notes/python/demo/demo.md', root: '/notes', namespace: 'user',
      text: `---\nid: demo\ntitle: Demo\nexercises:\n${exercises}---\n# Demo\n\n## 练习：写 add\n`,
    });

    it('keeps a complete exercise with up to three hints', function () {
      const note = parse('  - id: demo-add\n    title: 写 add\n    titleEn: Write add\n    ref: 练习：写 add\n    starter: demo_exercise.py\n'
        + '    tests: demo_exercise_test.py\n    solution: demo_exercise_solution.py\n    hints: [先想清楚, 再写, 最后测]\n');
      assert.deepEqual(note.problems, []);
      assert.deepEqual(note.summary.exercises, [{
        id: 'demo-add', title: '写 add', titleEn: 'Write add', ref: '练习：写 add', starter: 'demo_exercise.py',
        tests: 'demo_exercise_test.py', solution: 'demo_exercise_solution.py', hints: ['先想清楚', '再写', '最后测'],
      }]);
    });

    for (const [what, exercise, problem] of [
      ['no tests file', '  - id: demo-add\n    title: t\n    ref: r\n    starter: a.py\n    solution: c.py\n', /required property 'tests'/],
      ['an id that is not kebab-case', '  - id: Demo_Add\n    title: t\n    ref: r\n    starter: a.py\n    tests: b.py\n    solution: c.py\n', /\/exercises\/0\/id/],
      ['a starter that cannot be imported by its name', '  - id: demo-add\n    title: t\n    ref: r\n    starter: demo-exercise.py\n    tests: b.py\n    solution: c.py\n', /\/exercises\/0\/starter/],
      ['four hints', '  - id: demo-add\n    title: t\n    ref: r\n    starter: a.py\n    tests: b.py\n    solution: c.py\n    hints: [1, 2, 3, 4]\n', /\/exercises\/0\/hints/],
      ['an unknown field', '  - id: demo-add\n    title: t\n    ref: r\n    starter: a.py\n    tests: b.py\n    solution: c.py\n    answer: c.py\n', /answer|additional/],
    ] as const) {
      it(`reports ${what} and leaves the exercise out`, function () {
        const note = parse(exercise);
        assert.deepEqual(note.summary.exercises, []);
        assert.ok(note.problems.some((found) => problem.test(found.message)), note.problems.map((found) => found.message).join('\n'));
      });
    }
  });

  describe('unittest report', function () {
    it('reads Python 3.11+ output: statuses, assertions with expected and actual, subTests, locations', function () {
      const report = parseUnittestOutput(REPORT_311, LEARNER);
      assert.equal(report.finished, true);
      assert.equal(report.loadError, undefined);
      const byName = new Map(report.tests.map((test) => [test.method, test]));
      assert.deepEqual(report.tests.map((test) => [test.className, test.method, test.status]), [
        ['DemoTests', 'test_add', 'errored'], ['DemoTests', 'test_doc', 'failed'], ['DemoTests', 'test_ok', 'passed'],
        ['DemoTests', 'test_skip', 'skipped'], ['DemoTests', 'test_sub', 'failed'], ['DemoTests', 'test_twice', 'failed'],
      ]);
      assert.equal(byName.get('test_skip')!.reason, 'not yet');
      const [notImplemented] = byName.get('test_add')!.failures;
      assert.equal(notImplemented.message, 'NotImplementedError');
      assert.deepEqual(notImplemented.location, { file: LEARNER, line: 4 });
      const [lists] = byName.get('test_doc')!.failures;
      assert.match(lists.message, /^AssertionError: Lists differ: .*\n\nFirst list contains 2 additional elements\./);
      assert.deepEqual([lists.actual, lists.expected, lists.location, lists.testLine], ['[1, 2, 1, 2, 1, 2]', '[1, 2, 1, 2]', undefined, 14]);
      assert.deepEqual(byName.get('test_sub')!.failures.map((failure) => [failure.subTest, failure.actual, failure.expected]), [['(n=1)', '3', '2'], ['[odd] (n=3)', '9', '6']]);
      const [strings] = byName.get('test_twice')!.failures;
      assert.deepEqual([strings.actual, strings.expected], ["'ababab'", "'abab'"]);
      assert.match(strings.message, /\n- ababab\n\? {5}--\n\+ abab$/);
    });

    it('reads Python 3.8-3.10 output, where a test with failing subTests has no status line', function () {
      const report = parseUnittestOutput(REPORT_310, LEARNER);
      assert.deepEqual(report.tests.map((test) => [test.className, test.method, test.status]).sort(), [
        ['DemoTests', 'test_add', 'errored'], ['DemoTests', 'test_ok', 'passed'], ['DemoTests', 'test_sub', 'failed'], ['DemoTests', 'test_twice', 'passed'],
      ]);
      const add = report.tests.find((test) => test.method === 'test_add')!;
      assert.deepEqual(add.failures[0].location, { file: LEARNER, line: 4 });
      assert.deepEqual(report.tests.find((test) => test.method === 'test_sub')!.failures.map((failure) => failure.subTest), ['(n=1)']);
      assert.equal(report.unfinished, undefined);
    });

    it('reports a learner module that does not import, at its line', function () {
      const syntax = parseUnittestOutput(`STUDY-NOTES-LOAD-ERROR
Traceback (most recent call last):
  File "<string>", line 24, in <module>
  File "<frozen importlib._bootstrap_external>", line 940, in exec_module
  File "${TESTS}", line 3, in <module>
    from demo_exercise import add, twice
  File "${LEARNER}", line 7
    def twice(x)
                ^
SyntaxError: expected ':'
`, LEARNER);
      assert.deepEqual(syntax.tests, []);
      assert.equal(syntax.loadError?.message, "SyntaxError: expected ':'");
      assert.deepEqual(syntax.loadError?.location, { file: LEARNER, line: 6 });
      const missing = parseUnittestOutput(`STUDY-NOTES-LOAD-ERROR
Traceback (most recent call last):
  File "${TESTS}", line 3, in <module>
    from demo_exercise import add, twice
ImportError: cannot import name 'twice' from 'demo_exercise' (${LEARNER})
`, LEARNER);
      assert.equal(missing.loadError?.message, `ImportError: cannot import name 'twice' from 'demo_exercise' (${LEARNER})`);
      assert.equal(missing.loadError?.location, undefined);
    });

    it('finds the status of a test that wrote to the process\'s stderr while it ran, and ignores colours', function () {
      const report = parseUnittestOutput('test_noisy (exercise_tests.DemoTests.test_noisy) ... debug: 1\ndebug: 2\nok\n'
        + 'test_coloured (exercise_tests.DemoTests.test_coloured) ... \u001b[32mok\u001b[0m\n\n'
        + '----------------------------------------------------------------------\nRan 2 tests in 0.001s\n\nOK\n', LEARNER);
      assert.deepEqual(report.tests.map((test) => [test.method, test.status]), [['test_noisy', 'passed'], ['test_coloured', 'passed']]);
    });

    it('names the test that was running when a run was cut short', function () {
      const report = parseUnittestOutput('test_fast (exercise_tests.DemoTests.test_fast) ... ok\ntest_loop (exercise_tests.DemoTests.test_loop) ... ', LEARNER);
      assert.equal(report.finished, false);
      assert.deepEqual(report.tests.map((test) => [test.method, test.status]), [['test_fast', 'passed']]);
      assert.deepEqual(report.unfinished, { method: 'test_loop', className: 'DemoTests' });
    });

    it('reads what the real runner prints, with the learner\'s prints to stdout and stderr kept out of the report', function () {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'study-notes-exercise-'));
      try {
        const learner = path.join(dir, 'demo_exercise.py');
        const tests = path.join(dir, 'hidden', 'demo_exercise_test.py');
        fs.mkdirSync(path.dirname(tests));
        fs.writeFileSync(learner, 'import sys\n\n\ndef add(a, b):\n    print("adding", a, b, file=sys.stderr)\n    return a - b\n\n\ndef twice(x):\n    raise NotImplementedError\n');
        fs.writeFileSync(tests, 'import unittest\n\nfrom demo_exercise import add, twice\n\n\nclass DemoTests(unittest.TestCase):\n'
          + '    def test_add(self):\n        self.assertEqual(add(1, 2), 3)\n\n    def test_twice(self):\n        self.assertEqual(twice(2), 4)\n\n'
          + '    def test_steps(self):\n        for n in range(3):\n            with self.subTest(n=n):\n                self.assertEqual(add(n, n), 2 * n)\n');
        const run = spawnSync(PYTHON, exerciseArguments(tests, dir), { cwd: dir, encoding: 'utf8', timeout: 20_000 });
        assert.equal(run.status, 1, run.stderr);
        assert.match(run.stdout, /adding 1 2/);
        assert.doesNotMatch(run.stderr, /adding/);
        const report = parseUnittestOutput(run.stderr, learner);
        assert.deepEqual(report.tests.map((test) => [test.method, test.status]).sort(), [['test_add', 'failed'], ['test_steps', 'failed'], ['test_twice', 'errored']]);
        const add = report.tests.find((test) => test.method === 'test_add')!.failures[0];
        assert.deepEqual([add.actual, add.expected, add.location], ['-1', '3', undefined]);
        // The assertion never entered the learner's file: the location is where the tested function is defined.
        assert.equal(testedDefinition(fs.readFileSync(tests, 'utf8'), add.testLine!, fs.readFileSync(learner, 'utf8'), 'demo_exercise'), 3);
        assert.deepEqual(report.tests.find((test) => test.method === 'test_twice')!.failures[0].location, { file: learner, line: 9 });
        assert.deepEqual(report.tests.find((test) => test.method === 'test_steps')!.failures.map((failure) => failure.subTest), ['(n=1)', '(n=2)']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('test source', function () {
    it('lists the test methods of TestCase classes, inherited ones included, and nothing else', function () {
      const source = 'import unittest\n\nclass Helper:\n    def test_not_a_case(self):\n        pass\n\n'
        + 'class Base(unittest.TestCase):\n    def setUp(self):\n        pass\n\n    def test_one(self):\n        pass\n\n'
        + 'class More(Base):\n    async def test_two(self):\n        pass\n\ndef test_module_level():\n    pass\n';
      assert.deepEqual(testCasesOf(source), [{ className: 'Base', method: 'test_one', line: 10 }, { className: 'More', method: 'test_two', line: 14 }]);
    });

    it('finds every test of every bundled exercise', function () {
      const root = path.resolve(__dirname, '../../../notes');
      const testsFiles = fs.readdirSync(root, { recursive: true }).map(String).filter((file) => file.endsWith('_exercise_test.py'));
      assert.ok(testsFiles.length >= 39, `${testsFiles.length} tests files`);
      for (const file of testsFiles) {
        const source = fs.readFileSync(path.join(root, file), 'utf8');
        const declared = source.match(/^\s+def test\w*\(/gm)?.length ?? 0;
        assert.equal(testCasesOf(source).length, declared, file);
        assert.ok(declared >= 3, file);
      }
    });

    it('points a failure outside the learner\'s file at the definition the test was calling', function () {
      const tests = 'import unittest\nfrom demo_exercise import Counter, add as plus\nimport demo_exercise\n\nclass T(unittest.TestCase):\n'
        + '    def test_counter(self):\n        counter = Counter()\n        counter.tick()\n        self.assertEqual(counter.value, 1)\n\n'
        + '    def test_plus(self):\n        self.assertEqual(plus(1, 2), 3)\n\n    def test_module(self):\n        self.assertEqual(demo_exercise.twice(2), 4)\n\n'
        + '    def test_nothing(self):\n        self.assertEqual(1, 2)\n';
      const learner = '"""Demo."""\n\n\nclass Counter:\n    def tick(self):\n        pass\n\n\ndef add(a, b):\n    return 0\n\n\ndef twice(x):\n    return x\n';
      assert.equal(testedDefinition(tests, 8, learner, 'demo_exercise'), 3);
      assert.equal(testedDefinition(tests, 11, learner, 'demo_exercise'), 8);
      assert.equal(testedDefinition(tests, 14, learner, 'demo_exercise'), 12);
      assert.equal(testedDefinition(tests, 17, learner, 'demo_exercise'), undefined);
    });
  });

  describe('reviews', function () {
    const exercises = exerciseItemsOf([{ note: { id: 'demo', key: 'bundled:demo', title: 'Demo', category: 'python' }, exercises: [{ id: 'demo-add' }] }]);
    const question: QuizQuestion = { id: 'demo-question', type: 'truefalse', question: 'True?', answer: true, explanation: 'Yes.', ref: 'Demo' };
    const items: QuizItem[] = [{ question, noteId: 'demo', noteKey: 'bundled:demo', noteTitle: 'Demo', category: 'python' }];

    it('grades a pass by the help taken: Good unaided, Hard after hints, Again after the solution', function () {
      assert.equal(exerciseGrade({ hintsShown: 0, solutionShown: false }), Rating.Good);
      assert.equal(exerciseGrade({ hintsShown: 2, solutionShown: false }), Rating.Hard);
      assert.equal(exerciseGrade({ hintsShown: 1, solutionShown: true }), Rating.Again);
    });

    it('logs an attempt once, at its first pass, with the time it took (capped)', function () {
      const start = new Date('2025-03-01T10:00:00Z');
      let attempt = withHint(withHint(withHint(withHint(newAttempt(start), 3), 3), 3), 3);
      assert.equal(attempt.hintsShown, 3, 'hints stop at the last one');
      const failed = afterRun(attempt, false, new Date('2025-03-01T10:05:00Z'));
      assert.equal(failed.review, undefined);
      assert.equal(failed.attempt.failedRun, true);
      const passed = afterRun(failed.attempt, true, new Date('2025-03-01T10:20:00Z'));
      assert.deepEqual(passed.review, { grade: Rating.Hard, durationMs: 20 * 60_000 });
      attempt = passed.attempt;
      assert.equal(afterRun(attempt, true, new Date('2025-03-01T10:21:00Z')).review, undefined, 'passing again is no new review');
      const late = afterRun(withSolution(newAttempt(start)), true, new Date('2025-03-09T10:00:00Z'));
      assert.deepEqual(late.review, { grade: Rating.Again, durationMs: MAX_ATTEMPT_MS });
    });

    it('writes a log entry the review log reads back, with its own kind of id', function () {
      const entry = createExerciseReviewEntry(exercises[0], Rating.Good, new Date('2025-03-01T10:20:00Z'), 1234.4, 'class T: pass\n');
      assert.deepEqual({ ...entry, textHash: entry.textHash.length }, {
        version: 1, questionId: 'exercise:demo-add', noteId: 'demo', textHash: 12, reviewedAt: '2025-03-01T10:20:00.000Z', grade: Rating.Good, durationMs: 1234,
      });
      const parsed = parseReviewLog(serializeReview(entry));
      assert.deepEqual([parsed.entries, parsed.problems], [[entry], []]);
      assert.equal(isExerciseReview(entry.questionId), true);
      assert.equal(isExerciseReview(question.id), false);
    });

    it('counts a passed exercise in the concept\'s mastery, and never asks it as a question', function () {
      const now = new Date('2025-03-01T12:00:00Z');
      const before = conceptMastery(items, new QuizSchedule(items), now, exercises).get('demo')!;
      assert.deepEqual(before, { noteId: 'demo', mastery: 0, due: 0, seen: 0, total: 1, exercisesPassed: 0, exercises: 1 });
      const pass = createExerciseReviewEntry(exercises[0], Rating.Good, new Date('2025-03-01T11:00:00Z'), 60_000, 'tests');
      const schedule = QuizSchedule.replay([pass], items);
      const after = conceptMastery(items, schedule, now, exercises).get('demo')!;
      assert.equal(after.exercisesPassed, 1);
      assert.ok(after.mastery > 0.4 && after.mastery <= 0.5, `mastery ${after.mastery}: the exercise is recalled, the question is new`);
      assert.equal(conceptMastery(items, schedule, now).get('demo')!.mastery, 0, 'without exercise items only questions count');
      const later = new Date('2025-06-01T12:00:00Z');
      assert.equal(conceptMastery(items, schedule, later, exercises).get('demo')!.due, 0, 'an exercise is never due');
      assert.equal(schedule.introducedOn(now), 0, 'a pass does not use up a new question of the day');
      assert.deepEqual(buildQueue(items, schedule, { now: later, newPerDay: 20 }).map((queued) => queued.item.question.id), ['demo-question']);
    });
  });
});
