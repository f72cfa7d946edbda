import * as path from 'node:path';
import { logConfigFormat, type LogConfigFormat } from './logconfig/logConfigModel';

/** The file families the rules read (see RULES.md), plus the tool's own configuration files. */
export const FILE_KINDS = [
  'dockerfile',
  'kubernetes',
  'cloudfoundry',
  'compose',
  'procfile',
  'dotenv',
  'spring',
  'code',
  'log-config',
  'twelve-factor-config',
  'vscode-settings',
] as const;

/** One of {@link FILE_KINDS}. */
export type FileKind = (typeof FILE_KINDS)[number];

/** The languages of the `code` kind. */
export type CodeLanguage = 'javascript' | 'typescript' | 'python' | 'java' | 'go';

/** What a file is, as far as the analysis cares. */
export interface FileKindInfo {
  kind: FileKind;
  /** Set for the `code` kind. */
  language?: CodeLanguage;
  /** Set for the `log-config` kind. */
  format?: LogConfigFormat;
}

/** Names of the committed team configuration file, first match wins. */
export const CONFIG_FILE_NAMES = ['.twelve-factor.yaml', '.twelve-factor.yml'];

const CODE_EXTENSIONS: Record<string, CodeLanguage> = {
  '.js': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.jsx': 'javascript',
  '.ts': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.tsx': 'typescript',
  '.py': 'python',
  '.java': 'java',
  '.go': 'go',
};

/** How much of a YAML file the content checks look at; kind markers sit near the top in real files. */
const CONTENT_SNIFF_LIMIT = 64 * 1024;

/**
 * Detects a file's kind from its name first and its content second. Returns undefined for files
 * the tool does not analyse. Content checks are line-anchored regexes, not a parse: detection runs
 * on every file the CLI walks, and a broken file must still be recognised so that it gets a parse
 * diagnostic instead of silence.
 */
export function detectKind(filePath: string, text?: string): FileKindInfo | undefined {
  const normalized = filePath.replace(/\\/g, '/');
  const base = path.posix.basename(normalized);
  const lower = base.toLowerCase();

  if (CONFIG_FILE_NAMES.includes(base)) return { kind: 'twelve-factor-config' };
  if (lower === 'settings.json' && path.posix.basename(path.posix.dirname(normalized)) === '.vscode') {
    return { kind: 'vscode-settings' };
  }
  if (isDockerfileName(lower)) return { kind: 'dockerfile' };
  if (base === 'Procfile' || base.startsWith('Procfile.')) return { kind: 'procfile' };
  const logFormat = logConfigFormat(base);
  if (logFormat) return { kind: 'log-config', format: logFormat };
  if (lower === '.env' || lower.startsWith('.env.') || (lower.endsWith('.env') && lower.length > 4)) {
    return { kind: 'dotenv' };
  }
  if (/^(application|bootstrap)([-.][\w.-]+)?\.(properties|ya?ml)$/.test(lower)) {
    if (lower.endsWith('.properties')) return { kind: 'spring' };
    // Kubernetes manifests are called application.yaml too (Argo CD Applications, a Deployment of "the
    // application"): the content decides, and a Spring file has no apiVersion/kind or applications: header.
    if (text === undefined) return undefined;
    return detectYamlKind(lower, text) ?? { kind: 'spring' };
  }

  const ext = path.posix.extname(lower);
  const language = CODE_EXTENSIONS[ext];
  if (language && !lower.endsWith('.d.ts')) return { kind: 'code', language };

  if (ext === '.yaml' || ext === '.yml') return detectYamlKind(lower, text);
  return undefined;
}

function isDockerfileName(lower: string): boolean {
  return (
    lower === 'dockerfile' ||
    lower === 'containerfile' ||
    lower.startsWith('dockerfile.') ||
    lower.startsWith('containerfile.') ||
    // `Dockerfile-for-app-service`, `Dockerfile_prod`; with no extension, so `dockerfile-utils.js` stays code.
    /^(dockerfile|containerfile)[-_][\w-]+$/.test(lower) ||
    lower.endsWith('.dockerfile') ||
    lower.endsWith('.containerfile')
  );
}

function detectYamlKind(lowerBase: string, text: string | undefined): FileKindInfo | undefined {
  if (/^(docker-)?compose([.-][\w.-]+)?\.ya?ml$/.test(lowerBase)) return { kind: 'compose' };
  if (text === undefined) return undefined;
  const head = text.length > CONTENT_SNIFF_LIMIT ? text.slice(0, CONTENT_SNIFF_LIMIT) : text;
  if (/^applications:[ \t]*(#.*)?$/m.test(head)) return { kind: 'cloudfoundry' };
  const apiVersion = /^apiVersion:[ \t]*["']?([^\s"'#]+)/m.exec(head);
  if (apiVersion && /^kind:[ \t]*\S/m.test(head)) {
    // Skaffold and similar tool configs borrow the Kubernetes header but describe no workloads.
    if (/^skaffold\//.test(apiVersion[1])) return undefined;
    return { kind: 'kubernetes' };
  }
  if (/^services:[ \t]*(#.*)?$/m.test(head) && /^[ \t]+(image|build):/m.test(head)) return { kind: 'compose' };
  return undefined;
}
