// The topic tree as rows: bundled categories (and users' notes that name a category), then each of
// the user's note folders with its sub-folders as nested categories, then each file opened as
// topics with its categories. Order is natural everywhere (`2.` before `10.1`), after any explicit
// `order`. The rows are built once per model change, when the tree first asks.
import path from 'node:path';
import { BUNDLED_CATEGORIES, type NoteSummary } from '../../core/model';
import type { NoteModel } from '../../core/noteModel/noteModel';
import { naturalCompare } from '../../core/text';
import type { NoteRow, TreeNode } from '../../shared/protocol';

interface Group {
  node: TreeNode;
  notes: NoteSummary[];
  groups: Map<string, Group>;
  /** Sort key among sibling groups; groups keep insertion order when undefined. */
  sortName?: string;
}

interface Rows {
  children: Map<string, TreeNode[]>;
  parents: Map<string, TreeNode | null>;
}

export class NoteTree {
  private rows: Rows | undefined;
  /** The rows of the last filter asked for. */
  private filtered: { filter: string; rows: Rows } | undefined;

  private static readonly everything = (): boolean => true;

  constructor(private readonly model: NoteModel) {}

  /** The model changed: rebuild on the next request. */
  invalidate(): void {
    this.rows = undefined;
    this.filtered = undefined;
  }

  /** Rows under `parent` (the top level when omitted), only with matching notes when `filter` is given. */
  children(parent?: string, filter?: string): TreeNode[] {
    return this.rowsFor(filter).children.get(parent ?? '') ?? [];
  }

  parent(id: string): TreeNode | null {
    return this.rowsFor().parents.get(id) ?? null;
  }

  private rowsFor(filter?: string): Rows {
    const needle = filter?.trim().toLowerCase();
    if (!needle) return (this.rows ??= this.build(NoteTree.everything));
    if (this.filtered?.filter !== needle) {
      const matches = (note: NoteSummary): boolean => [note.id, note.title, note.titleEn ?? '', ...note.tags, ...note.covers].some((text) => text.toLowerCase().includes(needle));
      this.filtered = { filter: needle, rows: this.build(matches) };
    }
    return this.filtered.rows;
  }

  /** Every note in the tree's order: the order quizzes introduce new questions in. */
  notesInOrder(): NoteSummary[] {
    const ordered: NoteSummary[] = [];
    const visit = (parent: string): void => {
      for (const node of this.children(parent)) {
        if (node.note) {
          const note = this.model.get(node.note.key);
          if (note) ordered.push(note);
        } else {
          visit(node.id);
        }
      }
    };
    visit('');
    return ordered;
  }

  private build(include: (note: NoteSummary) => boolean): Rows {
    const roots = new Map<string, Group>();
    const group = (parent: Map<string, Group>, id: string, make: () => TreeNode, sortName?: string): Group => {
      let found = parent.get(id);
      if (!found) {
        found = { node: make(), notes: [], groups: new Map(), sortName };
        parent.set(id, found);
      }
      return found;
    };
    // Bundled categories first, in the seed's order, even before their notes are seen.
    for (const id of BUNDLED_CATEGORIES) group(roots, `category:${id}`, () => ({ id: `category:${id}`, kind: 'category', label: id, categoryId: id }));
    for (const folder of this.model.folders) {
      if (folder.namespace === 'user') group(roots, `folder:${folder.root}`, () => folderNode(`folder:${folder.root}`, folder.root));
    }
    for (const file of this.model.topicFilePaths) {
      const split = this.model.topicFile(file);
      if (!split) continue;
      const fileGroup = group(roots, `topics:${file}`, () => ({ id: `topics:${file}`, kind: 'topicFile', label: split.title, tooltip: [file] }));
      for (const category of split.categories) {
        const id = `topics:${file}#${category.line}`;
        group(fileGroup.groups, id, () => ({ id, kind: 'topicCategory', label: category.title }));
      }
    }
    const otherCategories = new Map<string, Group>();
    for (const note of this.model.all()) {
      if (!include(note)) continue;
      if (note.endLine !== undefined) {
        const fileGroup = roots.get(`topics:${note.path}`);
        if (!fileGroup) continue;
        const target = note.categoryLine !== undefined ? fileGroup.groups.get(`topics:${note.path}#${note.categoryLine}`) ?? fileGroup : fileGroup;
        target.notes.push(note);
      } else if (note.category) {
        const id = `category:${note.category}`;
        const parent = (BUNDLED_CATEGORIES as readonly string[]).includes(note.category) ? roots : otherCategories;
        group(parent, id, () => ({ id, kind: 'category', label: note.category!, categoryId: note.category }), note.category).notes.push(note);
      } else if (note.namespace === 'user') {
        let current = roots.get(`folder:${note.root}`);
        if (!current) continue;
        let folderPath = note.root;
        for (const name of note.folders) {
          folderPath = path.join(folderPath, name);
          const id = `folder:${folderPath}`;
          const here = folderPath;
          current = group(current.groups, id, () => folderNode(id, here), name);
        }
        current.notes.push(note);
      } else {
        group(roots, 'category:other', () => ({ id: 'category:other', kind: 'category', label: 'other', categoryId: 'other' })).notes.push(note);
      }
    }

    const children = new Map<string, TreeNode[]>();
    const parents = new Map<string, TreeNode | null>();
    const filtering = include !== NoteTree.everything;
    const emit = (parentId: string, parentNode: TreeNode | null, groups: Group[], notes: NoteSummary[], sortNotes: boolean): number => {
      const rows: TreeNode[] = [];
      for (const child of groups) {
        const count = emit(child.node.id, child.node, sortedGroups(child), child.notes, child.node.kind !== 'topicFile' && child.node.kind !== 'topicCategory');
        // Empty categories and folders are left out; a file's empty topic category stays (unless filtering).
        if (count === 0 && (child.node.kind !== 'topicCategory' || filtering)) continue;
        child.node.childCount = count;
        rows.push(child.node);
        parents.set(child.node.id, parentNode);
      }
      const ordered = sortNotes ? [...notes].sort(compareNotes) : notes;
      const titles = new Map<string, number>();
      for (const note of ordered) titles.set(note.title, (titles.get(note.title) ?? 0) + 1);
      for (const note of ordered) {
        const row = noteNode(note, (titles.get(note.title) ?? 0) > 1);
        rows.push(row);
        parents.set(row.id, parentNode);
      }
      children.set(parentId, rows);
      return rows.length;
    };
    const topLevel = [...roots.values()];
    // Users' own categories go after the bundled ones and before the note folders, in natural order.
    const insertAt = BUNDLED_CATEGORIES.length;
    topLevel.splice(insertAt, 0, ...[...otherCategories.values()].sort((a, b) => naturalCompare(a.sortName ?? '', b.sortName ?? '')));
    emit('', null, topLevel, [], false);
    return { children, parents };
  }
}

function sortedGroups(group: Group): Group[] {
  const groups = [...group.groups.values()];
  return groups.every((child) => child.sortName !== undefined) ? groups.sort((a, b) => naturalCompare(a.sortName!, b.sortName!)) : groups;
}

/**
 * A folder's README first (it is the folder's overview), then explicit `order`, then the file name
 * (or title, for bundled notes) in natural order.
 */
function compareNotes(a: NoteSummary, b: NoteSummary): number {
  const readme = (note: NoteSummary): number => (/^readme\.(md|markdown)$/i.test(path.basename(note.path)) && note.endLine === undefined ? 0 : 1);
  const byReadme = readme(a) - readme(b);
  if (byReadme !== 0) return byReadme;
  const byOrder = (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER);
  if (byOrder !== 0) return byOrder;
  const name = (note: NoteSummary): string => (note.namespace === 'user' ? path.basename(note.path) : note.title);
  return naturalCompare(name(a), name(b)) || naturalCompare(a.path, b.path);
}

function folderNode(id: string, folder: string): TreeNode {
  return { id, kind: 'folder', label: path.basename(folder), tooltip: [folder] };
}

function noteNode(note: NoteSummary, sharesTitle: boolean): TreeNode {
  const row = noteRow(note);
  const fileName = path.basename(note.path);
  const tooltip = [note.titleEn && note.titleEn !== note.title ? `${note.title} · ${note.titleEn}` : note.title];
  if (note.summary) tooltip.push(note.summary);
  if (note.tags.length > 0) tooltip.push(note.tags.map((tag) => `#${tag}`).join(' '));
  tooltip.push(note.endLine !== undefined ? `${fileName}:${note.bodyLine + 1}` : fileName);
  const distinguish = sharesTitle ? (note.endLine !== undefined ? `${fileName}:${note.bodyLine + 1}` : path.relative(note.root, note.path)) : undefined;
  return {
    id: note.key,
    kind: 'note',
    label: note.title,
    description: note.broken ? note.problem?.message : [note.titleEn, distinguish].filter(Boolean).join(' · ') || undefined,
    tooltip,
    note: row,
  };
}

/** What the extension needs to show, open or quiz a note. */
export function noteRow(note: NoteSummary): NoteRow {
  return {
    key: note.key,
    id: note.id,
    namespace: note.namespace,
    title: note.title,
    ...(note.titleEn ? { titleEn: note.titleEn } : {}),
    ...(note.summary ? { summary: note.summary } : {}),
    tags: note.tags,
    path: note.path,
    line: note.endLine !== undefined ? note.bodyLine : 0,
    category: note.category ?? (note.folders.length > 0 ? note.folders.join('/') : path.basename(note.root)),
    examples: note.examples.length,
    exercises: note.exercises.length,
    questions: note.quiz.length,
    ...(note.broken && note.problem ? { problem: note.problem } : {}),
    broken: note.broken,
  };
}
