// A loopback HTTP endpoint through which tests running inside the extension host reach the browser
// that shows the workbench: to read a webview's DOM or the page's console, press keys, or take a screenshot.
import http from 'node:http';

async function webviewFrames(page) {
  // A webview is an outer iframe (index.html) holding the content iframe (fake.html / active frame).
  return page.frames().filter((frame) => frame.url().includes('fake.html') || frame.name() === 'active-frame'
    || (frame.parentFrame() && frame.parentFrame().url().includes('webview') && frame.url().startsWith('vscode-webview')));
}

/** Console lines of each page (all its frames, webviews included), from the first `console` call on. */
const consoleLines = new WeakMap();

const handlers = {
  /** The console lines seen since the last call (the first call starts listening). */
  async console(page) {
    let lines = consoleLines.get(page);
    if (!lines) {
      lines = [];
      consoleLines.set(page, lines);
      page.on('console', (message) => lines.push(message.text()));
    }
    return { lines: lines.splice(0) };
  },
  async screenshot(page, { path }) {
    // A .jpg (the README's) at a quality that keeps text sharp, a third of the PNG's size.
    await page.screenshot(/\.jpe?g$/i.test(path) ? { path, quality: 75 } : { path });
    return { path };
  },
  async press(page, { keys }) {
    for (const key of keys) await page.keyboard.press(key);
    return {};
  },
  /** Waits until the quick input (QuickPick or InputBox) is shown with a title that includes `title`. */
  async quickInput(page, { title, timeoutMs = 30_000 }) {
    const widget = page.locator('.quick-input-widget').filter({ has: page.locator('.quick-input-title', { hasText: title }) });
    await widget.waitFor({ state: 'visible', timeout: timeoutMs });
    // Let the list settle before keys are sent to it.
    await page.waitForTimeout(300);
    return {};
  },
  async type(page, { text }) {
    await page.keyboard.type(text);
    return {};
  },
  /** The text of the workbench's first element matching `selector` (a status bar item, say), or null. */
  async workbenchText(page, { selector }) {
    return { text: await page.locator(selector).first().innerText({ timeout: 5000 }).catch(() => null) };
  },
  /**
   * Evaluates `expression` in every webview content frame whose document holds `marker`. A webview
   * that is being reloaded has no such frame for a moment, so this retries for a few seconds.
   */
  async webview(page, { expression, marker }) {
    for (let attempt = 0; attempt < 20; attempt++) {
      const results = await evaluateInWebviews(page, expression, marker);
      if (results.length > 0) return { results };
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return { results: [] };
  },
};

async function evaluateInWebviews(page, expression, marker) {
  const results = [];
  for (const frame of await webviewFrames(page)) {
    // A string is evaluated through the DevTools protocol, which the page's CSP does not govern.
    const guard = marker ? `if (!document.querySelector(${JSON.stringify(marker)})) return undefined;` : '';
    const value = await frame.evaluate(`(async () => { ${guard} return (${expression}); })()`).catch(() => undefined);
    if (value !== undefined) results.push(value);
  }
  return results;
}

export async function startBridge(getPage) {
  const server = http.createServer(async (request, response) => {
    let body = '';
    for await (const chunk of request) body += chunk;
    const name = request.url.slice(1);
    const handler = handlers[name];
    try {
      if (!handler) throw new Error(`unknown bridge call ${name}`);
      const result = await handler(getPage(), JSON.parse(body || '{}'));
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
    } catch (error) {
      response.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: String(error?.stack ?? error) }));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}
