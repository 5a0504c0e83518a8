// mermaid's ES module build ships as one brotli-compressed archive (dist/webview/mermaid.esm.br, see
// esbuild.mjs for its format) to keep the .vsix small. The first note panel of a session unpacks it
// once into the extension's global storage, where the page imports it from; later sessions find it
// there. Each unpacked copy has a folder named after the archive's size, so an update of the
// extension brings its own and drops the old one.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import * as vscode from 'vscode';
import { abandoned } from './partialFiles';

const brotliDecompress = promisify(zlib.brotliDecompress);
/** The module the page imports; it imports the rest of the archive's files. */
const ENTRY = 'mermaid.esm.min.mjs';

let unpacked: Promise<vscode.Uri | undefined> | undefined;

/** The folder the page may load mermaid from (a local resource root of the note panel). */
export function mermaidFolder(context: vscode.ExtensionContext): vscode.Uri {
  return vscode.Uri.joinPath(context.globalStorageUri, 'mermaid');
}

/** mermaid's entry module, unpacked; undefined (after telling the user) if it could not be. */
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
  const packed = path.join(context.extensionPath, 'dist', 'webview', 'mermaid.esm.br');
  const folder = mermaidFolder(context).fsPath;
  const name = `esm-${(await fs.stat(packed)).size}`;
  const target = path.join(folder, name);
  const uri = vscode.Uri.file(path.join(target, ENTRY));
  if (await fs.stat(uri.fsPath).then((stat) => stat.size > 0, () => false)) return uri;
  // Unpacked into a folder of its own and then renamed, so another window never loads half of it.
  const partial = `${target}.${process.pid}.partial`;
  await fs.rm(partial, { recursive: true, force: true });
  const archive = await brotliDecompress(await fs.readFile(packed));
  const indexEnd = archive.indexOf(0x0a);
  const files = JSON.parse(archive.subarray(0, indexEnd).toString('utf8')) as [string, number][];
  let offset = indexEnd + 1;
  for (const [file, length] of files) {
    const where = path.join(partial, file);
    await fs.mkdir(path.dirname(where), { recursive: true });
    await fs.writeFile(where, archive.subarray(offset, offset + length));
    offset += length;
  }
  if (offset !== archive.length) throw new Error(`mermaid.esm.br: ${archive.length - offset} bytes after its last file`);
  try {
    await fs.rename(partial, target);
  } catch (error) {
    // Another window unpacked the same archive first: its copy is the same.
    await fs.rm(partial, { recursive: true, force: true });
    if (!(await fs.stat(uri.fsPath).then(() => true, () => false))) throw error;
  }
  await removeOldCopies(folder, name);
  return uri;
}

/**
 * Removes from `folder` every unpacked copy but `current` (an earlier version's), and `.partial`
 * folders that a window which stopped while unpacking left behind; not one another window may still
 * be unpacking into.
 */
export async function removeOldCopies(folder: string, current: string): Promise<void> {
  for (const old of await fs.readdir(folder)) {
    if (old === current) continue;
    if (old.endsWith('.partial')) {
      // Another window may still be unpacking into it, or have just renamed it.
      const changed = (await fs.stat(path.join(folder, old)).catch(() => undefined))?.mtimeMs;
      if (changed === undefined || !abandoned(changed)) continue;
    }
    await fs.rm(path.join(folder, old), { recursive: true, force: true });
  }
}
