import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TwelveFactorApi } from '../../../client/src/extension';
import { EXTENSION_ID, openFile, ours, waitFor, waitForDiagnostic, describeDiagnostics } from './helpers';

const UNPINNED = 'dependencies/unpinned-base-image';
/** A restarted server starts and indexes the workspace again: give it more than one ordinary wait. */
const RESTART_MS = 60_000;

/** The extension's API (its `activate` result), with the running server's pid. */
function api(): TwelveFactorApi {
  const extension = vscode.extensions.getExtension<TwelveFactorApi>(EXTENSION_ID);
  assert.ok(extension?.isActive, `${EXTENSION_ID} is not active`);
  return extension.exports;
}

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

    it('a server killed with SIGKILL is restarted by the client and the open document gets its diagnostics again', async () => {
      const doc = await openFile('service.dockerfile');
      await waitForDiagnostic(doc.uri, UNPINNED);
      const killed = api().serverPid();
      assert.ok(killed !== undefined, 'the extension knows no server pid');

      // The client disposes the crashed server's diagnostics before it restarts: gone, a new pid, then back.
      let cleared = false;
      const watch = vscode.languages.onDidChangeDiagnostics(() => { if (ours(doc.uri).length === 0) cleared = true; });
      try {
        process.kill(killed, 'SIGKILL');
        const restarted = await waitFor(`a new server process after killing ${killed}`, () => {
          const pid = api().serverPid();
          return pid !== undefined && pid !== killed && pid;
        }, { timeoutMs: RESTART_MS });
        await waitFor(`a ${UNPINNED} diagnostic in service.dockerfile published by the restarted server ${restarted} (after being cleared)`,
          () => cleared && ours(doc.uri, UNPINNED).length > 0, { timeoutMs: RESTART_MS, detail: () => `current diagnostics:\n${describeDiagnostics(doc.uri)}` });
      } finally {
        watch.dispose();
      }
    });
  });
}
