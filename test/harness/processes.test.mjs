// The harness's process tracking (test/harness/processes.mjs): stopping a tracked process ends its
// whole process group, including members that outlive the leader or ignore SIGTERM, before it
// resolves. Runs in the unit stage (test/harness/mocha-node.mjs).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { trackProcess } from './processes.mjs';

/** Starts `script` with sh as the leader of a new process group and waits for its first line. */
async function startGroup(script) {
  const child = spawn('sh', ['-c', script], { detached: true, stdio: ['ignore', 'pipe', 'ignore'] });
  await once(child.stdout, 'data');
  return child;
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('harness processes', function () {
  this.timeout(20_000);

  it('ends a group member that outlives its leader', async function () {
    // The leader exits at once; its background sleep stays in the group, as Chromium's helpers do.
    const child = await startGroup('sleep 30 & echo started');
    if (child.exitCode === null) await once(child, 'exit');
    assert.ok(groupAlive(child.pid), 'the sleep is still in the group');
    await trackProcess(child, 'leader gone')();
    assert.equal(groupAlive(child.pid), false);
  });

  it('kills a member that ignores SIGTERM, and resolves only when the group is gone', async function () {
    // An ignored signal stays ignored across exec, so this sleep survives SIGTERM. It says it has
    // started only once the signal is ignored, so the stop cannot come before that.
    const child = await startGroup('(trap "" TERM; echo started; exec sleep 30) & wait');
    const stopped = Date.now();
    await trackProcess(child, 'stubborn')();
    assert.equal(groupAlive(child.pid), false);
    assert.ok(Date.now() - stopped >= 4_900, 'SIGKILL comes after the grace period');
  });
});
