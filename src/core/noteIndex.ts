// All known notes, bundled and users', with the problems that only show across notes (duplicate
// ids, dangling related ids and links) and the per-note quiz checks the schema cannot express.
// Problems point at the offending YAML node or link when the note was read by parseNote.
import { format, type Locale } from './messages';
import { BUNDLED_CATEGORIES, type Note, type NoteLink, type NoteProblem, type QuizQuestion, type TextRange, type ValueSpan } from './model';
import { linkedFile } from './noteLinks';

export interface Category {
  id: string;
  notes: Note[];
}

/** A place in a note that names a concept: a `related` item, a `note:id` link or a relative link. */
export interface NoteReference {
  note: Note;
  kind: 'related' | 'idLink' | 'fileLink';
  /** The id itself for `related` items and `note:` links; the whole target for relative links. */
  range: TextRange;
}

const noRange: TextRange = { startLine: 0, startCharacter: 0, endLine: 0, endCharacter: 0 };

/**
 * The file each relative link points to, kept with the parsed link: notes are re-parsed one at a
 * time, so the links of all the others stay resolved across index rebuilds.
 */
const linkTargets = new WeakMap<NoteLink, string>();

export class NoteIndex {
  private readonly byId = new Map<string, Note>();
  private readonly bySourceFile = new Map<string, Note>();
  private readonly duplicates = new Map<string, Note[]>();
  private readonly questionOwners = new Map<string, Note[]>();
  private sortedCategories: Category[] | undefined;
  private references: Map<string, NoteReference[]> | undefined;
  private coverage: Map<string, Note[]> | undefined;
  private tagList: string[] | undefined;

  constructor(readonly notes: readonly Note[], private readonly locale: Locale = 'en') {
    for (const note of notes) {
      const first = this.byId.get(note.meta.id);
      if (first) this.duplicates.set(note.meta.id, [...(this.duplicates.get(note.meta.id) ?? [first]), note]);
      else this.byId.set(note.meta.id, note);
      this.bySourceFile.set(note.source, note);
      for (const question of quizOf(note)) {
        if (typeof question.id !== 'string') continue;
        const owners = this.questionOwners.get(question.id);
        if (!owners) this.questionOwners.set(question.id, [note]);
        else if (!owners.includes(note)) owners.push(note);
      }
    }
  }

  /** Categories in the bundled order, then users' by name; notes by `order`, then title. */
  get categories(): Category[] {
    this.sortedCategories ??= groupByCategory(this.notes);
    return this.sortedCategories;
  }

  get(id: string): Note | undefined {
    return this.byId.get(id);
  }

  bySource(source: string): Note | undefined {
    return this.bySourceFile.get(source);
  }

  /** The note a link points to, if any. */
  resolveLink(from: Note, link: NoteLink): Note | undefined {
    if (link.kind === 'id') return this.byId.get(link.id);
    let file = linkTargets.get(link);
    if (file === undefined) {
      file = linkedFile(from.source, link.file);
      linkTargets.set(link, file);
    }
    return this.bySourceFile.get(file);
  }

  /** Every related item and link, in every note, that names the concept `id`. */
  referencesTo(id: string): NoteReference[] {
    this.references ??= this.collectReferences();
    return this.references.get(id) ?? [];
  }

  /** Notes whose `covers` list the word in code (`functools.partial`, `yield`). */
  covering(word: string): Note[] {
    if (!this.coverage) {
      this.coverage = new Map();
      for (const note of this.notes) {
        for (const covered of stringsOf(note.meta.covers)) this.coverage.set(covered, [...(this.coverage.get(covered) ?? []), note]);
      }
    }
    return this.coverage.get(word) ?? [];
  }

  /** Tags in use, most used first. */
  tags(): string[] {
    if (!this.tagList) {
      const counts = new Map<string, number>();
      for (const note of this.notes) for (const tag of stringsOf(note.meta.tags)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
      this.tagList = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([tag]) => tag);
    }
    return this.tagList;
  }

  /** Problems of one note: its own parse problems plus those that need the whole index. */
  problemsOf(note: Note): NoteProblem[] {
    const problems = [...note.problems];
    const report = (range: TextRange | undefined, message: string, severity: NoteProblem['severity'] = 'error'): void => {
      problems.push({ message, severity, range: range ?? noRange });
    };
    const spans = note.spans;
    const others = (this.duplicates.get(note.meta.id) ?? []).filter((other) => other !== note);
    if (others.length > 0) report(spans?.id?.range, format(this.locale, 'duplicateId', note.meta.id, others.map((other) => other.source).join(', ')));
    const related: ValueSpan[] = spans?.related ?? stringsOf(note.meta.related).map((value) => ({ value, range: noRange }));
    for (const { value, range } of related) {
      if (!this.byId.has(value)) report(range, format(this.locale, 'danglingRelated', value));
    }
    for (const link of spans?.links ?? []) {
      if (!this.resolveLink(note, link)) report(link.kind === 'id' ? link.idRange : link.range, format(this.locale, 'danglingLink', link.href), 'warning');
    }
    this.quizProblems(note, report);
    return problems;
  }

  private quizProblems(note: Note, report: (range: TextRange | undefined, message: string) => void): void {
    const headings = new Set(note.headings.map((heading) => heading.text));
    const seen = new Set<string>();
    quizOf(note).forEach((question, index) => {
      const at = note.spans?.quiz[index];
      const id = typeof question.id === 'string' ? question.id : `#${index + 1}`;
      const idRange = at?.id?.range ?? at?.range;
      if (typeof question.id === 'string') {
        const elsewhere = (this.questionOwners.get(id) ?? []).filter((owner) => owner !== note);
        if (seen.has(id)) report(idRange, format(this.locale, 'duplicateQuestionId', id));
        else if (elsewhere.length > 0) report(idRange, format(this.locale, 'questionIdElsewhere', id, elsewhere.map((owner) => owner.source).join(', ')));
        seen.add(id);
      }
      if (question.type === 'single' || question.type === 'multiple') {
        const choices: unknown[] = Array.isArray(question.choices) ? question.choices : [];
        if (choices.length === 0) report(at?.choices ?? idRange, format(this.locale, 'noChoices', id));
        choices.forEach((choice, choiceIndex) => {
          if (typeof choice === 'string' && choice.trim() === '') report(at?.choiceItems[choiceIndex], format(this.locale, 'emptyChoice', id, choiceIndex + 1));
        });
        const answer: unknown = question.answer;
        if (Array.isArray(answer) && answer.length === 0) report(at?.answer ?? idRange, format(this.locale, 'noCorrectChoice', id));
        const answers = (Array.isArray(answer) ? answer : [answer]).filter((value): value is number => typeof value === 'number');
        for (const value of answers) {
          if (choices.length > 0 && value >= choices.length) report(at?.answer ?? idRange, format(this.locale, 'answerOutOfRange', id, value, choices.length));
        }
      }
      if (question.type === 'output' && (typeof question.answer !== 'string' || question.answer === '')) {
        report(at?.answer ?? idRange, format(this.locale, 'outputWithoutAnswer', id));
      }
      if (typeof question.ref === 'string' && !headings.has(question.ref)) report(at?.ref?.range ?? idRange, format(this.locale, 'refNotHeading', id, question.ref));
    });
  }

  private collectReferences(): Map<string, NoteReference[]> {
    const references = new Map<string, NoteReference[]>();
    const add = (id: string, reference: NoteReference): void => {
      const list = references.get(id);
      if (list) list.push(reference);
      else references.set(id, [reference]);
    };
    for (const note of this.notes) {
      for (const { value, range } of note.spans?.related ?? []) add(value, { note, kind: 'related', range });
      for (const link of note.spans?.links ?? []) {
        if (link.kind === 'id') add(link.id, { note, kind: 'idLink', range: link.idRange });
        else {
          const target = this.resolveLink(note, link);
          if (target) add(target.meta.id, { note, kind: 'fileLink', range: link.range });
        }
      }
    }
    return references;
  }
}

/** Quiz questions that are at least objects: front matter that breaks the schema may hold anything. */
function quizOf(note: Note): Partial<QuizQuestion>[] {
  const quiz: unknown = note.meta.quiz;
  return Array.isArray(quiz) ? quiz.map((question: unknown) => (question && typeof question === 'object' ? question : {})) : [];
}

function stringsOf(list: unknown): string[] {
  return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
}

function groupByCategory(notes: readonly Note[]): Category[] {
  const groups = new Map<string, Note[]>();
  for (const note of notes) {
    const group = groups.get(note.category);
    if (group) group.push(note);
    else groups.set(note.category, [note]);
  }
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
