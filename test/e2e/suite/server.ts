import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openFile, ours, waitForDiagnostic } from './helpers';

const UNPINNED = 'dependencies/unpinned-base-image';

/** The language server's lifecycle as the user controls it. */
export function serverTests(): void {
  describe('language server', () => {
    it('"Twelve-Factor: Restart Server" restarts the server and the diagnostics come back', async () => {
      const doc = await openFile('service.dockerfile');
      await waitForDiagnostic(doc.uri, UNPINNED);
      const commands = await vscode.commands.getCommands(true);
      assert.ok(commands.includes('twelveFactor.restartServer'), 'twelveFactor.restartServer is not registered');

      // Stopping the client clears its diagnostics; seeing them gone and back proves the new server published them.
      let cleared = false;
      const watch = vscode.languages.onDidChangeDiagnostics(() => { if (ours(doc.uri).length === 0) cleared = true; });
      try {
        await vscode.commands.executeCommand('twelveFactor.restartServer');
        await waitForDiagnostic(doc.uri, UNPINNED, () => cleared, 'published again by the restarted server (after being cleared)');
      } finally {
        watch.dispose();
      }
    });
  });
}
