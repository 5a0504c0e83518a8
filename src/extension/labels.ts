// Display names of the bundled categories; users' own categories show their folder name.
import * as vscode from 'vscode';

export function categoryLabel(id: string): string {
  switch (id) {
    case 'python': return vscode.l10n.t('Python');
    case 'spider': return vscode.l10n.t('Spider');
    case 'web': return vscode.l10n.t('Web');
    case 'database': return vscode.l10n.t('Database');
    case 'other': return vscode.l10n.t('Other');
    default: return id;
  }
}
