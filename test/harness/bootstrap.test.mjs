// The set-up that `npm test` and `npm start` run first (scripts/bootstrap.mjs): its decisions on fake
// machines, and its whole sequence on a fake machine that records commands instead of running them.
// Nothing is installed here. Runs in the unit stage (test/harness/mocha-node.mjs).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { detectSystem, nodeProblem, npmPlan, requirementsOf, systemPlan } from '../../scripts/bootstrap-plan.mjs';
import { observeNpm, realMachine, setUp } from '../../scripts/bootstrap.mjs';

const DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nID=debian\n';
const UBUNTU = 'PRETTY_NAME="Ubuntu 24.04 LTS"\nID=ubuntu\nID_LIKE=debian\n';
const FEDORA = 'NAME="Fedora Linux"\nID=fedora\nPRETTY_NAME="Fedora Linux 40"\n';
const ALL_DEBIAN = ['python3', 'chromium', 'libkrb5-dev', 'build-essential', 'ripgrep'];

const lockOf = (packages) => ({ name: 'study-notes', lockfileVersion: 3, packages: { '': { name: 'study-notes' }, ...packages } });
const LOCKED = {
  'node_modules/mocha': { version: '12.0.3' },
  'node_modules/esbuild': { version: '0.28.2' },
  'node_modules/@esbuild/linux-x64': { version: '0.28.2', optional: true },
  'node_modules/@esbuild/darwin-arm64': { version: '0.28.2', optional: true },
};
const without = (object, ...keys) => Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));
/** What npm installs from LOCKED on Linux: not the other platform's optional binary. */
const INSTALLED_HERE = without(LOCKED, 'node_modules/@esbuild/darwin-arm64');

describe('bootstrap (the set-up of npm test and npm start)', function () {
  describe('Node.js', function () {
    it('refuses Node.js before 20 with the version to install', function () {
      const message = nodeProblem({ nodeVersion: '18.19.0', command: 'test', codeServer: true });
      assert.match(message, /needs Node\.js 20 or newer; this is Node\.js 18\.19\.0/);
      assert.match(message, /nvm install 20/);
    });

    it('accepts Node.js 20, and newer only where code-server does not run', function () {
      assert.equal(nodeProblem({ nodeVersion: '20.20.2', command: 'test', codeServer: true }), undefined);
      assert.equal(nodeProblem({ nodeVersion: '22.12.0', command: 'test', codeServer: false }), undefined);
      assert.match(nodeProblem({ nodeVersion: '22.12.0', command: 'test', codeServer: true }), /runs only on Node\.js 20.*\n.*npm test -- --unit/s);
      assert.match(nodeProblem({ nodeVersion: '22.12.0', command: 'start', codeServer: true }), /`npm start` runs the extension in code-server/);
    });
  });

  describe('what a command needs', function () {
    it('asks for code-server\'s install prerequisites only while code-server is not installed', function () {
      assert.deepEqual(requirementsOf({ command: 'test', args: [], codeServerInstalled: false }),
        { codeServer: true, needs: ['python3', 'chromium', 'kerberos', 'compiler', 'ripgrep'] });
      assert.deepEqual(requirementsOf({ command: 'test', args: [], codeServerInstalled: true }), { codeServer: true, needs: ['python3', 'chromium'] });
      assert.deepEqual(requirementsOf({ command: 'test', args: ['--unit'] }), { codeServer: false, needs: ['python3'] });
    });

    it('needs a Chinese font only for the README screenshot', function () {
      assert.deepEqual(requirementsOf({ command: 'test', args: ['--screenshot', 'docs/images/screenshot.jpg'], codeServerInstalled: true }),
        { codeServer: true, needs: ['python3', 'chromium', 'cjkFont'] });
    });

    it('does not need Chromium for npm start, nor code-server with --desktop', function () {
      assert.deepEqual(requirementsOf({ command: 'start', args: [], codeServerInstalled: true }), { codeServer: true, needs: ['python3'] });
      assert.deepEqual(requirementsOf({ command: 'start', args: ['--desktop'] }), { codeServer: false, needs: ['python3'] });
    });
  });

  describe('npm packages', function () {
    let dir;
    const write = (file, value) => {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), JSON.stringify(value));
    };
    const installPackages = (names) => names.forEach((name) => write(`node_modules/${name}/package.json`, { name }));
    const plan = () => npmPlan(observeNpm(realMachine(), dir));

    beforeEach(function () {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'study-notes-bootstrap-'));
      write('package.json', { name: 'study-notes', devDependencies: { mocha: '^12.0.3', esbuild: '^0.28.2' } });
      write('package-lock.json', lockOf(LOCKED));
    });

    afterEach(function () {
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('runs npm ci when node_modules is missing', function () {
      assert.deepEqual(plan(), { install: true, reason: 'node_modules is missing' });
    });

    it('runs npm ci when node_modules was not made by npm from a lock file', function () {
      installPackages(['mocha', 'esbuild']);
      assert.deepEqual(plan(), { install: true, reason: 'node_modules has no record of an npm install (node_modules/.package-lock.json)' });
    });

    it('runs npm ci when node_modules is older than package-lock.json, whatever the file times say', function () {
      installPackages(['mocha', 'esbuild']);
      write('node_modules/.package-lock.json', lockOf({ ...INSTALLED_HERE, 'node_modules/mocha': { version: '11.7.1' } }));
      const past = new Date(Date.now() - 3_600_000);
      fs.utimesSync(path.join(dir, 'package-lock.json'), past, past); // the lock file looks older, and still wins
      assert.deepEqual(plan(), { install: true, reason: 'node_modules differs from package-lock.json (mocha 11.7.1 installed, 12.0.3 locked)' });
    });

    it('runs npm ci when a locked package is absent, or an unlocked one present', function () {
      installPackages(['mocha', 'esbuild']);
      write('node_modules/.package-lock.json', lockOf({ ...without(INSTALLED_HERE, 'node_modules/esbuild'), 'node_modules/left-pad': { version: '1.3.0' } }));
      assert.deepEqual(plan(), { install: true, reason: 'node_modules differs from package-lock.json (esbuild 0.28.2 not installed; left-pad installed but not locked)' });
    });

    it('runs npm ci when a direct dependency\'s folder was deleted', function () {
      installPackages(['mocha']);
      write('node_modules/.package-lock.json', lockOf(INSTALLED_HERE));
      assert.deepEqual(plan(), { install: true, reason: 'node_modules lacks esbuild' });
    });

    it('leaves a fresh node_modules alone, other platforms\' optional packages being absent', function () {
      installPackages(['mocha', 'esbuild']);
      write('node_modules/.package-lock.json', lockOf(INSTALLED_HERE));
      const future = new Date(Date.now() + 3_600_000);
      fs.utimesSync(path.join(dir, 'package-lock.json'), future, future); // a newer-looking lock file changes nothing
      assert.deepEqual(plan(), { install: false });
    });

    it('says so when there is no lock file to install from', function () {
      fs.rmSync(path.join(dir, 'package-lock.json'));
      assert.match(plan().problem, /package-lock\.json is missing/);
    });
  });

  describe('system packages', function () {
    const debian = detectSystem('linux', DEBIAN);
    const needsAll = ['python3', 'chromium', 'kerberos', 'compiler', 'ripgrep'];

    it('recognises the system from os-release', function () {
      assert.deepEqual([debian.family, debian.manager, debian.name], ['debian', 'apt', 'Debian GNU/Linux 12 (bookworm)']);
      assert.equal(detectSystem('linux', UBUNTU).family, 'ubuntu');
      assert.equal(detectSystem('linux', FEDORA).manager, 'dnf');
      assert.equal(detectSystem('linux', 'ID=arch\n').manager, 'pacman');
      assert.equal(detectSystem('linux', 'ID=alpine\n').manager, undefined);
      assert.equal(detectSystem('darwin', undefined).manager, 'brew');
    });

    it('does nothing when everything is there', function () {
      assert.deepEqual(systemPlan({ system: debian, isRoot: true, missing: [], pythonVersion: [3, 11], command: 'test' }), { action: 'none' });
    });

    it('installs exactly the missing Debian packages as root, after apt-get update', function () {
      const plan = systemPlan({ system: debian, isRoot: true, missing: ['chromium', 'compiler'], command: 'test' });
      assert.equal(plan.action, 'install');
      assert.deepEqual(plan.commands, [
        ['apt-get', 'update', '-qq'],
        ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'chromium', 'build-essential'],
      ]);
      assert.deepEqual(plan.env, { DEBIAN_FRONTEND: 'noninteractive' });
      assert.equal(plan.log, 'installing the missing Debian packages: chromium build-essential (apt-get, as root)…');
    });

    it('names Ubuntu\'s Chromium package', function () {
      const plan = systemPlan({ system: detectSystem('linux', UBUNTU), isRoot: true, missing: needsAll, command: 'test' });
      assert.deepEqual(plan.packages, ['python3', 'chromium-browser', 'libkrb5-dev', 'build-essential', 'ripgrep']);
    });

    it('without root, prints one message with the sudo command and installs nothing', function () {
      const plan = systemPlan({ system: debian, isRoot: false, hasSudo: true, missing: ['chromium', 'ripgrep'], command: 'test' });
      assert.equal(plan.action, 'fail');
      assert.equal(plan.message, [
        '`npm test` needs software that this machine (Debian GNU/Linux 12 (bookworm)) lacks:',
        '  - Chromium: the browser that shows the VS Code the integration tests drive',
        '  - ripgrep: code-server bundles it, and its own download of it needs GitHub',
        'Install them with:',
        '',
        '  sudo apt-get install -y --no-install-recommends chromium ripgrep',
        '',
        'then run `npm test` again.',
        '(A Chromium installed elsewhere can be named with CHROMIUM_PATH=/path/to/chromium.)',
      ].join('\n'));
      const noSudo = systemPlan({ system: debian, isRoot: false, hasSudo: false, missing: ['python3'], command: 'start' });
      assert.match(noSudo.message, /Install it \(as root\) with:\n\n {2}apt-get install -y --no-install-recommends python3\n\nthen run `npm start` again\./);
    });

    it('prints the command for Fedora, Arch and macOS instead of installing', function () {
      const fedora = systemPlan({ system: detectSystem('linux', FEDORA), isRoot: true, missing: needsAll, command: 'test' });
      assert.equal(fedora.action, 'fail');
      assert.match(fedora.message, /\n {2}dnf install -y python3 chromium krb5-devel gcc-c\+\+ make ripgrep\n/);
      const arch = systemPlan({ system: detectSystem('linux', 'ID=arch\n'), isRoot: false, missing: ['compiler'], command: 'test' });
      assert.match(arch.message, /\n {2}sudo pacman -S --needed base-devel\n/);
      const mac = systemPlan({ system: detectSystem('darwin'), isRoot: false, missing: needsAll, command: 'test' });
      assert.match(mac.message, /\n {2}brew install python ripgrep\n {2}brew install --cask chromium\n {2}xcode-select --install\n/);
    });

    it('sends Windows to WSL and an unknown Linux to its package manager', function () {
      assert.match(systemPlan({ system: detectSystem('win32'), isRoot: false, missing: ['chromium'], command: 'test' }).message, /in WSL/);
      assert.match(systemPlan({ system: detectSystem('linux', 'ID=alpine\n'), isRoot: true, missing: ['ripgrep'], command: 'test' }).message,
        /ripgrep: .*\nInstall it with this system's package manager, then run `npm test` again\./);
    });

    it('refuses a Python older than 3.9', function () {
      const plan = systemPlan({ system: debian, isRoot: true, missing: [], pythonVersion: [3, 8], command: 'test' });
      assert.equal(plan.action, 'fail');
      assert.match(plan.message, /needs Python 3\.9 or newer; python3 here is 3\.8/);
    });
  });

  describe('the whole set-up on a fake machine', function () {
    /** A machine that records what would be run and printed, and changes as if the commands had run. */
    function fakeMachine({ nodeVersion = '20.20.2', osRelease = DEBIAN, isRoot = true, dpkg = ALL_DEBIAN, nodeModules = 'fresh', codeServer = true } = {}) {
      const state = { dpkg: new Set(dpkg), nodeModules, codeServer };
      const ran = [];
      const printed = [];
      const files = () => {
        const entries = { '/etc/os-release': osRelease, '/p/package.json': JSON.stringify({ devDependencies: { mocha: '^12' } }), '/p/package-lock.json': JSON.stringify(lockOf({ 'node_modules/mocha': { version: '12.0.3' } })) };
        if (state.nodeModules !== 'missing') {
          entries['/p/node_modules/mocha/package.json'] = '{}';
          entries['/p/node_modules/.package-lock.json'] = JSON.stringify(lockOf({ 'node_modules/mocha': { version: state.nodeModules === 'fresh' ? '12.0.3' : '11.0.0' } }));
        }
        return entries;
      };
      let clock = 0;
      const machine = {
        nodeVersion, platform: 'linux', isRoot, env: {},
        readFile: (file) => files()[file],
        exists: (file) => Object.keys(files()).some((name) => name === file || name.startsWith(`${file}/`)),
        hasCommand: (name) => ['dpkg-query', 'sudo'].includes(name),
        dpkgInstalled: (packages) => packages.filter((name) => state.dpkg.has(name)),
        pythonVersion: () => (state.dpkg.has('python3') ? [3, 11] : undefined),
        run(command, args) {
          ran.push([command, ...args].join(' '));
          if (command === 'apt-get' && args[0] === 'install') args.filter((arg) => !arg.startsWith('-')).slice(1).forEach((name) => state.dpkg.add(name));
          if (command === 'npm') state.nodeModules = 'fresh';
          clock += 12_000;
          return 0;
        },
        codeServer: async () => ({ installed: state.codeServer, dir: '/cache/code-server-4.100.3', version: '4.100.3' }),
        async ensureCodeServer() { ran.push('install code-server'); state.codeServer = true; clock += 96_000; },
        now: () => clock,
        log: (message) => printed.push(message),
        error: (message) => printed.push(message),
      };
      return { machine, ran, printed };
    }

    it('on a bare Debian machine as root installs the missing packages, node_modules and code-server; a second run does and says nothing', async function () {
      const { machine, ran, printed } = fakeMachine({ dpkg: ['python3'], nodeModules: 'missing', codeServer: false });
      assert.equal(await setUp({ command: 'test', dir: '/p', machine }), true);
      assert.deepEqual(ran, [
        'apt-get update -qq',
        'apt-get install -y -qq --no-install-recommends chromium libkrb5-dev build-essential ripgrep',
        'npm ci --no-audit --no-fund',
        'install code-server',
      ]);
      assert.deepEqual(printed, [
        '▶ set-up: installing the missing Debian packages: chromium libkrb5-dev build-essential ripgrep (apt-get, as root)…',
        '  (24 s)',
        '▶ set-up: installing the npm packages with `npm ci` (node_modules is missing)…',
        '  (12 s)',
        '▶ set-up: installing VS Code (code-server 4.100.3, about 300 MB) into /cache/code-server-4.100.3, once…',
        '  (96 s)',
      ]);

      ran.length = 0;
      printed.length = 0;
      assert.equal(await setUp({ command: 'test', dir: '/p', machine }), true);
      assert.deepEqual([ran, printed], [[], []]);
    });

    it('with code-server cached, needs neither the compiler nor the Kerberos headers, and re-installs a stale node_modules', async function () {
      const { machine, ran, printed } = fakeMachine({ dpkg: ['python3', 'chromium'], nodeModules: 'stale' });
      assert.equal(await setUp({ command: 'test', dir: '/p', machine }), true);
      assert.deepEqual(ran, ['npm ci --no-audit --no-fund']);
      assert.equal(printed[0], '▶ set-up: installing the npm packages with `npm ci` (node_modules differs from package-lock.json (mocha 11.0.0 installed, 12.0.3 locked))…');
    });

    it('npm test -- --unit needs only Python and node_modules', async function () {
      const { machine, ran, printed } = fakeMachine({ dpkg: ['python3'], codeServer: false });
      assert.equal(await setUp({ command: 'test', args: ['--unit'], dir: '/p', machine }), true);
      assert.deepEqual([ran, printed], [[], []]);
    });

    it('without root, stops with one message before installing anything', async function () {
      const { machine, ran, printed } = fakeMachine({ isRoot: false, dpkg: ['python3', 'chromium'], nodeModules: 'missing', codeServer: false });
      assert.equal(await setUp({ command: 'test', dir: '/p', machine }), false);
      assert.deepEqual(ran, []);
      assert.equal(printed.length, 1);
      assert.match(printed[0], /^\n✘ set-up: `npm test` needs software .*\n {2}sudo apt-get install -y --no-install-recommends libkrb5-dev build-essential ripgrep\n/s);
    });

    it('on Fedora prints the dnf command and installs nothing', async function () {
      const { machine, ran, printed } = fakeMachine({ osRelease: FEDORA, isRoot: false, dpkg: [], codeServer: true });
      machine.hasCommand = (name) => ['sudo', 'chromium'].includes(name); // no dpkg: probes decide
      machine.pythonVersion = () => [3, 12];
      assert.equal(await setUp({ command: 'test', dir: '/p', machine }), true);
      assert.deepEqual([ran, printed], [[], []]);
      machine.hasCommand = (name) => name === 'sudo';
      assert.equal(await setUp({ command: 'test', dir: '/p', machine }), false);
      assert.deepEqual(ran, []);
      assert.match(printed.join('\n'), /\n {2}sudo dnf install -y chromium\n/);
    });

    it('on an old Node.js stops before looking at anything else', async function () {
      const { machine, ran, printed } = fakeMachine({ nodeVersion: '18.19.0', dpkg: [], nodeModules: 'missing' });
      assert.equal(await setUp({ command: 'start', dir: '/p', machine }), false);
      assert.deepEqual(ran, []);
      assert.match(printed[0], /needs Node\.js 20 or newer; this is Node\.js 18\.19\.0[^]*run `npm start` again/);
    });
  });
});
