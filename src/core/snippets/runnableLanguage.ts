// Which code blocks of a note can be put into an editor as code to run: the page shows their buttons
// and the host checks the language again before it acts.

/**
 * Languages whose blocks can be inserted into an editor or opened as a runnable file (Python only).
 * An unlabeled block is not among them: in notes it is as often output, a shell session or
 * pseudo-code as Python, so only a block that says it is Python gets those buttons (all get Copy).
 */
const RUNNABLE_LANGUAGES = new Set(['python', 'py', 'python3']);

export function isRunnableLanguage(language: string): boolean {
  return RUNNABLE_LANGUAGES.has(language);
}
