// The diagnostics of a note open in an editor: its own problems (front matter, schema, quiz), the
// problems only the whole model shows (duplicate ids, dangling ids and links) and the diagrams the
// note panel could not draw. Capped per file: thousands of mistakes show as the first ones and a count.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { format, type Locale } from '../../core/messages';
import type { NoteProblem, ParsedNote } from '../../core/model';
import type { NoteModel } from '../../core/noteModel/noteModel';
import { toRange } from './positions';

export const MAX_DIAGNOSTICS_PER_FILE = 100;

/** Our diagnostics always carry plain-text messages. */
export type TextDiagnostic = Diagnostic & { message: string };

/** A diagram the panel failed to draw: its index among the note's diagrams and mermaid's message. */
export interface DiagramError {
  index: number;
  message: string;
}

export function noteDiagnostics(model: NoteModel, locale: Locale, parsed: ParsedNote, diagramErrors: readonly DiagramError[] = []): TextDiagnostic[] {
  const problems = [...parsed.problems, ...model.crossProblems(parsed), ...diagramProblems(parsed, diagramErrors, locale)];
  return toDiagnostics(problems, locale);
}

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

/**
 * A problem for each diagram the panel could not draw, on the line mermaid names ("Parse error on
 * line 3") or else on the diagram's first line.
 */
export function diagramProblems(parsed: ParsedNote, errors: readonly DiagramError[], locale: Locale): NoteProblem[] {
  const problems: NoteProblem[] = [];
  for (const { index, message: error } of errors) {
    const firstLine = parsed.spans.diagramLines[index];
    const source = parsed.diagrams[index];
    if (firstLine === undefined || source === undefined) continue;
    const lines = source.split('\n');
    const reported = Number(/\bline (\d+)\b/.exec(error)?.[1] ?? 1);
    const offset = Math.min(Math.max(reported, 1), lines.length) - 1;
    const messageLines = error.split('\n').map((line) => line.trim()).filter((line) => line && !/^[-^.]*$/.test(line) && !line.startsWith('...'));
    const message = messageLines.length > 1 ? `${messageLines[0]} ${messageLines[messageLines.length - 1]}` : (messageLines[0] ?? error);
    problems.push({
      message: format(locale, 'diagramError', message.slice(0, 500)),
      severity: 'error',
      range: { startLine: firstLine + offset, startCharacter: 0, endLine: firstLine + offset, endCharacter: lines[offset].length },
    });
  }
  return problems;
}
