// Files and folders the panel writes under a temporary `.partial` name and then renames, so that
// another window never reads half of one (mermaid's unpacked copy, kept drawings). One left behind
// by a window that stopped while writing it is removed once it is old enough that no window can
// still be writing it.
const ABANDONED_AFTER_MS = 60 * 60 * 1000;

/** Whether a `.partial` file or folder last changed at `mtimeMs` was abandoned. */
export function abandoned(mtimeMs: number): boolean {
  return Date.now() - mtimeMs > ABANDONED_AFTER_MS;
}
