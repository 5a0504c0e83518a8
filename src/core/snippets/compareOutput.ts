// Compares a run's stdout with the example's `.out` file and explains a difference as a unified diff.
import { FILE_HEADERS_ONLY, formatPatch, structuredPatch, type StructuredPatch } from 'diff';
import { format, type Locale } from '../messages';

export interface CompareOptions {
  /** File names in the diff header. */
  expectedLabel?: string;
  actualLabel?: string;
  /** Diff lines shown after the header; the rest is summed up in one note. */
  maxDiffLines?: number;
  /** Longer diff lines are cut with `…`. */
  maxLineLength?: number;
  locale?: Locale;
}

export interface OutputComparison {
  equal: boolean;
  /** Unified diff from expected to actual; '' when equal. */
  diff: string;
}

const CONTEXT_LINES = 3;
// Beyond this many changed lines the diff algorithm gets slow, and the output is plainly different.
const MAX_EDIT_LENGTH = 1000;

/** CRLF becomes LF, and a missing final newline is added, so that only content differences count. */
export function normalizeOutput(text: string): string {
  const unix = text.replace(/\r\n/g, '\n');
  return unix === '' || unix.endsWith('\n') ? unix : `${unix}\n`;
}

/** One hunk replacing everything between the common first and last lines: for outputs too different to diff. */
function replacementPatch(expectedLabel: string, actualLabel: string, expected: string, actual: string): StructuredPatch {
  const oldLines = expected.split('\n').slice(0, -1);
  const newLines = actual.split('\n').slice(0, -1);
  let prefix = 0;
  while (prefix < oldLines.length && prefix < newLines.length && oldLines[prefix] === newLines[prefix]) prefix += 1;
  let suffix = 0;
  while (suffix < oldLines.length - prefix && suffix < newLines.length - prefix
    && oldLines[oldLines.length - 1 - suffix] === newLines[newLines.length - 1 - suffix]) suffix += 1;
  const start = Math.max(0, prefix - CONTEXT_LINES);
  const after = Math.min(suffix, CONTEXT_LINES);
  const oldEnd = oldLines.length - suffix;
  const newEnd = newLines.length - suffix;
  const lines = [
    ...oldLines.slice(start, prefix).map((line) => ` ${line}`),
    ...oldLines.slice(prefix, oldEnd).map((line) => `-${line}`),
    ...newLines.slice(prefix, newEnd).map((line) => `+${line}`),
    ...oldLines.slice(oldEnd, oldEnd + after).map((line) => ` ${line}`),
  ];
  const oldCount = oldEnd + after - start;
  const newCount = newEnd + after - start;
  // formatPatch itself numbers an empty range by the line before it, as unified diffs do.
  const hunk = { oldStart: start + 1, oldLines: oldCount, newStart: start + 1, newLines: newCount, lines };
  return { oldFileName: expectedLabel, newFileName: actualLabel, oldHeader: undefined, newHeader: undefined, hunks: [hunk] };
}

/**
 * Exact comparison of `expected` and `actual` stdout after `normalizeOutput`. When they differ,
 * `diff` is a unified diff, capped at `maxDiffLines` lines of at most `maxLineLength` characters.
 */
export function compareOutput(expected: string, actual: string, options: CompareOptions = {}): OutputComparison {
  const { expectedLabel = 'expected', actualLabel = 'actual', maxDiffLines = 200, maxLineLength = 500, locale = 'en' } = options;
  const want = normalizeOutput(expected);
  const got = normalizeOutput(actual);
  if (want === got) return { equal: true, diff: '' };
  const patch = structuredPatch(expectedLabel, actualLabel, want, got, undefined, undefined, { context: CONTEXT_LINES, maxEditLength: MAX_EDIT_LENGTH })
    ?? replacementPatch(expectedLabel, actualLabel, want, got);
  const [oldHeader, newHeader, ...body] = formatPatch(patch, FILE_HEADERS_ONLY).split('\n').slice(0, -1);
  const shown = body.slice(0, maxDiffLines).map((line) => (line.length > maxLineLength ? `${line.slice(0, maxLineLength)}…` : line));
  if (body.length > maxDiffLines) shown.push(format(locale, 'diffTruncated', body.length - maxDiffLines));
  return { equal: false, diff: [oldHeader, newHeader, ...shown].join('\n') + '\n' };
}
