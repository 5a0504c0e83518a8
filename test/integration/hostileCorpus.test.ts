// The hostile-note corpus (test/support/hostileCorpus.ts, issue 15) opened note by note in the real
// note panel: no payload may run (no global, no title, no console line, no request to a loopback
// listener, no command or file opened), no dangerous markup may be left in the note, and every
// vector's canary, written after it, must still be rendered and visible.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import * as vscode from 'vscode';
import type { StudyNotesApi } from '../../src/extension/api';
import type { DrawnReport, NotePanel } from '../../src/extension/panel/notePanel';
import { ResolveRequest } from '../../src/shared/protocol';
import { DANGEROUS_MARKUP_PROBE, HOSTILE_VECTORS, TRACE_PROBE, writeHostileCorpus, type WrittenHostileNote } from '../support/hostileCorpus';
import { callBridge, hasBridge, inWebview } from './bridge';

const OPEN_TIMEOUT_MS = 60_000;

async function api(): Promise<StudyNotesApi> {
  return vscode.extensions.getExtension<StudyNotesApi>('study-notes-team.study-notes')!.activate();
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms))]);
}

/** What the page shows of one note, and what is left in it that should not be. */
interface PageFindings {
  markup: string[];
  traces: { global: unknown; title: unknown; labels: string[] };
  parentGlobal: unknown;
  forbidden: string[];
  missingCanaries: string[];
  hiddenCanaries: string[];
  missingText: string[];
  notShown: boolean;
  codeButtons: number;
  diagrams: number;
}

/** The probe run in the page for a note: the corpus's own probes, its selectors and its canaries. */
function pageProbe(note: WrittenHostileNote, resourcePrefixes: string[]): string {
  const vectors = note.file.vectors;
  const selectors = [...new Set(vectors.flatMap((v) => v.forbidden))];
  const canaries = vectors.filter((v) => v.canaryIn === 'body' && !v.binary).map((v) => v.canary);
  const texts = vectors.flatMap((v) => v.mustRemainText ?? []);
  return `(() => {
    const root = document.querySelector('main.note-body');
    const textNodeWith = (text) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.data.includes(text)) return node;
      return undefined;
    };
    const canaries = ${JSON.stringify(canaries)};
    return {
      markup: (${DANGEROUS_MARKUP_PROBE})(root, { resourcePrefixes: ${JSON.stringify(resourcePrefixes)} }),
      traces: ${TRACE_PROBE},
      parentGlobal: (() => { try { return parent.__pwned ?? null; } catch { return null; } })(),
      forbidden: ${JSON.stringify(selectors)}.filter((selector) => { try { return root.querySelector(selector) !== null; } catch { return false; } }),
      missingCanaries: canaries.filter((canary) => !root.textContent.includes(canary)),
      hiddenCanaries: canaries.filter((canary) => {
        const node = textNodeWith(canary);
        return node && !node.parentElement.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
      }),
      missingText: ${JSON.stringify(texts)}.filter((text) => !root.textContent.includes(text)),
      notShown: root.querySelector('.not-shown') !== null,
      codeButtons: root.querySelectorAll('.code-actions button').length,
      diagrams: root.querySelectorAll('.diagram-output svg').length,
    };
  })()`;
}

/**
 * What a reader might do to a note: hover and focus everything, open details, and click every link
 * and control that stays inside the panel (web and note links would leave it, so they are not clicked).
 */
const INTERACT = `(async () => {
  const root = document.querySelector('main.note-body');
  for (const element of root.querySelectorAll('*')) {
    for (const type of ['mouseover', 'mouseenter', 'focus', 'focusin', 'pointerdown']) element.dispatchEvent(new Event(type, { bubbles: true }));
    const href = element.getAttribute('href') ?? element.getAttribute('xlink:href');
    const leaves = href !== null && (/^(https?:|mailto:|note:)/i.test(href) || /\\.md(#|$)/i.test(href));
    // Of the code buttons only Copy: the others would open editors.
    const codeButton = element.closest('.code-actions button');
    if (leaves || (codeButton && codeButton !== codeButton.parentElement.firstElementChild)) continue;
    if (element.matches('a, summary, svg *, .diagram-output *, button')) element.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
  return true;
})()`;

describe('hostile-note corpus in the note panel', function () {
  this.timeout(20 * 60_000);
  /** Requests and connections the loopback listener saw, each with the note open at the time. */
  const requests: string[] = [];
  const connections: string[] = [];
  let current = '(none)';
  let server: http.Server | undefined;
  let folder = '';
  let written: WrittenHostileNote[] = [];

  before(async function () {
    if (!hasBridge()) this.skip();
    server = http.createServer((request, response) => {
      requests.push(`${current}: ${request.method} ${request.url} (${request.headers['user-agent'] ?? ''})`);
      response.end();
    });
    // A protocol-relative URL arrives over TLS: any connection counts, not only well-formed requests.
    server.on('connection', () => connections.push(current));
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    folder = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'notes', 'hostile-corpus');
    written = writeHostileCorpus(folder, { port: (server.address() as AddressInfo).port });
    await callBridge('console');
  });

  after(async function () {
    await new Promise((resolve) => server?.close(resolve));
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  it(`runs none of its ${HOSTILE_VECTORS.length} payloads, leaves no dangerous markup and renders every canary`, async function () {
    const { openNote, notes } = await api();
    const configuration = notes.configuration();
    const failures: string[] = [];
    const documentsBefore = new Set(vscode.workspace.textDocuments.map((document) => document.uri.toString()));
    let panel: NotePanel | undefined;
    let opened = 0;
    for (const note of written) {
      const label = note.file.file;
      // By path: a note whose front matter is the vector may have no id the server can read.
      const target = note.path;
      current = label;
      try {
        // The language server indexes the new files in the background.
        for (let attempt = 0; !(await notes.request(ResolveRequest, { target })); attempt++) {
          if (attempt > 300) throw new Error('the server never indexed it');
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        panel = await within(openNote(target), OPEN_TIMEOUT_MS, 'opening');
        if (!panel) throw new Error('it did not open');
        const drawn: DrawnReport = await within(panel.lastRender, OPEN_TIMEOUT_MS, 'drawing');
        opened++;
        if (note.file.expectRender) assert.deepEqual(drawn, note.file.expectRender, 'diagrams drawn and failed');
        // As the page writes them: a URL parser turns the host's `%2B` back into `+`.
        const prefixes = [configuration.bundledFolder!, ...(configuration.noteFolders ?? [])].map((dir) => new URL(`${panel!.panel.webview.asWebviewUri(vscode.Uri.file(dir))}/`).href);
        const marker = `main.note-body[data-note-key="${quotedInSelector(panel.noteKey!)}"]`;
        if (note.file.vectors.some((v) => v.needsInteraction)) await inWebview(INTERACT, marker);
        const [found] = await inWebview<PageFindings>(pageProbe(note, prefixes), marker);
        assert.ok(found, 'the page of the note was found');
        const problems = [
          ...found.markup.map((finding) => `markup ${finding}`),
          ...found.forbidden.map((selector) => `forbidden ${selector}`),
          ...found.missingCanaries.map((canary) => `missing ${canary}`),
          ...found.hiddenCanaries.map((canary) => `hidden ${canary}`),
          ...found.missingText.map((text) => `missing text ${text}`),
          ...(found.traces.global !== null || found.parentGlobal !== null ? [`global ${String(found.traces.global ?? found.parentGlobal)}`] : []),
          ...(found.traces.title !== null ? [`title ${String(found.traces.title)}`] : []),
          ...found.traces.labels.map((text) => `label ${text}`),
        ];
        if (note.file.vectors.some((v) => v.binary) && !found.notShown) problems.push('a file that is not text was rendered');
        // Notes that end with the panel probe must still show the panel's own buttons and diagram.
        if (note.file.expectRender && (found.codeButtons === 0 || found.diagrams === 0)) problems.push(`panel probe: ${found.codeButtons} code buttons, ${found.diagrams} diagrams`);
        if (problems.length > 0) failures.push(`${label}: ${problems.join('; ')}`);
      } catch (error) {
        failures.push(`${label}: ${(error as Error).message}`);
      }
    }
    current = '(after the last note)';
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const { lines } = await callBridge<{ lines: string[] }>('console');
    const pwnedLines = lines.filter((line) => /PWNED/.test(line));
    const opens = vscode.workspace.textDocuments.map((document) => document.uri)
      .filter((uri) => !documentsBefore.has(uri.toString()) && (uri.scheme === 'untitled' || /passwd/.test(uri.path)));
    assert.deepEqual({ failures, console: pwnedLines, requests, connections, opens: opens.map(String) }, { failures: [], console: [], requests: [], connections: [], opens: [] });
    assert.equal(opened, written.length);
  });
});

/** Note keys are paths for users' notes: escaped for a quoted attribute selector. */
function quotedInSelector(text: string): string {
  return text.replace(/["\\]/g, '\\$&');
}
