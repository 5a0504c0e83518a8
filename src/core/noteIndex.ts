// All known notes, bundled and users', with the problems that only show across notes
// (duplicate ids, dangling related ids) and the per-note quiz checks the schema cannot express.
import { format, type Locale } from './messages';
import { BUNDLED_CATEGORIES, type Note, type NoteProblem, type TextRange } from './model';

export interface Category {
  id: string;
  notes: Note[];
}

const noRange: TextRange = { startLine: 0, startCharacter: 0, endLine: 0, endCharacter: 0 };

export class NoteIndex {
  private readonly byId = new Map<string, Note>();
  private readonly duplicates = new Map<string, Note[]>();
  readonly categories: Category[];

  constructor(readonly notes: readonly Note[], private readonly locale: Locale = 'en') {
    for (const note of notes) {
      const first = this.byId.get(note.meta.id);
      if (first) this.duplicates.set(note.meta.id, [...(this.duplicates.get(note.meta.id) ?? [first]), note]);
      else this.byId.set(note.meta.id, note);
    }
    this.categories = groupByCategory(notes);
  }

  get(id: string): Note | undefined {
    return this.byId.get(id);
  }

  /** Problems of one note: its own parse problems plus those that need the whole index. */
  problemsOf(note: Note): NoteProblem[] {
    const problems = [...note.problems];
    const error = (message: string): void => { problems.push({ message, severity: 'error', range: noRange }); };
    const others = (this.duplicates.get(note.meta.id) ?? []).filter((other) => other !== note);
    if (others.length > 0) error(format(this.locale, 'duplicateId', note.meta.id, others.map((other) => other.source).join(', ')));
    for (const id of note.meta.related ?? []) {
      if (!this.byId.has(id)) error(format(this.locale, 'danglingRelated', id));
    }
    const headings = new Set(note.headings.map((heading) => heading.text));
    const questionIds = new Set<string>();
    for (const question of note.meta.quiz ?? []) {
      if (questionIds.has(question.id)) error(format(this.locale, 'duplicateQuestionId', question.id));
      questionIds.add(question.id);
      const choices = question.choices?.length ?? 0;
      const answers = typeof question.answer === 'number' ? [question.answer] : Array.isArray(question.answer) ? question.answer : [];
      for (const answer of answers) {
        if (answer >= choices) error(format(this.locale, 'answerOutOfRange', question.id, answer, choices));
      }
      if (question.ref && !headings.has(question.ref)) error(format(this.locale, 'refNotHeading', question.id, question.ref));
    }
    return problems;
  }
}

function groupByCategory(notes: readonly Note[]): Category[] {
  const groups = new Map<string, Note[]>();
  for (const note of notes) groups.set(note.category, [...(groups.get(note.category) ?? []), note]);
  const rank = (id: string): number => {
    const bundled = (BUNDLED_CATEGORIES as readonly string[]).indexOf(id);
    return bundled === -1 ? BUNDLED_CATEGORIES.length : bundled;
  };
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([id, members]) => ({
      id,
      notes: members.sort((a, b) =>
        (a.meta.order ?? Number.MAX_SAFE_INTEGER) - (b.meta.order ?? Number.MAX_SAFE_INTEGER) || a.meta.title.localeCompare(b.meta.title)),
    }));
}
