// The messages between the quiz card's host (the quiz session in the extension) and its page (a
// webview), declared once and imported by both. The page is loaded once per quiz and then told what
// each step shows; what the learner does on the card comes back as one of a few actions, checked on
// arrival like every other page message.

/** One grade button of a recall question: `Good · 3 d`. */
export interface GradeChoice {
  grade: number;
  label: string;
}

/** Everything one step of the quiz shows; all text comes from the host, Markdown where noted. */
export interface CardView {
  questionId: string;
  type: 'single' | 'multiple' | 'truefalse' | 'output' | 'recall';
  /** `Question 2 of 5 · 列表` */
  heading: string;
  /** Markdown: the question, and its code as a fenced block. */
  question: string;
  /** Markdown of each choice (true/false questions get the two words). */
  choices: string[];
  /** A line under the question saying how to answer (keys, or the input box). */
  hint: string;
  /** Set once answered (or revealed, for recall): what the learner sees after answering. */
  result?: {
    /** `✔ Correct` or `✘ Not quite`; undefined for a revealed recall answer. */
    verdict?: { right: boolean; text: string };
    /** Markdown of the right answer and the explanation. */
    answer: string;
    /** The link to the note's section, and its label. */
    noteLink: string;
  };
  /** Recall questions once revealed: the grades with their next intervals, chosen with keys 1–4. */
  grades?: GradeChoice[];
  /** After an answer: how to go on (`Enter: next question · Esc: stop`). */
  next?: string;
}

export type CardHostMessage = { type: 'show'; view: CardView };

/** What the learner did on the card. */
export type CardAction =
  | { type: 'answer'; choices: number[] }
  | { type: 'reveal' }
  | { type: 'grade'; grade: number }
  | { type: 'next' }
  | { type: 'openNote' }
  | { type: 'stop' };

export type CardPageMessage =
  | { type: 'ready' }
  | { type: 'action'; action: CardAction };

type Fields = Record<string, unknown>;
const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isIndex = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0 && (value as number) < 100;

/** A page message, or undefined for anything a card page should not send. */
export function parseCardPageMessage(value: unknown): CardPageMessage | undefined {
  if (!isObject(value)) return undefined;
  if (value.type === 'ready') return { type: 'ready' };
  if (value.type !== 'action' || !isObject(value.action)) return undefined;
  const action = value.action;
  switch (action.type) {
    case 'answer':
      return Array.isArray(action.choices) && action.choices.length > 0 && action.choices.every(isIndex)
        ? { type: 'action', action: { type: 'answer', choices: [...new Set(action.choices as number[])] } } : undefined;
    case 'grade':
      return Number.isInteger(action.grade) && (action.grade as number) >= 1 && (action.grade as number) <= 4
        ? { type: 'action', action: { type: 'grade', grade: action.grade as number } } : undefined;
    case 'reveal':
    case 'next':
    case 'openNote':
    case 'stop':
      return { type: 'action', action: { type: action.type } };
    default:
      return undefined;
  }
}

/** A host message, or undefined when it is not one. */
export function parseCardHostMessage(value: unknown): CardHostMessage | undefined {
  if (!isObject(value) || value.type !== 'show' || !isObject(value.view)) return undefined;
  const view = value.view;
  const valid = ['questionId', 'type', 'heading', 'question', 'hint'].every((name) => isString(view[name]))
    && Array.isArray(view.choices) && view.choices.every(isString)
    && (view.result === undefined || (isObject(view.result) && isString(view.result.answer) && isString(view.result.noteLink)))
    && (view.grades === undefined || (Array.isArray(view.grades) && view.grades.every((grade) => isObject(grade) && isIndex(grade.grade) && isString(grade.label))))
    && (view.next === undefined || isString(view.next));
  return valid ? { type: 'show', view: view as unknown as CardView } : undefined;
}
