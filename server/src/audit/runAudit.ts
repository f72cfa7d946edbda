import * as path from 'node:path';
import { findRule, findWorkspaceRoot, lint, loadWorkspaceConfig, MAX_FILE_CHARS, MAX_READ_BYTES, ModelCache } from '../engine';
import { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { ResolvedConfig } from '../engine';
import { formatMessage } from '../engine/defineRule';
import type { Finding, WorkspaceFiles } from '../engine/types';
import { detectKind, type FileKindInfo } from '../parsing/fileKind';
import { SourceFile } from '../parsing/sourceFile';
import { describeFsError, nodeAuditFs, workspaceFilesOnDisk, type AuditFs } from './auditFs';
import { walkWorkspace } from './walk';

/** What to audit. */
export interface AuditOptions {
  /** Files and folders, absolute or relative to `cwd`. A folder is a workspace root. */
  paths: string[];
  /** A team configuration file used instead of each root's `.twelve-factor.yaml`. */
  configPath?: string;
  /** `YYYY-MM-DD`, for ignore entries that expire; today by default. */
  today?: string;
  /** The file system to read; the real one by default. */
  fs?: AuditFs;
  /** What relative `paths` and `configPath` are relative to; the process's working directory by default. */
  cwd?: string;
  /** Where the engine logs internal failures (a rule that throws). */
  log?: (message: string) => void;
}

/** The findings of one analysed file. */
export interface AuditFileResult {
  /** Absolute path. */
  file: string;
  /** Relative to the file's workspace root, with forward slashes (what `ignore:` globs match). */
  relativePath: string;
  /** How reports name the file: relative to the audited folder, or the path as the user gave it. */
  displayPath: string;
  findings: Finding[];
}

/** The outcome of an audit. */
export interface AuditResult {
  /** The audited folder, when exactly one folder was audited. */
  root?: string;
  /** How many files were analysed. */
  files: number;
  /** One entry per analysed file, with or without findings, in walk order. */
  results: AuditFileResult[];
  /** Paths named explicitly that are not of a kind the tool analyses. */
  skipped: string[];
}

/** A mistake in the audit's input (a missing path, an unreadable config); its message is meant for the user. */
export class AuditInputError extends Error {
  override readonly name = 'AuditInputError';
}

/**
 * Audits files and folders with the same engine and configuration layers as the editor. Each folder
 * is walked as a workspace root; each file gets the root {@link findWorkspaceRoot} finds. Files that
 * cannot be read become `codebase/unparsable-file` findings. Throws {@link AuditInputError} for a
 * missing path or an unreadable `configPath`; prints nothing and never exits.
 */
export function runAudit(options: AuditOptions): AuditResult {
  const fs = options.fs ?? nodeAuditFs;
  const cwd = options.cwd ?? process.cwd();
  if (options.paths.length === 0) throw new AuditInputError('No path to audit.');
  const workspace = cachedWorkspace(fs);
  const exists = (p: string) => fs.stat(p) !== undefined;
  const explicitConfig = options.configPath === undefined ? undefined : checkConfig(path.resolve(cwd, options.configPath), options.configPath, fs);

  const targets = options.paths.map((given) => {
    const abs = path.resolve(cwd, given);
    const type = fs.stat(abs)?.type;
    if (type === undefined) throw new AuditInputError(`Path not found: ${given}`);
    if (type === 'other') throw new AuditInputError(`Not a file or folder: ${given}`);
    return { given, abs, type };
  });
  const singleRoot = targets.length === 1 && targets[0].type === 'directory' ? targets[0].abs : undefined;

  const configs = new Map<string, ResolvedConfig>();
  const configFor = (root: string) => {
    let config = configs.get(root);
    if (!config) configs.set(root, (config = loadWorkspaceConfig(root, workspace, explicitConfig, options.today)));
    return config;
  };
  const queued: FileToAudit[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  const add = (file: FileToAudit) => {
    if (seen.has(file.path)) return;
    seen.add(file.path);
    queued.push(file);
  };

  for (const target of targets) {
    if (target.type === 'directory') {
      for (const found of walkWorkspace(target.abs, fs)) {
        const displayPath = singleRoot ? found.relativePath : path.posix.join(toSlashes(target.given), found.relativePath);
        add({ ...found, root: target.abs, displayPath });
      }
    } else {
      const file = namedFile(target.abs, target.given, fs, exists);
      if (file) add(file);
      else skipped.push(target.given);
    }
  }
  if (explicitConfig && options.configPath !== undefined && !seen.has(explicitConfig)) {
    const root = singleRoot ?? findWorkspaceRoot(explicitConfig, exists);
    add({ path: explicitConfig, root, relativePath: relativeTo(root, explicitConfig), displayPath: options.configPath, kind: { kind: 'twelve-factor-config' } });
  }
  // Two passes: index every file's cross-file facts, then lint each file against that index. One
  // model cache serves both, so each file is parsed once; code files (tree-sitter trees in WASM
  // memory) are parsed once per pass, so that a large repository's trees are not all held at once.
  const cache = new ModelCache({ keepNativeModels: false });
  const index = new WorkspaceIndex();
  const loaded = queued.map((file) => ({ file, text: loadText(file, fs) }));
  for (const { file, text } of loaded) if (typeof text === 'string') index.update(file.path, text, file.kind, cache);
  const results: AuditFileResult[] = loaded.map(({ file, text }) => {
    const config = configFor(file.root);
    const findings =
      typeof text === 'string'
        ? lint({ file: new SourceFile(file.path, text), kind: file.kind, config, relativePath: file.relativePath, workspace, log: options.log, cache, index }).findings
        : notAnalysed(config, text.messageId, text.data);
    return { file: file.path, relativePath: file.relativePath, displayPath: file.displayPath, findings };
  });
  return { root: singleRoot, files: results.length, results, skipped };
}

interface FileToAudit {
  path: string;
  root: string;
  relativePath: string;
  displayPath: string;
  kind: FileKindInfo;
  text?: string;
}

/** A file's text, or why it cannot be analysed. */
function loadText(file: FileToAudit, fs: AuditFs): string | { messageId: string; data: Record<string, string> } {
  if (file.text !== undefined) return file.text;
  const size = fs.stat(file.path)?.size ?? 0;
  if (size > MAX_READ_BYTES) {
    return { messageId: 'tooLarge', data: { size: `${Math.round(size / 1024)} KiB`, limit: `${MAX_FILE_CHARS / 1024} KiB` } };
  }
  try {
    return fs.readText(file.path);
  } catch (error) {
    return { messageId: 'parseError', data: { detail: `the file cannot be read (${describeFsError(error)}).` } };
  }
}

/** A `codebase/unparsable-file` finding at the top of a file the audit could not read. */
function notAnalysed(config: ResolvedConfig, messageId: string, data: Record<string, string>): Finding[] {
  const rule = findRule('codebase/unparsable-file');
  if (!rule) return [];
  const severity = config.rule(rule).severity;
  if (severity === 'off') return [];
  const at = { line: 0, character: 0 };
  return [{ ruleId: rule.id, factor: rule.factor, severity, message: formatMessage(rule.messages[messageId], data), span: { start: 0, end: 0 }, range: { start: at, end: at } }];
}

/** A file named on the command line: its kind from name and content, its root from its surroundings. */
function namedFile(abs: string, given: string, fs: AuditFs, exists: (p: string) => boolean): FileToAudit | undefined {
  let text: string | undefined;
  let kind = detectKind(abs);
  if (!kind) {
    try {
      text = fs.readText(abs);
    } catch {
      return undefined;
    }
    kind = detectKind(abs, text);
  }
  if (!kind) return undefined;
  const root = findWorkspaceRoot(abs, exists);
  return { path: abs, root, relativePath: relativeTo(root, abs), displayPath: given, kind, text };
}

function checkConfig(abs: string, given: string, fs: AuditFs): string {
  const type = fs.stat(abs)?.type;
  if (type === undefined) throw new AuditInputError(`Config file not found: ${given}`);
  if (type !== 'file') throw new AuditInputError(`Config path is not a file: ${given}`);
  try {
    fs.readText(abs);
  } catch (error) {
    throw new AuditInputError(`Cannot read config file ${given}: ${describeFsError(error)}`);
  }
  return abs;
}

/** Reads workspace files for rules (package.json, lockfiles) once per audit; unreadable means absent. */
function cachedWorkspace(fs: AuditFs): WorkspaceFiles {
  const cache = new Map<string, string | undefined>();
  const files = workspaceFilesOnDisk(fs);
  return {
    readText(p) {
      if (!cache.has(p)) cache.set(p, files.readText(p));
      return cache.get(p);
    },
  };
}

function relativeTo(root: string, abs: string): string {
  const rel = toSlashes(path.relative(root, abs));
  return rel.startsWith('../') || path.isAbsolute(rel) ? path.basename(abs) : rel;
}

function toSlashes(p: string): string {
  return p.split(path.sep).join('/');
}
