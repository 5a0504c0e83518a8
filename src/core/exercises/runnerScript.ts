// The Python program that checks an exercise: it puts the learner's folder first on the import path,
// loads the hidden unittest module from the extension's notes, and runs it verbosely. unittest
// writes its report to stderr; whatever the learner's code prints, to stdout or to sys.stderr, goes
// to stdout, so the report stays readable whatever they print.
// Run as `python -I -c EXERCISE_RUNNER <tests file> <learner folder>`; exit 0 = all passed,
// 1 = a test failed, 2 = the tests could not be loaded (the learner's module does not import).
// Both streams are UTF-8 whatever the locale: `-I` ignores PYTHONIOENCODING, and the tests'
// messages are Chinese.

export const EXERCISE_RUNNER = `
import importlib.util
import sys
import traceback
import unittest

for stream in (sys.stdout, sys.stderr):
    if hasattr(stream, "reconfigure"):
        stream.reconfigure(encoding="utf-8", errors="backslashreplace")
sys.dont_write_bytecode = True
report = sys.stderr
sys.stderr = sys.stdout
tests_file, learner_dir = sys.argv[1], sys.argv[2]
sys.path.insert(0, learner_dir)
spec = importlib.util.spec_from_file_location("exercise_tests", tests_file)
module = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = module
try:
    spec.loader.exec_module(module)
except BaseException:
    sys.stdout.flush()
    report.write("STUDY-NOTES-LOAD-ERROR\\n")
    traceback.print_exc(file=report)
    sys.exit(2)
suite = unittest.defaultTestLoader.loadTestsFromModule(module)
result = unittest.TextTestRunner(stream=report, verbosity=2).run(suite)
sys.exit(0 if result.wasSuccessful() else 1)
`;

/** The marker the runner prints before the traceback when the tests module cannot be loaded. */
export const LOAD_ERROR_MARKER = 'STUDY-NOTES-LOAD-ERROR';

/** Python's arguments that run the tests in `testsFile` against the learner's module in `learnerFolder`. */
export function exerciseArguments(testsFile: string, learnerFolder: string): string[] {
  return ['-I', '-c', EXERCISE_RUNNER, testsFile, learnerFolder];
}
