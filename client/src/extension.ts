import * as vscode from 'vscode';
import { createLanguageClient } from './languageClient';
import { registerAuditCommands } from './auditCommands';
import { registerCommands } from './commands';
import { ServerStatusItem } from './statusBar';

let stopClient: (() => Promise<void>) | undefined;

/** What `activate` returns to other extensions and to the e2e suite. */
export interface TwelveFactorApi {
  /** The process id of the running language server, if one runs (the e2e suite kills it to test the restart). */
  serverPid(): number | undefined;
}

/**
 * Starts the language server and contributes the commands and the status bar item. A crashed server is
 * restarted by the language client's default error handler (up to 4 times in 3 minutes).
 */
export async function activate(context: vscode.ExtensionContext): Promise<TwelveFactorApi> {
  const output = vscode.window.createOutputChannel('Twelve-Factor Guide', { log: true });
  const client = createLanguageClient(context, output);
  const status = new ServerStatusItem(client);
  context.subscriptions.push(output, status, ...registerCommands(context, client, output), ...registerAuditCommands(client));
  stopClient = () => client.stop();
  await client.start();
  return { serverPid: () => client.serverProcess?.pid };
}

/** Stops the language server. */
export async function deactivate(): Promise<void> {
  await stopClient?.();
}
