// One quiz, keyboard only: each question is shown on the quiz card (rendered like the note panel)
// and answered either in a QuickPick or InputBox from the command palette or with keys on the card;
// whichever answers first wins and the other is put away. Each answer is logged the moment it is
// given, so Escape (or a crash) loses nothing answered.
import * as vscode from 'vscode';
import { gradeAnswer, gradeForResult, gradesFor, Rating, roundInterval, type Grade, type QueuedQuestion, type QuizAnswer, type QuizSchedule } from '../../core/quiz';
import type { QuizQuestion } from '../../core/model';
import type { CardAction, CardView } from '../../shared/quizCardMessages';
import type { ProgressStore } from './progressStore';
import type { QuizCard } from './quizCard';

export interface QuizResult {
  asked: number;
  correct: number;
  durationMs: number;
  /** Note keys with how many of their questions were missed, most missed first. */
  weakest: { noteKey: string; missed: number }[];
  cancelled: boolean;
}

/** What the quiz needs besides the questions. */
export interface QuizContext {
  store: ProgressStore;
  card: QuizCard;
  /** Opens a concept's note at the section a question refers to. */
  openNote: (key: string, section?: string) => Promise<unknown>;
}

/** What the learner answered or chose; `stop` (Escape, or the card closed) ends the quiz. */
type Step<T> = Promise<T | 'stop'>;

function choicesOf(question: QuizQuestion): string[] {
  if (question.type === 'truefalse') return [vscode.l10n.t('True'), vscode.l10n.t('False')];
  return question.type === 'single' || question.type === 'multiple' ? question.choices ?? [] : [];
}

/** The right answer as Markdown, choices by their number on the card. */
function answerMarkdown(question: QuizQuestion): string {
  const { answer } = question;
  const choices = choicesOf(question);
  const choice = (index: number): string => `**${index + 1}.** ${choices[index] ?? ''}`;
  if (typeof answer === 'boolean') return `**${answer ? choices[0] : choices[1]}**`;
  if (typeof answer === 'number') return choice(answer);
  if (Array.isArray(answer)) return answer.map(choice).join('  \n');
  // Output and recall answers are text: shown as written, output in a code block.
  return question.type === 'output' ? `\`\`\`text\n${answer.replace(/\n$/, '')}\n\`\`\`` : answer;
}

function questionMarkdown(question: QuizQuestion): string {
  if (!question.code) return question.question;
  return `${question.question}\n\n\`\`\`python\n${question.code.replace(/\n$/, '')}\n\`\`\``;
}

/** `3 d`, `1 min`: how long until a question comes back, in one unit. */
export function intervalLabel(ms: number): string {
  const { count, unit } = roundInterval(ms);
  switch (unit) {
    case 'minute': return vscode.l10n.t('{0} min', count);
    case 'hour': return vscode.l10n.t('{0} h', count);
    case 'day': return vscode.l10n.t('{0} d', count);
    case 'month': return vscode.l10n.t('{0} mo', count);
    case 'year': return vscode.l10n.t('{0} y', count);
  }
}

function gradeName(grade: Grade): string {
  switch (grade) {
    case Rating.Again: return vscode.l10n.t('Again');
    case Rating.Hard: return vscode.l10n.t('Hard');
    case Rating.Good: return vscode.l10n.t('Good');
    default: return vscode.l10n.t('Easy');
  }
}

function gradeMeaning(grade: Grade): string {
  switch (grade) {
    case Rating.Again: return vscode.l10n.t('I did not know it');
    case Rating.Hard: return vscode.l10n.t('I knew it with effort');
    case Rating.Good: return vscode.l10n.t('I knew it');
    default: return vscode.l10n.t('I knew it at once');
  }
}

/**
 * Waits for the learner: a QuickPick (or InputBox) made by `open`, or an action on the card that
 * `fromCard` turns into an answer. Escape in either, or closing the card, stops.
 */
function either<T>(card: QuizCard, open: (settle: (value: T | 'stop') => void) => vscode.Disposable, fromCard: (action: CardAction) => T | undefined): Step<T> {
  return new Promise((resolve) => {
    let settled = false;
    const disposables: vscode.Disposable[] = [];
    const settle = (value: T | 'stop'): void => {
      if (settled) return;
      settled = true;
      for (const disposable of disposables.splice(0)) disposable.dispose();
      resolve(value);
    };
    disposables.push(card.onAction((action) => {
      if (action.type === 'stop') settle('stop');
      const value = fromCard(action);
      if (value !== undefined) settle(value);
    }));
    disposables.push(open(settle));
  });
}

interface PickItem<T> extends vscode.QuickPickItem {
  value: T;
}

/** A QuickPick that settles with the accepted item(s); hiding it (Escape) stops. */
function quickPick<T>(items: PickItem<T>[], options: { title: string; placeholder: string; many?: boolean }, settle: (value: T | T[] | 'stop') => void): vscode.Disposable {
  const pick = vscode.window.createQuickPick<PickItem<T>>();
  pick.title = options.title;
  pick.placeholder = options.placeholder;
  pick.items = items;
  pick.canSelectMany = options.many ?? false;
  pick.ignoreFocusOut = true;
  pick.onDidAccept(() => {
    const chosen = options.many ? pick.selectedItems : pick.activeItems.slice(0, 1);
    if (chosen.length === 0) return;
    settle(options.many ? chosen.map((item) => item.value) : chosen[0].value);
  });
  pick.onDidHide(() => settle('stop'));
  pick.show();
  return pick;
}

function inputBox(options: { title: string; prompt: string }, settle: (value: string | 'stop') => void): vscode.Disposable {
  const input = vscode.window.createInputBox();
  input.title = options.title;
  input.prompt = options.prompt;
  input.ignoreFocusOut = true;
  input.onDidAccept(() => settle(input.value));
  input.onDidHide(() => settle('stop'));
  input.show();
  return input;
}

function askObjective(question: QuizQuestion, title: string, card: QuizCard): Step<QuizAnswer> {
  const numbered = (label: string, index: number) => ({ label: `${index + 1}. ${label}`, value: index });
  const placeholder = question.question;
  switch (question.type) {
    case 'single':
      return either<QuizAnswer>(card, (settle) => quickPick((question.choices ?? []).map(numbered), { title, placeholder }, (value) => settle(value as number | 'stop')),
        (action) => (action.type === 'answer' ? action.choices[0] : undefined));
    case 'multiple':
      return either<QuizAnswer>(card, (settle) => quickPick((question.choices ?? []).map(numbered), { title, placeholder: `${placeholder} ${vscode.l10n.t('(choose all that apply)')}`, many: true },
        (value) => settle(value === 'stop' ? value : [value].flat())),
      (action) => (action.type === 'answer' ? action.choices : undefined));
    case 'truefalse':
      return either<QuizAnswer>(card, (settle) => quickPick([{ label: vscode.l10n.t('True'), value: true }, { label: vscode.l10n.t('False'), value: false }], { title, placeholder },
        (value) => settle(value as boolean | 'stop')),
      (action) => (action.type === 'answer' ? action.choices[0] === 0 : undefined));
    default:
      return either<QuizAnswer>(card, (settle) => inputBox({ title, prompt: vscode.l10n.t('What does the code on the card print? For several lines, separate them with " / ".') },
        (typed) => settle(typed === 'stop' ? typed : typed.split(' / ').join('\n'))), () => undefined);
  }
}

/** The grades of a recall question with when each would bring it back: `Good · 3 d`. */
function gradeChoices(question: QuizQuestion, schedule: QuizSchedule): { grade: Grade; label: string; meaning: string }[] {
  const grades = gradesFor(question);
  const intervals = schedule.nextIntervals(question.id, new Date(), grades);
  return grades.map((grade) => ({ grade, label: `${gradeName(grade)} · ${intervalLabel(intervals.get(grade) ?? 0)}`, meaning: gradeMeaning(grade) }));
}

export async function runQuiz(queue: QueuedQuestion[], { store, card, openNote }: QuizContext): Promise<QuizResult> {
  const started = Date.now();
  const missed = new Map<string, number>();
  let correct = 0;
  let asked = 0;
  for (const [i, { item }] of queue.entries()) {
    const { question, noteKey, noteTitle } = item;
    const position = vscode.l10n.t('Question {0} of {1} · {2}', i + 1, queue.length, noteTitle);
    const edited = store.questionChanged(question.id) ? `\n\n> ${vscode.l10n.t('This question was edited since you last answered it; your history with it is kept.')}` : '';
    const asking: CardView = {
      questionId: question.id,
      type: question.type,
      heading: position,
      question: questionMarkdown(question) + edited,
      choices: choicesOf(question),
      hint: question.type === 'output' ? vscode.l10n.t('Type what it prints in the input box above.')
        : question.type === 'recall' ? vscode.l10n.t('Think of the answer, then press Enter to see it.')
          : question.type === 'multiple' ? vscode.l10n.t('Pick every right choice: 1–9 on the card, then Enter; or in the list above.')
            : vscode.l10n.t('Pick with 1–{0} on the card, or in the list above.', choicesOf(question).length),
    };
    const answered = (right: boolean | undefined): Pick<CardView, 'result'> => ({
      result: {
        ...(right === undefined ? {} : { verdict: { right, text: right ? `✔ ${vscode.l10n.t('Correct')}` : `✘ ${vscode.l10n.t('Not quite. The right answer:')}` } }),
        answer: `${answerMarkdown(question)}\n\n${question.explanation}`,
        noteLink: question.ref ? vscode.l10n.t('Read “{0}” in {1}', question.ref, noteTitle) : vscode.l10n.t('Read the note: {0}', noteTitle),
      },
    });
    card.show(asking);
    const askedAt = Date.now();

    let grade: Grade | 'stop';
    let right: boolean;
    if (question.type === 'recall') {
      const revealed = await either(card, (settle) => quickPick([{ label: vscode.l10n.t('Show the answer'), value: true }], { title: position, placeholder: question.question }, (value) => settle(value === 'stop' ? value : true)),
        (action) => (action.type === 'reveal' ? true : undefined));
      if (revealed === 'stop') return summary(true);
      const choices = gradeChoices(question, (await store.state()).schedule);
      card.show({ ...asking, ...answered(undefined), hint: vscode.l10n.t('How well did you know it? Press 1–{0}.', choices.length), grades: choices.map(({ grade: value, label }) => ({ grade: value, label })) });
      grade = await either<Grade>(card, (settle) => quickPick(choices.map(({ grade: value, label, meaning }) => ({ label, description: meaning, value })),
        { title: position, placeholder: vscode.l10n.t('How well did you know it?') }, (value) => settle(value as Grade | 'stop')),
      (action) => (action.type === 'grade' ? action.grade as Grade : undefined));
      if (grade === 'stop') return summary(true);
      right = grade !== Rating.Again;
    } else {
      const answer = await askObjective(question, position, card);
      if (answer === 'stop') return summary(true);
      right = gradeAnswer(question, answer);
      grade = gradeForResult(right);
    }
    await store.record(item, grade, Date.now() - askedAt);
    asked++;
    if (right) correct++;
    else missed.set(noteKey, (missed.get(noteKey) ?? 0) + 1);

    const last = i + 1 === queue.length;
    const nextLabel = last ? vscode.l10n.t('See the result') : vscode.l10n.t('Next question');
    card.show({ ...asking, ...answered(question.type === 'recall' ? undefined : right), next: vscode.l10n.t('Enter: {0} · Esc: stop', nextLabel) });
    const verdict = question.type === 'recall' ? gradeName(grade) : right ? `✔ ${vscode.l10n.t('Correct')}` : `✘ ${vscode.l10n.t('Not quite')}`;
    const onward = await either<'next' | 'open'>(card, (settle) => quickPick([
      { label: `${last ? '$(check)' : '$(arrow-right)'} ${nextLabel}`, value: 'next' as const },
      { label: `$(book) ${vscode.l10n.t('Open the note: {0}', noteTitle)}`, value: 'open' as const },
    ], { title: verdict, placeholder: vscode.l10n.t('The answer and the explanation are on the card.') }, (value) => settle(value as 'next' | 'open' | 'stop')),
    (action) => (action.type === 'next' ? 'next' : action.type === 'openNote' ? 'open' : undefined));
    if (onward === 'stop') return summary(true);
    if (onward === 'open') {
      card.close();
      await openNote(noteKey, question.ref);
      return summary(true);
    }
  }
  return summary(false);

  function summary(cancelled: boolean): QuizResult {
    const weakest = [...missed].map(([noteKey, count]) => ({ noteKey, missed: count })).sort((a, b) => b.missed - a.missed);
    return { asked, correct, durationMs: Date.now() - started, weakest, cancelled };
  }
}
