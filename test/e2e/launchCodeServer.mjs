// Starts a fresh, isolated code-server (VS Code's server and workbench, remote Node extension host).
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';

/** User settings that keep a fresh profile quiet and offline. */
const USER_SETTINGS = {
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'git.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden', // the empty chat side bar
  'chat.commandCenter.enabled': false,
};

/**
 * Runs beside the server and kills its process group when the launching process is gone without having
 * stopped it (SIGKILL, a crash, a signal handler that never ran). Exits by itself once the group is gone.
 */
const WATCHDOG = `
const [parent, group, stateDir, keep] = process.argv.slice(1);
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch { return false; } };
setInterval(() => {
  if (!alive(-group)) process.exit(0);
  if (alive(+parent)) return;
  try { process.kill(-group, 'SIGKILL'); } catch {}
  if (keep !== '1') setTimeout(() => { require('fs').rmSync(stateDir, { recursive: true, force: true, maxRetries: 3 }); process.exit(0); }, 500);
}, 1000);`;

const live = new Set();
let handlersInstalled = false;

/** Stops every server this process started when it is interrupted or exits early. */
function installExitHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.prependOnceListener(signal, () => {
      console.error(`\n${signal}: stopping code-server`);
      for (const server of live) server.killNow();
      process.exit(130);
    });
  }
  // Last resort (uncaught error, process.exit): synchronous kill, no waiting.
  process.on('exit', () => { for (const server of live) server.killNow(); });
}

/** A free TCP port on 127.0.0.1 (asked from the OS, then released). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function runToEnd(cmd, args, { env, logFile, timeoutMs, what }) {
  return new Promise((resolve, reject) => {
    const fd = openSync(logFile, 'a');
    const child = spawn(cmd, args, { env, stdio: ['ignore', fd, fd] });
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`${what} timed out after ${timeoutMs} ms (log: ${logFile})`)); }, timeoutMs);
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('exit', (code) => {
      clearTimeout(timer);
      closeSync(fd);
      if (code === 0) resolve();
      else reject(new Error(`${what} failed with exit ${code}:\n${readFileSync(logFile, 'utf8').slice(-2000)}`));
    });
  });
}

/**
 * Starts code-server on 127.0.0.1 with a fresh user-data dir, extensions dir and XDG dirs under a temp
 * state folder, and waits for `/healthz`.
 *
 * @param {object} o
 * @param {{ node: string, codeServer: string }} o.tools paths from `setup()`
 * @param {string} [o.vsix] a packaged extension to install first
 * @param {number} [o.healthTimeoutMs] deadline for `/healthz`
 * @param {string} [o.saveLogAs] copy the server log here on stop (the state folder is deleted)
 * @param {boolean} [o.keepState] keep the state folder after stop (for debugging; also env TWELVE_FACTOR_E2E_KEEP=1)
 * @returns {Promise<{ url: string, host: string, port: number, pid: number, stateDir: string, logFile: string, stop: () => Promise<void> }>}
 */
export async function launchCodeServer({ tools, vsix, saveLogAs, healthTimeoutMs = 60_000, keepState = process.env.TWELVE_FACTOR_E2E_KEEP === '1' }) {
  installExitHandlers();
  const stateDir = mkdtempSync(join(tmpdir(), 'twelve-factor-e2e-'));
  for (const d of ['user-data/User', 'extensions', 'xdg-config', 'xdg-data', 'xdg-cache']) mkdirSync(join(stateDir, d), { recursive: true });
  writeFileSync(join(stateDir, 'user-data/User/settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  writeFileSync(join(stateDir, 'config.yaml'), `bind-addr: ${host}\nauth: none\ncert: false\n`);
  // XDG_* into the state folder so that nothing is written to HOME; Node 24 first in PATH for child processes.
  const env = {
    ...process.env,
    PATH: dirname(tools.node) + delimiter + process.env.PATH,
    XDG_CONFIG_HOME: join(stateDir, 'xdg-config'),
    XDG_DATA_HOME: join(stateDir, 'xdg-data'),
    XDG_CACHE_HOME: join(stateDir, 'xdg-cache'),
  };
  delete env.VSCODE_IPC_HOOK_CLI; // when run from a VS Code terminal, code-server would talk to that instance instead
  const common = ['--config', join(stateDir, 'config.yaml'), '--user-data-dir', join(stateDir, 'user-data'), '--extensions-dir', join(stateDir, 'extensions')];
  const cleanup = () => { if (!keepState) rmSync(stateDir, { recursive: true, force: true }); };

  if (vsix) {
    try {
      await runToEnd(tools.node, [tools.codeServer, ...common, '--install-extension', vsix],
        { env, logFile: join(stateDir, 'install-ext.log'), timeoutMs: 120_000, what: `installing ${vsix}` });
    } catch (e) { cleanup(); throw e; }
  }

  const logFile = join(stateDir, 'server.log');
  const fd = openSync(logFile, 'a');
  // `enable-smoke-test-driver`: without it the built workbench silently ignores the test payload.
  // `--reconnection-grace-time 5`: otherwise extension hosts outlive the browser for hours.
  // detached: the server leads its own process group, so stop() can end its children with it.
  const child = spawn(tools.node, [tools.codeServer, ...common, '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened',
    '--reconnection-grace-time', '5', '--vscode-option', 'enable-smoke-test-driver'],
  { env, stdio: ['ignore', fd, fd], detached: true });
  closeSync(fd);
  spawn(process.execPath, ['-e', WATCHDOG, String(process.pid), String(child.pid), stateDir, keepState ? '1' : '0'],
    { detached: true, stdio: 'ignore' }).unref();
  let exited = false;
  const exitPromise = new Promise((resolve) => child.on('exit', (code, signal) => { exited = true; resolve({ code, signal }); }));

  const server = {
    /** Synchronous, for signal and exit handlers: kill the whole group and drop the state folder. */
    killNow() {
      if (!exited) {
        try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
      }
      if (!keepState) rmSync(stateDir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
  live.add(server);

  let stopped;
  const stop = () => (stopped ??= (async () => {
    if (!exited) {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
      const killed = await Promise.race([exitPromise.then(() => true), new Promise((r) => setTimeout(() => r(false), 5000))]);
      if (!killed) { server.killNow(); await exitPromise; }
      // The extension host and the language server are in the same group; make sure none survives.
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* group is empty */ }
    }
    live.delete(server);
    if (saveLogAs) {
      try { mkdirSync(dirname(saveLogAs), { recursive: true }); copyFileSync(logFile, saveLogAs); } catch { /* no log written */ }
    }
    cleanup();
  })());

  const deadline = Date.now() + healthTimeoutMs;
  for (;;) {
    if (exited) {
      const tail = readFileSync(logFile, 'utf8').slice(-2000);
      await stop();
      throw new Error(`code-server exited before it was healthy:\n${tail}`);
    }
    try {
      const res = await fetch(`http://${host}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      const tail = readFileSync(logFile, 'utf8').slice(-2000);
      await stop();
      throw new Error(`code-server did not answer /healthz on ${host} within ${healthTimeoutMs} ms:\n${tail}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url: `http://${host}`, host, port, pid: child.pid, stateDir, logFile, stop };
}
