// The audit as a reviewer uses it: the packaged VSIX in a fresh code-server, "Twelve-Factor: Audit
// Workspace" from the command palette, the report's scorecard, and a finding opened from the report with
// the keyboard, and a variable of the Environment contract opened with a click. Saves a screenshot of the report (the README's picture comes from here).
// Usage: node test/e2e/auditUiCheck.mjs [path/to.vsix]   (run.mjs calls auditUiCheck() after `npm run package`)
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { outDir, repoRoot } from './prepare.mjs';
import { setup } from './setup.mjs';
import { editorTab, runFromPalette, withWorkbench } from './workbench.mjs';

/**
 * Runs the audit on a copy of `workspace` and checks the report panel: twelve scorecard rows, a summary,
 * and a finding that, focused and activated with Enter, opens its file with the cursor on its line.
 * Saves `shot` of the report before the click. Returns a failure message, or undefined.
 */
export async function auditUiCheck({
  tools, vsix, workspace = join(repoRoot, 'examples'), folderName = 'examples',
  shot = join(outDir, 'audit-report.png'), viewport = { width: 1280, height: 860 },
}) {
  return withWorkbench({ tools, vsix, workspace, folderName, viewport, shot, logName: 'code-server-audit.log' }, async (page, step) => {
    await step('Audit UI check: the Explorer did not list the folder', page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 }));
    await runFromPalette(page, step, 'Twelve-Factor: Audit Workspace');

    // A webview is an iframe holding the page's own iframe.
    const report = page.frameLocator('iframe.webview').first().frameLocator('iframe#active-frame');
    await step('Audit UI check: the report panel did not show its scorecard', report.locator('h2#scorecard').waitFor({ timeout: 90_000 }));
    const rows = await report.locator('table.scorecard tbody tr').count();
    if (rows !== 12) throw new Error(`Audit UI check: the scorecard has ${rows} rows, not 12`);
    const summary = (await report.locator('.summary').innerText()).trim();
    const finding = report.locator('button.location').first();
    await step('Audit UI check: the report lists no finding', finding.waitFor({ timeout: 10_000 }));
    const where = (await finding.innerText()).trim();
    console.log(`Audit report shows: ${summary} First finding: ${where}`);

    await page.mouse.move(0, viewport.height - 1); // no hover boxes in the picture
    await page.screenshot({ path: shot });
    console.log(`screenshot: ${shot}`);

    // Keyboard: focus the finding and press Enter, as a person tabbing through the report would.
    await finding.focus();
    await page.keyboard.press('Enter');
    const [, file, line] = /^(.*):(\d+):\d+$/.exec(where) ?? [];
    const name = file.split('/').at(-1);
    await step(`Audit UI check: ${where} did not open ${name}`, editorTab(page, name).waitFor({ timeout: 30_000 }));
    const cursor = page.locator('#status\\.editor\\.selection');
    await step(`Audit UI check: the cursor is not on line ${line}`, cursor.filter({ hasText: `Ln ${line},` }).waitFor({ timeout: 10_000 }));

    // The Environment contract section: an unused variable, clicked, opens its manifest at its line.
    const unused = report.locator('table.env-contract button[data-env-list="unused"]').first();
    await step('Audit UI check: the Environment contract section lists no unused variable', unused.waitFor({ timeout: 10_000 }));
    const [, envFile, envLine] = /^(.*):(\d+)$/.exec((await unused.getAttribute('title')) ?? '') ?? [];
    const variable = (await unused.innerText()).trim();
    await unused.click();
    await step(`Audit UI check: ${variable} (${envFile}:${envLine}) did not open its file`, editorTab(page, envFile.split('/').at(-1)).waitFor({ timeout: 30_000 }));
    await step(`Audit UI check: the cursor is not on line ${envLine} for ${variable}`, cursor.filter({ hasText: `Ln ${envLine},` }).waitFor({ timeout: 10_000 }));
    console.log(`Environment contract: ${variable} opened ${envFile}:${envLine}`);
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const tools = await setup({ quiet: true });
  const problem = await auditUiCheck({ tools, vsix: process.argv[2] ?? join(repoRoot, 'twelve-factor-guide.vsix') });
  if (problem) { console.error(`FAIL: ${problem}`); process.exit(1); }
  console.log('Audit UI check passed');
}
