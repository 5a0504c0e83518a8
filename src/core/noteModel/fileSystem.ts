// How the note model reaches files: a small interface, so the language server gives it the disk and
// tests give it an in-memory folder (and can count the reads).

export interface FileStat {
  kind: 'file' | 'folder';
  size: number;
  mtimeMs: number;
}

export interface DirectoryEntry {
  name: string;
  /** A symbolic link is reported as what it points to; `undefined` when it points nowhere. */
  kind: 'file' | 'folder' | undefined;
  /** The entry is a symbolic link (walks resolve those to visit each real folder once). */
  link?: boolean;
}

export interface NoteFileSystem {
  /** How many files were read so far, when the file system counts them. */
  readonly readCount?: number;
  /** The entries directly inside `folder`, or undefined when it is missing or unreadable. */
  readDirectory(folder: string): Promise<DirectoryEntry[] | undefined>;
  /** Undefined when the path is missing or unreadable. */
  stat(file: string): Promise<FileStat | undefined>;
  /** The file as UTF-8 text, or undefined when it is missing or unreadable. */
  readFile(file: string): Promise<string | undefined>;
  /**
   * The file's first `bytes` bytes as UTF-8 text (a character cut at the end may be lost), or
   * undefined when it is missing or unreadable. Indexing reads front matter without the body.
   */
  readStart(file: string, bytes: number): Promise<string | undefined>;
  /** The canonical path (symbolic links resolved), to walk each real folder once. */
  realPath(folder: string): Promise<string | undefined>;
}

/** An in-memory file system for tests: paths are absolute, `/` separated; reads are counted. */
export class MemoryFileSystem implements NoteFileSystem {
  private readonly files = new Map<string, { text: string; mtimeMs: number }>();
  /** Folder → the names directly inside it (files and folders). */
  private readonly children = new Map<string, Set<string>>();
  /** How many times each file was read. */
  readonly reads = new Map<string, number>();

  get readCount(): number {
    return this.totalReads;
  }
  private clock = 1;

  constructor(files: Record<string, string> = {}) {
    for (const [file, text] of Object.entries(files)) this.write(file, text);
  }

  write(file: string, text: string): void {
    this.files.set(file, { text, mtimeMs: this.clock++ });
    for (let child = file, folder = parentOf(file); folder; child = folder, folder = parentOf(folder)) {
      const names = this.children.get(folder) ?? new Set<string>();
      names.add(child.slice(folder.length + 1));
      this.children.set(folder, names);
    }
  }

  delete(file: string): void {
    this.files.delete(file);
    this.children.get(parentOf(file) ?? '')?.delete(file.slice(file.lastIndexOf('/') + 1));
  }

  /** Deletes every file under `folder`. */
  deleteFolder(folder: string): void {
    for (const file of [...this.files.keys()]) if (file.startsWith(`${folder}/`)) this.files.delete(file);
    for (const known of [...this.children.keys()]) if (known === folder || known.startsWith(`${folder}/`)) this.children.delete(known);
    this.children.get(parentOf(folder) ?? '')?.delete(folder.slice(folder.lastIndexOf('/') + 1));
  }

  get totalReads(): number {
    return [...this.reads.values()].reduce((sum, count) => sum + count, 0);
  }

  async readDirectory(folder: string): Promise<DirectoryEntry[] | undefined> {
    const names = this.children.get(folder.replace(/\/$/, ''));
    if (!names || names.size === 0) return undefined;
    return [...names].map((name) => ({ name, kind: this.files.has(`${folder}/${name}`) ? 'file' as const : 'folder' as const }));
  }

  async stat(file: string): Promise<FileStat | undefined> {
    const entry = this.files.get(file);
    if (entry) return { kind: 'file', size: Buffer.byteLength(entry.text), mtimeMs: entry.mtimeMs };
    return this.children.get(file)?.size ? { kind: 'folder', size: 0, mtimeMs: 0 } : undefined;
  }

  async readFile(file: string): Promise<string | undefined> {
    const entry = this.files.get(file);
    if (!entry) return undefined;
    this.reads.set(file, (this.reads.get(file) ?? 0) + 1);
    return entry.text;
  }

  async readStart(file: string, bytes: number): Promise<string | undefined> {
    const text = await this.readFile(file);
    return text === undefined ? undefined : Buffer.from(text).subarray(0, bytes).toString('utf8');
  }

  async realPath(folder: string): Promise<string | undefined> {
    return folder;
  }
}

function parentOf(file: string): string | undefined {
  const at = file.lastIndexOf('/');
  return at > 0 ? file.slice(0, at) : undefined;
}
