// Debian's Chromium, driven by playwright-core, opens the code-server workbench; the extension
// host only starts once a browser has it open.
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { HarnessError, trackProcess } from './processes.mjs';

export function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/Applications/Chromium.app/Contents/MacOS/Chromium'].filter(Boolean);
  const found = candidates.find((candidate) => fs.existsSync(candidate));
  if (!found) throw new HarnessError('Chromium is missing. Install it with: apt-get install -y chromium (or set CHROMIUM_PATH).');
  return found;
}

/** Launches Chromium as a tracked process and connects to it; `close()` kills it by its pid. */
export async function launchBrowser({ log }) {
  const server = await chromium.launchServer({
    executablePath: chromiumPath(),
    headless: true,
    timeout: 60_000,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic',
    ],
  });
  const child = server.process();
  const stop = trackProcess(child, 'chromium');
  const browser = await chromium.connect(server.wsEndpoint(), { timeout: 30_000 });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1 });
  log?.(`Chromium is up (pid ${child.pid})`);
  return {
    context,
    async close() {
      await browser.close().catch(() => {});
      await server.close().catch(() => {});
      await stop();
    },
  };
}
