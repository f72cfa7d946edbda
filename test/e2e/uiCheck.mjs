// The UI check, as a person would see it: the packaged VSIX installed into a fresh code-server, a file
// opened from the Explorer, the Problems panel opened from the command palette.
// Usage: node test/e2e/uiCheck.mjs [path/to.vsix]   (run.mjs calls uiCheck() after `npm run package`)
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { outDir, repoRoot } from './prepare.mjs';
import { setup } from './setup.mjs';
import { editorTab, runFromPalette, withWorkbench } from './workbench.mjs';

/** What the Problems panel must show for the test workspace's Dockerfile. */
export const EXPECTED = ['Base image "node" has no tag', 'dependencies/unpinned-base-image'];

/**
 * Installs `vsix` into a fresh code-server, opens `file` (a relative path) of a copy of `workspace` from the Explorer, runs
 * "View: Focus Problems" and waits until one Problems row shows every string of `expect`. Saves `shot`.
 * Returns a failure message, or undefined.
 */
export async function uiCheck({
  tools, vsix, workspace = join(repoRoot, 'test', 'e2e', 'workspace'), folderName = 'workspace', file = 'service.dockerfile',
  expect = EXPECTED, shot = join(outDir, 'problems.png'), viewport = { width: 1400, height: 900 },
}) {
  return withWorkbench({ tools, vsix, workspace, folderName, viewport, shot, logName: 'code-server-ui.log' }, async (page, step) => {
    // `file` may be a path: expand each folder on the way, then open the file, as a person would.
    const segments = file.split('/');
    const explorerRow = (name) => page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${name}"], .explorer-folders-view .monaco-list-row[aria-label^="${name} "]`).first();
    for (const [i, name] of segments.entries()) {
      const row = explorerRow(name);
      await step(`UI check: "${segments.slice(0, i + 1).join('/')}" did not appear in the Explorer`, row.waitFor({ timeout: 60_000 }));
      if (i < segments.length - 1) {
        if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
      } else {
        await row.dblclick();
      }
    }
    await step(`UI check: no editor tab for "${file}" opened`, editorTab(page, segments.at(-1)).waitFor({ timeout: 30_000 }));

    await runFromPalette(page, step, 'View: Focus Problems');
    let marker = page.locator('.markers-panel .monaco-list-row');
    for (const text of expect) marker = marker.filter({ hasText: text });
    await step(`UI check: no Problems row shows ${expect.map((t) => JSON.stringify(t)).join(' and ')}`, marker.first().waitFor({ timeout: 60_000 }));
    console.log(`Problems panel shows: ${(await marker.first().innerText()).replace(/\s+/g, ' ')}`);
    // The squiggle is drawn a moment after the marker: wait for it so the screenshot shows it.
    await page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error, .monaco-editor .squiggly-info').first()
      .waitFor({ timeout: 10_000 }).catch(() => {});
    await page.mouse.move(0, viewport.height - 1); // no hover boxes in the picture
    await page.screenshot({ path: shot });
    console.log(`screenshot: ${shot}`);
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const tools = await setup({ quiet: true });
  const problem = await uiCheck({ tools, vsix: process.argv[2] ?? join(repoRoot, 'twelve-factor-guide.vsix') });
  if (problem) { console.error(`FAIL: ${problem}`); process.exit(1); }
  console.log('UI check passed');
}
