import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { applyAction, codeActionsAt, describeActions, openFile, waitForDiagnostic, waitForNoDiagnostic, workspaceFile } from './helpers';

const PORT = 'port-binding/hardcoded-listen-port';
const CONNECTION = 'backing-services/hardcoded-connection';

/** Application code (tree-sitter): fixes in TypeScript and Python, and findings that follow typing. */
export function codeTests(): void {
  describe('Application code', () => {
    it('TypeScript: the hard-coded port fix reads PORT, and typing another listen is caught incrementally', async () => {
      const doc = await openFile('api', 'server.ts');
      const diagnostic = await waitForDiagnostic(doc.uri, PORT);
      assert.equal(doc.getText(diagnostic.range), '3000');

      const actions = await codeActionsAt(doc.uri, diagnostic.range);
      const fix = actions.find((a) => a.title === 'Read the port from PORT (default 3000)');
      assert.ok(fix, `the port fix is not offered; offered:\n${describeActions(actions)}`);
      await applyAction(fix);
      assert.match(doc.getText(), /\napp\.listen\(Number\(process\.env\.PORT \?\? 3000\)\);\n$/);
      await waitForNoDiagnostic(doc.uri, PORT, 'after the fix');

      // Type a second server a character at a time: each keystroke is an incremental change.
      const editor = vscode.window.activeTextEditor!;
      const typed = 'admin.listen(9090);\n';
      for (const ch of typed) {
        const end = doc.positionAt(doc.getText().length);
        await editor.edit((b) => b.insert(end, ch));
      }
      const typedDiagnostic = await waitForDiagnostic(doc.uri, PORT, (d) => doc.getText(d.range) === '9090', 'on the typed port');
      assert.equal(typedDiagnostic.range.start.line, doc.lineCount - 2);
      await doc.save();
    });

    it('Python: the hard-coded connection fix reads DATABASE_URL, imports os and declares it in .env.example', async () => {
      const doc = await openFile('worker', 'db.py');
      const diagnostic = await waitForDiagnostic(doc.uri, CONNECTION);
      assert.equal(doc.getText(diagnostic.range), '"postgresql://db.internal:5432/orders"');

      const actions = await codeActionsAt(doc.uri, diagnostic.range);
      const fix = actions.find((a) => a.title === 'Read DATABASE_URL from the environment');
      assert.ok(fix, `the connection fix is not offered; offered:\n${describeActions(actions)}`);
      await applyAction(fix);
      assert.equal(doc.getText(), 'import os\nimport sqlalchemy\n\nengine = sqlalchemy.create_engine(os.environ["DATABASE_URL"])\n');
      await waitForNoDiagnostic(doc.uri, CONNECTION, 'after the fix');
      const example = await vscode.workspace.openTextDocument(workspaceFile('.env.example'));
      assert.match(example.getText(), /\nDATABASE_URL=\n$/);
      await doc.save();
      await example.save();
    });
  });
}
