// What running learner code needs from VS Code, shared by examples and exercises: the user's Python
// (the setting, else the Python extension's interpreter, else python3/python from PATH) and the rule
// that an untrusted workspace runs nothing.
import * as vscode from 'vscode';
import { findPython, pythonCandidates } from '../core/snippets';

/** The interpreter to run with; undefined after telling the user that none was found and how to set one. */
export async function userPython(): Promise<string | undefined> {
  const configured = vscode.workspace.getConfiguration('studyNotes.python').get<string>('path', '');
  const search = await findPython(pythonCandidates(configured || undefined, await pythonExtensionInterpreter()));
  if (search.found) return search.found.path;
  const openSettings = vscode.l10n.t('Set Python Path');
  void vscode.window.showErrorMessage(
    vscode.l10n.t('No Python 3.8 or newer was found (tried: {0}). Install Python, or set "studyNotes.python.path" to your interpreter.', search.rejected.map((tried) => tried.path).join(', ')),
    openSettings).then((answer) => {
    if (answer === openSettings) void vscode.commands.executeCommand('workbench.action.openSettings', 'studyNotes.python.path');
  });
  return undefined;
}

/** The interpreter chosen in the Python extension, when it is installed. */
async function pythonExtensionInterpreter(): Promise<string | undefined> {
  const extension = vscode.extensions.getExtension<{ environments?: { getActiveEnvironmentPath(): { path: string } } }>('ms-python.python');
  if (!extension) return undefined;
  try {
    const api = extension.isActive ? extension.exports : await extension.activate();
    return api.environments?.getActiveEnvironmentPath().path;
  } catch {
    return undefined;
  }
}

/** Whether code may run: in an untrusted workspace it may not, and `refusal` tells the user so, with a way to trust it. */
export function mayRunCode(refusal: string): boolean {
  if (vscode.workspace.isTrusted) return true;
  const manage = vscode.l10n.t('Manage Workspace Trust');
  void vscode.window.showWarningMessage(refusal, manage).then((answer) => {
    if (answer === manage) void vscode.commands.executeCommand('workbench.trust.manage');
  });
  return false;
}
