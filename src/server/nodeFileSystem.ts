// The note model's view of the disk, and its cache file. Stats and reads are synchronous calls
// wrapped as promises: for ten thousand small files that is several times faster than a round trip
// through libuv's thread pool per file, and indexing does not serve requests meanwhile anyway.
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { DirectoryEntry, FileStat, NoteFileSystem } from '../core/noteModel/fileSystem';
import { deserializeCache, serializeCache, type CacheKey, type CachedNote, type NoteCache } from '../core/noteModel/noteCache';

export class NodeFileSystem implements NoteFileSystem {
  /** Files read so far (whole or their start): what `studyNotes/status` reports. */
  readCount = 0;

  async readDirectory(folder: string): Promise<DirectoryEntry[] | undefined> {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch {
      return undefined;
    }
    return entries.map((entry) => entry.isSymbolicLink()
      ? { name: entry.name, kind: linkKind(path.join(folder, entry.name)), link: true }
      : { name: entry.name, kind: entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : undefined });
  }

  async stat(file: string): Promise<FileStat | undefined> {
    try {
      const stat = fs.statSync(file);
      return { kind: stat.isDirectory() ? 'folder' : 'file', size: stat.size, mtimeMs: stat.mtimeMs };
    } catch {
      return undefined;
    }
  }

  async readFile(file: string): Promise<string | undefined> {
    try {
      this.readCount++;
      return fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  }

  async readStart(file: string, bytes: number): Promise<string | undefined> {
    let handle: number | undefined;
    try {
      this.readCount++;
      handle = fs.openSync(file, 'r');
      const buffer = Buffer.allocUnsafe(bytes);
      const read = fs.readSync(handle, buffer, 0, bytes, 0);
      return buffer.toString('utf8', 0, read);
    } catch {
      return undefined;
    } finally {
      if (handle !== undefined) fs.closeSync(handle);
    }
  }

  async realPath(folder: string): Promise<string | undefined> {
    try {
      return fs.realpathSync(folder);
    } catch {
      return undefined;
    }
  }
}

function linkKind(file: string): DirectoryEntry['kind'] {
  try {
    const stat = fs.statSync(file);
    return stat.isDirectory() ? 'folder' : stat.isFile() ? 'file' : undefined;
  } catch {
    return undefined;
  }
}

/** The cache as one JSON file per set of note folders, written atomically (temporary file + rename). */
export class FileNoteCache implements NoteCache {
  private readonly file: string;

  constructor(folder: string, roots: readonly string[]) {
    const name = createHash('sha256').update(roots.join('\n')).digest('hex').slice(0, 16);
    this.file = path.join(folder, `notes-${name}.json`);
  }

  async load(key: CacheKey): Promise<CachedNote[] | undefined> {
    try {
      return deserializeCache(fs.readFileSync(this.file, 'utf8'), key);
    } catch {
      return undefined;
    }
  }

  async save(key: CacheKey, notes: CachedNote[]): Promise<void> {
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      await fs.promises.mkdir(path.dirname(this.file), { recursive: true });
      await fs.promises.writeFile(temporary, serializeCache(key, notes), 'utf8');
      await fs.promises.rename(temporary, this.file);
    } catch {
      await fs.promises.rm(temporary, { force: true }).catch(() => undefined);
    }
  }
}
