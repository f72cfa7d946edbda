import * as path from 'node:path';
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  FileChangeType,
  MarkupKind,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AUDIT_REQUEST, EXPORT_REQUEST, FIX_ALL_KIND, type AuditParams, type ExportParams, type TwelveFactorSettingsSection } from './protocol';
import { AuditDiagnostics } from './lsp/auditDiagnostics';
import { AuditHandler } from './lsp/auditHandler';
import { codeActions } from './lsp/codeActions';
import { ConfigFileDiagnostics } from './lsp/configFileDiagnostics';
import { Baselines, markAccepted } from './lsp/baselines';
import { DocumentLinter, workspaceFiles, type DocumentResult } from './lsp/documentLinter';
import { toDiagnostic } from './lsp/diagnostics';
import { hoverAt } from './lsp/hover';
import { envDefinition, envHover, envReferences } from './lsp/envNavigation';
import { changeReportingDocuments } from './lsp/incrementalTrees';
import { SettingsCache, type DocumentSettings } from './lsp/settingsCache';
import { WorkspaceIndexer } from './lsp/workspaceIndexer';
import { pathToUri, uriToPath, WorkspaceFolders } from './lsp/workspaceFolders';
import { prepareCodeParsing } from './parsing/code/treeSitter';
import { detectKind } from './parsing/fileKind';
import { markWarm } from './startup/codeCache';
import './startup/oneWriteMessages';

// createConnection picks the transport from the command line: --stdio, --node-ipc or --socket=.
const connection = createConnection(ProposedFeatures.all);
// Incremental changes reach the model cache one by one, so that code reparses on its old tree.
const documents = new TextDocuments(
  changeReportingDocuments((document, change) => {
    const filePath = uriToPath(document.uri);
    if (filePath) linter.documentChanged(filePath, change);
  }),
);
const docsDir = path.join(__dirname, 'docs');
const log = (message: string) => connection.console.log(message);

const files = workspaceFiles((filePath) => documents.get(pathToUri(filePath))?.getText());
// Team configuration comes from disk, as CI reads it; a save triggers the file watcher and a re-lint.
const folders = new WorkspaceFolders(workspaceFiles(() => undefined));
const disk = workspaceFiles(() => undefined);
// The indexer speaks only when it stops at its file limit: the user should know cross-file checks are partial.
// The index starts once the documents opened with the workspace are linted; a worker thread walks and
// parses, and its facts are merged only while no open document waits to be linted.
const indexer = new WorkspaceIndexer(
  disk,
  (filePath) => documents.get(pathToUri(filePath)) !== undefined,
  () => revalidateAll(),
  (message) => {
    log(message);
    void connection.window.showInformationMessage(`Twelve-Factor Guide: ${message}`);
  },
  {
    log,
    busy: () => pending.size > 0 || linting > 0,
    startDelayMs: 100,
    workerScript: path.join(__dirname, 'indexWorker.js'),
    openPaths: () => documents.all().flatMap((d) => uriToPath(d.uri) ?? []),
  },
);
// Accepted findings (.twelve-factor-baseline.json) show as hints, matched as the CLI matches them.
const baselines = new Baselines(disk.readText, (message) => {
  log(message);
  void connection.window.showWarningMessage(`Twelve-Factor Guide: ${message}`);
});
const linter = new DocumentLinter(folders, files, log, indexer.index, (uri) => revalidateOthers(uri));
const configDiagnostics = new ConfigFileDiagnostics(folders, files, (uri) => documents.get(uri) !== undefined, (uri, diagnostics) =>
  connection.sendDiagnostics({ uri, diagnostics }),
);
let canPullConfiguration = false;
let canFollowFolders = false;
const settings = new SettingsCache(
  async (uri) =>
    canPullConfiguration ? ((await connection.workspace.getConfiguration({ scopeUri: uri, section: 'twelveFactor' })) as TwelveFactorSettingsSection) : {},
  (message) => {
    connection.console.warn(message);
    void connection.window.showWarningMessage(`Twelve-Factor Guide: ${message}`);
  },
);

const auditDiagnostics = new AuditDiagnostics({
  isOpen: (uri) => documents.get(uri) !== undefined,
  publish: (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }),
  lintFromDisk: lintClosedFile,
  docsDir,
});
const audits = new AuditHandler({
  folders,
  settings,
  openTexts: () => new Map(documents.all().flatMap((d) => (uriToPath(d.uri) ? [[uriToPath(d.uri)!, d.getText()] as [string, string]] : []))),
  diagnostics: auditDiagnostics,
  baselines,
  log,
  bundleDir: __dirname,
});

/**
 * How long to wait after a keystroke before linting: no wait while linting is fast (a burst of
 * changes already read from the pipe is coalesced by running on the next turn of the event loop),
 * and a wait as long as the last lint once a file is slow to lint, so that typing never queues work.
 */
const MAX_DEBOUNCE_MS = 250;
const FAST_LINT_MS = 30;
const lastLintMs = new Map<string, number>();
// A fixed wait instead, for benchmarks that time the lint itself (0) or for slow machines.
const FIXED_DEBOUNCE_MS = process.env.TWELVE_FACTOR_DEBOUNCE_MS === undefined ? undefined : Number(process.env.TWELVE_FACTOR_DEBOUNCE_MS);
const debounceFor = (uri: string) => {
  if (FIXED_DEBOUNCE_MS !== undefined && Number.isFinite(FIXED_DEBOUNCE_MS)) return FIXED_DEBOUNCE_MS;
  const last = lastLintMs.get(uri) ?? 0;
  return last < FAST_LINT_MS ? 0 : Math.min(MAX_DEBOUNCE_MS, last);
};
/** The scheduled lint of each document, by URI, as the function that cancels it. */
const pending = new Map<string, () => void>();
/** How many lints have started and not yet published (they await settings first). */
let linting = 0;

/**
 * The tree-sitter runtime, started once by the first code file to lint (or the first audit); grammars
 * then load on first use. It takes a third of a start-up, which a Dockerfile's or a manifest's first
 * diagnostics do not wait for.
 */
let codeParsing: Promise<void> | undefined;
const codeParsingStarted = () =>
  (codeParsing ??= prepareCodeParsing().catch((error: unknown) => log(`Code files cannot be parsed: ${error instanceof Error ? error.stack : String(error)}`)));

connection.onInitialize((params): InitializeResult => {
  canPullConfiguration = params.capabilities.workspace?.configuration === true;
  canFollowFolders = params.capabilities.workspace?.workspaceFolders === true;
  const folderUris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  folders.setFolders(folderUris);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND] },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'twelve-factor-guide' },
  };
});

connection.onInitialized(() => {
  if (canPullConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'twelveFactor' });
  // Clients without workspace folders (some editors, single-file sessions) cannot send folder changes;
  // asking for them would throw and stop the rest of start-up.
  if (canFollowFolders) {
    connection.workspace.onDidChangeWorkspaceFolders(async () => {
      folders.setFolders((await connection.workspace.getWorkspaceFolders())?.map((f) => f.uri) ?? []);
      revalidateAll();
      void indexer.indexFolders(folders.all());
    });
  }
  configDiagnostics.publishAll();
  void indexer.indexFolders(folders.all());
});

/** Lints one open document now and publishes its diagnostics. */
async function validate(document: TextDocument): Promise<void> {
  const filePath = uriToPath(document.uri);
  if (!filePath) return;
  const documentSettings = await settings.get(document.uri);
  if (detectKind(filePath, document.getText())?.kind === 'code') await codeParsingStarted();
  const current = documents.get(document.uri);
  if (!current || current.version !== document.version) return; // a newer version is on its way
  if (!documentSettings.enable) {
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    return;
  }
  const started = Date.now();
  const result = linter.lint(document, filePath, documentSettings);
  const diagnostics = withBaseline(filePath, result, documentSettings);
  void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  // The first diagnostics of this kind of file are out: the code cache can take the functions that lint compiled.
  const kind = result.output.kind;
  if (kind) markWarm(kind.language ?? kind.kind);
  const elapsed = Date.now() - started;
  lastLintMs.set(document.uri, elapsed);
  if (elapsed > 500) log(`Linting ${filePath} took ${elapsed} ms`);
}

/** Lints a closed file from disk with its folder's settings, as live linting would if it were open. */
async function lintClosedFile(filePath: string): Promise<Diagnostic[] | undefined> {
  await codeParsingStarted();
  const text = disk.readText(filePath);
  if (text === undefined) return undefined;
  const folderSettings = await settings.get(pathToUri(folders.rootFor(filePath)));
  if (!folderSettings.enable) return [];
  const uri = pathToUri(filePath);
  const result = linter.lint(TextDocument.create(uri, '', 0, text), filePath, folderSettings);
  linter.forget(uri, filePath);
  return withBaseline(filePath, result, folderSettings);
}

/** A lint result's diagnostics, with the findings its root's baseline accepts shown as the settings ask. */
function withBaseline(filePath: string, result: DocumentResult, documentSettings: DocumentSettings): Diagnostic[] {
  const diagnostics = result.output.findings.map((f) => toDiagnostic(f, result.file, result.output, docsDir, files));
  const states = baselines.states(folders.rootFor(filePath), filePath, result.file.text, result.output.findings);
  return markAccepted(diagnostics, states, documentSettings.baselineFindings);
}

function schedule(document: TextDocument, delay = debounceFor(document.uri)): void {
  pending.get(document.uri)?.();
  const run = () => {
    pending.delete(document.uri);
    linting++;
    validate(document)
      .catch((error) => log(`Validation of ${document.uri} failed: ${error instanceof Error ? error.stack : String(error)}`))
      .finally(() => linting--);
  };
  // No wait: setImmediate runs once the changes already read from the pipe are applied (setTimeout(0) waits a millisecond more).
  if (delay <= 0) {
    const immediate = setImmediate(run);
    pending.set(document.uri, () => clearImmediate(immediate));
  } else {
    const timer = setTimeout(run, delay);
    pending.set(document.uri, () => clearTimeout(timer));
  }
}

function revalidateAll(): void {
  for (const document of documents.all()) schedule(document, 0);
}

/** Lints the other open documents again after one document's cross-file facts changed (debounced like typing). */
function revalidateOthers(uri: string): void {
  for (const document of documents.all()) if (document.uri !== uri) schedule(document);
}

documents.onDidOpen((e) => schedule(e.document, 0));
documents.onDidChangeContent((e) => schedule(e.document));
// The saved text is what CI reads: an incrementally reparsed tree is parsed afresh and the file linted
// again, so that the editor and the CLI agree even where tree-sitter's error recovery would not.
documents.onDidSave((e) => {
  const filePath = uriToPath(e.document.uri);
  if (filePath && linter.documentSaved(filePath)) schedule(e.document, 0);
});
documents.onDidClose((e) => {
  pending.get(e.document.uri)?.();
  pending.delete(e.document.uri);
  lastLintMs.delete(e.document.uri);
  linter.forget(e.document.uri, uriToPath(e.document.uri));
  settings.delete(e.document.uri);
  // A file the audit listed keeps an entry, linted again from disk; any other file is cleared.
  if (auditDiagnostics.covers(e.document.uri)) void auditDiagnostics.refresh(e.document.uri);
  else void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  // A closed config file still gets its diagnostics, read from disk.
  configDiagnostics.publishAll();
});

connection.onDidChangeConfiguration(() => {
  settings.clear();
  revalidateAll();
  void auditDiagnostics.refreshAll();
});

/**
 * Files whose change affects configuration or rules that read them: package.json for the start
 * script, lockfiles, `.gitignore` for committed `.env` files, `.env` for its template's drift.
 */
const CONFIG_LIKE = /(^|[\\/])(\.twelve-factor\.ya?ml|\.twelve-factor-baseline\.json|settings\.json|package\.json|package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|\.gitignore|\.env(\.[^\\/]*)?|[^\\/]+\.env)$/;

connection.onDidChangeWatchedFiles((params) => {
  // A manifest or code file changed on disk: keep the cross-file index current (it re-lints on change).
  for (const change of params.changes) {
    const filePath = uriToPath(change.uri);
    if (filePath) indexer.fileChanged(filePath, change.type === FileChangeType.Deleted);
    void auditDiagnostics.refresh(change.uri);
  }
  if (!params.changes.some((c) => CONFIG_LIKE.test(c.uri))) return;
  // .twelve-factor.yaml, the baseline, .vscode/settings.json, package.json or a lockfile changed on disk.
  folders.clearTeamConfigs();
  baselines.clear();
  settings.clear();
  configDiagnostics.publishAll();
  revalidateAll();
  void auditDiagnostics.refreshAll();
});

connection.onCodeAction((params) => {
  const document = documents.get(params.textDocument.uri);
  return codeActions(params, document ? linter.result(document.uri, document.version) : undefined);
});

connection.onHover((params) => {
  const document = documents.get(params.textDocument.uri);
  const result = document ? linter.result(document.uri, document.version) : undefined;
  const hover = hoverAt(result, params.position, docsDir);
  // A variable read also shows the providers the env contract found for it.
  const env = envHover(result, params.position, indexer.index, (p) => files.readText(p));
  if (!env) return hover;
  const value = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? `${hover.contents.value}\n\n---\n\n${env}` : env;
  return { contents: { kind: MarkupKind.Markdown, value }, range: hover?.range };
});

connection.onDefinition((params) => {
  const document = documents.get(params.textDocument.uri);
  return envDefinition(document ? linter.result(document.uri, document.version) : undefined, params.position, indexer.index, (p) => files.readText(p));
});

connection.onReferences((params) => {
  const document = documents.get(params.textDocument.uri);
  const result = document ? linter.result(document.uri, document.version) : undefined;
  return envReferences(result, params.position, indexer.index, (p) => files.readText(p), params.context.includeDeclaration);
});

// The index worker ends with the server (it never keeps the process alive either).
connection.onShutdown(() => indexer.dispose());

// An audit lints code files in this thread too.
connection.onRequest(AUDIT_REQUEST, async (params: AuditParams, token) => {
  await codeParsingStarted();
  return audits.audit(params, token, connection.window.attachWorkDoneProgress(params.workDoneToken));
});
connection.onRequest(EXPORT_REQUEST, async (params: ExportParams) => {
  await codeParsingStarted();
  return audits.exportReport(params);
});

documents.listen(connection);
connection.listen();
