import * as vscode from 'vscode';
import { createLanguageClient } from './languageClient';
import { registerAuditCommands } from './auditCommands';
import { registerCommands } from './commands';
import { ServerStatusItem } from './statusBar';

let stopClient: (() => Promise<void>) | undefined;

/** Starts the language server and contributes the commands and the status bar item. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Twelve-Factor Guide', { log: true });
  const client = createLanguageClient(context, output);
  const status = new ServerStatusItem(client);
  context.subscriptions.push(output, status, ...registerCommands(context, client, output), ...registerAuditCommands(client));
  stopClient = () => client.stop();
  await client.start();
}

/** Stops the language server. */
export async function deactivate(): Promise<void> {
  await stopClient?.();
}
