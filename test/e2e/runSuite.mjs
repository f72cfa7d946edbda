// Runs an extension test entry inside code-server's remote extension host (the workbench `payload` route).
import { format } from 'node:util';
import { launchChromium } from './browser.mjs';

/** Workbench log lines that say nothing about our extension (kept in the returned lines, not echoed). */
const NOISE = /^\[(AgentHost|ChatModelSelection|AccountPolicyGate|Service Worker|reconnection-grace-time)[\]:]|^(Resolving|Resolved) connection token|^Creating a socket|^Updating additional builtin extensions cache|open-vsx\.org|getaddrinfo ENOTFOUND|^Timed out waiting for authentication provider 'github'/;

/**
 * Opens the workbench with `extensionDevelopmentPath` and `extensionTestsPath` and waits for the suite's
 * exit code. Resolves with `{ code, lines }`: `code` is the number the suite exited with, or `'timeout'`.
 *
 * @param {object} o
 * @param {{ url: string, host: string }} o.server from `launchCodeServer()`
 * @param {string} o.extensionPath absolute path of the extension folder
 * @param {string} o.testsPath absolute path of the bundled suite; must be inside `extensionPath`
 * @param {string} o.folder absolute path of the workspace folder to open
 * @param {Record<string, string>} [o.env] environment of the extension host
 * @param {number} o.timeoutMs deadline for the whole suite
 * @param {(line: string, type: string) => void} [o.onLine] receives each workbench log line (noise left out) as it arrives
 */
export async function runSuiteInCodeServer({ server, extensionPath, testsPath, folder, env, timeoutMs, onLine = () => {} }) {
  if (!testsPath.startsWith(extensionPath + '/')) {
    throw new Error(`the suite ${testsPath} must be inside the extension folder ${extensionPath}`);
  }
  // Both paths must be vscode-remote URIs: with plain paths the workbench picks the wrong (web) extension host.
  const remote = (p) => `vscode-remote://${server.host}${encodeURI(p)}`;
  const payload = [
    ['extensionDevelopmentPath', remote(extensionPath)],
    ['extensionTestsPath', remote(testsPath)],
    ['extensionEnvironment', JSON.stringify(env ?? {})],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  const url = `${server.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

  const lines = [];
  const browser = await launchChromium();
  let timer;
  try {
    const page = await browser.newPage();
    let exit;
    const exited = new Promise((resolve) => (exit = resolve));
    // The workbench calls these two hooks when it runs extension tests (the same ones @vscode/test-web uses).
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = format(...(args || []));
      lines.push(line);
      if (!NOISE.test(line) || process.env.VERBOSE) onLine(line, type);
    });
    await page.exposeFunction('codeAutomationExit', (code) => exit(code));
    if (process.env.VERBOSE) page.on('console', (m) => onLine(`[console.${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => onLine(`[pageerror] ${e.message}`));
    const crashed = new Promise((_, reject) => {
      page.on('crash', () => reject(new Error('the workbench page crashed')));
      browser.on('disconnected', () => reject(new Error('Chromium disconnected')));
    });
    const timedOut = new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), timeoutMs); });
    await page.goto(url);
    const code = await Promise.race([exited, timedOut, crashed]);
    return { code, lines };
  } finally {
    clearTimeout(timer);
    await browser.close().catch(() => {});
  }
}
