// The one note model: every note of the bundled folder, the user's note folders and the files opened
// as topics, read through a `NoteFileSystem` and kept as summaries (metadata, links, quiz; never the
// bodies). A created, changed or deleted file updates that note and the cross-note facts it touches
// (ids, references, tags, covered words, question ids); nothing else is read again. Notes open in an
// editor take their text from the editor and keep their full parse for the language features.
import path from 'node:path';
import { format, type Locale } from '../messages';
import type { Namespace, NoteFolder, NoteLink, NoteProblem, NoteSummary, ParsedNote, TextRange } from '../model';
import { expandLink, linkedFile } from '../notes/noteLinks';
import { pathHash, pathId } from '../notes/noteIds';
import { DEFAULT_MAX_NOTE_BYTES, parseNoteDocument, scanNoteBody, summarizeNote } from '../notes/parseNote';
import { splitTopics, type TopicFile } from '../notes/topics';
import type { NoteFileSystem } from './fileSystem';
import type { CachedNote, NoteCache } from './noteCache';
import { nextTurn, TimeSlices } from '../timeSlices';

/** Folders never walked for notes: tools' output, dependencies, version control, our own scratch folders. */
const SKIPPED_FOLDERS = new Set(['node_modules', 'out', 'dist', 'build', 'target', '__pycache__', 'venv', 'study-examples', 'study-exercises']);
/** A walk stops descending below this depth (a symlink maze or a generated tree). */
const MAX_FOLDER_DEPTH = 32;
/** How much of a note indexing reads first: its front matter almost always fits. */
const START_BYTES = 4 * 1024;

export interface ModelOptions {
  fs: NoteFileSystem;
  locale?: Locale;
  maxNoteBytes?: number;
  cache?: NoteCache;
}

export interface ModelConfiguration {
  folders: NoteFolder[];
  /** Long Markdown files shown as topics. */
  topicFiles: string[];
}

/** What changed: the keys of notes added, changed or removed. */
export interface ModelChange {
  keys: string[];
}

/** A place in a note that names another: a `related` item, a `note:` link or a relative link. */
export interface NoteReference {
  from: NoteSummary;
  kind: 'related' | 'idLink' | 'fileLink';
  /** For links, the link; `related` items carry no range in a summary (the caller parses the file). */
  link?: NoteLink;
  /** For `related` items, the id as written. */
  id?: string;
}

const scoped = (namespace: Namespace, id: string): string => `${namespace}\u0000${id}`;

/** Who names whom, for references, hovers in Python code and cross-note problems. */
interface ReverseIndex {
  /** Id named by a `related` item or a `note:` link → keys of the notes naming it. */
  idMentions: Map<string, Set<string>>;
  /** File named by a relative link → keys of the notes linking it. */
  fileMentions: Map<string, Set<string>>;
  /** Word in code a note covers → keys of the notes covering it. */
  coverage: Map<string, Set<string>>;
  /** Quiz question id → keys of the notes asking it. */
  questionOwners: Map<string, Set<string>>;
}

export class NoteModel {
  private readonly fs: NoteFileSystem;
  private readonly locale: Locale;
  private readonly maxNoteBytes: number;
  private readonly cache: NoteCache | undefined;
  private configuration: ModelConfiguration = { folders: [], topicFiles: [] };
  /** The configuration whose folders are indexed. */
  private applied: ModelConfiguration = { folders: [], topicFiles: [] };

  private readonly notes = new Map<string, NoteSummary>();
  /** File stats of indexed files, for the cache. */
  private readonly stats = new Map<string, { size: number; mtimeMs: number }>();
  private readonly topicFiles = new Map<string, TopicFile>();
  /** Effective id → keys, per namespace; the first key is the one lookups find. */
  private readonly byId = new Map<string, string[]>();
  /** Declared id → keys, per namespace: duplicates are problems. */
  private readonly declaredIds = new Map<string, Set<string>>();
  /** Derived (path) id before disambiguation → keys, per namespace. */
  private readonly derivedIds = new Map<string, Set<string>>();
  /** Built the first time a feature needs it, then kept up to date (indexing never pays for it). */
  private reverse: ReverseIndex | undefined;
  private readonly tagCounts = new Map<string, number>();
  /** Notes open in an editor: their text, and (for notes of a note folder) their full parse. */
  private readonly openText = new Map<string, string>();
  private readonly open = new Map<string, ParsedNote>();

  private readonly listeners = new Set<(change: ModelChange) => void>();
  private pendingChange = new Set<string>();
  private changeTimer: ReturnType<typeof setTimeout> | undefined;
  private cacheTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  private readyPromise: Promise<void> = Promise.resolve();
  private shownPromise: Promise<void> = Promise.resolve();
  /** Bumped by every `configure`, so a slower earlier configuration never overwrites a later one. */
  private generation = 0;

  constructor(options: ModelOptions) {
    this.fs = options.fs;
    this.locale = options.locale ?? 'en';
    this.maxNoteBytes = options.maxNoteBytes ?? DEFAULT_MAX_NOTE_BYTES;
    this.cache = options.cache;
  }

  /** Resolves once the notes of the current configuration are indexed. */
  get ready(): Promise<void> {
    return this.readyPromise;
  }

  get size(): number {
    return this.notes.size;
  }

  get folders(): readonly NoteFolder[] {
    return this.configuration.folders;
  }

  /** Listens to changes; they are batched, so many changed files make one change. */
  onDidChange(listener: (change: ModelChange) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  // ---- Configuration and indexing --------------------------------------------------------------

  /** Sets the note folders and topic files; notes of removed ones go, new ones are indexed. */
  configure(configuration: ModelConfiguration): Promise<void> {
    const generation = ++this.generation;
    this.configuration = { folders: dedupeFolders(configuration.folders), topicFiles: [...new Set(configuration.topicFiles)] };
    let shown: () => void = () => undefined;
    this.shownPromise = new Promise<void>((resolve) => { shown = resolve; });
    this.readyPromise = this.readyPromise.then(() => this.applyConfiguration(generation, shown));
    void this.readyPromise.then(shown, shown);
    return this.readyPromise;
  }

  /**
   * Resolves once the notes can be shown: on a start from the cache as soon as its notes are in
   * (the files are then checked against it, and what changed is reported as changes), otherwise
   * when `ready` does. The tree answers from here, so a warm start shows it before the check.
   */
  get shown(): Promise<void> {
    return this.shownPromise;
  }

  /**
   * Brings the notes to the latest configuration, from the one applied last. Configurations queue:
   * when several arrive at once, only the latest is applied (it includes what the others asked for).
   */
  private async applyConfiguration(generation: number, shown: () => void): Promise<void> {
    if (generation !== this.generation) return;
    const wanted = this.configuration;
    const { folders, topicFiles } = wanted;
    const kept = (file: string): boolean => this.folderOf(file) !== undefined;
    for (const note of [...this.notes.values()]) {
      if (note.root === note.path ? !topicFiles.includes(note.path) : !kept(note.path)) this.removeKey(note.key);
    }
    for (const file of [...this.topicFiles.keys()]) if (!topicFiles.includes(file)) this.topicFiles.delete(file);
    const cached = await this.loadCache();
    const indexed = new Set(this.applied.folders.map((folder) => `${folder.namespace}:${folder.root}`));
    const toIndex = folders.filter((folder) => !indexed.has(`${folder.namespace}:${folder.root}`));
    const preloaded = toIndex.map((folder) => this.preload(folder, cached));
    if (cached.size > 0) {
        shown();
      // The file system answers at once (its reads are synchronous underneath): without a turn of the
      // event loop, the answers waiting for `shown` would not be sent before the whole check is done.
      await nextTurn();
    }
    for (const [index, folder] of toIndex.entries()) await this.indexFolder(folder, cached, preloaded[index]);
    for (const file of topicFiles) if (!this.topicFiles.has(file)) await this.indexTopicFile(file);
    this.applied = wanted;
    this.scheduleCacheSave();
  }

  private async loadCache(): Promise<Map<string, CachedNote>> {
    if (!this.cache || this.notes.size > 0) return new Map();
    const entries = await this.cache.load({ locale: this.locale, maxNoteBytes: this.maxNoteBytes }).catch(() => undefined);
    return new Map((entries ?? []).map((entry) => [entry.summary.path, entry]));
  }

  /** Takes a folder's notes from the cache as they were, before any file is looked at; returns their paths. */
  private preload(folder: NoteFolder, cached: Map<string, CachedNote>): Set<string> {
    const taken = new Set<string>();
    for (const [file, entry] of cached) {
      if (!cachedFor(entry, folder) || this.folderOf(file)?.root !== folder.root || this.openText.has(file)) continue;
      this.stats.set(file, { size: entry.size, mtimeMs: entry.mtimeMs });
      this.replaceSummary(entry.summary);
      taken.add(file);
    }
    return taken;
  }

  /**
   * Walks a note folder: files whose size and time match the cache keep their cached note, others
   * are read, and preloaded notes whose file is gone are removed.
   */
  private async indexFolder(folder: NoteFolder, cached: Map<string, CachedNote>, preloaded: Set<string>): Promise<void> {
    const files = await this.walk(folder.root);
    const toRead: { file: string; stat: { size: number; mtimeMs: number } }[] = [];
    for (const { file, stat } of files) {
      if (this.folderOf(file)?.root !== folder.root) continue;
      preloaded.delete(file);
      const hit = cached.get(file);
      if (hit && hit.size === stat.size && hit.mtimeMs === stat.mtimeMs && cachedFor(hit, folder)) {
        this.stats.set(file, stat);
        if (this.notes.get(file) !== hit.summary && !this.openText.has(file)) this.replaceSummary(hit.summary);
      } else {
        toRead.push({ file, stat });
      }
    }
    for (const file of preloaded) {
      if (this.openText.has(file)) continue;
      this.stats.delete(file);
      this.removeKey(file);
    }
    const slices = new TimeSlices();
    for (const { file, stat } of toRead) {
      // Requests (and their answers) get a turn now and then during a long first index.
      await slices.pause();
      const summary = await this.readSummary(file, stat.size, folder);
      if (this.openText.has(file)) continue;
      if (!summary) {
        // Unreadable now: a note preloaded from the cache goes.
        this.removeKey(file);
        continue;
      }
      this.stats.set(file, stat);
      this.replaceSummary(summary);
    }
  }

  /**
   * Reads and summarizes a note. Front matter sits at the start: the first few kilobytes are read,
   * and the whole file only when the note has no title of its own (its headings name it) or the
   * front matter runs longer.
   */
  private async readSummary(file: string, size: number, folder: NoteFolder): Promise<NoteSummary | undefined> {
    const options = { locale: this.locale, maxBytes: this.maxNoteBytes, fileSize: size };
    if (size > START_BYTES) {
      const start = await this.fs.readStart(file, START_BYTES);
      if (start === undefined) return undefined;
      const summary = summarizeNote({ path: file, text: start, namespace: folder.namespace, root: folder.root }, { ...options, partial: true });
      if (summary) return summary;
      // The start was not enough: read it all.
    }
    const text = await this.fs.readFile(file);
    return text === undefined ? undefined : summarizeNote({ path: file, text, namespace: folder.namespace, root: folder.root }, options);
  }

  /**
   * Every Markdown file below `root` with its stat. Each real folder is walked once: a folder reached
   * through a symbolic link is resolved, and skipped when it was walked already or is one of the
   * folders being walked (a link back up would loop). Plain folders cannot loop, so only links cost
   * a resolution.
   */
  private async walk(root: string): Promise<{ file: string; stat: { size: number; mtimeMs: number } }[]> {
    const found: { file: string; stat: { size: number; mtimeMs: number } }[] = [];
    const walked = new Set<string>();
    const slices = new TimeSlices();
    const visit = async (folder: string, real: string, depth: number): Promise<void> => {
      if (depth > MAX_FOLDER_DEPTH || walked.has(real)) return;
      walked.add(real);
      await slices.pause();
      const entries = await this.fs.readDirectory(folder);
      for (const entry of entries ?? []) {
        const full = path.join(folder, entry.name);
        if (entry.kind === 'folder') {
          if (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name)) continue;
          const target = entry.link ? await this.fs.realPath(full) : path.join(real, entry.name);
          // A link to a folder above this one would walk it again, inside itself.
          if (target && !(real + path.sep).startsWith(target + path.sep)) await visit(full, target, depth + 1);
        } else if (entry.kind === 'file' && isMarkdownFile(entry.name)) {
          const stat = await this.fs.stat(full);
          if (stat?.kind === 'file') found.push({ file: full, stat: { size: stat.size, mtimeMs: stat.mtimeMs } });
        }
      }
    };
    await visit(root, (await this.fs.realPath(root)) ?? root, 0);
    return found;
  }

  private async indexTopicFile(file: string): Promise<void> {
    const text = this.openText.get(file) ?? await this.fs.readFile(file);
    if (text !== undefined) this.replaceTopics(file, text);
  }

  private replaceTopics(file: string, text: string): void {
    for (const old of this.topicFiles.get(file)?.topics ?? []) this.removeKey(old.key);
    const split = splitTopics(text, file, this.locale);
    this.topicFiles.set(file, split);
    for (const topic of split.topics) this.addSummary(topic);
  }

  /** The folder configured for a file, the most specific one when folders nest. */
  folderOf(file: string): NoteFolder | undefined {
    let best: NoteFolder | undefined;
    for (const folder of this.configuration.folders) {
      if (file.startsWith(folder.root + path.sep) && (!best || folder.root.length > best.root.length)) best = folder;
    }
    return best;
  }

  /** Whether `file` is a note the model indexes (in a note folder, or a file opened as topics). */
  isNoteFile(file: string): boolean {
    return (isMarkdownFile(file) && this.folderOf(file) !== undefined) || this.configuration.topicFiles.includes(file);
  }

  // ---- Changes ---------------------------------------------------------------------------------

  /** A file was created, changed or deleted on disk: re-reads it alone (unless an editor holds it). */
  async fileChanged(file: string): Promise<void> {
    await this.readyPromise;
    if (this.openText.has(file)) return;
    const folder = this.folderOf(file);
    const topics = this.configuration.topicFiles.includes(file);
    if (!topics && (!folder || !isMarkdownFile(file))) return;
    const [stat, text] = await Promise.all([this.fs.stat(file), this.fs.readFile(file)]);
    if (this.openText.has(file)) return;
    if (topics) this.replaceTopics(file, text ?? '');
    if (folder && isMarkdownFile(file)) {
      if (!stat || stat.kind !== 'file' || text === undefined) {
        this.removeKey(file);
        this.stats.delete(file);
      } else {
        this.stats.set(file, { size: stat.size, mtimeMs: stat.mtimeMs });
        this.replaceSummary(summarizeNote({ path: file, text, namespace: folder.namespace, root: folder.root }, { locale: this.locale, maxBytes: this.maxNoteBytes, fileSize: stat.size })!);
      }
    }
    this.scheduleCacheSave();
  }

  /**
   * The second pass over a note's body (after the first index, in the background): its links. Only
   * the note's own entries change; the text is what `text()` gave.
   */
  setBodyText(key: string, text: string): void {
    const note = this.notes.get(key);
    if (!note || note.bodyScanned) return;
    const { links, diagrams } = scanNoteBody(text, note);
    if (this.reverse) mention(this.reverse, note, removeFrom);
    note.links = links;
    note.diagrams = diagrams;
    note.bodyScanned = true;
    if (this.reverse) mention(this.reverse, note, addTo);
    this.scheduleCacheSave();
  }

  /** A folder appeared or vanished: its notes are indexed or dropped (open notes stay). */
  async folderChanged(folder: string): Promise<void> {
    await this.readyPromise;
    const prefix = folder + path.sep;
    const stat = await this.fs.stat(folder);
    if (!stat) {
      for (const note of [...this.notes.values()]) {
        if (note.path.startsWith(prefix) && !this.openText.has(note.path) && note.root !== note.path) this.removeKey(note.key);
      }
    } else {
      for (const { file } of await this.walk(folder)) await this.fileChanged(file);
    }
    this.scheduleCacheSave();
  }

  /** An editor opened or changed a note: its text replaces the disk's, parsed in full. */
  setOpenText(file: string, text: string): ParsedNote | undefined {
    const folder = this.folderOf(file);
    const topics = this.configuration.topicFiles.includes(file);
    if (!topics && (!folder || !isMarkdownFile(file))) return undefined;
    this.openText.set(file, text);
    if (topics) this.replaceTopics(file, text);
    if (!folder || !isMarkdownFile(file)) return undefined;
    const parsed = parseNoteDocument({ path: file, text, namespace: folder.namespace, root: folder.root }, { locale: this.locale, maxBytes: this.maxNoteBytes });
    this.open.set(file, parsed);
    this.replaceSummary(parsed.summary);
    return parsed;
  }

  /** The editor closed the note: its saved text counts again. */
  async closeOpenText(file: string): Promise<void> {
    this.open.delete(file);
    if (!this.openText.delete(file)) return;
    await this.fileChanged(file);
  }

  /** The full parse of a note open in an editor. */
  parsed(file: string): ParsedNote | undefined {
    return this.open.get(file);
  }

  // ---- Queries ---------------------------------------------------------------------------------

  all(): IterableIterator<NoteSummary> {
    return this.notes.values();
  }

  get(key: string): NoteSummary | undefined {
    return this.notes.get(key);
  }

  /** The size in bytes of an indexed file when it was last read. */
  fileSize(file: string): number | undefined {
    return this.stats.get(file)?.size ?? (this.openText.has(file) ? Buffer.byteLength(this.openText.get(file)!) : undefined);
  }

  topicFile(file: string): TopicFile | undefined {
    return this.topicFiles.get(file);
  }

  get topicFilePaths(): readonly string[] {
    return this.configuration.topicFiles;
  }

  /**
   * The note an id names. From a user note, the user's notes come first, then the bundled ones; a
   * bundled note sees only bundled notes; with no context, bundled notes come first.
   */
  resolveId(id: string, from?: Namespace): NoteSummary | undefined {
    const order: Namespace[] = from === 'bundled' ? ['bundled'] : from === 'user' ? ['user', 'bundled'] : ['bundled', 'user'];
    for (const namespace of order) {
      const key = this.byId.get(scoped(namespace, id))?.[0];
      if (key) return this.notes.get(key);
    }
    return undefined;
  }

  /** A note by key, path or id (commands and links from outside give any of them). */
  find(target: string): NoteSummary | undefined {
    return this.notes.get(target) ?? this.resolveId(target);
  }

  resolveLink(from: NoteSummary, link: NoteLink): NoteSummary | undefined {
    if (link.kind === 'id') return this.resolveId(link.id, from.namespace);
    return this.notes.get(linkedFile(from.path, link.file));
  }

  /** Every related item and link, in every note, that names `target`. */
  referencesTo(target: NoteSummary): NoteReference[] {
    const { idMentions, fileMentions } = this.reverseIndex();
    const found: NoteReference[] = [];
    for (const key of idMentions.get(target.id) ?? []) {
      const from = this.notes.get(key);
      if (!from) continue;
      if (from.related.includes(target.id) && this.resolveId(target.id, from.namespace) === target) found.push({ from, kind: 'related', id: target.id });
      for (const link of linksOf(from)) {
        if (link.kind === 'id' && link.id === target.id && this.resolveId(link.id, from.namespace) === target) found.push({ from, kind: 'idLink', link });
      }
    }
    for (const key of fileMentions.get(target.path) ?? []) {
      const from = this.notes.get(key);
      for (const link of from ? linksOf(from) : []) {
        if (from && link.kind === 'file' && linkedFile(from.path, link.file) === target.path) found.push({ from, kind: 'fileLink', link });
      }
    }
    return found;
  }

  /** Notes whose `covers` list the word in code (`functools.partial`, `yield`). */
  covering(word: string): NoteSummary[] {
    return [...(this.reverseIndex().coverage.get(word) ?? [])].map((key) => this.notes.get(key)!).filter(Boolean);
  }

  /** Tags in use, most used first. */
  tags(): string[] {
    return [...this.tagCounts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([tag]) => tag);
  }

  /** Front-matter categories in use. */
  categories(): string[] {
    const seen = new Set<string>();
    for (const note of this.notes.values()) if (note.category) seen.add(note.category);
    return [...seen];
  }

  /** The note's text: the editor's while it is open, else the file's; for a topic, its section. */
  async text(note: NoteSummary): Promise<string | undefined> {
    const text = this.openText.get(note.path) ?? await this.fs.readFile(note.path);
    if (text === undefined) return undefined;
    if (note.endLine === undefined) return text;
    return text.split('\n').slice(note.bodyLine, note.endLine).join('\n');
  }

  /**
   * Problems of a note that only show across notes: its id declared twice, `related` ids and links
   * that name no note, quiz question ids another note uses too.
   */
  crossProblems(parsed: ParsedNote): NoteProblem[] {
    const note = parsed.summary;
    const problems: NoteProblem[] = [];
    const report = (range: TextRange | undefined, message: string, severity: NoteProblem['severity'] = 'error'): void => {
      problems.push({ message, severity, range: range ?? { startLine: 0, startCharacter: 0, endLine: 0, endCharacter: 0 } });
    };
    if (note.declared) {
      const others = [...(this.declaredIds.get(scoped(note.namespace, note.id)) ?? [])].filter((key) => key !== note.key);
      if (others.length > 0) report(parsed.spans.id?.range, format(this.locale, 'duplicateId', note.id, others.join(', ')));
    }
    for (const { value, range } of parsed.spans.related) {
      if (!this.resolveId(value, note.namespace)) report(range, format(this.locale, 'danglingRelated', value));
    }
    for (const link of parsed.links) {
      if (!this.resolveLink(note, link)) report(link.kind === 'id' ? link.idRange : link.range, format(this.locale, 'danglingLink', link.href), 'warning');
    }
    const { questionOwners } = this.reverseIndex();
    parsed.spans.quiz.forEach((question) => {
      const id = question.id?.value;
      if (!id) return;
      const elsewhere = [...(questionOwners.get(id) ?? [])].filter((key) => key !== note.key);
      if (elsewhere.length > 0) report(question.id?.range, format(this.locale, 'questionIdElsewhere', id, elsewhere.join(', ')));
    });
    return problems;
  }

  // ---- Bookkeeping -----------------------------------------------------------------------------

  private replaceSummary(summary: NoteSummary): void {
    if (this.notes.has(summary.key)) this.removeKey(summary.key, false);
    this.addSummary(summary);
  }

  private addSummary(summary: NoteSummary): void {
    const { key, namespace } = summary;
    this.notes.set(key, summary);
    if (summary.declared) {
      addTo(this.declaredIds, scoped(namespace, summary.id), key);
      this.assignDerivedIds(namespace, summary.id);
    } else {
      const slug = summary.root === summary.path ? summary.id : pathId(path.relative(summary.root, summary.path));
      this.derivedSlugs.set(key, slug);
      addTo(this.derivedIds, scoped(namespace, slug), key);
      this.assignDerivedIds(namespace, slug);
    }
    if (summary.declared) this.index(summary.id, key, namespace);
    if (this.reverse) mention(this.reverse, summary, addTo);
    for (const tag of summary.tags) this.tagCounts.set(tag, (this.tagCounts.get(tag) ?? 0) + 1);
    this.changed(key);
  }

  private reverseIndex(): ReverseIndex {
    if (!this.reverse) {
      this.reverse = { idMentions: new Map(), fileMentions: new Map(), coverage: new Map(), questionOwners: new Map() };
      for (const note of this.notes.values()) mention(this.reverse, note, addTo);
    }
    return this.reverse;
  }

  /** The path-derived id of each derived note before disambiguation. */
  private readonly derivedSlugs = new Map<string, string>();

  private removeKey(key: string, notify = true): void {
    const summary = this.notes.get(key);
    if (!summary) return;
    this.notes.delete(key);
    const { namespace } = summary;
    this.unindex(summary.id, key, namespace);
    if (summary.declared) {
      removeFrom(this.declaredIds, scoped(namespace, summary.id), key);
      this.assignDerivedIds(namespace, summary.id);
    } else {
      const slug = this.derivedSlugs.get(key) ?? summary.id;
      this.derivedSlugs.delete(key);
      removeFrom(this.derivedIds, scoped(namespace, slug), key);
      this.assignDerivedIds(namespace, slug);
    }
    if (this.reverse) mention(this.reverse, summary, removeFrom);
    for (const tag of summary.tags) {
      const count = (this.tagCounts.get(tag) ?? 1) - 1;
      if (count > 0) this.tagCounts.set(tag, count);
      else this.tagCounts.delete(tag);
    }
    if (notify) this.changed(key);
  }

  /**
   * Gives the derived notes whose path id is `slug` their ids: the plain slug for one of them (the
   * file whose name is the slug itself, else the first path), unless a declared id takes it; a short
   * hash of the path for the others, so ids never collide and never depend on reading order.
   */
  private assignDerivedIds(namespace: Namespace, slug: string): void {
    const keys = [...(this.derivedIds.get(scoped(namespace, slug)) ?? [])];
    if (keys.length === 0) return;
    const taken = (this.declaredIds.get(scoped(namespace, slug))?.size ?? 0) > 0;
    const relative = (key: string): string => {
      const note = this.notes.get(key)!;
      return note.root === note.path ? key : path.relative(note.root, note.path).replace(/\\/g, '/').replace(/\.(md|markdown)$/i, '');
    };
    keys.sort((a, b) => Number(relative(b) === slug) - Number(relative(a) === slug) || (a < b ? -1 : a > b ? 1 : 0));
    keys.forEach((key, i) => {
      const note = this.notes.get(key)!;
      const id = !taken && i === 0 ? slug : `${slug}~${pathHash(relative(key))}`;
      if (note.id === id && this.byId.get(scoped(namespace, id))?.includes(key)) return;
      this.unindex(note.id, key, namespace);
      note.id = id;
      this.index(id, key, namespace);
    });
  }

  private index(id: string, key: string, namespace: Namespace): void {
    const list = this.byId.get(scoped(namespace, id));
    if (!list) this.byId.set(scoped(namespace, id), [key]);
    else if (!list.includes(key)) {
      list.push(key);
      // Lookups find the same note whatever order files were read in.
      list.sort();
    }
  }

  private unindex(id: string, key: string, namespace: Namespace): void {
    const list = this.byId.get(scoped(namespace, id));
    if (!list) return;
    const at = list.indexOf(key);
    if (at !== -1) list.splice(at, 1);
    if (list.length === 0) this.byId.delete(scoped(namespace, id));
  }

  private changed(key: string): void {
    if (this.listeners.size === 0) return;
    this.pendingChange.add(key);
    if (this.changeTimer) return;
    this.changeTimer = setTimeout(() => {
      this.changeTimer = undefined;
      const keys = [...this.pendingChange];
      this.pendingChange.clear();
      for (const listener of this.listeners) listener({ keys });
    }, 50);
  }

  private scheduleCacheSave(): void {
    // A background pass may still be finishing a note after the model was disposed.
    if (!this.cache || this.disposed) return;
    clearTimeout(this.cacheTimer);
    this.cacheTimer = setTimeout(() => void this.saveCache(), 2000);
    (this.cacheTimer as { unref?: () => void }).unref?.();
  }

  /** Writes the cache now (the server calls it at shutdown too). */
  async saveCache(): Promise<void> {
    clearTimeout(this.cacheTimer);
    if (!this.cache) return;
    const entries: CachedNote[] = [];
    for (const note of this.notes.values()) {
      const stat = this.stats.get(note.path);
      if (!stat || note.root === note.path || this.openText.has(note.path)) continue;
      entries.push({ size: stat.size, mtimeMs: stat.mtimeMs, summary: { ...note, id: note.declared ? note.id : this.derivedSlugs.get(note.key) ?? note.id } });
    }
    await this.cache.save({ locale: this.locale, maxNoteBytes: this.maxNoteBytes }, entries).catch(() => undefined);
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.changeTimer);
    clearTimeout(this.cacheTimer);
    this.listeners.clear();
  }
}

/** Adds (or removes) what a note names to (or from) the reverse index. */
function mention(reverse: ReverseIndex, note: NoteSummary, update: (map: Map<string, Set<string>>, key: string, value: string) => void): void {
  for (const id of note.related) update(reverse.idMentions, id, note.key);
  for (const link of linksOf(note)) {
    if (link.kind === 'id') update(reverse.idMentions, link.id, note.key);
    else update(reverse.fileMentions, linkedFile(note.path, link.file), note.key);
  }
  for (const word of note.covers) update(reverse.coverage, word, note.key);
  for (const question of note.quiz) update(reverse.questionOwners, question.id, note.key);
}

function linksOf(note: NoteSummary): NoteLink[] {
  return note.links.map(expandLink).filter((link): link is NoteLink => link !== undefined);
}

export function isMarkdownFile(file: string): boolean {
  return /\.(md|markdown)$/i.test(file);
}

function dedupeFolders(folders: NoteFolder[]): NoteFolder[] {
  const seen = new Set<string>();
  return folders.filter((folder) => {
    const key = path.resolve(folder.root);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }).map((folder) => ({ ...folder, root: path.resolve(folder.root) }));
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

function removeFrom(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
}

/** Whether a cached note was read from this very folder (same root and namespace). */
function cachedFor(entry: CachedNote, folder: NoteFolder): boolean {
  return entry.summary.namespace === folder.namespace && entry.summary.root === folder.root;
}

