import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/** The languages whose documents the server analyses (it decides per file by name and content). */
export const ANALYSED_LANGUAGES = [
  'dockerfile',
  'yaml',
  // VS Code gives compose files their own language; the Helm extension gives chart templates theirs.
  'dockercompose',
  'helm',
  'dotenv',
  'properties',
  'procfile',
  'javascript',
  'javascriptreact',
  'typescript',
  'typescriptreact',
  'python',
  'java',
  'go',
];

/** Logging configuration files (the server's `log-config` kind), whatever language the editor gives them. */
export const LOG_CONFIG_PATTERNS = ['**/{logback,logback-spring,log4j2,log4j2-spring,log4j}{,-*,.*}.xml', '**/logging{,-*,.*}.{conf,ini}'];

/** Files that matter whatever language the editor gives them. */
const FILE_PATTERNS = [
  '**/{Dockerfile,Containerfile}{,.*,-*,_*}', '**/*.{dockerfile,Dockerfile}', '**/Procfile{,.*}', '**/.env{,.*}', '**/.twelve-factor.{yaml,yml}', '**/.vscode/settings.json',
  // Logging configurations: logback, log4j2 and log4j XML, Python's logging.conf.
  ...LOG_CONFIG_PATTERNS,
];

/** Creates the client that runs the bundled server in a Node process over IPC. */
export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('server/out/server.js');
  // The server keeps V8's code cache of its bundle in the extension's storage (server/src/startup/codeCache.ts).
  const env = { TWELVE_FACTOR_CACHE_DIR: vscode.Uri.joinPath(context.globalStorageUri, 'code-cache').fsPath };
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { env } },
    debug: { module, transport: TransportKind.ipc, options: { env, execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      ...ANALYSED_LANGUAGES.map((language) => ({ scheme: 'file', language })),
      ...FILE_PATTERNS.map((pattern) => ({ scheme: 'file', pattern })),
    ],
    synchronize: {
      configurationSection: 'twelveFactor',
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/{.twelve-factor.yaml,.twelve-factor.yml,.twelve-factor-baseline.json,.vscode/settings.json,package.json,package-lock.json,yarn.lock,npm-shrinkwrap.json,.gitignore}'),
        // Manifests, env files and code feed the server's cross-file index (HPAs, the env contract).
        vscode.workspace.createFileSystemWatcher('**/{*.yaml,*.yml,.env,.env.*,*.env,Procfile,Procfile.*,*.properties}'),
        vscode.workspace.createFileSystemWatcher('**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx,py,java,go}'),
        // Dockerfiles: so that an audit's Problems-panel entry of a closed file follows changes on disk.
        vscode.workspace.createFileSystemWatcher('**/{Dockerfile,Containerfile,*.dockerfile,*.Dockerfile,*.containerfile,Dockerfile.*,Containerfile.*,Dockerfile-*,Dockerfile_*,Containerfile-*,Containerfile_*}'),
        ...LOG_CONFIG_PATTERNS.map((pattern) => vscode.workspace.createFileSystemWatcher(pattern)),
      ],
    },
    outputChannel: output,
    traceOutputChannel: output,
  };
  return new LanguageClient('twelveFactor', 'Twelve-Factor Guide', serverOptions, clientOptions);
}
