// Installs and starts the VS Code that runs here offline: the npm `code-server` package
// (VS Code 1.100.3 with its web workbench). It lives in a cache folder outside node_modules
// because its native postinstall needs Debian packages that `npm ci` must not depend on.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { HarnessError, runWithTimeout, trackProcess, waitFor } from './processes.mjs';

export const CODE_SERVER_VERSION = '4.100.3';
const RIPGREP_ARCHIVE = 'vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

export function cacheRoot() {
  return process.env.STUDY_NOTES_CACHE
    ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'study-notes');
}

export function codeServerDir() {
  return path.join(cacheRoot(), `code-server-${CODE_SERVER_VERSION}`);
}

function entryPoint() {
  return path.join(codeServerDir(), 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Names the Debian packages a first install of code-server needs and this machine lacks. */
function missingInstallPrerequisites() {
  const missing = [];
  if (!onPath('krb5-config.mit') && !fs.existsSync('/usr/include/gssapi/gssapi.h')) missing.push('libkrb5-dev');
  if (!onPath('rg')) missing.push('ripgrep');
  if (!onPath('g++') || !onPath('make')) missing.push('build-essential');
  return missing;
}

export function isCodeServerInstalled() {
  return fs.existsSync(path.join(codeServerDir(), '.installed'));
}

/** Returns the path of code-server's entry script, installing it into the cache on first use. */
export async function ensureCodeServer(log) {
  if (isCodeServerInstalled()) return entryPoint();
  const missing = missingInstallPrerequisites();
  if (missing.length > 0) {
    throw new HarnessError(
      `code-server ${CODE_SERVER_VERSION} is not installed yet and installing it needs: ${missing.join(', ')}.\n` +
      `Install them with: apt-get install -y ${missing.join(' ')}`);
  }
  const dir = codeServerDir();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'study-notes-code-server', private: true }));
  seedRipgrepDownloadCache();
  log(`Installing code-server ${CODE_SERVER_VERSION} into ${dir} (first run only; 50 s to 2 min on a 2-core VM)…`);
  await runWithTimeout('npm', ['install', '--no-save', '--unsafe-perm', '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: dir,
    env: { ...process.env, npm_config_yes: 'true' },
    timeoutMs: 15 * 60_000,
    what: 'npm install code-server',
  });
  if (!fs.existsSync(entryPoint())) throw new HarnessError(`code-server installed, but ${entryPoint()} is missing`);
  fs.writeFileSync(path.join(dir, '.installed'), new Date().toISOString());
  return entryPoint();
}

/** @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache already holds the archive. */
function seedRipgrepDownloadCache() {
  const archive = path.join(process.env.TMPDIR ?? os.tmpdir(), RIPGREP_ARCHIVE);
  if (fs.existsSync(archive)) return;
  const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'study-notes-rg-'));
  fs.copyFileSync(rg, path.join(staging, 'rg'));
  fs.mkdirSync(path.dirname(archive), { recursive: true });
  const tar = spawnSync('tar', ['-czf', archive, '-C', staging, 'rg']);
  fs.rmSync(staging, { recursive: true, force: true });
  if (tar.status !== 0) throw new HarnessError(`could not write ${archive}: ${tar.stderr}`);
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts code-server on a free loopback port with fresh user data and extension folders.
 * Resolves once it answers HTTP; the returned handle stops it and its whole process group.
 */
export async function startCodeServer({ entry, workspace, env = {}, trustWorkspace = true, vsix, home: keptHome, log }) {
  const port = await freePort();
  // A caller that passes `home` keeps the user data (and so the extension's global storage) for a later start.
  const home = keptHome ?? fs.mkdtempSync(path.join(os.tmpdir(), 'study-notes-vscode-'));
  if (vsix && !fs.existsSync(path.join(home, 'extensions'))) {
    await runWithTimeout(process.execPath, [entry, '--extensions-dir', path.join(home, 'extensions'), '--install-extension', vsix], {
      env: process.env, timeoutMs: 120_000, what: `installing ${path.basename(vsix)} into code-server`,
    });
    log?.(`installed ${path.basename(vsix)} into a fresh extensions folder`);
  }
  const args = [
    entry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', path.join(home, 'user-data'),
    '--extensions-dir', path.join(home, 'extensions'),
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    ...(trustWorkspace ? ['--disable-workspace-trust'] : []),
    workspace,
  ];
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  const stop = trackProcess(child, 'code-server', () => { if (!keptHome) fs.rmSync(home, { recursive: true, force: true }); });
  const output = [];
  const keep = (chunk) => { output.push(chunk.toString()); if (output.length > 200) output.shift(); };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(async () => {
      if (child.exitCode !== null) throw new HarnessError(`code-server exited with code ${child.exitCode}:\n${output.join('')}`);
      const response = await fetch(`${url}/healthz`).catch(() => undefined);
      return response?.ok;
    }, { timeoutMs: 60_000, what: 'code-server to answer on ' + url });
  } catch (error) {
    await stop();
    throw error;
  }
  log?.(`code-server ${CODE_SERVER_VERSION} is up at ${url} (pid ${child.pid})`);
  return { url, port, pid: child.pid, stop, extensionsDir: path.join(home, 'extensions'), output: () => output.join('') };
}
