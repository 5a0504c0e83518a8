// The one HTML skeleton of our webview pages (the note panel and the quiz card): a strict
// Content-Security-Policy with a fresh nonce, the shared stylesheet, and the page's script as an ES
// module. Both pages' scripts import their common code (renderer, highlighting, sanitizer) from one
// shared chunk in dist/webview/chunks/ (esbuild's code splitting), which inherits the nonce.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { escapeHtml } from '../core/text';

export interface WebviewPage {
  webview: vscode.Webview;
  extensionUri: vscode.Uri;
  /** Display language: `zh-cn` or another. */
  locale: string;
  /** The page's script in dist/webview, without `.js`. */
  script: 'panel' | 'quizCard';
  /** Given to the script as its `data-settings` attribute, as JSON. */
  settings?: object;
  /** Where images may come from, beside none (the `img-src` of the policy). */
  imageSources?: string;
  bodyClass?: string;
  /** The page draws mermaid diagrams, whose SVG carries a <style> element and style attributes. */
  inlineStyles?: boolean;
  /** A module the page will import at once, fetched while the page loads (`<link rel="modulepreload">`). */
  preloadModule?: string;
}

/** A webview URI for a file of the extension. */
export function extensionAsset(webview: vscode.Webview, extensionUri: vscode.Uri, ...parts: string[]): string {
  return webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...parts)).toString();
}

export function webviewPageHtml(page: WebviewPage): string {
  const { webview, extensionUri } = page;
  const nonce = randomBytes(16).toString('base64');
  const source = webview.cspSource;
  const policy = [
    "default-src 'none'",
    ...(page.imageSources ? [`img-src ${page.imageSources}`] : []),
    `style-src ${source}${page.inlineStyles ? " 'unsafe-inline'" : ''}`,
    `font-src ${source}`,
    `script-src 'nonce-${nonce}'`,
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
  const script = extensionAsset(webview, extensionUri, 'dist', 'webview', `${page.script}.js`);
  const settings = page.settings ? ` data-settings="${escapeHtml(JSON.stringify(page.settings))}"` : '';
  return `<!DOCTYPE html>
<html lang="${page.locale === 'zh-cn' ? 'zh-CN' : 'en'}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(extensionAsset(webview, extensionUri, 'media', 'panel.css'))}">
${page.preloadModule ? `<link rel="modulepreload" nonce="${nonce}" href="${escapeHtml(page.preloadModule)}">\n` : ''}</head>
<body${page.bodyClass ? ` class="${page.bodyClass}"` : ''}>
<script type="module" nonce="${nonce}" src="${escapeHtml(script)}"${settings}></script>
</body>
</html>`;
}
