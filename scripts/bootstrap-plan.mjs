// The decisions of the set-up that `npm test`, `npm start` and `npm run bench` run first
// (scripts/bootstrap.mjs): given what was observed on this machine, what is missing, what to run
// and what to print. No I/O here, so test/harness/bootstrap.test.mjs can try any machine.
// Loaded before the npm packages are installed, possibly by an old Node: only plain syntax, no imports.

export const NODE_MIN_MAJOR = 20;
/** code-server 4.100.3 refuses to install on any other Node major (its postinstall), and its native modules are built for it. */
export const CODE_SERVER_NODE_MAJOR = 20;
export const PYTHON_MIN = [3, 9];

/** Everything a command may need from the system, in the order messages list them. */
export const REQUIREMENTS = {
  python3: 'Python 3.9 or newer: runs the examples and exercises, and the tests run it',
  chromium: 'Chromium: the browser that shows the VS Code the integration tests drive',
  kerberos: 'the Kerberos development files: installing code-server compiles a native module against them',
  compiler: 'a C/C++ compiler and make: installing code-server compiles native modules',
  ripgrep: 'ripgrep: code-server bundles it, and its own download of it needs GitHub',
  cjkFont: 'a Chinese font: the README screenshot shows Chinese titles (only `npm run screenshot` needs it)',
};

/** Package names per package manager; `apt-ubuntu` differs only where Ubuntu names a package differently. */
const PACKAGES = {
  apt: { python3: ['python3'], chromium: ['chromium'], kerberos: ['libkrb5-dev'], compiler: ['build-essential'], ripgrep: ['ripgrep'], cjkFont: ['fonts-noto-cjk'] },
  'apt-ubuntu': { chromium: ['chromium-browser'] },
  dnf: { python3: ['python3'], chromium: ['chromium'], kerberos: ['krb5-devel'], compiler: ['gcc-c++', 'make'], ripgrep: ['ripgrep'], cjkFont: ['google-noto-sans-cjk-fonts'] },
  pacman: { python3: ['python'], chromium: ['chromium'], kerberos: ['krb5'], compiler: ['base-devel'], ripgrep: ['ripgrep'], cjkFont: ['noto-fonts-cjk'] },
  // macOS ships Kerberos; the compiler comes with Apple's command line tools, Chromium as a cask.
  brew: { python3: ['python'], ripgrep: ['ripgrep'] },
};

const majorOf = (version) => Number(String(version).replace(/^v/, '').split('.')[0]);

/** Which system this is, from `process.platform` and the text of /etc/os-release (Linux). */
export function detectSystem(platform, osRelease) {
  if (platform === 'darwin') return { family: 'macos', manager: 'brew', name: 'macOS' };
  if (platform === 'win32') return { family: 'windows', manager: undefined, name: 'Windows' };
  const fields = {};
  for (const line of String(osRelease || '').split('\n')) {
    const match = /^([A-Z_]+)=("?)(.*)\2$/.exec(line.trim());
    if (match) fields[match[1]] = match[3];
  }
  const ids = [fields.ID, ...(fields.ID_LIKE || '').split(/\s+/)].filter(Boolean);
  const name = fields.PRETTY_NAME || fields.NAME || platform;
  if (ids.includes('ubuntu')) return { family: 'ubuntu', manager: 'apt', name };
  if (ids.includes('debian')) return { family: 'debian', manager: 'apt', name };
  if (ids.some((id) => ['fedora', 'rhel', 'centos'].includes(id))) return { family: 'fedora', manager: 'dnf', name };
  if (ids.includes('arch')) return { family: 'arch', manager: 'pacman', name };
  return { family: 'other', manager: undefined, name };
}

/** The system packages that provide `requirement` on `system`, or [] when the system has no package for it. */
export function packagesFor(system, requirement) {
  if (!system.manager) return [];
  const ubuntu = system.family === 'ubuntu' ? PACKAGES['apt-ubuntu'][requirement] : undefined;
  return ubuntu || PACKAGES[system.manager][requirement] || [];
}

/**
 * What a command needs. `test` runs the unit stage (Python) and, unless `--unit`, VS Code in code-server
 * driven by Chromium; `start` opens code-server for a browser of the user's choice (no Chromium), or
 * with `--desktop` a desktop VS Code; `bench` is like a full test. Installing code-server, once, needs
 * a compiler, the Kerberos headers and ripgrep; a cached code-server needs none of them. The README
 * screenshot (`test --screenshot`) needs a Chinese font, or its titles would be empty boxes.
 */
export function requirementsOf({ command, args = [], codeServerInstalled }) {
  const codeServer = command === 'bench'
    || (command === 'test' && !args.includes('--unit'))
    || (command === 'start' && !args.includes('--desktop'));
  const needs = ['python3'];
  if (codeServer && command !== 'start') needs.push('chromium');
  if (command === 'test' && args.includes('--screenshot')) needs.push('cjkFont');
  if (codeServer && !codeServerInstalled) needs.push('kerberos', 'compiler', 'ripgrep');
  return { codeServer, needs };
}

/** A message when this Node cannot do the job, else undefined. */
export function nodeProblem({ nodeVersion, command, codeServer }) {
  const major = majorOf(nodeVersion);
  if (major < NODE_MIN_MAJOR) {
    return `Study Notes needs Node.js ${NODE_MIN_MAJOR} or newer; this is Node.js ${nodeVersion}.\n` +
      `Install Node.js ${NODE_MIN_MAJOR} (https://nodejs.org/en/download, or \`nvm install ${NODE_MIN_MAJOR}\`), then run \`${npmCommand(command)}\` again.`;
  }
  if (codeServer && major !== CODE_SERVER_NODE_MAJOR) {
    return `\`${npmCommand(command)}\` runs the extension in code-server 4.100.3 (VS Code 1.100.3), which runs only on ` +
      `Node.js ${CODE_SERVER_NODE_MAJOR}; this is Node.js ${nodeVersion}.\n` +
      `Switch to Node.js ${CODE_SERVER_NODE_MAJOR} (for example \`nvm install ${CODE_SERVER_NODE_MAJOR} && nvm use ${CODE_SERVER_NODE_MAJOR}\`) and run it again` +
      (command === 'test' ? '; `npm test -- --unit` runs the unit tests on this Node.' : '.');
  }
  return undefined;
}

/**
 * Whether `npm ci` must run first. node_modules counts as up to date when npm's own record of what it
 * installed, node_modules/.package-lock.json (written by every `npm ci`/`npm install`), lists the same
 * packages at the same versions as package-lock.json, and every direct dependency's folder is there.
 * Contents, not modification times: a checkout or a copy changes mtimes without changing what is
 * installed, and a lock file that changed in a pull is caught even when its mtime is older.
 * Optional packages for other platforms (esbuild's binaries) are in the lock file but never installed,
 * so an optional package may be absent, but if present must have the locked version.
 */
export function npmPlan({ lock, nodeModules, installedLock, missingDirect = [] }) {
  if (!lock) return { problem: 'package-lock.json is missing or unreadable, so `npm ci` cannot install the exact dependencies.' };
  if (!nodeModules) return { install: true, reason: 'node_modules is missing' };
  if (!installedLock) return { install: true, reason: 'node_modules has no record of an npm install (node_modules/.package-lock.json)' };
  const differences = lockDifferences(lock, installedLock);
  if (differences.length > 0) {
    const shown = differences.slice(0, 3).join('; ') + (differences.length > 3 ? `; and ${differences.length - 3} more` : '');
    return { install: true, reason: `node_modules differs from package-lock.json (${shown})` };
  }
  if (missingDirect.length > 0) return { install: true, reason: `node_modules lacks ${missingDirect.join(', ')}` };
  return { install: false };
}

/** How the installed packages differ from the locked ones, one phrase per package. */
export function lockDifferences(lock, installedLock) {
  const locked = lock.packages || {};
  const installed = installedLock.packages || {};
  const name = (key) => key.replace(/^(.*\/)?node_modules\//, '');
  const differences = [];
  for (const [key, entry] of Object.entries(locked)) {
    if (key === '') continue; // the project itself
    const have = installed[key];
    if (!have) {
      if (!entry.optional) differences.push(`${name(key)} ${entry.version || ''} not installed`.replace('  ', ' '));
    } else if ((have.version || have.resolved) !== (entry.version || entry.resolved)) {
      differences.push(`${name(key)} ${have.version} installed, ${entry.version} locked`);
    }
  }
  for (const key of Object.keys(installed)) {
    if (key !== '' && !locked[key]) differences.push(`${name(key)} installed but not locked`);
  }
  return differences;
}

/**
 * What to do about missing system software. `missing` lists requirement keys (see REQUIREMENTS);
 * `pythonVersion` is [major, minor] of the Python found, when one was found.
 * Returns { action: 'none' }, { action: 'install', commands, packages, log } (Debian/Ubuntu as root:
 * exactly the missing packages, after `apt-get update`), or { action: 'fail', message } with one
 * message that names what is missing and the command that installs it on this system.
 */
export function systemPlan({ system, isRoot, hasSudo = true, missing, pythonVersion, command }) {
  const again = `then run \`${npmCommand(command)}\` again.`;
  if (missing.length === 0) {
    if (pythonVersion && compareVersions(pythonVersion, PYTHON_MIN) < 0) {
      return {
        action: 'fail',
        message: `Study Notes needs Python ${PYTHON_MIN.join('.')} or newer; python3 here is ${pythonVersion.join('.')}.\n` +
          `Install a newer Python and point STUDY_NOTES_PYTHON at it (for the tests) and studyNotes.python.path at it (in VS Code), ${again}`,
      };
    }
    return { action: 'none' };
  }
  const packages = unique(missing.flatMap((requirement) => packagesFor(system, requirement)));
  if (system.manager === 'apt' && isRoot) {
    return {
      action: 'install',
      packages,
      env: { DEBIAN_FRONTEND: 'noninteractive' },
      commands: [
        ['apt-get', 'update', '-qq'],
        ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...packages],
      ],
      log: `installing the missing ${system.family === 'ubuntu' ? 'Ubuntu' : 'Debian'} packages: ${packages.join(' ')} (apt-get, as root)…`,
    };
  }
  const lines = [
    `\`${npmCommand(command)}\` needs software that this machine (${system.name}) lacks:`,
    ...missing.map((requirement) => `  - ${REQUIREMENTS[requirement]}`),
  ];
  const sudo = isRoot ? '' : hasSudo ? 'sudo ' : '';
  const asRoot = !isRoot && !hasSudo ? ' (as root)' : '';
  const install = {
    apt: () => [`${sudo}apt-get install -y --no-install-recommends ${packages.join(' ')}`],
    dnf: () => [`${sudo}dnf install -y ${packages.join(' ')}`],
    pacman: () => [`${sudo}pacman -S --needed ${packages.join(' ')}`],
    brew: () => [
      ...(packages.length > 0 ? [`brew install ${packages.join(' ')}`] : []),
      ...(missing.includes('chromium') ? ['brew install --cask chromium'] : []),
      ...(missing.includes('compiler') ? ['xcode-select --install'] : []),
    ],
  }[system.manager];
  if (install) {
    const commands = install();
    lines.push(`Install ${missing.length === 1 ? 'it' : 'them'}${asRoot} with:`, '', ...commands.map((line) => `  ${line}`), '', again);
  } else if (system.family === 'windows') {
    lines.push('The test harness and code-server need Linux or macOS: on Windows, clone the project in WSL (Ubuntu) and', `run \`${npmCommand(command)}\` there.`);
  } else {
    lines.push(`Install ${missing.length === 1 ? 'it' : 'them'} with this system's package manager, ${again}`);
  }
  if (missing.includes('chromium')) lines.push('(A Chromium installed elsewhere can be named with CHROMIUM_PATH=/path/to/chromium.)');
  return { action: 'fail', message: lines.join('\n') };
}

export function npmCommand(command) {
  return command === 'test' || command === 'start' ? `npm ${command}` : `npm run ${command}`;
}

function compareVersions(a, b) {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const difference = (a[i] || 0) - (b[i] || 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

function unique(values) {
  return [...new Set(values)];
}
