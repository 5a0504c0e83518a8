import * as vscode from 'vscode';
import { sourceLocation, type Note } from '../../core/model';

/** Opens a note's Markdown beside the current editor, at the note's first line. */
export async function showSource(note: Note): Promise<void> {
  const { file, line } = sourceLocation(note.source);
  const position = new vscode.Position(line, 0);
  await vscode.window.showTextDocument(vscode.Uri.file(file), { viewColumn: vscode.ViewColumn.Beside, selection: new vscode.Range(position, position) });
}
