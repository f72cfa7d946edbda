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

/** Files that matter whatever language the editor gives them. */
const FILE_PATTERNS = ['**/{Dockerfile,Containerfile}{,.*}', '**/*.{dockerfile,Dockerfile}', '**/Procfile{,.*}', '**/.env{,.*}', '**/.twelve-factor.{yaml,yml}', '**/.vscode/settings.json'];

/** Creates the client that runs the bundled server in a Node process over IPC. */
export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('server/out/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
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
        vscode.workspace.createFileSystemWatcher('**/{Dockerfile,Containerfile,*.dockerfile,*.Dockerfile,*.containerfile,Dockerfile.*,Containerfile.*}'),
      ],
    },
    outputChannel: output,
    traceOutputChannel: output,
  };
  return new LanguageClient('twelveFactor', 'Twelve-Factor Guide', serverOptions, clientOptions);
}
