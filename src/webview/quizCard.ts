// The quiz card's page, loaded once per quiz: it shows each question the host sends, rendered like
// the note panel (same renderer, sanitizer, highlighting and styles), and after the answer the
// verdict, the right answer and the explanation. The card can be answered from the keyboard too:
// 1–9 pick a choice (and the grades of a recall question), Enter goes on, Escape stops.
import DOMPurify from 'dompurify';
import { renderNote } from '../core/render';
import { parseCardHostMessage, type CardAction, type CardPageMessage, type CardView } from '../shared/quizCardMessages';
import { Highlighter, type CodeToColour } from './highlight';
import { button, element, newHook, placeholders } from './pageDom';
import { sanitizeNoteHtml } from './sanitize';

interface VsCodeApi {
  postMessage(message: CardPageMessage): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const act = (action: CardAction): void => vscode.postMessage({ type: 'action', action });
const hook = newHook();
const highlighter = new Highlighter();

const heading = element('div', 'card-heading');
const question = element('section', 'card-question');
const choices = element('ol', 'card-choices');
const hint = element('p', 'card-hint muted');
const result = element('section', 'card-result');
const grades = element('div', 'card-grades');
const next = element('p', 'card-next muted');
const card = element('main', 'quiz-card');
card.append(heading, question, choices, hint, result, grades, next);

let view: CardView | undefined;
/** Choices ticked on the card for a question with several right answers. */
const ticked = new Set<number>();

/** Markdown rendered the way the note panel renders a note, with its code blocks to colour. */
function markdown(text: string, code: CodeToColour[]): DocumentFragment {
  const rendered = renderNote(text, { hook });
  const fragment = sanitizeNoteHtml(DOMPurify, rendered.html);
  const found = placeholders(fragment, hook);
  rendered.codeBlocks.forEach((block, index) => {
    const codeElement = found.code[index]?.querySelector('code');
    if (codeElement) code.push({ element: codeElement, language: block.language, code: block.code });
  });
  return fragment;
}

function show(shown: CardView): void {
  view = shown;
  ticked.clear();
  const code: CodeToColour[] = [];
  heading.textContent = shown.heading;
  question.replaceChildren(markdown(shown.question, code));
  const answered = shown.result !== undefined;
  choices.replaceChildren(...shown.choices.map((choice, index) => {
    const item = element('li');
    const pick = button('', () => choose(index), 'card-choice');
    pick.disabled = answered;
    pick.append(element('kbd', undefined, String(index + 1)), markdown(choice, code));
    item.append(pick);
    return item;
  }));
  hint.textContent = shown.hint;
  hint.hidden = answered && !shown.grades;
  result.hidden = !shown.result;
  result.replaceChildren();
  if (shown.result) {
    const { verdict, answer, noteLink } = shown.result;
    if (verdict) result.append(element('p', `verdict ${verdict.right ? 'right' : 'wrong'}`, verdict.text));
    const link = element('a', 'note-link', noteLink);
    link.href = '#';
    link.addEventListener('click', (event) => {
      event.preventDefault();
      act({ type: 'openNote' });
    });
    result.append(markdown(answer, code), link);
  }
  grades.replaceChildren(...(shown.grades ?? []).map((grade, index) => {
    const choice = button('', () => act({ type: 'grade', grade: grade.grade }), 'card-grade');
    choice.append(element('kbd', undefined, String(index + 1)), ` ${grade.label}`);
    return choice;
  }));
  grades.hidden = !shown.grades;
  next.textContent = shown.next ?? '';
  next.hidden = !shown.next;
  if (!card.isConnected) document.body.append(card);
  window.scrollTo(0, 0);
  highlighter.watch(code);
}

function choose(index: number): void {
  if (!view || view.result || index >= view.choices.length) return;
  if (view.type !== 'multiple') {
    act({ type: 'answer', choices: [index] });
    return;
  }
  if (ticked.has(index)) ticked.delete(index);
  else ticked.add(index);
  choices.querySelectorAll('.card-choice').forEach((choice, at) => choice.classList.toggle('ticked', ticked.has(at)));
}

window.addEventListener('keydown', (event) => {
  if (!view || event.altKey || event.ctrlKey || event.metaKey) return;
  const number = /^[1-9]$/.test(event.key) ? Number(event.key) - 1 : undefined;
  if (event.key === 'Escape') act({ type: 'stop' });
  else if (view.grades && number !== undefined && number < view.grades.length) act({ type: 'grade', grade: view.grades[number].grade });
  else if (view.result && event.key === 'Enter' && view.next) act({ type: 'next' });
  else if (!view.result && view.type === 'recall' && (event.key === 'Enter' || event.key === ' ')) act({ type: 'reveal' });
  else if (!view.result && number !== undefined) choose(number);
  else if (!view.result && view.type === 'multiple' && event.key === 'Enter' && ticked.size > 0) act({ type: 'answer', choices: [...ticked] });
  else return;
  event.preventDefault();
});

window.addEventListener('message', (event: MessageEvent) => {
  const message = parseCardHostMessage(event.data);
  if (message) show(message.view);
});

vscode.postMessage({ type: 'ready' });
