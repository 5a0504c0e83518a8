// Export to Anki as a tab-separated text file with the file headers Anki 2.1.55+ reads: tab
// separator, HTML fields, a GUID column (the question id, so a re-import updates the same notes
// instead of adding copies), a deck column and a tags column. The two remaining columns are the
// Front and Back fields; the note type is chosen in Anki's import dialog (the Basic type fits).
import { format, type Locale } from '../messages';
import type { QuizQuestion } from '../model';
import type { QuizItem } from './items';

export interface AnkiExportOptions {
  locale: Locale;
  /** Parent deck; each category becomes a subdeck. */
  deck?: string;
}

const header = ['#separator:tab', '#html:true', '#guid column:1', '#deck column:4', '#tags column:5'];

/** The whole file, one row per question: GUID, Front, Back, deck, tags. */
export function exportAnkiTsv(items: readonly QuizItem[], options: AnkiExportOptions): string {
  const deck = options.deck ?? 'Study Notes';
  const rows = items.map((item) => [
    item.question.id,
    front(item.question, options.locale),
    back(item.question, options.locale),
    `${plain(deck)}::${plain(item.category)}`,
    ['study-notes', item.category, item.noteId].map(tag).join(' '),
  ].join('\t'));
  return [...header, ...rows].join('\n') + '\n';
}

/**
 * Text as the content of an HTML field. Quotes are escaped too, so no field starts with the `"` that
 * would make Anki read it as a quoted field, and line breaks become `<br>` (which also breaks lines
 * inside `<pre>`), so no field holds a tab or a newline that would split the row.
 */
function escapeAnkiHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
    .replace(/\r\n?|\n/g, '<br>').replace(/\t/g, '&#9;');
}

const choiceLabel = (index: number): string => String.fromCharCode(65 + index);
const code = (text: string): string => `<pre><code>${escapeAnkiHtml(text)}</code></pre>`;

function front(question: QuizQuestion, locale: Locale): string {
  const parts = [`<div>${escapeAnkiHtml(question.question)}</div>`];
  if (question.type === 'multiple') parts.push(`<div>${escapeAnkiHtml(format(locale, 'ankiSelectAll'))}</div>`);
  if (question.code) parts.push(code(question.code));
  if (question.choices) {
    parts.push(`<ol type="A">${question.choices.map((choice) => `<li>${escapeAnkiHtml(choice)}</li>`).join('')}</ol>`);
  }
  return parts.join('');
}

function back(question: QuizQuestion, locale: Locale): string {
  return `${answerHtml(question, locale)}<hr>${escapeAnkiHtml(question.explanation)}`;
}

function answerHtml(question: QuizQuestion, locale: Locale): string {
  const { answer, choices = [] } = question;
  const choice = (index: number): string => `${choiceLabel(index)}. ${escapeAnkiHtml(choices[index] ?? '')}`;
  switch (question.type) {
    case 'single':
      return typeof answer === 'number' ? choice(answer) : escapeAnkiHtml(String(answer));
    case 'multiple':
      return Array.isArray(answer) ? [...answer].sort((a, b) => a - b).map(choice).join('<br>') : escapeAnkiHtml(String(answer));
    case 'truefalse':
      return escapeAnkiHtml(format(locale, answer === true ? 'ankiTrue' : 'ankiFalse'));
    case 'output':
      return code(String(answer));
    case 'recall':
      return escapeAnkiHtml(String(answer));
  }
}

/** Deck names and tags are plain text: only the characters that would break the row or the name go. */
const plain = (text: string): string => text.replace(/[\t\r\n]+/g, ' ').trim();
const tag = (text: string): string => plain(text).replace(/\s+/g, '_');
