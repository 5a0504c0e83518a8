// What is due and who says so, honest scopes, mixed practice, and the history: review logs of several
// machines merged in time order, and the snapshot that spares replaying them. Property tests use
// fast-check with a fixed seed and modest run counts, so the unit stage stays fast and repeatable.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Rating, type Grade } from 'ts-fsrs';
import { startOfLocalDay } from '../../src/core/quiz/days';
import { loadHistory, type LoadedHistory, type ReviewLogFile } from '../../src/core/quiz/history';
import type { QuizItem } from '../../src/core/quiz/items';
import { conceptMastery } from '../../src/core/quiz/mastery';
import { buildQueue, type QueuedQuestion } from '../../src/core/quiz/queue';
import { createReviewEntry, serializeReview, type ReviewEntry } from '../../src/core/quiz/reviewLog';
import { QuizSchedule } from '../../src/core/quiz/schedule';
import { emptyScopeReason, quizScopes, scopeSummary } from '../../src/core/quiz/scopes';
import { encodeSnapshot } from '../../src/core/quiz/snapshot';
import { progressStats } from '../../src/core/quiz/stats';
import { answersOf, logText, quizItem } from '../support/quizFixtures';

// Dates are built in the local time zone, as the quiz counts days, so the tests hold in any zone.
const march = (day: number, hour: number, minute = 0): Date => new Date(2025, 2, day, hour, minute);
const properties = { seed: 20250314, numRuns: 60 };
const MINUTE = 60_000;
const all = { kind: 'all' } as const;

/** Items of `concepts` notes (categories alternate between two), `perConcept` questions each. */
function itemsOf(concepts: number, perConcept: number): QuizItem[] {
  return Array.from({ length: concepts * perConcept }, (_, index) => {
    const concept = Math.floor(index / perConcept);
    return quizItem(`c${concept}-q${index % perConcept}`, `c${concept}`, concept % 2 ? 'web' : 'python');
  });
}

/** A generated history: which question (an index past the items is a question no longer in any note), grade and pause. */
const answerArb = fc.record({
  question: fc.nat({ max: 40 }),
  grade: fc.constantFrom<Grade>(Rating.Again, Rating.Hard, Rating.Good, Rating.Easy),
  // Mostly minutes (learning steps), sometimes days, sometimes at the very same millisecond.
  pauseMinutes: fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 6 * 1440 })),
});
const historyArb = fc.record({
  concepts: fc.integer({ min: 1, max: 6 }),
  perConcept: fc.integer({ min: 1, max: 5 }),
  answers: fc.array(answerArb, { maxLength: 50 }),
});

/** Log entries of a generated history, in time order from 1 March 2025, 07:00. */
function entriesOf(items: readonly QuizItem[], answers: readonly { question: number; grade: Grade; pauseMinutes: number }[]): ReviewEntry[] {
  let time = march(1, 7).getTime();
  return answers.map(({ question, grade, pauseMinutes }) => {
    time += pauseMinutes * MINUTE;
    const answered = items[question] ?? quizItem(`removed-${question}`, 'removed');
    return createReviewEntry(answered, grade, new Date(time), 1000 + question);
  });
}

const file = (name: string, text: string): ReviewLogFile => ({ name, content: Buffer.from(text, 'utf8') });
const load = (logs: ReviewLogFile[], items: readonly QuizItem[], snapshot?: string): LoadedHistory =>
  loadHistory(logs, { items, location: '/progress', snapshot, locale: 'en' });

/** Everything a schedule holds, in a comparable form. */
function contents(schedule: QuizSchedule) {
  return { states: [...schedule.all()].sort((a, b) => (a.questionId < b.questionId ? -1 : 1)), reviews: schedule.reviews };
}

describe('quiz: one definition of due', function () {
  const wrong = quizItem('gil-threads', 'gil');
  const other = quizItem('closure-cell', 'closure', 'python');
  const items = [wrong, other];

  it('counts a missed question as due once its learning step is over, everywhere, and for the rest of the day', function () {
    const answeredAt = march(3, 9);
    const schedule = QuizSchedule.replay(answersOf(wrong, [[answeredAt, Rating.Again]]), items);
    const step = schedule.get(wrong.question.id)!.card.due;
    assert.ok(step > answeredAt && step.getTime() - answeredAt.getTime() <= 10 * MINUTE, 'the learning step is minutes away');
    const before = scopeSummary(items, schedule, all, { now: answeredAt, newPerDay: 0 });
    assert.deepEqual([before.due, before.nextDueAt], [0, step], 'not due yet, and the status bar can say when');
    assert.deepEqual(buildQueue(items, schedule, { now: answeredAt, dueOnly: true, newPerDay: 0 }), []);
    for (const now of [step, march(3, 9, 30), march(3, 23, 59)]) {
      assert.equal(scopeSummary(items, schedule, all, { now, newPerDay: 0 }).due, 1);
      assert.deepEqual(buildQueue(items, schedule, { now, dueOnly: true, newPerDay: 0 }).map((queued) => queued.item), [wrong]);
      assert.equal(progressStats(items, schedule, { now }).dueForecast[0].due, 1);
      assert.equal(conceptMastery(items, schedule, now).get('gil')?.due, 1);
    }
  });

  it('asks a wrong answer before the right ones of the same day, which FSRS rates equally recalled', function () {
    const right = quizItem('gil-processes', 'gil');
    const schedule = QuizSchedule.replay([...answersOf(right, [[march(3, 9), Rating.Good]]), ...answersOf(wrong, [[march(3, 9, 1), Rating.Again]])], [right, wrong]);
    // Both learning steps (1 and 10 minutes) are over.
    const now = march(3, 9, 30);
    assert.equal(schedule.retrievability(right.question.id, now), schedule.retrievability(wrong.question.id, now));
    assert.deepEqual(buildQueue([right, wrong], schedule, { now, dueOnly: true, newPerDay: 0 }).map((queued) => queued.item), [wrong, right]);
  });

  it('counts a question from the start of the local day it comes due, and says when that is', function () {
    // Easy on a new card schedules it days ahead, at the time of day it was answered.
    const schedule = QuizSchedule.replay(answersOf(wrong, [[march(3, 9), Rating.Easy]]), items);
    const due = schedule.get(wrong.question.id)!.card.due;
    const dayOfDue = startOfLocalDay(due);
    assert.ok(due.getTime() > dayOfDue.getTime());
    const before = scopeSummary(items, schedule, all, { now: new Date(dayOfDue.getTime() - 1), newPerDay: 0 });
    assert.deepEqual([before.due, before.nextDueAt], [0, dayOfDue]);
    const from = scopeSummary(items, schedule, all, { now: dayOfDue, newPerDay: 0 });
    assert.deepEqual([from.due, from.nextDueAt], [1, undefined]);
  });

  it('agrees everywhere for random histories and times: status, Review Due, Start Quiz, progress, tree', function () {
    fc.assert(fc.property(historyArb, fc.integer({ min: -1440, max: 40 * 1440 }), fc.integer({ min: 0, max: 6 }), ({ concepts, perConcept, answers }, offsetMinutes, newPerDay) => {
      const items = itemsOf(concepts, perConcept);
      const entries = entriesOf(items, answers);
      const schedule = QuizSchedule.replay(entries, items);
      const last = entries.at(-1)?.reviewedAt ?? march(1, 7).toISOString();
      const now = new Date(Date.parse(last) + offsetMinutes * MINUTE);

      const status = scopeSummary(items, schedule, all, { now, newPerDay });
      const reviewDue = buildQueue(items, schedule, { now, dueOnly: true, newPerDay });
      const startQuiz = buildQueue(items, schedule, { now, newPerDay });
      // Today's bar of the forecast also holds the learning steps still to come today.
      const dueByMidnight = progressStats(items, schedule, { now }).dueForecast[0].due;
      const mastery = conceptMastery(items, schedule, now);
      const treeDue = [...mastery.values()].reduce((sum, concept) => sum + concept.due, 0);
      assert.equal(reviewDue.length, status.due);
      assert.equal(startQuiz.filter((queued) => !queued.isNew).length, status.due);
      assert.equal(startQuiz.length, status.due + status.newToday);
      assert.ok(dueByMidnight >= status.due);
      assert.equal(treeDue, status.due);

      const scopes = quizScopes(items, schedule, { now, newPerDay });
      assert.deepEqual(scopes[0], status);
      for (const scope of scopes.slice(1)) {
        assert.deepEqual(scope, scopeSummary(items, schedule, scope.scope, { now, newPerDay }));
        if (scope.scope.kind === 'concepts') assert.equal(scope.due, mastery.get(scope.scope.noteIds[0])?.due);
      }
    }), properties);
  });
});

describe('quiz: honest scopes', function () {
  const now = march(10, 12);
  const answered = quizItem('http-verbs', 'http', 'web');
  const later = quizItem('http-status', 'http', 'web');
  const fresh = [quizItem('gil-a', 'gil'), quizItem('gil-b', 'gil')];
  const items = [answered, later, ...fresh];
  const schedule = QuizSchedule.replay([
    ...answersOf(answered, [[march(10, 9), Rating.Again]]), // due today
    ...answersOf(later, [[march(8, 9), Rating.Easy]]), // due days later
  ], items);

  it('lists all questions, each category and each concept that has questions, with due and new counts', function () {
    const scopes = quizScopes(items, schedule, { now, newPerDay: 3 });
    assert.deepEqual(scopes.map(({ scope, questions, due, unseen, newToday }) => [scope, questions, due, unseen, newToday]), [
      [all, 4, 1, 2, 2],
      [{ kind: 'category', category: 'web' }, 2, 1, 0, 0],
      [{ kind: 'category', category: 'python' }, 2, 0, 2, 2],
      [{ kind: 'concepts', noteIds: ['http'] }, 2, 1, 0, 0],
      [{ kind: 'concepts', noteIds: ['gil'] }, 2, 0, 2, 2],
    ]);
    // One new question was introduced today (http-verbs), so one more is left of a limit of 2.
    assert.equal(quizScopes(items, schedule, { now, newPerDay: 2 })[0].newToday, 1);
  });

  it('says exactly why a scope has nothing to ask, and when its next question is due', function () {
    const nextDue = startOfLocalDay(schedule.get(later.question.id)!.card.due);
    const summary = (scope: Parameters<typeof scopeSummary>[2], newPerDay = 3, at = now) => scopeSummary(items, schedule, scope, { now: at, newPerDay });
    const tomorrow = march(11, 12);
    assert.deepEqual(emptyScopeReason(summary({ kind: 'category', category: 'user-notes' }), false), { reason: 'noQuestions' });
    assert.deepEqual(emptyScopeReason(summary({ kind: 'concepts', noteIds: ['gil'] }), true), { reason: 'nothingDue', nextDueAt: undefined });
    assert.deepEqual(emptyScopeReason(summary({ kind: 'concepts', noteIds: ['gil'] }, 1), false), { reason: 'newLimitReached', waiting: 2, nextDueAt: undefined });
    assert.equal(emptyScopeReason(summary({ kind: 'concepts', noteIds: ['gil'] }, 1, tomorrow), false), undefined, 'a new day brings new questions');
    // Tomorrow the wrong answer is still due (nobody answered it); the Easy one comes later.
    assert.equal(emptyScopeReason(summary({ kind: 'concepts', noteIds: ['http'] }, 3, tomorrow), false), undefined);
    const onlyLater = QuizSchedule.replay(answersOf(later, [[march(8, 9), Rating.Easy]]), items);
    assert.deepEqual(emptyScopeReason(scopeSummary([later], onlyLater, all, { now, newPerDay: 3 }), false), { reason: 'allScheduled', nextDueAt: nextDue });
    assert.equal(emptyScopeReason(summary(all), false), undefined);
  });
});

describe('quiz: mixed practice', function () {
  const now = march(10, 12);
  const concept = (queue: readonly QueuedQuestion[]): string[] => queue.map((queued) => queued.item.noteId);

  it('draws "All concepts · 5 questions" from five concepts, new questions in turn in the notes\' order', function () {
    const items = itemsOf(6, 4);
    const schedule = QuizSchedule.replay([], items);
    const queue = buildQueue(items, schedule, { now, newPerDay: 20, count: 5 });
    assert.deepEqual(queue.map((queued) => queued.item.question.id), ['c0-q0', 'c1-q0', 'c2-q0', 'c3-q0', 'c4-q0']);
    assert.deepEqual(buildQueue(items, schedule, { now, newPerDay: 8 }).map((queued) => queued.item.question.id),
      ['c0-q0', 'c1-q0', 'c2-q0', 'c3-q0', 'c4-q0', 'c5-q0', 'c0-q1', 'c1-q1'], 'the daily limit is spread over the concepts');
  });

  it('mixes one concept\'s due questions with other concepts, most forgotten first, never more than two in five', function () {
    const items = itemsOf(4, 6);
    // All of c0 was answered wrong earlier today; the other concepts are new.
    const schedule = QuizSchedule.replay(items.slice(0, 6).flatMap((answered, index) => answersOf(answered, [[march(10, 8, index), Rating.Again]])), items);
    const due = buildQueue(items, schedule, { now, newPerDay: 20, dueOnly: true });
    const queue = buildQueue(items, schedule, { now, newPerDay: 20 });
    assert.deepEqual(concept(queue.slice(0, 10)), ['c0', 'c0', 'c1', 'c2', 'c3', 'c0', 'c0', 'c1', 'c2', 'c3']);
    assert.deepEqual(queue.filter((queued) => !queued.isNew), due, 'the due ones keep their order: most forgotten first');
    // Review Due has nothing else to mix in: all six, most forgotten first.
    assert.deepEqual(concept(due), Array(6).fill('c0'));
    assert.deepEqual(due, [...due].sort((a, b) => a.retrievability - b.retrievability));
  });

  it('never puts five in a row from one concept while others are left, and is the same for the same inputs', function () {
    fc.assert(fc.property(historyArb, fc.integer({ min: 0, max: 20 * 1440 }), fc.integer({ min: 0, max: 30 }), ({ concepts, perConcept, answers }, offsetMinutes, newPerDay) => {
      const items = itemsOf(concepts, perConcept);
      const entries = entriesOf(items, answers);
      const schedule = QuizSchedule.replay(entries, items);
      const now = new Date(march(1, 7).getTime() + offsetMinutes * MINUTE);
      const queue = buildQueue(items, schedule, { now, newPerDay });
      assert.deepEqual(buildQueue(items, schedule, { now, newPerDay }), queue);
      assert.deepEqual(buildQueue(items, schedule, { now, newPerDay, count: 5 }), queue.slice(0, 5));
      const noteIds = concept(queue);
      for (let start = 0; start + 5 <= noteIds.length; start++) {
        const run = noteIds.slice(start, start + 5);
        if (run.every((id) => id === run[0])) assert.ok(noteIds.slice(start).every((id) => id === run[0]), `five of ${run[0]} in a row at ${start} while others were left: ${noteIds.join(' ')}`);
      }
      const distinct = new Set(noteIds).size;
      assert.ok(new Set(noteIds.slice(0, 5)).size >= Math.min(3, distinct), `the first five cover too few concepts: ${noteIds.join(' ')}`);
    }), properties);
  });
});

describe('quiz: history of several logs and its snapshot', function () {
  const items = itemsOf(4, 3);

  it('replays a log without a snapshot as the schedule itself does, and says why', function () {
    const entries = entriesOf(items, [{ question: 0, grade: 1, pauseMinutes: 0 }, { question: 4, grade: 3, pauseMinutes: 5 }, { question: 0, grade: 3, pauseMinutes: 2 }]);
    const loaded = load([file('reviews.jsonl', logText(entries))], items);
    assert.deepEqual(contents(loaded.schedule), contents(QuizSchedule.replay(entries, items)));
    assert.deepEqual([loaded.rebuilt, loaded.replayed, loaded.problems], ['missing', 3, []]);
    assert.ok(loaded.snapshot);
  });

  it('starts from the snapshot and replays only newer lines, to the same schedule as a full replay', function () {
    fc.assert(fc.property(historyArb, fc.nat(), fc.array(fc.nat({ max: 60 }), { maxLength: 3 }), ({ concepts, perConcept, answers }, cut, corrupt) => {
      const items = itemsOf(concepts, perConcept);
      const lines = entriesOf(items, answers).map(serializeReview);
      for (const line of corrupt) if (line < lines.length) lines[line] = 'not json\n';
      const split = lines.length === 0 ? 0 : cut % (lines.length + 1);
      const stored = load([file('reviews.jsonl', lines.slice(0, split).join(''))], items).snapshot!();
      const full = [file('reviews.jsonl', lines.join(''))];
      const fromSnapshot = load(full, items, stored);
      const replayed = load(full, items);
      assert.equal(fromSnapshot.rebuilt, undefined);
      assert.equal(fromSnapshot.replayed, lines.slice(split).filter((line) => line !== 'not json\n').length);
      assert.deepEqual(contents(fromSnapshot.schedule), contents(replayed.schedule));
      assert.deepEqual(fromSnapshot.problems, replayed.problems);
      assert.equal(fromSnapshot.snapshot === undefined, split === lines.length, 'a new snapshot exactly when there was something new');
    }), properties);
  });

  it('merges per-machine logs by time into the same schedule whatever the file order, snapshot or not', function () {
    fc.assert(fc.property(historyArb, fc.array(fc.nat({ max: 2 }), { maxLength: 50 }), fc.array(fc.nat(), { minLength: 3, maxLength: 3 }), ({ concepts, perConcept, answers }, machines, cuts) => {
      const items = itemsOf(concepts, perConcept);
      const entries = entriesOf(items, answers);
      const names = ['reviews-b1.jsonl', 'reviews-a2.jsonl', 'reviews.jsonl'];
      const perLog = names.map((_, machine) => entries.filter((_, index) => (machines[index] ?? 0) === machine));
      const logs = names.map((name, machine) => file(name, logText(perLog[machine])));
      const merged = load(logs, items);
      assert.deepEqual(contents(load([...logs].reverse(), items).schedule), contents(merged.schedule));
      // The same as one log holding every answer in time order (answers at the same time: by log name).
      const byTime = names.flatMap((name, machine) => perLog[machine].map((entry, line) => ({ entry, name, line })))
        .sort((a, b) => Date.parse(a.entry.reviewedAt) - Date.parse(b.entry.reviewedAt) || (a.name < b.name ? -1 : a.name > b.name ? 1 : a.line - b.line));
      assert.deepEqual(contents(merged.schedule), contents(QuizSchedule.replay(byTime.map(({ entry }) => entry), items)));
      // A snapshot taken when each log was only partly synced: newer lines may be older answers.
      const partial = names.map((name, machine) => file(name, logText(perLog[machine].slice(0, cuts[machine] % (perLog[machine].length + 1)))));
      const fromSnapshot = load(logs, items, load(partial, items).snapshot!());
      assert.deepEqual(contents(fromSnapshot.schedule), contents(merged.schedule));
    }), properties);
  });

  it('replays everything when answers older than the snapshot arrive from another machine', function () {
    const mine = entriesOf(items, [{ question: 0, grade: 3, pauseMinutes: 0 }, { question: 1, grade: 3, pauseMinutes: 600 }]);
    const theirs = entriesOf(items, [{ question: 0, grade: 1, pauseMinutes: 60 }]); // between my two answers
    const stored = load([file('reviews-mine.jsonl', logText(mine))], items).snapshot!();
    const logs = [file('reviews-mine.jsonl', logText(mine)), file('reviews-theirs.jsonl', logText(theirs))];
    const loaded = load(logs, items, stored);
    assert.equal(loaded.rebuilt, 'olderAnswers');
    assert.deepEqual(contents(loaded.schedule), contents(load(logs, items).schedule));
    // A new machine's answers after the snapshot's last one are replayed on top of it.
    const newer = entriesOf(items, [{ question: 2, grade: 3, pauseMinutes: 2000 }]);
    const onTop = load([file('reviews-mine.jsonl', logText(mine)), file('reviews-new.jsonl', logText(newer))], items, stored);
    assert.deepEqual([onTop.rebuilt, onTop.replayed], [undefined, 1]);
  });

  it('rebuilds from the logs when the snapshot is corrupt, outdated, of another folder, or the log changed', function () {
    const entries = entriesOf(items, Array.from({ length: 6 }, (_, question) => ({ question, grade: 3 as Grade, pauseMinutes: 10 })));
    const text = logText(entries);
    const logs = [file('reviews.jsonl', text)];
    const stored = load(logs, items).snapshot!();
    const rebuilt = (snapshot: string | undefined, changed = logs, location = '/progress') =>
      loadHistory(changed, { items, location, snapshot, locale: 'en' }).rebuilt;
    assert.equal(rebuilt(stored), undefined);
    assert.equal(rebuilt(stored.slice(0, -10)), 'corrupt');
    assert.equal(rebuilt('{"format":1}'), 'outdated');
    assert.equal(rebuilt(JSON.stringify({ ...JSON.parse(stored), scheduler: 'ts-fsrs v4' })), 'outdated');
    assert.equal(rebuilt(JSON.stringify({ ...JSON.parse(stored), states: [{ question: 'x' }] })), 'corrupt');
    assert.equal(rebuilt(JSON.stringify({ ...JSON.parse(stored), reviews: { ...JSON.parse(stored).reviews, grade: [7] } })), 'corrupt');
    assert.equal(rebuilt(stored, logs, '/elsewhere'), 'otherLocation');
    assert.equal(rebuilt(stored, [file('reviews.jsonl', logText(entries.slice(0, 3)))]), 'logsChanged', 'the log was cut short');
    assert.equal(rebuilt(stored, [file('reviews.jsonl', logText([entries[1], entries[0], ...entries.slice(2), entries[0]]))]), 'logsChanged', 'the log was rewritten');
    assert.equal(rebuilt(stored, []), 'logsChanged', 'the log was reset');
    assert.equal(rebuilt(stored, [file('reviews.jsonl', text + serializeReview({ ...entries[0], reviewedAt: march(30, 9).toISOString() }))]), undefined);
  });

  it('leaves an unfinished last line for later and reads it once the next answer completes it', function () {
    const entries = entriesOf(items, [{ question: 0, grade: 3, pauseMinutes: 0 }, { question: 1, grade: 1, pauseMinutes: 5 }, { question: 2, grade: 3, pauseMinutes: 5 }]);
    const [first, second, third] = entries.map(serializeReview);
    const unfinished = load([file('reviews.jsonl', first + second.slice(0, -1))], items);
    assert.deepEqual([unfinished.replayed, unfinished.problems], [1, []]);
    // The next append lands on the same line: both answers are read, from the snapshot's end onwards.
    const completed = load([file('reviews.jsonl', first + second.slice(0, -1) + third)], items, unfinished.snapshot!());
    assert.deepEqual([completed.rebuilt, completed.replayed, completed.problems], [undefined, 2, []]);
    assert.deepEqual(contents(completed.schedule), contents(QuizSchedule.replay(entries, items)));
  });

  it('reports corrupt lines with their log file and line, on every load, snapshot or not', function () {
    const entries = entriesOf(items, [{ question: 0, grade: 3, pauseMinutes: 0 }, { question: 1, grade: 3, pauseMinutes: 5 }]);
    const logs = [file('reviews-a.jsonl', logText(entries)), file('reviews-b.jsonl', `${serializeReview(entries[0])}{"version":1,"questionId":\n`)];
    const first = load(logs, items);
    assert.deepEqual(first.problems.map(({ log, line, reason }) => [log, line, reason]), [['reviews-b.jsonl', 2, 'reviewLogNotJson']]);
    assert.match(first.problems[0].message, /^Line 2 /);
    const again = loadHistory(logs, { items, location: '/progress', snapshot: first.snapshot!(), locale: 'zh-cn' });
    assert.equal(again.rebuilt, undefined);
    assert.deepEqual(again.problems.map(({ log, line }) => [log, line]), [['reviews-b.jsonl', 2]]);
    assert.match(again.problems[0].message, /第 2 行/, 'in the language of this load');
  });

  it('keeps reviews in the snapshot for statistics, decoded only when they are asked for', function () {
    const entries = entriesOf(items, Array.from({ length: 30 }, (_, index) => ({ question: index % 7, grade: (1 + (index % 4)) as Grade, pauseMinutes: 300 })));
    const logs = [file('reviews.jsonl', logText(entries))];
    const restored = load(logs, items, load(logs, items).snapshot!()).schedule;
    assert.equal(restored.reviewCount, 30);
    const now = new Date(Date.parse(entries[29].reviewedAt));
    assert.deepEqual(progressStats(items, restored, { now }), progressStats(items, QuizSchedule.replay(entries, items), { now }));
    // Encoding what was decoded gives the same text back.
    const { location, logs: coverage, last, problems } = JSON.parse(load(logs, items).snapshot!()) as Parameters<typeof encodeSnapshot>[0];
    assert.equal(encodeSnapshot({ location, logs: coverage, last, problems, states: [...restored.all()], reviews: restored.reviews }), load(logs, items).snapshot!());
  });
});
