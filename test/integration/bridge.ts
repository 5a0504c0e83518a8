// Reaches the harness process that drives the browser showing this VS Code (see test/harness/bridge.mjs).
export async function callBridge<T>(name: string, body: object = {}): Promise<T> {
  const base = process.env.STUDY_NOTES_BRIDGE;
  if (!base) throw new Error('STUDY_NOTES_BRIDGE is not set: this test needs the code-server harness');
  const response = await fetch(`${base}/${name}`, { method: 'POST', body: JSON.stringify(body) });
  const result = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(`bridge ${name} failed: ${result.error}`);
  return result;
}

export const hasBridge = (): boolean => Boolean(process.env.STUDY_NOTES_BRIDGE);

/**
 * Values of `expression` evaluated in each webview frame that contains `marker`; retried until one
 * frame answers, so `expression` must not be `undefined` (end an action with `, true`).
 */
export async function inWebview<T>(expression: string, marker: string): Promise<T[]> {
  return (await callBridge<{ results: T[] }>('webview', { expression, marker })).results;
}
