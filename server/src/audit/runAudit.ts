import * as path from 'node:path';
import type { BaselineOutcome } from '../baseline/auditBaseline';
import { findWorkspaceRoot } from '../engine';
import type { Finding } from '../engine/types';
import { detectKind } from '../parsing/fileKind';
import { envContractRows, type EnvContractRow } from '../report/envContractReport';
import { envContractOf, type EnvContract } from '../workspace/envContract';
import { describeFsError, nodeAuditFs, withOpenTexts, type AuditFs } from './auditFs';
import { Pacer, type AuditControl } from './auditControl';
import { analyseFiles } from './analyseFiles';
import type { AnalysisSettings, QueuedFile } from './fileAnalyser';
import { walkWorkspace, type SkipReason } from './walk';

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
  /** Worker threads to analyse with (the real file system only); 1 by default. */
  jobs?: number;
  control?: AuditControl;
}

/** The findings of one analysed file. */
export interface AuditFileResult {
  /** Absolute path. */
  file: string;
  /** Relative to the file's workspace root, with forward slashes (what `ignore:` globs match). */
  relativePath: string;
  /** How reports name the file: relative to the audited folder, or the path as the user gave it. */
  displayPath: string;
  /** The workspace root whose configuration (and baseline) applies; set by the audit. */
  root?: string;
  findings: Finding[];
}

/** A file or folder the audit did not analyse, and why. */
export interface SkippedFile {
  /** Absolute path. */
  path: string;
  /** Named like {@link AuditFileResult.displayPath}. */
  displayPath: string;
  folder: boolean;
  reason: SkipReason;
}

/** The outcome of an audit. */
export interface AuditResult {
  /** The audited folder, when exactly one folder was audited. */
  root?: string;
  /** How many files were analysed. */
  files: number;
  /** One entry per analysed file, with or without findings, in walk order. */
  results: AuditFileResult[];
  /** What was left out (ignored, excluded, vendored, too large, unreadable, of no known kind), by display path. */
  skipped: SkippedFile[];
  /** The folders walked, absolute: a file of a workspace root that lies in one of them and was not found is gone. */
  folders?: string[];
  /** Findings a baseline accepted and entries it holds for findings that are gone; absent without a baseline. */
  baseline?: BaselineOutcome;
  /** The env contract by service, for the Markdown and editor reports (never the JSON one). */
  envContract?: EnvContractRow[];
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
export async function runAudit(options: AuditOptions): Promise<AuditResult> {
  const fs = options.fs ?? nodeAuditFs;
  const cwd = options.cwd ?? process.cwd();
  if (options.paths.length === 0) throw new AuditInputError('No path to audit.');
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

  const queue = new AuditQueue(fs, options.control);
  for (const target of targets) {
    if (target.type === 'directory') {
      await queue.walk({ folder: target.abs, displayPrefix: singleRoot ? undefined : toSlashes(target.given) });
      continue;
    }
    const file = namedFile(target.abs, target.given, fs, exists);
    if (file) queue.add(file);
    else queue.skipped.push({ path: target.abs, displayPath: target.given, folder: false, reason: 'unknownKind' });
  }
  if (explicitConfig && options.configPath !== undefined && !queue.has(explicitConfig)) {
    const root = singleRoot ?? findWorkspaceRoot(explicitConfig, exists);
    queue.add({ path: explicitConfig, root, relativePath: relativeTo(root, explicitConfig), displayPath: options.configPath, kind: { kind: 'twelve-factor-config' } });
  }
  return queue.analyse(singleRoot, { explicitConfig, today: options.today }, options);
}

/** A folder the editor audits. */
export interface FolderTarget {
  /** The folder to walk (absolute). */
  folder: string;
  /** The workspace root whose configuration applies: the folder's workspace folder; the folder itself by default. */
  root?: string;
  /** Put before display paths: the workspace folder's name in a multi-root workspace. */
  displayPrefix?: string;
  /** Paths left out besides `.gitignore` (the editor's `files.exclude`). */
  exclude?: (absPath: string, isFolder: boolean) => boolean;
}

/** How the editor's audit reads, configures and runs. */
export interface FolderAuditOptions extends Pick<AnalysisSettings, 'openTexts' | 'editorRules' | 'today'> {
  fs?: AuditFs;
  log?: (message: string) => void;
  jobs?: number;
  control?: AuditControl;
}

/**
 * The editor's audit: walks each folder by the CLI's rules plus `exclude`, and analyses what it
 * finds with the configuration of the folder's root. Files open in the editor are read as the editor
 * holds them. Display paths are relative to the root, so that a folder audited here and by the CLI
 * from its root gives the same report.
 */
export async function auditFolders(targets: readonly FolderTarget[], options: FolderAuditOptions = {}): Promise<AuditResult> {
  const queue = new AuditQueue(withOpenTexts(options.fs ?? nodeAuditFs, options.openTexts), options.control);
  for (const target of targets) await queue.walk(target);
  const roots = new Set(targets.map((t) => t.root ?? t.folder));
  const single = roots.size === 1 && targets.every((t) => !t.displayPrefix) ? [...roots][0] : undefined;
  return queue.analyse(single, { openTexts: options.openTexts, editorRules: options.editorRules, today: options.today }, options);
}

/** The files an audit found, each once, and what it left out. */
class AuditQueue {
  readonly files: QueuedFile[] = [];
  readonly skipped: SkippedFile[] = [];
  readonly folders: string[] = [];
  private readonly seen = new Set<string>();
  private readonly pacer: Pacer;

  constructor(
    private readonly fs: AuditFs,
    control: AuditControl | undefined,
  ) {
    this.pacer = new Pacer(control);
  }

  has(file: string): boolean {
    return this.seen.has(file);
  }

  add(file: QueuedFile): void {
    if (this.seen.has(file.path)) return;
    this.seen.add(file.path);
    this.files.push(file);
  }

  /** Walks a folder into the queue, in time slices. */
  async walk(target: FolderTarget): Promise<void> {
    const root = target.root ?? target.folder;
    this.folders.push(target.folder);
    const name = (abs: string) => {
      const rel = relativeTo(root, abs);
      return { relativePath: rel, displayPath: target.displayPrefix ? path.posix.join(target.displayPrefix, rel) : rel };
    };
    const onSkip = ({ path: abs, folder, reason }: { path: string; folder: boolean; reason: SkipReason }) =>
      this.skipped.push({ path: abs, displayPath: name(abs).displayPath, folder, reason });
    for (const found of walkWorkspace(target.folder, this.fs, { exclude: target.exclude, onSkip })) {
      this.add({ ...found, ...name(found.path), root });
      await this.pacer.step({ phase: 'walking', done: this.files.length });
    }
  }

  /** Analyses the queued files; files that could not be analysed are listed as skipped too. */
  async analyse(root: string | undefined, settings: AnalysisSettings, options: { fs?: AuditFs; log?: (m: string) => void; jobs?: number; control?: AuditControl }): Promise<AuditResult> {
    this.pacer.check();
    let contract: EnvContract | undefined;
    const outcomes = await analyseFiles(this.files, settings, { ...options, onIndex: (index) => (contract = envContractOf(index)) });
    const results = this.files.map((file, i) => ({ file: file.path, relativePath: file.relativePath, displayPath: file.displayPath, root: file.root, findings: outcomes[i].findings }));
    const envContract = contract ? this.contractRows(contract, results) : undefined;
    this.files.forEach((file, i) => {
      const reason = outcomes[i].notAnalysed;
      if (reason) this.skipped.push({ path: file.path, displayPath: file.displayPath, folder: false, reason });
    });
    const skipped = this.skipped.sort((a, b) => (a.displayPath < b.displayPath ? -1 : a.displayPath > b.displayPath ? 1 : 0));
    return { root, files: results.length, results, skipped, folders: this.folders, ...(envContract?.length ? { envContract } : {}) };
  }

  /** The contract's rows, from the texts the walk read or the files. */
  private contractRows(contract: EnvContract, results: readonly AuditFileResult[]): EnvContractRow[] {
    const findings = results.flatMap((r) => r.findings.map((f) => ({ ruleId: f.ruleId, file: r.file, line: f.range.start.line + 1 })));
    const queuedTexts = new Map(this.files.map((f) => [f.path, f.text]));
    return envContractRows(contract, findings, (file) => {
      try {
        return queuedTexts.get(file) ?? this.fs.readText(file);
      } catch {
        return undefined;
      }
    });
  }
}

/** A file named on the command line: its kind from name and content, its root from its surroundings. */
function namedFile(abs: string, given: string, fs: AuditFs, exists: (p: string) => boolean): QueuedFile | undefined {
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

function relativeTo(root: string, abs: string): string {
  const rel = toSlashes(path.relative(root, abs));
  return rel.startsWith('../') || path.isAbsolute(rel) ? path.basename(abs) : rel;
}

function toSlashes(p: string): string {
  return p.split(path.sep).join('/');
}
