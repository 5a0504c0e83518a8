// Keeps the server's memory near what it holds. Indexing reads every note's whole text once more
// in the background, and editors send whole documents; V8 leaves such large, short-lived strings
// for a full collection it runs late, so the resident size swings far above the live heap (a
// hostile 10,000-note fuzz run: 450 MB peaks over about 60 MB held). After every so much text the
// server asks for that collection itself.
import v8 from 'node:v8';
import vm from 'node:vm';

/** Characters of note text that may pass through before a full collection. */
const COLLECT_AFTER_CHARS = 8 * 1024 * 1024;

let collect: (() => void) | undefined;
try {
  v8.setFlagsFromString('--expose-gc');
  collect = vm.runInNewContext('gc') as () => void;
} catch {
  collect = undefined;
}

let passed = 0;

/** Notes that `chars` characters of note text were read or received, and may now be garbage. */
export function textPassed(chars: number): void {
  passed += chars;
  if (passed < COLLECT_AFTER_CHARS || !collect) return;
  passed = 0;
  collect();
}
