// Diagram drawings kept on disk between sessions, so that a note read before shows its diagrams at
// once, without mermaid, in a new panel or a new VS Code. The page asks for them by key (a hash of
// theme and diagram text, see DRAWING_KEY) and sends each drawing it makes; it sanitizes what it
// gets back as it sanitizes mermaid's own output. One folder per extension and mermaid version, so
// an update never shows drawings made by another; the oldest go beyond MAX_KEPT drawings or
// MAX_KEPT_BYTES.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { DRAWING_KEY } from '../../shared/panelMessages';
import { abandoned } from './partialFiles';

const MAX_KEPT = 2000;
const MAX_KEPT_BYTES = 50 * 1024 * 1024;
/** The folder is pruned after this many drawings were kept. */
const PRUNE_EVERY = 100;
const EXTENSION = '.svg';

export interface StoreLimits {
  drawings: number;
  bytes: number;
  pruneEvery: number;
}

export class DrawingStore {
  private kept = 0;
  /** The keys on disk: read once, then updated by this store's own keeps and prunes. */
  private onDisk: Promise<Set<string>> | undefined;

  /** `folder`: this version's, in `root`, which holds one folder per version. */
  constructor(
    private readonly root: string,
    private readonly folder: string,
    private readonly limits: StoreLimits = { drawings: MAX_KEPT, bytes: MAX_KEPT_BYTES, pruneEvery: PRUNE_EVERY },
  ) {}

  /** The store for drawings made by the mermaid at `mermaidEntry` (its unpacked entry module). */
  static for(context: vscode.ExtensionContext, mermaidEntry: vscode.Uri): DrawingStore {
    const root = vscode.Uri.joinPath(context.globalStorageUri, 'drawings').fsPath;
    const version = `${String(context.extension.packageJSON.version)}-${path.basename(path.dirname(mermaidEntry.fsPath))}`;
    return new DrawingStore(root, path.join(root, version));
  }

  /** The drawings kept under these keys; a key with none (or unreadable) is left out. */
  async read(keys: readonly string[]): Promise<Record<string, string>> {
    const found: Record<string, string> = {};
    await Promise.all(keys.map(async (key) => {
      try {
        found[key] = await fs.readFile(this.file(key), 'utf8');
      } catch {
        // Not kept: the page draws it.
      }
    }));
    return found;
  }

  /**
   * The keys of the drawings kept on disk. Read from the folder once; drawings another window keeps
   * meanwhile are missed, and are only drawn again.
   */
  keys(): Promise<ReadonlySet<string>> {
    this.onDisk ??= fs.readdir(this.folder).then(
      (names) => new Set(names.filter((name) => name.endsWith(EXTENSION)).map((name) => name.slice(0, -EXTENSION.length)).filter((key) => DRAWING_KEY.test(key))),
      () => new Set<string>(),
    );
    return this.onDisk;
  }

  async keep(key: string, svg: string): Promise<void> {
    await fs.mkdir(this.folder, { recursive: true });
    // Written whole, then renamed: a reader (another window) never meets half a drawing.
    const partial = `${this.file(key)}.${process.pid}.partial`;
    await fs.writeFile(partial, svg);
    await fs.rename(partial, this.file(key));
    (await this.onDisk)?.add(key);
    if (this.kept++ === 0) await this.dropOtherVersions();
    if (this.kept % this.limits.pruneEvery === 0) await this.prune();
  }

  private file(key: string): string {
    return path.join(this.folder, `${key}${EXTENSION}`);
  }

  private async dropOtherVersions(): Promise<void> {
    for (const other of await fs.readdir(this.root)) {
      if (path.join(this.root, other) !== this.folder) await fs.rm(path.join(this.root, other), { recursive: true, force: true });
    }
  }

  /** Drops the oldest drawings beyond the limits' number of them or bytes in all, and abandoned half-written ones. */
  private async prune(): Promise<void> {
    const files = await Promise.all((await fs.readdir(this.folder)).map(async (name) => {
      const stat = await fs.stat(path.join(this.folder, name)).catch(() => undefined);
      return { name, time: stat?.mtimeMs ?? 0, size: stat?.size ?? 0 };
    }));
    const left = files.filter(({ name, time }) => name.endsWith('.partial') && abandoned(time));
    const drawings = files.filter(({ name }) => name.endsWith(EXTENSION)).sort((a, b) => b.time - a.time);
    let bytes = 0;
    const beyond = drawings.filter(({ size }, index) => (bytes += size) > this.limits.bytes || index >= this.limits.drawings);
    for (const { name } of [...left, ...beyond]) await fs.rm(path.join(this.folder, name), { force: true });
    const onDisk = await this.onDisk;
    for (const { name } of beyond) onDisk?.delete(name.slice(0, -EXTENSION.length));
  }
}
