// Where `npm test`, `npm start` and `npm run bench` begin: `node scripts/bootstrap.mjs COMMAND [args]`.
// It installs what the command needs and this machine lacks, then runs the command's script
// (test/harness/run-tests.mjs, scripts/start.mjs, scripts/bench.mjs) in this process with `args`:
//   1. Node.js: 20 or newer; exactly 20 where code-server runs.
//   2. System packages (Python 3, Chromium; to install code-server: compiler, Kerberos headers, ripgrep).
//      On Debian/Ubuntu as root, `apt-get install` of exactly the missing ones; anywhere else, one
//      message with the command that installs them here, and exit 1.
//   3. The npm packages: `npm ci` when node_modules is missing or differs from package-lock.json.
//   4. The cached VS Code (code-server in ~/.cache/study-notes), installed on first use.
// What to do is decided in bootstrap-plan.mjs from what this file observes; this file only looks at
// the machine and runs commands. When everything is there it prints nothing (and takes about 0.15 s).
// It runs before the npm packages exist, possibly on an old Node: Node built-ins and plain syntax only,
// and the harness modules are imported only after the checks.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { detectSystem, nodeProblem, npmPlan, packagesFor, requirementsOf, systemPlan } from './bootstrap-plan.mjs';
import { useRunTempDir } from '../test/harness/run-temp.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TARGETS = { test: 'test/harness/run-tests.mjs', start: 'scripts/start.mjs', bench: 'scripts/bench.mjs' };

/** The machine as bootstrap sees it: every observation and every command goes through here (tests pass a fake). */
export function realMachine() {
  const has = (name) => spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
  return {
    nodeVersion: process.versions.node,
    platform: process.platform,
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    env: process.env,
    readFile(file) {
      try { return fs.readFileSync(file, 'utf8'); } catch { return undefined; }
    },
    exists: (file) => fs.existsSync(file),
    hasCommand: has,
    /** The given Debian packages that dpkg reports as installed. */
    dpkgInstalled(packages) {
      const query = spawnSync('dpkg-query', ['-W', '-f=${Package}\\t${db:Status-Abbrev}\\n', ...packages], { encoding: 'utf8' });
      return (query.stdout || '').split('\n').filter((line) => /\tii/.test(line)).map((line) => line.split('\t')[0]);
    },
    /** [major, minor] of the Python `command` runs, or undefined when it does not run. */
    pythonVersion(command) {
      const probe = spawnSync(command, ['-c', 'import sys; print(*sys.version_info[:2])'], { encoding: 'utf8' });
      const match = probe.status === 0 && /^(\d+) (\d+)/.exec(probe.stdout);
      return match ? [Number(match[1]), Number(match[2])] : undefined;
    },
    /** Runs a command with the terminal attached; returns its exit status. */
    run(command, args, { cwd = root, env = {} } = {}) {
      const shell = process.platform === 'win32' && command === 'npm';
      const result = spawnSync(command, args, { cwd, env: { ...process.env, ...env }, stdio: 'inherit', shell });
      return result.status === null ? 1 : result.status;
    },
    /** Whether the cached VS Code is installed, where, and which version. */
    async codeServer() {
      const { CODE_SERVER_VERSION, codeServerDir, isCodeServerInstalled } = await import('../test/harness/code-server.mjs');
      return { installed: isCodeServerInstalled(), dir: codeServerDir(), version: CODE_SERVER_VERSION };
    },
    async ensureCodeServer() {
      const { stopAllOnSignals } = await import('../test/harness/processes.mjs');
      stopAllOnSignals(); // Ctrl-C during the install stops npm and its scripts too
      const { ensureCodeServer } = await import('../test/harness/code-server.mjs');
      await ensureCodeServer(() => {});
    },
    now: () => Date.now(),
    log: (message) => console.log(message),
    error: (message) => console.error(message),
  };
}

/** What bootstrap-plan.mjs needs to know about the npm packages, read from `dir`. */
export function observeNpm(machine, dir) {
  const json = (file) => {
    const text = machine.readFile(path.join(dir, file));
    try { return text === undefined ? undefined : JSON.parse(text); } catch { return undefined; }
  };
  const manifest = json('package.json') || {};
  const direct = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies });
  const nodeModules = machine.exists(path.join(dir, 'node_modules'));
  return {
    lock: json('package-lock.json'),
    nodeModules,
    installedLock: nodeModules ? json('node_modules/.package-lock.json') : undefined,
    missingDirect: nodeModules ? direct.filter((name) => !machine.exists(path.join(dir, 'node_modules', name, 'package.json'))) : direct,
  };
}

/** How to tell, away from dpkg, that a requirement is met. */
const PROBES = {
  python3: (machine) => machine.pythonVersion('python3') !== undefined,
  chromium: (machine) => ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/Applications/Chromium.app/Contents/MacOS/Chromium'].some(machine.exists)
    || machine.hasCommand('chromium') || machine.hasCommand('chromium-browser'),
  kerberos: (machine) => machine.platform === 'darwin' || machine.hasCommand('krb5-config') || machine.exists('/usr/include/gssapi/gssapi.h'),
  compiler: (machine) => (machine.hasCommand('c++') || machine.hasCommand('g++')) && machine.hasCommand('make'),
  ripgrep: (machine) => machine.hasCommand('rg'),
  // macOS has Chinese fonts of its own; elsewhere, the Noto CJK fonts where the distributions put them.
  cjkFont: (machine) => machine.platform === 'darwin'
    || ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', '/usr/share/fonts/google-noto-sans-cjk-fonts/NotoSansCJK-Regular.ttc', '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc'].some(machine.exists),
};

/** Which of `needs` this machine lacks (dpkg on Debian/Ubuntu, probes elsewhere), and the Python version. */
export function observeSystem(machine, system, needs) {
  const python = machine.env.STUDY_NOTES_PYTHON || 'python3';
  const overridden = {
    chromium: machine.env.CHROMIUM_PATH ? machine.exists(machine.env.CHROMIUM_PATH) : undefined,
    python3: machine.env.STUDY_NOTES_PYTHON ? machine.pythonVersion(python) !== undefined : undefined,
  };
  const dpkg = system.manager === 'apt' && machine.hasCommand('dpkg-query');
  const packages = dpkg ? new Set(machine.dpkgInstalled(needs.flatMap((need) => packagesFor(system, need)))) : undefined;
  const present = (need) => {
    if (overridden[need] !== undefined) return overridden[need];
    return packages ? packagesFor(system, need).every((name) => packages.has(name)) : PROBES[need](machine);
  };
  const missing = needs.filter((need) => !present(need));
  const pythonVersion = needs.includes('python3') && !missing.includes('python3') ? machine.pythonVersion(python) : undefined;
  return { missing, pythonVersion };
}

/**
 * Brings the machine to what `command args` needs. Resolves true when the command can run, false after
 * printing why not. Prints only what it does, so on a ready machine it prints nothing.
 */
export async function setUp({ command, args = [], dir = root, machine = realMachine() }) {
  const fail = (message) => { machine.error(`\n✘ set-up: ${message}`); return false; };
  /** Prints what it is about to do, does it, and says how long it took. */
  const step = async (what, work) => {
    machine.log(`▶ set-up: ${what}`);
    const started = machine.now();
    const result = await work();
    machine.log(`  (${Math.round((machine.now() - started) / 1000)} s)`);
    return result;
  };

  const { codeServer } = requirementsOf({ command, args });
  const nodeMessage = nodeProblem({ nodeVersion: machine.nodeVersion, command, codeServer });
  if (nodeMessage) return fail(nodeMessage);

  const vscode = codeServer ? await machine.codeServer() : undefined;
  const { needs } = requirementsOf({ command, args, codeServerInstalled: vscode && vscode.installed });
  const system = detectSystem(machine.platform, machine.readFile('/etc/os-release'));
  const decide = () => {
    const { missing, pythonVersion } = observeSystem(machine, system, needs);
    return systemPlan({ system, isRoot: machine.isRoot, hasSudo: machine.hasCommand('sudo'), missing, pythonVersion, command });
  };
  let packages = decide();
  if (packages.action === 'install') {
    const install = packages;
    const failed = await step(install.log, () => install.commands.find((line) => machine.run(line[0], line.slice(1), { env: install.env }) !== 0));
    if (failed) return fail(`\`${failed.join(' ')}\` failed (see above); install ${install.packages.join(' ')} yourself, then run it again.`);
    packages = decide();
    if (packages.action === 'install') return fail(`apt-get ran, but dpkg still lacks some of: ${install.packages.join(' ')}.`);
  }
  if (packages.action === 'fail') return fail(packages.message);

  const npm = npmPlan(observeNpm(machine, dir));
  if (npm.problem) return fail(npm.problem);
  if (npm.install) {
    const status = await step(`installing the npm packages with \`npm ci\` (${npm.reason})…`, () => machine.run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir }));
    if (status !== 0) return fail('`npm ci` failed (see above).');
  }

  if (vscode && !vscode.installed) {
    await step(`installing VS Code (code-server ${vscode.version}, about 300 MB) into ${vscode.dir}, once…`, () => machine.ensureCodeServer());
  }
  return true;
}

async function main() {
  const [command, ...args] = process.argv.slice(2);
  const target = TARGETS[command];
  if (!target) {
    console.error(`usage: node scripts/bootstrap.mjs ${Object.keys(TARGETS).join('|')} [args]`);
    process.exit(2);
  }
  useRunTempDir();
  let ready = false;
  try {
    ready = await setUp({ command, args });
  } catch (error) {
    console.error(`\n✘ set-up failed: ${error && error.constructor && error.constructor.name === 'HarnessError' ? error.message : (error && error.stack) || error}`);
  }
  if (!ready) process.exit(1);
  // The command's script sees the same argv as if it had been started directly.
  process.argv = [process.argv[0], path.join(root, target), ...args];
  await import(pathToFileURL(path.join(root, target)).href);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
