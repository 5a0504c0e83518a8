import assert from 'node:assert/strict';
import { createEmptyCard, fsrs, Rating, State, type Card, type Grade } from 'ts-fsrs';
import { format } from '../../src/core/messages';
import type { QuizQuestion } from '../../src/core/model';
import { summarizeNote } from '../../src/core/notes/parseNote';
import { exportAnkiTsv } from '../../src/core/quiz/anki';
import { localDayKey, roundInterval } from '../../src/core/quiz/days';
import { gradeAnswer, gradeForResult, gradesFor } from '../../src/core/quiz/grading';
import { quizItemsOf, type QuizItem } from '../../src/core/quiz/items';
import { conceptMastery } from '../../src/core/quiz/mastery';
import { buildQueue } from '../../src/core/quiz/queue';
import { createReviewEntry, parseReviewLog, serializeReview } from '../../src/core/quiz/reviewLog';
import { QuizSchedule } from '../../src/core/quiz/schedule';
import { progressStats } from '../../src/core/quiz/stats';
import { answersOf, generateReviewLog, logText, quizItem } from '../support/quizFixtures';

// Dates are built in the local time zone, as the quiz counts days, so the tests hold in any zone.
const march = (day: number, hour: number, minute = 0): Date => new Date(2025, 2, day, hour, minute);

/** What ts-fsrs itself makes of the same reviews, fed one by one. */
function directCard(reviews: [Date, Grade][]): Card {
  const scheduler = fsrs();
  let card = createEmptyCard(reviews[0][0]);
  for (const [at, grade] of reviews) card = scheduler.next(card, at, grade).card;
  return card;
}

describe('quiz: review log', function () {
  const answered = quizItem('decorator-order', 'decorator');
  const entries = answersOf(answered, [[march(1, 9), Rating.Good], [march(2, 9), Rating.Again], [march(3, 9), Rating.Easy]]);

  it('writes one line per answer and reads it back unchanged', function () {
    const text = logText(entries);
    assert.equal(text.split('\n').length, entries.length + 1);
    assert.ok(text.endsWith('\n'));
    assert.deepEqual(parseReviewLog(text), { entries, lines: [1, 2, 3], problems: [] });
    assert.deepEqual(Object.keys(JSON.parse(serializeReview(entries[0])) as object),
      ['version', 'questionId', 'noteId', 'textHash', 'reviewedAt', 'grade', 'durationMs']);
  });

  it('skips corrupt and truncated lines with a localized problem and keeps every later line', function () {
    const [first, second, third] = entries.map(serializeReview);
    const fourth = serializeReview({ ...entries[0], reviewedAt: march(4, 9).toISOString() });
    const text = [
      first,
      'this is not json\n',
      second,
      first.slice(0, 30), // a write cut off before its newline: the next entry lands on the same line
      third,
      serializeReview({ ...entries[0], grade: 5 as Grade }),
      serializeReview({ ...entries[0], version: 2 as 1 }),
      '\n',
      fourth,
      second.slice(0, 40), // the last write, cut off
    ].join('');
    const log = parseReviewLog(text);
    assert.deepEqual(log.entries.map((entry) => entry.reviewedAt), [entries[0], entries[1], entries[2]].map((entry) => entry.reviewedAt).concat(march(4, 9).toISOString()));
    assert.deepEqual(log.problems.map(({ line, message }) => ({ line, message })), [
      { line: 2, message: format('en', 'reviewLogNotJson', 2) },
      { line: 4, message: format('en', 'reviewLogNotJson', 4) },
      { line: 5, message: format('en', 'reviewLogBadField', 5, 'grade') },
      { line: 6, message: format('en', 'reviewLogNewerVersion', 6, 2) },
      { line: 9, message: format('en', 'reviewLogNotJson', 9) },
    ]);
    assert.match(log.problems[2].message, /Line 5 .*"grade"/);
    assert.deepEqual([log.problems[2].reason, log.problems[2].detail], ['reviewLogBadField', 'grade']);
    const chinese = parseReviewLog(text, 'zh-cn').problems;
    assert.equal(chinese[2].message, format('zh-cn', 'reviewLogBadField', 5, 'grade'));
    assert.match(chinese[2].message, /第 5 行/);
  });

  it('recovers both entries when one lost its newline and the next was appended onto its line', function () {
    const [first, second, third] = entries.map(serializeReview);
    const log = parseReviewLog(first + second.trimEnd() + third, 'en', 41);
    assert.deepEqual(log.entries, entries);
    assert.deepEqual(log.lines, [41, 42, 42]);
    assert.deepEqual(log.problems, []);
  });

  it('rejects entries with a missing field or an impossible value', function () {
    const line = (change: Record<string, unknown>): string => `${JSON.stringify({ ...entries[0], ...change })}\n`;
    const log = parseReviewLog([line({ questionId: '' }), line({ reviewedAt: 'yesterday' }), line({ durationMs: -1 }), line({ noteId: undefined })].join(''));
    assert.deepEqual(log.entries, []);
    assert.deepEqual(log.problems.map((problem) => problem.message), [
      format('en', 'reviewLogBadField', 1, 'questionId'),
      format('en', 'reviewLogBadField', 2, 'reviewedAt'),
      format('en', 'reviewLogBadField', 3, 'durationMs'),
      format('en', 'reviewLogBadField', 4, 'noteId'),
    ]);
  });
});

describe('quiz: schedule', function () {
  const first = quizItem('gil-threads', 'gil');
  const second = quizItem('gil-processes', 'gil');
  const firstReviews: [Date, Grade][] = [
    [march(1, 9), Rating.Good], [march(1, 9, 10), Rating.Good], [march(4, 20), Rating.Again],
    [march(4, 20, 10), Rating.Hard], [march(9, 7), Rating.Good], [march(20, 7), Rating.Easy],
  ];
  const secondReviews: [Date, Grade][] = [[march(1, 9, 5), Rating.Again], [march(1, 9, 6), Rating.Good], [march(2, 18), Rating.Easy]];
  const log = [...answersOf(first, firstReviews), ...answersOf(second, secondReviews)]
    .sort((a, b) => Date.parse(a.reviewedAt) - Date.parse(b.reviewedAt));

  it('replays the log to the same cards as feeding ts-fsrs directly', function () {
    const schedule = QuizSchedule.replay(parseReviewLog(logText(log)).entries, [first, second]);
    assert.deepEqual(schedule.get(first.question.id)?.card, directCard(firstReviews));
    assert.deepEqual(schedule.get(second.question.id)?.card, directCard(secondReviews));
    const now = march(25, 12);
    assert.equal(schedule.retrievability(first.question.id, now), fsrs().get_retrievability(directCard(firstReviews), now, false));
    assert.equal(schedule.reviews.length, firstReviews.length + secondReviews.length);
  });

  it('replays a log merged out of time order as if it were in order', function () {
    // Two machines' logs one after the other: the later half of the first question's reviews comes first.
    const merged = [...answersOf(first, firstReviews.slice(3)), ...answersOf(second, secondReviews), ...answersOf(first, firstReviews.slice(0, 3))];
    const schedule = QuizSchedule.replay(merged, [first, second]);
    assert.deepEqual(schedule.get(first.question.id)?.card, directCard(firstReviews));
    assert.deepEqual(schedule.get(second.question.id)?.card, directCard(secondReviews));
  });

  it('applies a new answer the same way as replaying the log with it', function () {
    const schedule = QuizSchedule.replay(log.slice(0, -1), [first, second]);
    const state = schedule.record(log[log.length - 1]);
    assert.deepEqual(state, QuizSchedule.replay(log, [first, second]).get(state.questionId));
  });

  it('keeps a question\'s history when its text changes and reports the change', function () {
    const edited = quizItem('gil-threads', 'gil', 'python', { choices: ['yes', 'no', 'it depends'] });
    const schedule = QuizSchedule.replay(log, [edited, second]);
    const state = schedule.get(edited.question.id);
    assert.equal(state?.card.reps, firstReviews.length);
    assert.deepEqual(state?.card, directCard(firstReviews));
    assert.equal(state?.textChanged, true);
    assert.equal(schedule.get(second.question.id)?.textChanged, false);

    const answeredAgain = schedule.record(createReviewEntry(edited, Rating.Good, march(30, 9), 1000));
    assert.equal(answeredAgain.textChanged, false);
    assert.equal(answeredAgain.card.reps, firstReviews.length + 1);
    schedule.setQuestions([first, second]);
    assert.equal(schedule.get(first.question.id)?.textChanged, true);
  });

  it('keeps working when the clock was set back between two answers', function () {
    const schedule = QuizSchedule.replay(answersOf(first, [[march(5, 9), Rating.Good]]), [first]);
    const state = schedule.record(createReviewEntry(first, Rating.Good, march(4, 9), 1000));
    assert.equal(state.card.reps, 2);
    assert.deepEqual(state.card.last_review, march(5, 9));
  });

  it('previews for each grade exactly the due date that answering with it then schedules', function () {
    const now = march(25, 12);
    for (const [item, reviews] of [[first, firstReviews], [second, secondReviews]] as const) {
      const schedule = QuizSchedule.replay(answersOf(item, reviews), [item]);
      const preview = schedule.nextIntervals(item.question.id, now, [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy]);
      for (const grade of [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy] as const) {
        const answered = QuizSchedule.replay(answersOf(item, reviews), [item]).record(createReviewEntry(item, grade, now, 1000));
        assert.equal(preview.get(grade), answered.card.due.getTime() - now.getTime(), `grade ${grade}`);
      }
      assert.ok(preview.get(Rating.Again)! < preview.get(Rating.Good)! && preview.get(Rating.Good)! <= preview.get(Rating.Easy)!);
    }
    const fresh = new QuizSchedule([first]).nextIntervals(first.question.id, now, [Rating.Again, Rating.Good]);
    assert.equal(fresh.get(Rating.Again), 60_000, 'a new question answered Again comes back after the 1-minute learning step');
  });

  it('rounds an interval to the one unit Anki would show', function () {
    const minute = 60_000;
    const day = 1440 * minute;
    assert.deepEqual(roundInterval(0), { count: 1, unit: 'minute' });
    assert.deepEqual(roundInterval(10 * minute), { count: 10, unit: 'minute' });
    assert.deepEqual(roundInterval(59 * minute), { count: 59, unit: 'minute' });
    assert.deepEqual(roundInterval(90 * minute), { count: 2, unit: 'hour' });
    assert.deepEqual(roundInterval(3 * day), { count: 3, unit: 'day' });
    assert.deepEqual(roundInterval(45 * day), { count: 1.5, unit: 'month' });
    assert.deepEqual(roundInterval(400 * day), { count: 1.1, unit: 'year' });
    assert.deepEqual(roundInterval(4000 * day), { count: 11, unit: 'year' });
  });

  it('replays a generated log of 100,000 reviews', function () {
    this.timeout(60_000);
    const ids = Array.from({ length: 300 }, (_, index) => `note${index % 30}-question${index}`);
    const text = generateReviewLog(100_000, ids, 7);
    assert.equal(text, generateReviewLog(100_000, ids, 7));
    assert.notEqual(generateReviewLog(100, ids, 8), generateReviewLog(100, ids, 7));
    const { entries, problems } = parseReviewLog(text);
    assert.equal(entries.length, 100_000);
    assert.deepEqual(problems, []);
    const items = ids.map((id) => quizItem(id, id.split('-')[0]));
    const schedule = QuizSchedule.replay(entries, items);
    assert.equal(schedule.reviews.length, 100_000);
    const now = new Date(Date.parse(entries[entries.length - 1].reviewedAt) + 30 * 86_400_000);
    const queue = buildQueue(items, schedule, { now, newPerDay: 10 });
    assert.ok(queue.length > 0 && queue.every((queued) => !queued.isNew));
  });
});

describe('quiz: queue', function () {
  const now = march(10, 12);
  const history: [QuizItem, [Date, Grade][]][] = [
    [quizItem('alpha'), [[march(1, 9), Rating.Easy]]],
    [quizItem('beta'), [[march(1, 9), Rating.Good]]],
    [quizItem('gamma'), [[march(8, 9), Rating.Again]]],
    [quizItem('delta'), [[march(9, 9), Rating.Easy]]], // not due until the 17th
    [quizItem('tie-b'), [[march(5, 9), Rating.Good], [march(5, 9, 10), Rating.Good]]],
    [quizItem('tie-a'), [[march(5, 9), Rating.Good], [march(5, 9, 10), Rating.Good]]],
    [quizItem('intro'), [[march(10, 8), Rating.Good]]], // introduced earlier today
    [quizItem('other', 'http', 'web'), [[march(1, 9), Rating.Again]]],
  ];
  const fresh = ['new-3', 'new-1', 'new-2'].map((id) => quizItem(id));
  const items = [...history.map(([queued]) => queued), ...fresh, quizItem('new-web', 'http', 'web')];
  const schedule = QuizSchedule.replay(history.flatMap(([queued, reviews]) => answersOf(queued, reviews)), items);
  const ids = (options: Partial<Parameters<typeof buildQueue>[2]> = {}): string[] =>
    buildQueue(items, schedule, { now, newPerDay: 3, ...options }).map((queued) => queued.item.question.id);

  it('puts due questions first, lowest retrievability first and ties by due time then id, then new ones up to the daily limit', function () {
    const queue = buildQueue(items, schedule, { now, newPerDay: 3, scope: { kind: 'category', category: 'python' } });
    assert.deepEqual(queue.map((queued) => queued.item.question.id), ['gamma', 'beta', 'tie-a', 'tie-b', 'alpha', 'intro', 'new-3', 'new-1']);
    const due = queue.filter((queued) => !queued.isNew).map((queued) => queued.retrievability);
    assert.ok(due.every((recall, index) => index === 0 || due[index - 1] <= recall), `not ascending: ${due.join(', ')}`);
    assert.ok(due[0] < due[due.length - 1]);
    assert.equal(queue[2].retrievability, queue[3].retrievability);
  });

  it('counts new questions introduced earlier today against the daily limit', function () {
    assert.deepEqual(ids({ scope: { kind: 'concepts', noteIds: ['note'] }, newPerDay: 1 }).filter((id) => id.startsWith('new')), []);
    assert.deepEqual(ids({ now: march(11, 12), scope: { kind: 'concepts', noteIds: ['note'] }, newPerDay: 1 }).filter((id) => id.startsWith('new')), ['new-3']);
  });

  it('filters by category, concept and due only, and stops at the count', function () {
    assert.deepEqual(ids({ scope: { kind: 'category', category: 'web' } }), ['other', 'new-web']);
    assert.deepEqual(ids({ scope: { kind: 'concepts', noteIds: ['http'] }, dueOnly: true }), ['other']);
    assert.deepEqual(ids({ dueOnly: true }), ['gamma', 'other', 'beta', 'tie-a', 'tie-b', 'alpha', 'intro']
      .sort((a, b) => schedule.retrievability(a, now) - schedule.retrievability(b, now) || (a < b ? -1 : 1)));
    assert.deepEqual(ids({ count: 2 }), ids().slice(0, 2));
    assert.equal(ids().includes('delta'), false);
  });
});

describe('quiz: grading', function () {
  const question = (type: QuizQuestion['type'], answer: QuizQuestion['answer'], extra: Partial<QuizQuestion> = {}): QuizQuestion =>
    ({ id: `q-${type}`, type, question: '?', answer, explanation: '.', ...extra });

  it('grades single choice by index', function () {
    const single = question('single', 1, { choices: ['a', 'b', 'c'] });
    assert.equal(gradeAnswer(single, 1), true);
    assert.equal(gradeAnswer(single, 0), false);
    assert.equal(gradeAnswer(single, '1'), false);
  });

  it('grades multiple choice as a set of indexes', function () {
    const multiple = question('multiple', [0, 1, 3], { choices: ['a', 'b', 'c', 'd'] });
    assert.equal(gradeAnswer(multiple, [3, 0, 1]), true);
    assert.equal(gradeAnswer(multiple, [0, 1]), false);
    assert.equal(gradeAnswer(multiple, [0, 1, 2, 3]), false);
    assert.equal(gradeAnswer(multiple, [0, 1, 2]), false);
    assert.equal(gradeAnswer(multiple, 0), false);
  });

  it('grades true/false by boolean', function () {
    const truefalse = question('truefalse', false);
    assert.equal(gradeAnswer(truefalse, false), true);
    assert.equal(gradeAnswer(truefalse, true), false);
    assert.equal(gradeAnswer(truefalse, 'false'), false);
  });

  it('grades output ignoring trailing whitespace and the final newline only', function () {
    const output = question('output', 'a  1\n  b', { code: 'print("a  1")\nprint("  b")' });
    assert.equal(gradeAnswer(output, 'a  1\n  b'), true);
    assert.equal(gradeAnswer(output, 'a  1   \r\n  b\n\n'), true);
    assert.equal(gradeAnswer(output, 'a 1\n  b'), false);
    assert.equal(gradeAnswer(output, 'a  1\nb'), false);
    assert.equal(gradeAnswer(output, 'a  1\n\n  b'), false);
  });

  it('leaves recall to the learner, with all four grades', function () {
    const recall = question('recall', 'The model answer.');
    assert.throws(() => gradeAnswer(recall, 'anything'), /recall/);
    assert.deepEqual(gradesFor(recall), [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy]);
    assert.deepEqual(gradesFor(question('single', 0, { choices: ['a', 'b'] })), [Rating.Again, Rating.Good]);
  });

  it('maps right to Good and wrong to Again', function () {
    assert.equal(gradeForResult(true), Rating.Good);
    assert.equal(gradeForResult(false), Rating.Again);
  });
});

describe('quiz: mastery and statistics', function () {
  const now = march(10, 12);
  const q1 = quizItem('q1', 'closure');
  const q2 = quizItem('q2', 'closure');
  const q3 = quizItem('q3', 'gil');
  const unseen = quizItem('q4', 'gil');
  const untouched = quizItem('q5', 'asyncio');
  const q1Reviews: [Date, Grade][] = [[march(7, 9), Rating.Good], [march(7, 9, 10), Rating.Good], [march(9, 10), Rating.Again], [march(9, 10, 10), Rating.Good]];
  const q2Reviews: [Date, Grade][] = [[march(8, 9), Rating.Easy], [march(10, 9), Rating.Good]];
  const q3Reviews: [Date, Grade][] = [[march(1, 9), Rating.Easy], [march(5, 9), Rating.Hard]];
  const removed = quizItem('q-removed', 'closure');
  const log = [
    ...answersOf(q1, q1Reviews), ...answersOf(q2, q2Reviews), ...answersOf(q3, q3Reviews),
    ...answersOf(removed, [[march(2, 9), Rating.Good]]), // due long ago, but no longer in any note
  ].map((entry, index) => ({ ...entry, durationMs: 1000 * (index + 1) }));
  const items = [q1, q2, q3, unseen, untouched];
  const schedule = QuizSchedule.replay(log, items);

  it('derives mastery per concept from retrievability, new questions counting 0', function () {
    const mastery = conceptMastery(items, schedule, now);
    const recall = (reviews: [Date, Grade][]): number => fsrs().get_retrievability(directCard(reviews), now, false);
    assert.deepEqual([...mastery.keys()], ['closure', 'gil', 'asyncio']);
    assert.equal(mastery.get('closure')?.mastery, (recall(q1Reviews) + recall(q2Reviews)) / 2);
    assert.equal(mastery.get('gil')?.mastery, recall(q3Reviews) / 2);
    assert.deepEqual(mastery.get('asyncio'), { noteId: 'asyncio', mastery: 0, due: 0, seen: 0, total: 1, exercisesPassed: 0, exercises: 0 });
    // q1's relearning step ended at 10:10, so it is due; q2 and q3 are in the future.
    assert.deepEqual([mastery.get('closure')?.due, mastery.get('closure')?.seen, mastery.get('gil')?.due], [1, 2, 0]);
  });

  it('counts reviews per day, retention over Review-state reviews and the due forecast', function () {
    const stats = progressStats(items, schedule, { now, days: 7 });
    // Log order: q1 at 1–4 s, q2 at 5–6 s, q3 at 7–8 s, the removed question at 9 s.
    assert.deepEqual(stats.reviewsPerDay, [
      { day: '2025-03-04', reviews: 0, durationMs: 0 },
      { day: '2025-03-05', reviews: 1, durationMs: 8000 },
      { day: '2025-03-06', reviews: 0, durationMs: 0 },
      { day: '2025-03-07', reviews: 2, durationMs: 1000 + 2000 },
      { day: '2025-03-08', reviews: 1, durationMs: 5000 },
      { day: '2025-03-09', reviews: 2, durationMs: 3000 + 4000 },
      { day: '2025-03-10', reviews: 1, durationMs: 6000 },
    ]);
    // In Review state: q1 Again on the 9th, q2 Good on the 10th, q3 Hard on the 5th. Learning and
    // relearning steps and the first answers do not count.
    assert.deepEqual(schedule.reviews.filter((review) => review.questionId === 'q1').map((review) => review.stateBefore), [State.New, State.Learning, State.Review, State.Relearning]);
    assert.equal(stats.retentionReviews, 3);
    assert.equal(stats.retention, 1 / 3);

    assert.equal(stats.dueForecast.length, 30);
    assert.equal(stats.dueForecast[0].day, '2025-03-10');
    const expected = new Map<string, number>([['2025-03-10', 1]]); // q1, due at 10:10 today
    for (const reviews of [q2Reviews, q3Reviews]) {
      const day = localDayKey(directCard(reviews).due);
      expected.set(day, (expected.get(day) ?? 0) + 1);
    }
    assert.deepEqual(stats.dueForecast.filter((day) => day.due > 0).map((day) => [day.day, day.due]), [...expected].sort());
    // Later on, everything overdue counts today; the removed question never counts.
    const later = march(25, 12);
    const overdue = [q1Reviews, q2Reviews, q3Reviews].filter((reviews) => localDayKey(directCard(reviews).due) <= localDayKey(later)).length;
    assert.ok(overdue >= 2, 'the fixture should have several overdue questions by then');
    assert.equal(progressStats(items, schedule, { now: later }).dueForecast[0].due, overdue);
  });

  it('has no retention without Review-state reviews', function () {
    const stats = progressStats(items, QuizSchedule.replay(answersOf(q1, q1Reviews.slice(0, 2)), items), { now, days: 7 });
    assert.equal(stats.retention, null);
    assert.equal(stats.retentionReviews, 0);
  });
});

describe('quiz: Anki export', function () {
  const tricky = quizItem('html-escape', 'web-security', 'web', {
    type: 'single',
    question: 'Which is safe: <b>&amp;</b> or "quoted"\tword?\nSecond line',
    code: 'if a < b:\n\tprint("x & y")',
    choices: ['<script>', 'a "b"'],
    answer: 1,
    explanation: 'Escape < and >.',
  });
  const multiple = quizItem('py-multi', 'decorator', 'python', { type: 'multiple', question: 'Pick', choices: ['a', 'b', 'c'], answer: [2, 0] });
  const truefalse = quizItem('py-tf', 'decorator', 'python', { type: 'truefalse', question: 'True?', choices: undefined, answer: true });
  const output = quizItem('py-out', 'decorator', 'python', { type: 'output', question: 'Output?', code: 'print(1)', choices: undefined, answer: '<1>\n2' });

  it('writes the header lines and one tab-separated row per question with the question id as GUID', function () {
    const lines = exportAnkiTsv([tricky, multiple, truefalse, output], { locale: 'en' }).split('\n');
    assert.deepEqual(lines.slice(0, 5), ['#separator:tab', '#html:true', '#guid column:1', '#deck column:4', '#tags column:5']);
    assert.equal(lines.length, 5 + 4 + 1);
    assert.equal(lines[9], '');
    const rows = lines.slice(5, 9).map((line) => line.split('\t'));
    assert.ok(rows.every((row) => row.length === 5));
    assert.deepEqual(rows.map((row) => row[0]), ['html-escape', 'py-multi', 'py-tf', 'py-out']);
    assert.deepEqual(rows[0].slice(3), ['Study Notes::web', 'study-notes web web-security']);
  });

  it('escapes HTML, turns line breaks into <br> and puts code in <pre>', function () {
    const [front, back] = exportAnkiTsv([tricky], { locale: 'en', deck: 'Interview' }).split('\n')[5].split('\t').slice(1, 3);
    assert.equal(front,
      '<div>Which is safe: &lt;b&gt;&amp;amp;&lt;/b&gt; or &quot;quoted&quot;&#9;word?<br>Second line</div>' +
      '<pre><code>if a &lt; b:<br>&#9;print(&quot;x &amp; y&quot;)</code></pre>' +
      '<ol type="A"><li>&lt;script&gt;</li><li>a &quot;b&quot;</li></ol>');
    assert.equal(back, 'B. a &quot;b&quot;<hr>Escape &lt; and &gt;.');
  });

  it('writes each answer form on the back, in the chosen language', function () {
    const backs = (locale: 'en' | 'zh-cn'): string[] =>
      exportAnkiTsv([multiple, truefalse, output], { locale }).split('\n').slice(5, 8).map((line) => line.split('\t')[2].split('<hr>')[0]);
    assert.deepEqual(backs('en'), ['A. a<br>C. c', 'True', '<pre><code>&lt;1&gt;<br>2</code></pre>']);
    assert.equal(backs('zh-cn')[1], format('zh-cn', 'ankiTrue'));
    assert.match(exportAnkiTsv([multiple], { locale: 'en' }), /<div>\(Select all that apply\.\)<\/div>/);
  });
});

describe('quiz: items from notes', function () {
  it('takes questions in note order, the first of a duplicated id winning', function () {
    const quiz = (ids: string[]) => `quiz:\n${ids.map((id) => `  - id: ${id}\n    type: truefalse\n    question: Q\n    answer: true\n    explanation: E\n`).join('')}`;
    const note = (name: string, text: string) => {
      const summary = summarizeNote({ path: `/notes/${name}.md`, text, namespace: 'user', root: '/notes' });
      return { ...summary, category: summary.category! };
    };
    const first = note('first', `---\nid: first\ntitle: First\ncategory: web\n${quiz(['first-a', 'shared'])}---\n# First\n`);
    const second = note('second', `---\nid: second\ntitle: Second\ncategory: python\n${quiz(['shared', 'second-a'])}---\n# Second\n`);
    assert.deepEqual(quizItemsOf([first, second]).map((quizItem) => [quizItem.question.id, quizItem.noteId, quizItem.category]),
      [['first-a', 'first', 'web'], ['shared', 'first', 'web'], ['second-a', 'second', 'python']]);
  });
});
