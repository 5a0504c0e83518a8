// The model's persisted cache: each note's summary with the size and modification time of the file
// it was read from. The model starts from it and re-reads only files whose size or time changed. A
// cache from another format version, language or size limit, or one that does not read as such,
// is ignored and rebuilt: it is never trusted blindly, and never fatal.
import type { NoteSummary } from '../model';

/** Bump when `NoteSummary` or the parse that makes it changes. */
export const NOTE_CACHE_VERSION = 1;

export interface CachedNote {
  size: number;
  mtimeMs: number;
  summary: NoteSummary;
}

/** What a cache must have been written with to be used. */
export interface CacheKey {
  locale: string;
  maxNoteBytes: number;
}

export interface NoteCache {
  /** The cached notes, or undefined when there is no usable cache. */
  load(key: CacheKey): Promise<CachedNote[] | undefined>;
  save(key: CacheKey, notes: CachedNote[]): Promise<void>;
}

interface CacheFile extends CacheKey {
  version: number;
  notes: CachedNote[];
}

export function serializeCache(key: CacheKey, notes: CachedNote[]): string {
  const file: CacheFile = { version: NOTE_CACHE_VERSION, ...key, notes };
  return JSON.stringify(file);
}

/** The cached notes of a cache file's text, or undefined when it is not a usable cache for `key`. */
export function deserializeCache(text: string, key: CacheKey): CachedNote[] | undefined {
  let file: Partial<CacheFile>;
  try {
    file = JSON.parse(text) as Partial<CacheFile>;
  } catch {
    return undefined;
  }
  if (!file || typeof file !== 'object' || file.version !== NOTE_CACHE_VERSION || file.locale !== key.locale || file.maxNoteBytes !== key.maxNoteBytes) return undefined;
  if (!Array.isArray(file.notes)) return undefined;
  const notes = file.notes.filter(isCachedNote);
  // One malformed entry means the file was not written by us as it is: drop it all.
  return notes.length === file.notes.length ? notes : undefined;
}

function isCachedNote(value: unknown): value is CachedNote {
  const entry = value as Partial<CachedNote> | null;
  const summary = entry?.summary as Partial<NoteSummary> | undefined;
  return typeof entry?.size === 'number' && typeof entry.mtimeMs === 'number' && !!summary && typeof summary === 'object'
    && typeof summary.key === 'string' && typeof summary.path === 'string' && typeof summary.root === 'string' && typeof summary.id === 'string'
    && typeof summary.title === 'string' && (summary.namespace === 'bundled' || summary.namespace === 'user')
    && Array.isArray(summary.folders) && Array.isArray(summary.tags) && Array.isArray(summary.related) && Array.isArray(summary.covers)
    && Array.isArray(summary.examples) && Array.isArray(summary.exercises) && Array.isArray(summary.quiz) && Array.isArray(summary.links)
    && typeof summary.bodyLine === 'number' && typeof summary.declared === 'boolean';
}
