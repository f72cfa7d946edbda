import { fork, spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-languageserver/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver/node';

/** The built server bundle the tests start. */
export const SERVER_BUNDLE = path.resolve(__dirname, '../../server/out/server.js');

/**
 * A minimal LSP client for tests: starts the built server over stdio or IPC, answers
 * `workspace/configuration` from `settings`, and lets tests await diagnostics with a deadline.
 */
export class TestLspClient {
  readonly connection: MessageConnection;
  private readonly diagnostics = new Map<string, Diagnostic[]>();
  private readonly versions = new Map<string, number | undefined>();
  private readonly waiters: { uri: string; predicate: (d: Diagnostic[], version?: number) => boolean; resolve: (d: Diagnostic[]) => void; reject: (e: Error) => void }[] = [];
  /** The `twelveFactor` section returned to the server's configuration requests. */
  settings: Record<string, unknown> = {};
  /** Other sections returned to configuration requests (a peer server's own settings, for the benchmark). */
  sections: Record<string, unknown> = {};
  /** How many configuration requests the server made. */
  configurationRequests = 0;
  /** Messages the server showed to the user (window/showMessage and window/showMessageRequest). */
  readonly shownMessages: string[] = [];
  /** Lines the server logged (window/logMessage). */
  readonly logs: string[] = [];

  private constructor(private readonly child: ChildProcess, connection: MessageConnection) {
    this.connection = connection;
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.diagnostics.set(params.uri, params.diagnostics);
      this.versions.set(params.uri, params.version);
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === params.uri && waiter.predicate(params.diagnostics, params.version)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params.diagnostics);
        }
      }
    });
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => {
      this.configurationRequests++;
      return params.items.map((item) => (item.section === 'twelveFactor' ? this.settings : (this.sections[item.section ?? ''] ?? null)));
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/showMessageRequest', (p: { message: string }) => {
      this.shownMessages.push(p.message);
      return null;
    });
    connection.onNotification('window/showMessage', (p: { message: string }) => {
      this.shownMessages.push(p.message);
    });
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
    });
    child.once('exit', (code) => {
      for (const waiter of this.waiters.splice(0)) waiter.reject(new Error(`The server exited (code ${code}) while waiting for diagnostics on ${waiter.uri}`));
    });
    connection.listen();
  }

  /** Starts the server with `--stdio` or `--node-ipc`, with the given environment. */
  static start(transport: 'stdio' | 'ipc', env: NodeJS.ProcessEnv = process.env): TestLspClient {
    if (transport === 'stdio') {
      const child = spawn(process.execPath, [SERVER_BUNDLE, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env });
      return new TestLspClient(child, createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!)));
    }
    const child = fork(SERVER_BUNDLE, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], env });
    return new TestLspClient(child, createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child)));
  }

  /** Starts any language server that speaks LSP over stdio (the benchmark's peers), from a Node script, with Node's own options (`--cpu-prof`). */
  static startScript(script: string, args: string[], env: NodeJS.ProcessEnv = process.env, nodeOptions: string[] = []): TestLspClient {
    const child = spawn(process.execPath, [...nodeOptions, script, ...args], { stdio: ['pipe', 'pipe', 'ignore'], env });
    return new TestLspClient(child, createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!)));
  }

  /** Sends initialize/initialized for one workspace folder. */
  async initialize(folder: string): Promise<unknown> {
    const uri = pathToFileURL(folder).href;
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: [{ uri, name: path.basename(folder) }],
      capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: {} } },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Opens a document. */
  open(uri: string, languageId: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Closes a document. */
  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Tells the server a document was saved. */
  save(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
  }

  /** Replaces a document's whole text. */
  change(uri: string, text: string, version: number): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** Applies incremental changes (LSP ranges in the text as each previous change left it). */
  changeRanges(uri: string, changes: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }[], version: number): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  /** Resolves with the first diagnostics published for `uri` (now or later) that satisfy `predicate`, which also sees the document version they are for. */
  waitForDiagnostics(uri: string, predicate: (d: Diagnostic[], version?: number) => boolean, timeoutMs = 10000): Promise<Diagnostic[]> {
    const current = this.diagnostics.get(uri);
    if (current && predicate(current, this.versions.get(uri))) return Promise.resolve(current);
    return this.waitForNextDiagnostics(uri, predicate, timeoutMs);
  }

  /** Like {@link waitForDiagnostics}, but only diagnostics published from now on count (for servers that publish no version). */
  waitForNextDiagnostics(uri: string, predicate: (d: Diagnostic[], version?: number) => boolean = () => true, timeoutMs = 10000): Promise<Diagnostic[]> {
    return new Promise((resolve, reject) => {
      const waiter = { uri, predicate, resolve: (d: Diagnostic[]) => { clearTimeout(timer); resolve(d); }, reject: (e: Error) => { clearTimeout(timer); reject(e); } };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for diagnostics on ${uri}; last: ${JSON.stringify(this.diagnostics.get(uri)?.map((d) => d.code))}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Shuts the server down and waits for the process to exit. */
  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.child.exitCode !== null) resolve();
      else this.child.once('exit', () => resolve());
    });
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      this.child.kill();
    }
    const timer = setTimeout(() => this.child.kill(), 3000);
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}
