// One run of a tests module inside a real VS Code: code-server with the extension in development
// mode (the sources, or an installed .vsix), Chromium showing the workbench, and the bridge through
// which the module reaches that browser. Used by the test runner and the benchmark.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromiumPath, launchBrowser } from './browser.mjs';
import { startBridge } from './bridge.mjs';
import { ensureCodeServer, startCodeServer } from './code-server.mjs';
import { HarnessError, waitFor } from './processes.mjs';

/** Copies a fixture workspace to a temporary folder that the run may change freely. */
export function makeWorkspace(fixture) {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'study-notes-workspace-'));
  fs.cpSync(fixture, workspace, { recursive: true });
  return workspace;
}

/**
 * Opens VS Code on `workspace` with `testsModule` as its extension tests, waits until the module
 * has written `resultsFile`, then until `waitForResults()` resolves; always stops what it started.
 */
export async function runInVsCode({ root, testsModule, workspace, vsix, env = {}, trustWorkspace = true, home, resultsFile, waitForResults, log }) {
  chromiumPath(); // says what to install before anything starts
  const entry = await ensureCodeServer(log);
  fs.rmSync(resultsFile, { force: true });
  let page;
  const bridge = await startBridge(() => page);
  let server;
  let browser;
  try {
    server = await startCodeServer({ entry, workspace, log, vsix, trustWorkspace, home, env: { ...env, STUDY_NOTES_RESULTS: resultsFile, STUDY_NOTES_BRIDGE: bridge.url } });
    browser = await launchBrowser({ log });
    page = await browser.context.newPage();
    const browserErrors = [];
    page.on('pageerror', (error) => browserErrors.push(String(error)));
    const remote = (file) => `vscode-remote://127.0.0.1:${server.port}${file}`;
    // VS Code runs extension tests only in extension development mode; for a .vsix, the folder
    // code-server installed it into stands in for the sources.
    const installed = vsix && fs.readdirSync(server.extensionsDir).find((name) => name.startsWith('study-notes-team.study-notes-'));
    const payload = [
      ['extensionDevelopmentPath', remote(installed ? path.join(server.extensionsDir, installed) : root)],
      ['extensionTestsPath', remote(testsModule)],
    ];
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`, { timeout: 60_000 });
    await waitFor(() => fs.existsSync(resultsFile), { timeoutMs: 180_000, what: 'VS Code to start the extension tests module' }).catch((error) => {
      throw new HarnessError(`${error.message}\ncode-server said:\n${server.output().slice(-4000)}\nbrowser errors:\n${browserErrors.join('\n')}`);
    });
    return await waitForResults();
  } finally {
    await browser?.close();
    await server?.stop();
    await bridge.close();
  }
}
