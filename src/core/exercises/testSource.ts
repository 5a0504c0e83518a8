// What the extension reads from an exercise's Python source without running it: the test cases of
// the hidden tests file (to list them before the first run), and where in the learner's file the
// code a failing test was calling is defined (when the traceback never entered the learner's file,
// e.g. a function that returned a wrong value).

export interface TestCaseSource {
  className: string;
  method: string;
  /** 0-based line of the `def`. */
  line: number;
}

const CLASS = /^class\s+(\w+)\s*(?:\(([^)]*)\))?\s*:/;
const TEST_METHOD = /^\s+(?:async\s+)?def\s+(test\w*)\s*\(/;
const TOP_LEVEL_DEFINITION = /^(?:async\s+)?(?:def|class)\s+(\w+)/;

/**
 * The test methods of the top-level classes that derive from a TestCase (directly, or from another
 * class of the file that does), in file order, as unittest's loader would find them.
 */
export function testCasesOf(source: string): TestCaseSource[] {
  const testCaseClasses = new Set<string>();
  const cases: TestCaseSource[] = [];
  let current: string | undefined;
  source.split(/\r?\n/).forEach((text, line) => {
    const header = CLASS.exec(text);
    if (header) {
      const bases = (header[2] ?? '').split(',').map((base) => base.trim());
      const isTestCase = bases.some((base) => /(^|\.)(Isolated)?(Async)?TestCase$/.test(base) || testCaseClasses.has(base));
      current = isTestCase ? header[1] : undefined;
      if (current) testCaseClasses.add(current);
      return;
    }
    if (/^\S/.test(text)) current = undefined;
    const method = current ? TEST_METHOD.exec(text) : null;
    if (current && method) cases.push({ className: current, method: method[1], line });
  });
  return cases;
}

/**
 * The names a tests file imports from `moduleName`, each with the name it has in the module:
 * `from m import a, b as c` gives a → a and c → b; `import m` gives m → m.
 */
export function importedNames(testsSource: string, moduleName: string): Map<string, string> {
  const names = new Map<string, string>();
  const from = new RegExp(`^from\\s+${moduleName}\\s+import\\s+(\\([^)]*\\)|[^\\n#]+)`, 'gm');
  for (const match of testsSource.matchAll(from)) {
    for (const part of match[1].replace(/[()\\\n]/g, ' ').split(',')) {
      const [original, local = original] = part.trim().split(/\s+as\s+/).map((name) => name.trim());
      if (original && /^\w+$/.test(original) && /^\w+$/.test(local)) names.set(local, original);
    }
  }
  if (new RegExp(`^import\\s+${moduleName}\\b`, 'm').test(testsSource)) names.set(moduleName, moduleName);
  return names;
}

/** Top-level `def` and `class` names of the learner's file with their 0-based lines. */
export function definitionsOf(source: string): Map<string, number> {
  const definitions = new Map<string, number>();
  source.split(/\r?\n/).forEach((text, line) => {
    const match = TOP_LEVEL_DEFINITION.exec(text);
    if (match && !definitions.has(match[1])) definitions.set(match[1], line);
  });
  return definitions;
}

/**
 * Where the learner's code that a failing test used is defined: the test's lines are read from
 * `failedLine` back to the `def` of the test method, and the closest name the tests imported from
 * the learner's module that the learner's file defines wins. Undefined when there is none.
 */
export function testedDefinition(testsSource: string, failedLine: number, learnerSource: string, moduleName: string): number | undefined {
  const imported = importedNames(testsSource, moduleName);
  const definitions = definitionsOf(learnerSource);
  const lines = testsSource.split(/\r?\n/);
  for (let line = Math.min(failedLine, lines.length - 1); line >= 0; line--) {
    const text = lines[line];
    const names = [...text.matchAll(/[A-Za-z_]\w*(?:\.\w+)?/g)].map((match) => match[0]);
    // The last name on a line is the innermost call: `self.assertEqual(add(1, 2), 3)` → add.
    for (const name of names.reverse()) {
      const [first, attribute] = name.split('.');
      const original = first === moduleName && attribute ? attribute : imported.get(first);
      if (original !== undefined && definitions.has(original)) return definitions.get(original);
    }
    if (/^\s+(?:async\s+)?def\s+/.test(text)) break;
  }
  return undefined;
}
