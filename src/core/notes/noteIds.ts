// Ids of notes without a front-matter id, derived from the file's path inside its note folder, so
// that `计算机网络 - 传输层.md` and `计算机网络 - 应用层.md` get different ids (`计算机网络-传输层`,
// `计算机网络-应用层`) and Chinese and other letters survive.

/**
 * `网络/TCP 握手.md` → `网络/tcp-握手`: the path without its extension, each folder and the name
 * lower-cased, runs of spaces and punctuation turned into one `-`.
 */
export function pathId(relativePath: string): string {
  const withoutExtension = relativePath.replace(/\\/g, '/').replace(/\.(md|markdown)$/i, '');
  const segments = withoutExtension.split('/').map((segment) =>
    segment.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, ''));
  return segments.filter(Boolean).join('/') || 'note';
}

/** A short, stable hash of a path: the suffix that tells apart two files whose derived ids meet. */
export function pathHash(text: string): string {
  // FNV-1a, 32 bits.
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36).padStart(7, '0').slice(-6);
}
