import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FACTORS } from '../../server/src/engine/types';
import { Commands } from '../../server/src/protocol';

/** Registers the extension's commands: restart the server, and open a rule's doc or a factor's page. */
export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient, output: vscode.LogOutputChannel): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(Commands.restartServer, async () => {
      output.info('Restarting the Twelve-Factor language server');
      await client.restart();
    }),
    // A rule id opens the rule's doc; a factor id opens the factor's page, which lists its rules.
    vscode.commands.registerCommand(Commands.showRuleDoc, async (ruleId: unknown) => {
      const isFactor = typeof ruleId === 'string' && (FACTORS as readonly string[]).includes(ruleId);
      if (typeof ruleId !== 'string' || (!isFactor && !/^[a-z-]+\/[a-z0-9-]+$/.test(ruleId))) {
        void vscode.window.showErrorMessage(`Twelve-Factor: no documentation for "${String(ruleId)}".`);
        return;
      }
      const doc = vscode.Uri.joinPath(context.extensionUri, 'server', 'out', 'docs', ...(isFactor ? [ruleId, 'README.md'] : `${ruleId}.md`.split('/')));
      try {
        await vscode.workspace.fs.stat(doc);
      } catch {
        void vscode.window.showErrorMessage(`Twelve-Factor: no documentation for "${ruleId}".`);
        return;
      }
      await vscode.commands.executeCommand('markdown.showPreview', doc);
    }),
  ];
}
