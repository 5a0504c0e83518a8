// One quiz, keyboard only: every question is answered in a QuickPick or an InputBox while a read-only
// "quiz sheet" beside it shows the question, its code, and then the verdict and the explanation.
// Each answer is logged the moment it is given, so Escape (or a crash) loses nothing answered.
import * as vscode from 'vscode';
import { gradeAnswer, gradeForResult, gradesFor, Rating, type Grade, type QueuedQuestion, type QuizAnswer } from '../../core/quiz';
import type { QuizQuestion } from '../../core/model';
import type { ProgressStore } from './progressStore';

export const QUIZ_SHEET = vscode.Uri.parse('study-notes-quiz:/Quiz.md');

/** The read-only document beside the quiz. */
export class QuizSheet implements vscode.TextDocumentContentProvider {
  private text = '';
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(): string {
    return this.text;
  }

  async show(text: string): Promise<void> {
    this.text = text;
    this.changed.fire(QUIZ_SHEET);
    const document = await vscode.workspace.openTextDocument(QUIZ_SHEET);
    await vscode.languages.setTextDocumentLanguage(document, 'markdown');
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: true });
  }
}

export interface QuizResult {
  asked: number;
  correct: number;
  durationMs: number;
  /** Note keys with how many of their questions were missed, most missed first. */
  weakest: { noteKey: string; missed: number }[];
  cancelled: boolean;
}

const LETTERS = 'ABCDEFGHIJ';

function sheetFor(question: QuizQuestion, position: string, noteTitle: string): string {
  const lines = [`# ${position} · ${noteTitle}`, '', question.question, ''];
  if (question.code) lines.push('```python', question.code.replace(/\n$/, ''), '```', '');
  question.choices?.forEach((choice, i) => lines.push(`- **${LETTERS[i]}.** ${choice}`));
  return lines.join('\n');
}

function answerText(question: QuizQuestion): string {
  const { answer, choices } = question;
  if (typeof answer === 'boolean') return answer ? vscode.l10n.t('True') : vscode.l10n.t('False');
  if (typeof answer === 'number') return `${LETTERS[answer]}. ${choices?.[answer] ?? ''}`;
  if (Array.isArray(answer)) return answer.map((i) => `${LETTERS[i]}. ${choices?.[i] ?? ''}`).join('; ');
  return String(answer);
}

type Step<T> = Promise<T | undefined>;

async function askObjective(question: QuizQuestion, title: string): Step<QuizAnswer> {
  const placeHolder = question.question;
  switch (question.type) {
    case 'single': {
      const items = (question.choices ?? []).map((label, index) => ({ label: `${LETTERS[index]}. ${label}`, index }));
      return (await vscode.window.showQuickPick(items, { title, placeHolder, ignoreFocusOut: true }))?.index;
    }
    case 'multiple': {
      const items = (question.choices ?? []).map((label, index) => ({ label: `${LETTERS[index]}. ${label}`, index }));
      const picked = await vscode.window.showQuickPick(items, { title, placeHolder: `${placeHolder} ${vscode.l10n.t('(choose all that apply)')}`, canPickMany: true, ignoreFocusOut: true });
      return picked?.map((item) => item.index);
    }
    case 'truefalse': {
      const items = [{ label: vscode.l10n.t('True'), value: true }, { label: vscode.l10n.t('False'), value: false }];
      return (await vscode.window.showQuickPick(items, { title, placeHolder, ignoreFocusOut: true }))?.value;
    }
    default: {
      const typed = await vscode.window.showInputBox({
        title,
        prompt: vscode.l10n.t('What does the code beside print? For several lines, separate them with " / ".'),
        ignoreFocusOut: true,
      });
      return typed?.split(' / ').join('\n');
    }
  }
}

/** A recall question: think, reveal the model answer, then grade yourself with all four grades. */
async function askRecall(question: QuizQuestion, title: string, sheet: QuizSheet, sheetText: string): Step<Grade> {
  const reveal = await vscode.window.showQuickPick([{ label: vscode.l10n.t('Show the answer') }], { title, placeHolder: question.question, ignoreFocusOut: true });
  if (!reveal) return undefined;
  await sheet.show(`${sheetText}\n---\n\n**${vscode.l10n.t('Answer')}:** ${String(question.answer)}\n\n${question.explanation}\n`);
  const labels: Record<number, string> = {
    [Rating.Again]: vscode.l10n.t('Again: I did not know it'),
    [Rating.Hard]: vscode.l10n.t('Hard: I knew it with effort'),
    [Rating.Good]: vscode.l10n.t('Good: I knew it'),
    [Rating.Easy]: vscode.l10n.t('Easy: I knew it at once'),
  };
  const items = gradesFor(question).map((grade) => ({ label: labels[grade], grade }));
  return (await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('How well did you know it?'), ignoreFocusOut: true }))?.grade;
}

export async function runQuiz(queue: QueuedQuestion[], store: ProgressStore, sheet: QuizSheet, openNote: (key: string) => Promise<unknown>): Promise<QuizResult> {
  const started = Date.now();
  const missed = new Map<string, number>();
  let correct = 0;
  let asked = 0;
  for (const [i, { item }] of queue.entries()) {
    const { question, noteKey, noteTitle } = item;
    const title = vscode.l10n.t('Question {0} of {1} · {2}', i + 1, queue.length, noteTitle);
    const changed = store.questionChanged(question.id) ? `\n> ${vscode.l10n.t('This question was edited since you last answered it; your history with it is kept.')}\n` : '';
    const sheetText = sheetFor(question, vscode.l10n.t('Question {0} of {1}', i + 1, queue.length), noteTitle) + changed;
    await sheet.show(sheetText);
    const askedAt = Date.now();

    let grade: Grade | undefined;
    let right: boolean;
    if (question.type === 'recall') {
      grade = await askRecall(question, title, sheet, sheetText);
      if (grade === undefined) return summary(true);
      right = grade !== Rating.Again;
    } else {
      const answer = await askObjective(question, title);
      if (answer === undefined) return summary(true);
      right = gradeAnswer(question, answer);
      grade = gradeForResult(right);
    }
    await store.record(item, grade, Date.now() - askedAt);
    asked++;
    if (right) correct++;
    else missed.set(noteKey, (missed.get(noteKey) ?? 0) + 1);

    const verdict = right ? `✔ ${vscode.l10n.t('Correct')}` : `✘ ${vscode.l10n.t('Not quite. The answer: {0}', answerText(question))}`;
    await sheet.show(`${sheetText}\n---\n\n**${verdict}**\n\n${question.explanation}\n`);
    const next = { label: i + 1 < queue.length ? vscode.l10n.t('$(arrow-right) Next question') : vscode.l10n.t('$(check) See the result'), action: 'next' as const };
    const open = { label: vscode.l10n.t('$(book) Open the note: {0}', noteTitle), action: 'open' as const };
    const choice = await vscode.window.showQuickPick([next, open], { title: verdict, placeHolder: question.explanation, ignoreFocusOut: true });
    if (!choice) return summary(true);
    if (choice.action === 'open') {
      await openNote(noteKey);
      return summary(true);
    }
  }
  return summary(false);

  function summary(cancelled: boolean): QuizResult {
    const weakest = [...missed].map(([noteKey, count]) => ({ noteKey, missed: count })).sort((a, b) => b.missed - a.missed);
    return { asked, correct, durationMs: Date.now() - started, weakest, cancelled };
  }
}
