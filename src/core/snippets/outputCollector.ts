// Keeps the first part of a program's streamed output. A program that prints many megabytes must not
// fill memory or freeze the output view, so past the limit chunks are only counted, and one note at
// the end says how much was left out.
import { format, type Locale } from '../messages';

export const DEFAULT_OUTPUT_LIMIT = 1024 * 1024;

/** `1536` → `1.5 KB`; units are the same in both languages. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export class OutputCollector {
  private readonly parts: string[] = [];
  private kept = 0;
  private total = 0;

  constructor(readonly limitBytes = DEFAULT_OUTPUT_LIMIT, private readonly locale: Locale = 'en') {}

  /** Adds a decoded chunk; returns the part of it that is kept, to show now ('' past the limit). */
  push(chunk: string): string {
    const bytes = Buffer.byteLength(chunk);
    this.total += bytes;
    const room = this.limitBytes - this.kept;
    if (room <= 0) return '';
    let part = chunk;
    if (bytes > room) {
      const encoded = Buffer.from(chunk);
      // Cut before the character that straddles the limit (UTF-8 continuation bytes are 10xxxxxx).
      let end = room;
      while (end > 0 && (encoded[end] & 0xc0) === 0x80) end -= 1;
      part = encoded.subarray(0, end).toString();
    }
    this.parts.push(part);
    this.kept += Buffer.byteLength(part);
    return part;
  }

  /** The kept output. */
  get text(): string {
    return this.parts.join('');
  }

  /** Bytes seen, kept or not. */
  get totalBytes(): number {
    return this.total;
  }

  get droppedBytes(): number {
    return this.total - this.kept;
  }

  get truncated(): boolean {
    return this.droppedBytes > 0;
  }

  /** What to show after the kept output once the program ended: the truncation note on its own line, or ''. */
  tail(): string {
    if (!this.truncated) return '';
    const separator = this.text.endsWith('\n') || this.kept === 0 ? '' : '\n';
    return `${separator}${format(this.locale, 'outputTruncated', formatBytes(this.droppedBytes))}\n`;
  }
}
