import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { Commands } from '../../server/src/protocol';

const LABELS: Record<State, { text: string; tooltip: string }> = {
  [State.Starting]: { text: '$(sync~spin) 12F', tooltip: 'Twelve-Factor Guide: starting the language server' },
  [State.Running]: { text: '$(check) 12F', tooltip: 'Twelve-Factor Guide: running. Click to restart the server.' },
  [State.Stopped]: { text: '$(error) 12F', tooltip: 'Twelve-Factor Guide: the language server is stopped. Click to restart it.' },
  [State.StartFailed]: { text: '$(error) 12F', tooltip: 'Twelve-Factor Guide: the language server failed to start (see the output channel). Click to retry.' },
};

/** A status bar item that shows the language server's state and restarts it on click. */
export class ServerStatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('twelveFactor.status', vscode.StatusBarAlignment.Right, 100);
  private readonly subscription: vscode.Disposable;

  constructor(client: LanguageClient) {
    this.item.name = 'Twelve-Factor Guide';
    this.item.command = Commands.restartServer;
    this.show(client.state);
    this.subscription = client.onDidChangeState((e) => this.show(e.newState));
    this.item.show();
  }

  private show(state: State): void {
    const label = LABELS[state];
    this.item.text = label.text;
    this.item.tooltip = label.tooltip;
    this.item.backgroundColor = state === State.Stopped || state === State.StartFailed ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
