// Starts the notes language server as soon as a note file is opened (for its diagnostics), without
// waiting for the tree. A Python file starts it only when the learner first hovers a word in it
// (concept hovers): opening Python files does not index anyone's notes. One server serves both.
// Keeps the server's hovers told of the quiz mastery.
import * as vscode from 'vscode';
import type { Hover as LspHover, MarkupContent } from 'vscode-languageserver-types';
import { MasteryNotification, OPEN_NOTE_COMMAND } from '../../shared/protocol';
import type { Feature } from '../features';

export const registerLanguageServerStart: Feature = ({ notes, mastery }) => {
  const startFor = (document: vscode.TextDocument): void => {
    if (document.uri.scheme === 'file' && document.languageId === 'markdown' && notes.isNoteFile(document.uri.fsPath)) void notes.start().catch(() => undefined);
  };
  // Until the server runs, this provider starts it and asks it for the first hover; from then on the
  // language client answers hovers itself and this one stays silent.
  const firstPythonHover: vscode.HoverProvider = {
    async provideHover(document, position) {
      if (notes.started) return undefined;
      const connection = await notes.start().catch(() => undefined);
      const answer = await connection?.sendRequest<LspHover | null>('textDocument/hover', {
        textDocument: { uri: document.uri.toString() }, position: { line: position.line, character: position.character },
      }).catch(() => null);
      if (!answer) return undefined;
      const markdown = new vscode.MarkdownString((answer.contents as MarkupContent).value ?? '');
      markdown.isTrusted = { enabledCommands: [OPEN_NOTE_COMMAND] };
      const range = answer.range && new vscode.Range(answer.range.start.line, answer.range.start.character, answer.range.end.line, answer.range.end.character);
      return new vscode.Hover(markdown, range);
    },
  };
  vscode.workspace.textDocuments.forEach(startFor);
  const sendMastery = (): void => {
    const values = Object.fromEntries([...mastery.current].filter(([, concept]) => concept.seen > 0).map(([id, concept]) => [id, concept.mastery]));
    void notes.notify(MasteryNotification, { mastery: values }).catch(() => undefined);
  };
  return vscode.Disposable.from(
    vscode.workspace.onDidOpenTextDocument(startFor),
    vscode.languages.registerHoverProvider({ scheme: 'file', language: 'python' }, firstPythonHover),
    mastery.onDidChange(sendMastery),
  );
};
