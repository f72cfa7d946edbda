import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { applyAction, codeActionsAt, describeActions, openFile, waitForDiagnostic, waitForNoDiagnostic, workspaceFile } from './helpers';

const LITERAL_SECRET = 'config/literal-secret-env';

/** The preferred quick fix of the first finding of a rule in a file. */
async function preferredFix(doc: vscode.TextDocument, ruleId: string): Promise<vscode.CodeAction> {
  const diagnostic = await waitForDiagnostic(doc.uri, ruleId);
  const actions = await codeActionsAt(doc.uri, diagnostic.range);
  const preferred = actions.filter((a) => a.isPreferred);
  assert.equal(preferred.length, 1, `expected one preferred fix for ${ruleId}, got:\n${describeActions(actions)}`);
  return preferred[0];
}

/** Quick fixes on deployment manifests, applied through the editor. */
export function manifestTests(): void {
  describe('Deployment manifests', () => {
    it('Kubernetes: a literal secret becomes valueFrom.secretKeyRef, and the diagnostic goes away', async () => {
      const doc = await openFile('manifests', 'deployment.yaml');
      const diagnostic = await waitForDiagnostic(doc.uri, LITERAL_SECRET);
      assert.equal(doc.getText(diagnostic.range), '"sk-live-example-not-real-0001"');
      assert.ok(!diagnostic.message.includes('example-not-real'), `the message must mask the secret: ${diagnostic.message}`);

      await applyAction(await preferredFix(doc, LITERAL_SECRET));
      assert.equal(
        doc.getText().split('\n').slice(12, 18).join('\n'),
        [
          '            - name: STRIPE_API_KEY',
          '              valueFrom:',
          '                secretKeyRef:',
          '                  name: orders-secrets',
          '                  key: STRIPE_API_KEY',
          '            - name: LOG_LEVEL',
        ].join('\n'),
      );
      await waitForNoDiagnostic(doc.uri, LITERAL_SECRET, 'after the quick fix');
      await doc.save();
    });

    it('compose: a literal secret becomes ${VAR}, and the same edit creates .env.example with VAR=', async () => {
      const example = workspaceFile('manifests', 'compose', '.env.example');
      await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(example)), 'the workspace starts without .env.example');
      const doc = await openFile('manifests', 'compose', 'docker-compose.yml');
      const fix = await preferredFix(doc, LITERAL_SECRET);
      await applyAction(fix);

      assert.equal(doc.getText(), 'services:\n  api:\n    build: .\n    environment:\n      DB_PASSWORD: ${DB_PASSWORD}\n      LOG_LEVEL: debug\n');
      await waitForNoDiagnostic(doc.uri, LITERAL_SECRET, 'after the quick fix');
      const created = await vscode.workspace.openTextDocument(example);
      assert.equal(created.getText(), 'DB_PASSWORD=\n');
      await doc.save();
      await created.save();
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(example)), 'DB_PASSWORD=\n');
    });
  });
}
