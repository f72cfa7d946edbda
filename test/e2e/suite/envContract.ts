import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { applyAction, codeActionsAt, describeActions, openFile, waitForDiagnostic, waitForNoDiagnostic, workspaceFile } from './helpers';

const UNDECLARED = 'config/undeclared-env-var';

/**
 * The env contract (docs/env-contract.md) in VS Code: `envcontract/docker-compose.yml` builds
 * `envcontract/app/`, whose code reads API_TOKEN (the compose file provides it) and REPORT_BUCKET
 * (nothing does). The fix declares it in the nearest `.env.example` above the code: the workspace's.
 */
export function envContractTests(): void {
  describe('Environment contract', () => {
    it('a read nothing provides is reported, and the .env.example fix declares it there and clears it', async () => {
      const doc = await openFile('envcontract', 'app', 'main.py');
      const diagnostic = await waitForDiagnostic(doc.uri, UNDECLARED);
      assert.equal(doc.getText(diagnostic.range), 'REPORT_BUCKET');
      assert.match(diagnostic.message, /docker-compose\.yml/, 'it names the deployment files it looked at');

      const actions = await codeActionsAt(doc.uri, diagnostic.range);
      const fix = actions.find((a) => a.title === 'Add REPORT_BUCKET= to .env.example');
      assert.ok(fix, `the .env.example fix is not offered; offered:\n${describeActions(actions)}`);
      await applyAction(fix);
      const example = await vscode.workspace.openTextDocument(workspaceFile('.env.example'));
      assert.match(example.getText(), /^PORT=8080\n(.*\n)*REPORT_BUCKET=\n/m, example.getText());
      await example.save();
      await waitForNoDiagnostic(doc.uri, UNDECLARED, 'after the .env.example fix');
    });

    it('Go to Definition on a provided read lands on its entry in the compose file', async () => {
      const doc = await openFile('envcontract', 'app', 'main.py');
      const at = doc.positionAt(doc.getText().indexOf('API_TOKEN"') + 2);
      const compose = workspaceFile('envcontract', 'docker-compose.yml');
      const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, at);
      const places = (found ?? []).map((l) => ('targetUri' in l ? { uri: l.targetUri, line: l.targetRange.start.line } : { uri: l.uri, line: l.range.start.line }));
      const composeText = (await vscode.workspace.openTextDocument(compose)).getText();
      const line = composeText.split('\n').findIndex((l) => l.includes('API_TOKEN:'));
      assert.deepEqual(places.map((p) => `${vscode.workspace.asRelativePath(p.uri)}:${p.line}`), [`envcontract/docker-compose.yml:${line}`]);
    });
  });
}
