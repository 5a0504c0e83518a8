// The runnable-snippets feature: example code as snippets, copies of examples, running them, and
// checking their output. The VS Code glue builds on these.
export { completionLabel, completionPrefix, completionWordAt, COMPLETION_TRIGGER, snippetCompletions, type SnippetCompletion } from './completion';
export { compareOutput, normalizeOutput, type CompareOptions, type OutputComparison } from './compareOutput';
export { conceptFolder, EXAMPLES_FOLDER, exampleFiles, exampleFolder, exampleTargetPath, exampleTargetPathAsync, existsOnDisk, freeFileName, freeFileNameAsync } from './examplePaths';
export { findPython, MINIMUM_PYTHON, probePython, pythonCandidates, type PythonInterpreter, type PythonProbe, type PythonSearch } from './interpreter';
export { DEFAULT_OUTPUT_LIMIT, formatBytes, OutputCollector } from './outputCollector';
export { reindent, type Eol, type Layout } from './reindent';
export { DEFAULT_TIMEOUT_MS, exampleEnvironment, runExample, runPython, type OutputStream, type RunOptions, type RunResult } from './runner';
export { escapeSnippetText, expandSnippetText, tabStopSpans, toPlainText, toSnippetText, type Span } from './snippetText';
