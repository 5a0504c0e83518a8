// mermaid's script ships brotli-compressed (dist/webview/mermaid.min.js.br, see esbuild.mjs) to keep
// the .vsix small. The first note panel of a session unpacks it once into the extension's global
// storage, where the page loads it from; later sessions find it there. An unpacked file is named
// after the packed file's size, so an update of the extension brings its own and drops the old one.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import * as vscode from 'vscode';

const brotliDecompress = promisify(zlib.brotliDecompress);

let unpacked: Promise<vscode.Uri | undefined> | undefined;

/** The folder the page may load mermaid from (a local resource root of the note panel). */
export function mermaidFolder(context: vscode.ExtensionContext): vscode.Uri {
  return vscode.Uri.joinPath(context.globalStorageUri, 'mermaid');
}

/** mermaid's script, unpacked; undefined (after telling the user) if it could not be. */
export function mermaidScript(context: vscode.ExtensionContext): Promise<vscode.Uri | undefined> {
  unpacked ??= unpack(context).catch((error: unknown) => {
    unpacked = undefined;
    void vscode.window.showErrorMessage(vscode.l10n.t('Study Notes could not unpack its diagram renderer into {0}, so diagrams are not drawn: {1}',
      mermaidFolder(context).fsPath, error instanceof Error ? error.message : String(error)));
    return undefined;
  });
  return unpacked;
}

async function unpack(context: vscode.ExtensionContext): Promise<vscode.Uri> {
  const packed = path.join(context.extensionPath, 'dist', 'webview', 'mermaid.min.js.br');
  const folder = mermaidFolder(context).fsPath;
  const name = `mermaid.min.${(await fs.stat(packed)).size}.js`;
  const target = path.join(folder, name);
  const uri = vscode.Uri.file(target);
  if (await fs.stat(target).then((stat) => stat.size > 0, () => false)) return uri;
  await fs.mkdir(folder, { recursive: true });
  const script = await brotliDecompress(await fs.readFile(packed));
  // Written under a name of its own and then renamed, so another window never loads half a file.
  const partial = `${target}.${process.pid}.partial`;
  await fs.writeFile(partial, script);
  await fs.rename(partial, target);
  for (const old of await fs.readdir(folder)) {
    if (old !== name && !old.endsWith('.partial')) await fs.rm(path.join(folder, old), { force: true });
  }
  return uri;
}
