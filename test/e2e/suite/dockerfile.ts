import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { applyAction, codeActionsAt, describeActions, EXTENSION_ID, openFile, ours, SOURCE, waitFor, waitForDiagnostic, waitForNoDiagnostic } from './helpers';

const UNPINNED = 'dependencies/unpinned-base-image';
const EXEC_FORM = 'disposability/exec-form-entrypoint';

/** Activation, diagnostics and code actions on Dockerfiles. */
export function dockerfileTests(): void {
  describe('Dockerfile', () => {
    it('opening a Dockerfile activates the extension and shows its diagnostics', async () => {
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
      // The workspace has no .twelve-factor.yaml, so nothing but opening the Dockerfile can activate it.
      assert.equal(extension.isActive, false, 'the extension was active before any Dockerfile was opened');

      const doc = await openFile('service.dockerfile');
      assert.equal(doc.languageId, 'dockerfile');
      await waitFor(`activation of ${EXTENSION_ID}`, () => extension.isActive, { timeoutMs: 30_000 });

      const diagnostic = await waitForDiagnostic(doc.uri, UNPINNED);
      assert.equal(diagnostic.source, SOURCE);
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
      assert.equal(doc.getText(diagnostic.range), 'node');
      assert.match(diagnostic.message, /Base image "node" has no tag/);
      const code = diagnostic.code;
      assert.ok(typeof code === 'object' && code.target, `diagnostic.code has no codeDescription target: ${JSON.stringify(code)}`);
      assert.equal(code.value, UNPINNED);
      assert.equal(code.target.scheme, 'file');
      assert.match(code.target.path, /\/server\/out\/docs\/dependencies\/unpinned-base-image\.md$/);
      await vscode.workspace.fs.stat(code.target); // the linked doc exists
    });

    it('the preferred quick fix rewrites CMD to exec form and the diagnostic goes away', async () => {
      const doc = await openFile('fix.dockerfile');
      const diagnostic = await waitForDiagnostic(doc.uri, EXEC_FORM);
      assert.equal(diagnostic.range.start.line, 1);

      const actions = await codeActionsAt(doc.uri, diagnostic.range);
      // executeCodeActionProvider drops `diagnostics` from its results; the range holds only this finding.
      const preferred = actions.filter((a) => a.isPreferred);
      assert.equal(preferred.length, 1, `expected one preferred fix for ${EXEC_FORM}, got:\n${describeActions(actions)}`);
      assert.ok(preferred[0].kind && vscode.CodeActionKind.QuickFix.contains(preferred[0].kind), `kind is ${preferred[0].kind?.value}`);

      await applyAction(preferred[0]);
      assert.equal(doc.getText(), 'FROM node:20-alpine\nCMD ["node", "server.js"]\n');
      await waitForNoDiagnostic(doc.uri, EXEC_FORM, 'after the quick fix');
      await doc.save();
    });

    it('"Disable … for this line" inserts the comment and the diagnostic goes away', async () => {
      const doc = await openFile('disable.dockerfile');
      const diagnostic = await waitForDiagnostic(doc.uri, UNPINNED);

      const actions = await codeActionsAt(doc.uri, diagnostic.range);
      const titles = actions.map((a) => a.title);
      for (const title of [`Disable ${UNPINNED} for this file`, `Show documentation for ${UNPINNED}`]) {
        assert.ok(titles.includes(title), `"${title}" is not offered; offered:\n${describeActions(actions)}`);
      }
      const disable = actions.find((a) => a.title === `Disable ${UNPINNED} for this line`);
      assert.ok(disable, `"Disable ${UNPINNED} for this line" is not offered; offered:\n${describeActions(actions)}`);

      await applyAction(disable);
      assert.equal(doc.getText(),
        `# twelve-factor-disable-next-line ${UNPINNED} -- TODO: say why this is acceptable\nFROM node\nCMD ["node", "server.js"]\n`);
      await waitForNoDiagnostic(doc.uri, UNPINNED, 'after the disable comment');
      assert.deepEqual(ours(doc.uri, UNPINNED), []);
      await doc.save();
    });

    it('hovering a finding shows the rule rationale and a link to its doc', async () => {
      const doc = await openFile('service.dockerfile');
      const diagnostic = await waitForDiagnostic(doc.uri, UNPINNED);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, diagnostic.range.start.translate(0, 1));
      const text = (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      assert.match(text, /\*\*dependencies\/unpinned-base-image\*\*/, `hover text: ${text}`);
      assert.match(text, /\[Rule documentation\]\(file:.*unpinned-base-image\.md\)/);
    });

    it('"Show documentation" opens the rule doc in a Markdown preview', async () => {
      await vscode.commands.executeCommand('twelveFactor.showRuleDoc', UNPINNED);
      const tab = await waitFor('a preview tab of the rule doc', () =>
        vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => /unpinned-base-image\.md/.test(t.label)),
      );
      assert.match(tab.label, /Preview/);
    });

    it('gives Procfile and .env files the procfile and dotenv languages', async () => {
      const procfile = await openFile('Procfile');
      assert.equal(procfile.languageId, 'procfile');
      const env = await openFile('.env.example');
      assert.equal(env.languageId, 'dotenv');
    });
  });
}
