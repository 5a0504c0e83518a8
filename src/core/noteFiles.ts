// Reads notes from folders on disk. Used by the extension host, the language server and tests.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Locale } from './messages';
import type { Note } from './model';
import { parseNote } from './parseNote';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.vscode', 'out', 'dist']);

/** Every `.md` file below `root`, depth-first in name order; missing folders yield nothing. */
export async function findNoteFiles(root: string): Promise<string[]> {
  const entries = await fs.readdir(root, { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(root, entry.name);
    if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) files.push(...(await findNoteFiles(full)));
    else if (entry.isFile() && isNoteFileName(entry.name)) files.push(full);
  }
  return files;
}

export async function readNoteFile(file: string, locale: Locale = 'en'): Promise<Note> {
  return parseNoteFile(await fs.readFile(file, 'utf8'), file, locale);
}

/** Parses the text of the note file `file` (from disk or an editor) the way the index reads it. */
export function parseNoteFile(text: string, file: string, locale: Locale = 'en'): Note {
  return parseNote(text, file, { locale, baseName: path.basename(file, '.md'), folderName: categoryFolder(file) });
}

/** Whether `file` is one `findNoteFiles` would list (translations and READMEs are not notes). */
export function isNoteFileName(file: string): boolean {
  const name = path.basename(file);
  return name.endsWith('.md') && !name.endsWith('.en.md') && name !== 'README.md';
}

/** Bundled notes sit in `<category>/<id>/<id>.md`; a user's plain note in `<category>/<name>.md`. */
function categoryFolder(file: string): string {
  const folder = path.dirname(file);
  const name = path.basename(file, '.md');
  const folderName = path.basename(folder);
  const category = folderName === name ? path.basename(path.dirname(folder)) : folderName;
  return category.toLowerCase().replace(/[^a-z0-9\u4e00-\u9fff]+/g, '-').replace(/^-|-$/g, '') || 'notes';
}

/** Notes of a folder; a file that vanishes or cannot be read while loading is left out. */
export async function readNotesFolder(root: string, locale: Locale = 'en'): Promise<Note[]> {
  const files = await findNoteFiles(root);
  const notes = await Promise.all(files.map((file) => readNoteFile(file, locale).catch(() => undefined)));
  return notes.filter((note): note is Note => note !== undefined);
}
