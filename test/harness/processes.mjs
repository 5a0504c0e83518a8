// Every process the harness starts is tracked here, so that a failure, a time-out or Ctrl-C
// kills exactly those processes (by process group) and leaves nothing behind.
import { spawn } from 'node:child_process';

export class HarnessError extends Error {}

const running = new Map();

/**
 * Registers a detached child; the returned function ends its whole process group and resolves once
 * the group is gone. The leader exiting is not enough: Chromium's helpers outlive its main process
 * for a moment, and a run must not return while any of them is still in the process table.
 */
export function trackProcess(child, name, afterExit = () => {}) {
  let stopping;
  const stop = () => {
    stopping ??= endGroup(child.pid).then(() => {
      running.delete(child.pid);
      afterExit();
    });
    return stopping;
  };
  running.set(child.pid, { name, stop });
  child.once('exit', () => running.delete(child.pid));
  return stop;
}

/** SIGTERM to the group, SIGKILL after a 5 s grace, then wait until no member is left (10 s at most: a member's parent may be slow to reap it). */
async function endGroup(pid) {
  killGroup(pid, 'SIGTERM');
  const started = Date.now();
  let killed = false;
  while (groupExists(pid) && Date.now() - started < 10_000) {
    if (!killed && Date.now() - started > 5_000) {
      killGroup(pid, 'SIGKILL');
      killed = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function killGroup(pid, signal) {
  try { process.kill(-pid, signal); } catch { /* already gone */ }
}

/** Signal 0 checks that the group still has a member (an exited one not yet reaped counts). */
function groupExists(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

export async function stopAll() {
  await Promise.all([...running.values()].map(({ stop }) => stop()));
}

let interrupted = false;
let listening = false;
/** On Ctrl-C or SIGTERM: stop every tracked process, then exit with the conventional code. Later calls change nothing. */
export function stopAllOnSignals(log = console.error) {
  if (listening) return;
  listening = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, async () => {
      if (interrupted) return;
      interrupted = true;
      log(`\n${signal}: stopping ${running.size} process(es)…`);
      await stopAll();
      process.exit(128 + ({ SIGINT: 2, SIGTERM: 15, SIGHUP: 1 })[signal]);
    });
  }
}

/** Runs a command to completion within a time limit, streaming nothing; rejects with its output tail on failure. */
export function runWithTimeout(command, args, { cwd, env, timeoutMs, what }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const stop = trackProcess(child, what);
    let output = '';
    const collect = (chunk) => { output = (output + chunk).slice(-20_000); };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(async () => {
      await stop();
      reject(new HarnessError(`${what} did not finish within ${timeoutMs / 1000} s; stopped it.\n${output}`));
    }, timeoutMs);
    child.on('error', (error) => { clearTimeout(timer); reject(new HarnessError(`${what} could not start: ${error.message}`)); });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new HarnessError(`${what} failed with exit code ${code}:\n${output}`));
    });
  });
}

/** Polls `check` until it returns a truthy value; throws a HarnessError naming `what` after `timeoutMs`. */
export async function waitFor(check, { timeoutMs, what, intervalMs = 250 }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new HarnessError(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
