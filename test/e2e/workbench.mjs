// Shared by the UI checks: a fresh code-server with the packaged VSIX, a workbench page on a copy of a
// workspace, and the steps a person takes in it (command palette, Explorer).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './browser.mjs';
import { launchCodeServer } from './launchCodeServer.mjs';
import { copyWorkspace, outDir } from './prepare.mjs';

/**
 * Installs `vsix` into a fresh code-server, opens a copy of `workspace` (named `folderName`) in headless
 * Chromium and runs `use(page, step)`. `step(what, promise)` turns a failed wait into a readable error.
 * On failure a screenshot goes next to `shot` with `-failed`. Returns a failure message, or undefined.
 */
export async function withWorkbench({ tools, vsix, workspace, folderName, viewport, shot, logName }, use) {
  mkdirSync(outDir, { recursive: true });
  const copy = copyWorkspace(workspace, folderName);
  let server;
  let browser;
  try {
    server = await launchCodeServer({ tools, vsix, saveLogAs: join(outDir, logName) });
    browser = await launchChromium();
    const page = await browser.newPage({ viewport });
    const step = async (what, promise) => {
      try { return await promise; } catch (e) { throw new Error(`${what}: ${e.message.split('\n')[0]}`); }
    };
    try {
      await page.goto(`${server.url}/?folder=${encodeURIComponent(copy.folder)}`);
      await step('the workbench did not load', page.locator('.monaco-workbench').waitFor({ timeout: 60_000 }));
      await use(page, step);
      return undefined;
    } catch (e) {
      const failShot = shot.replace(/\.png$/, '-failed.png');
      await page.screenshot({ path: failShot }).catch(() => {});
      return `${e.message} (screenshot: ${failShot})`;
    }
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
    copy.remove();
  }
}

/**
 * Runs a command from the command palette (F1), waiting for its row: Enter before the list is filtered
 * does nothing. Right after start-up the palette may not list extension commands yet, and an open
 * palette does not refresh, so it is reopened until the row shows.
 */
export async function runFromPalette(page, step, title, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  const item = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  for (;;) {
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').fill(`>${title}`);
    try {
      await item.waitFor({ timeout: 3_000 });
      break;
    } catch (e) {
      await page.keyboard.press('Escape');
      if (Date.now() > deadline) await step(`"${title}" not in the command palette`, Promise.reject(e));
    }
  }
  await item.click();
}

/** Waits for an editor tab whose label starts with `name`. */
export function editorTab(page, name) {
  return page.locator(`.tabs-container .tab[aria-label^="${name}"]`).first();
}
