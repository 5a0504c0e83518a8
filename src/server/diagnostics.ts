// Problems as LSP diagnostics, capped per file: a file with thousands of mistakes shows the first
// ones and a count of the rest, so the editor stays responsive.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { format, type Locale } from '../core/messages';
import type { NoteProblem } from '../core/model';
import { toRange } from './features';

export const MAX_DIAGNOSTICS_PER_FILE = 100;

/** Our diagnostics always carry plain-text messages. */
export type TextDiagnostic = Diagnostic & { message: string };

export function toDiagnostics(problems: readonly NoteProblem[], locale: Locale): TextDiagnostic[] {
  const shown = problems.slice(0, MAX_DIAGNOSTICS_PER_FILE).map((problem): TextDiagnostic => ({
    message: problem.message,
    severity: problem.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    range: toRange(problem.range),
    source: 'study-notes',
  }));
  const hidden = problems.length - shown.length;
  if (hidden > 0) {
    shown.push({
      message: format(locale, 'moreProblems', hidden),
      severity: DiagnosticSeverity.Information,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      source: 'study-notes',
    });
  }
  return shown;
}
