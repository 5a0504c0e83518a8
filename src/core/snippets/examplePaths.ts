// Where example files are and where copies of them go. A copy never overwrites a file: the name gets
// a number instead. `exists` is passed in so the same rule works on disk, on a virtual file system and
// in tests.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ExampleRef } from '../model';

/** Folder of the workspace that receives copied examples. */
export const EXAMPLES_FOLDER = 'study-examples';

/** Attempts before giving up on finding a free name; far beyond any real folder. */
const MAX_ATTEMPTS = 10_000;

/** The example's code (`NAME.py`) and its expected stdout (`NAME.out`), in the note's folder. */
export function exampleFiles(noteFolder: string, example: ExampleRef): { code: string; expected: string } {
  const code = path.join(noteFolder, example.file);
  return { code, expected: code.replace(/\.py$/, '') + '.out' };
}

/** One safe path segment: no separators, no `..`, nothing a file system refuses. */
function safeSegment(name: string): string {
  // Control characters (below U+0020) and the characters Windows refuses become `-`.
  const visible = [...name].map((character) => (character.charCodeAt(0) < 0x20 ? '-' : character)).join('');
  const cleaned = visible.replace(/[\\/:*?"<>|]/g, '-').replace(/^[\s.]+|[\s.]+$/g, '');
  return cleaned === '' ? '_' : cleaned;
}

/** `<root>/study-examples/<category>/<concept>`, each part made safe. */
export function exampleFolder(root: string, category: string, conceptId: string): string {
  return conceptFolder(path.join(root, EXAMPLES_FOLDER), category, conceptId);
}

/** `<base>/<category>/<concept>`, the last two made safe: where copies of a concept's files go. */
export function conceptFolder(base: string, category: string, conceptId: string): string {
  return path.join(base, safeSegment(category), safeSegment(conceptId));
}

function candidateNames(name: string): (attempt: number) => string {
  const safe = safeSegment(path.basename(name));
  const extension = path.extname(safe);
  const stem = safe.slice(0, safe.length - extension.length) || '_';
  return (attempt) => (attempt === 1 ? `${stem}${extension}` : `${stem}_${attempt}${extension}`);
}

const tooMany = (dir: string, name: string): Error => new Error(`No free file name for ${name} in ${dir} after ${MAX_ATTEMPTS} attempts`);

/** The first of `name.py`, `name_2.py`, `name_3.py`… for which `exists(path in dir)` is false. */
export function freeFileName(dir: string, name: string, exists: (file: string) => boolean): string {
  const candidate = candidateNames(name);
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    if (!exists(path.join(dir, candidate(attempt)))) return candidate(attempt);
  }
  throw tooMany(dir, name);
}

/** Whether something exists at `file` on the local disk. */
export const existsOnDisk = (file: string): Promise<boolean> => fs.access(file).then(() => true, () => false);

/** `freeFileName` with an asynchronous check, the local disk by default. */
export async function freeFileNameAsync(dir: string, name: string, exists: (file: string) => Promise<boolean> = existsOnDisk): Promise<string> {
  const candidate = candidateNames(name);
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    if (!(await exists(path.join(dir, candidate(attempt))))) return candidate(attempt);
  }
  throw tooMany(dir, name);
}

/** Where a copy of an example goes: a free name in `exampleFolder(root, category, conceptId)`. */
export function exampleTargetPath(root: string, category: string, conceptId: string, fileName: string, exists: (file: string) => boolean): string {
  const dir = exampleFolder(root, category, conceptId);
  return path.join(dir, freeFileName(dir, fileName, exists));
}

/** `exampleTargetPath` with an asynchronous check, the local disk by default. */
export async function exampleTargetPathAsync(root: string, category: string, conceptId: string, fileName: string,
  exists: (file: string) => Promise<boolean> = existsOnDisk): Promise<string> {
  const dir = exampleFolder(root, category, conceptId);
  return path.join(dir, await freeFileNameAsync(dir, fileName, exists));
}
