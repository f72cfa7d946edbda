import { fingerprintOf } from '../baseline/fingerprint';
import { findRule, lint, loadWorkspaceConfig, MAX_FILE_CHARS, MAX_READ_BYTES, ModelCache, unanalysableText, type DeferredRules, type ResolvedConfig } from '../engine';
import type { RuleSetting } from '../engine/config/teamConfig';
import { formatMessage } from '../engine/defineRule';
import type { Finding, WorkspaceFiles } from '../engine/types';
import type { FileKindInfo } from '../parsing/fileKind';
import { SourceFile } from '../parsing/sourceFile';
import type { FileFacts } from '../workspace/facts';
import { factsOfFile, type WorkspaceIndexView } from '../workspace/workspaceIndex';
import { cachedWorkspaceFiles, describeFsError, nodeAuditFs, withOpenTexts, type AuditFs } from './auditFs';
import type { SkipReason } from './walk';

/** A file the audit analyses, as the walk found it. */
export interface QueuedFile {
  /** Absolute path. */
  path: string;
  /** The workspace root whose configuration applies. */
  root: string;
  /** Relative to `root`, with forward slashes (what `ignore:` globs match). */
  relativePath: string;
  /** How reports name the file. */
  displayPath: string;
  kind: FileKindInfo;
  /** The text, when the walk read it already. */
  text?: string;
}

/** How files are read and configured: plain data, because it crosses to worker threads. */
export interface AnalysisSettings {
  /** Texts of the files open in the editor, by absolute path; they win over the disk. */
  openTexts?: ReadonlyMap<string, string>;
  /** A team configuration file used instead of each root's `.twelve-factor.yaml`. */
  explicitConfig?: string;
  /** `YYYY-MM-DD`, for ignore entries that expire; today by default. */
  today?: string;
  /** The editor's resolved `twelveFactor.rules` by root; a root without one reads `.vscode/settings.json`. */
  editorRules?: ReadonlyMap<string, Map<string, RuleSetting>>;
}

/** What the analysis of one file produced. */
export interface FileOutcome {
  findings: Finding[];
  /** Why the file was not analysed, when it was not (a `codebase/unparsable-file` finding says so too). */
  notAnalysed?: SkipReason;
}

/** Why a file's text could not be had. */
interface Unreadable {
  reason: SkipReason;
  messageId: string;
  data: Record<string, string>;
}

/**
 * Analyses files in two steps around one model cache, so that each file is parsed once: `index`
 * reads a file and returns its cross-file facts; `lint`, once every file is indexed, runs the rules.
 * Most rules never read the index: `index` lints each file at once, deferring the rules that read
 * the index (see `deferIndexReaders`), and keeps the outcome when none did, so that the file's text
 * and model are freed at once instead of being held until every file is indexed. For a file with
 * deferred rules, `lint` runs only those, against the complete index, and keeps the others' findings.
 * The single-threaded audit uses one analyser; each worker of the pool uses one for its share.
 */
export class FileAnalyser {
  // Code files (tree-sitter trees in WASM memory) are kept one at a time, so a large repository fits.
  private readonly cache = new ModelCache({ keepNativeModels: false });
  /** The files `lint` must finish, or why they cannot be read: one SourceFile per file, so that facts derived per file are derived once. */
  private readonly texts = new Map<string, SourceFile | Unreadable>();
  /** Outcomes already final after `index`: the file's rules did not read the index. */
  private readonly done = new Map<string, FileOutcome>();
  /** What `lint` must finish: the rules `index` deferred, with the other rules' findings. */
  private readonly deferred = new Map<string, DeferredRules>();
  private readonly configs = new Map<string, ResolvedConfig>();
  private readonly fs: AuditFs;
  /** What rules read (package.json, lockfiles): open documents first, like live linting. */
  private readonly workspace: WorkspaceFiles;
  /** What configuration is read from: the disk, as CI and live linting read it. */
  private readonly disk: WorkspaceFiles;

  constructor(
    private readonly settings: AnalysisSettings,
    base: AuditFs = nodeAuditFs,
    private readonly log?: (message: string) => void,
  ) {
    this.fs = withOpenTexts(base, settings.openTexts);
    this.workspace = cachedWorkspaceFiles(this.fs);
    this.disk = this.fs === base ? this.workspace : cachedWorkspaceFiles(base);
  }

  /** Reads a file and returns its facts for the workspace index, if it has any. */
  index(file: QueuedFile): FileFacts | undefined {
    const text = this.load(file);
    if (typeof text !== 'string') {
      this.texts.set(file.path, text);
      // A code file that cannot be read still belongs to its service: the env contract there is incomplete.
      return file.kind.kind === 'code' ? { notAnalysed: true } : undefined;
    }
    const source = new SourceFile(file.path, text);
    const facts = factsOfFile(source, file.kind, this.cache);
    const { outcome, deferred } = this.lintText(file, source, { deferIndexReaders: true });
    if (deferred) {
      this.texts.set(file.path, source);
      this.deferred.set(file.path, deferred);
    } else {
      this.done.set(file.path, outcome);
      this.cache.delete(file.path);
    }
    return facts;
  }

  /** Lints a file against the complete index (unless its outcome did not depend on it), then forgets its text and model. */
  lint(file: QueuedFile, index: WorkspaceIndexView): FileOutcome {
    const done = this.done.get(file.path);
    if (done) {
      this.done.delete(file.path);
      return done;
    }
    const kept = this.texts.get(file.path);
    this.texts.delete(file.path);
    const loaded = kept ?? this.load(file);
    const source = typeof loaded === 'string' ? new SourceFile(file.path, loaded) : loaded;
    const config = this.configFor(file.root);
    if (!(source instanceof SourceFile)) {
      const findings = notAnalysed(config, source);
      for (const f of findings) f.fingerprint = fingerprintOf(f.ruleId, '', f.span);
      return { findings, notAnalysed: source.reason };
    }
    const resume = this.deferred.get(file.path);
    this.deferred.delete(file.path);
    const { outcome } = this.lintText(file, source, { index, resume });
    this.cache.delete(file.path);
    return outcome;
  }

  /** Runs the rules over a readable file's text (its model stays in the cache). */
  private lintText(
    file: QueuedFile,
    source: SourceFile,
    pass: { index?: WorkspaceIndexView; deferIndexReaders?: boolean; resume?: DeferredRules },
  ): { outcome: FileOutcome; deferred?: DeferredRules } {
    const config = this.configFor(file.root);
    const text = source.text;
    const { findings, deferred } = lint({ file: source, kind: file.kind, config, relativePath: file.relativePath, workspace: this.workspace, log: this.log, cache: this.cache, ...pass });
    for (const f of findings) f.fingerprint = fingerprintOf(f.ruleId, text, f.span);
    const reason = unanalysableText(text);
    return { outcome: reason ? { findings, notAnalysed: reason } : { findings }, deferred };
  }

  private configFor(root: string): ResolvedConfig {
    let config = this.configs.get(root);
    if (!config) {
      const { explicitConfig, today, editorRules } = this.settings;
      config = loadWorkspaceConfig(root, this.disk, explicitConfig, today, editorRules?.get(root));
      this.configs.set(root, config);
    }
    return config;
  }

  /** A file's text, or why it cannot be analysed. */
  private load(file: QueuedFile): string | Unreadable {
    if (file.text !== undefined) return file.text;
    const size = this.fs.stat(file.path)?.size ?? 0;
    if (size > MAX_READ_BYTES) {
      return { reason: 'tooLarge', messageId: 'tooLarge', data: { size: `${Math.round(size / 1024)} KiB`, limit: `${MAX_FILE_CHARS / 1024} KiB` } };
    }
    try {
      return this.fs.readText(file.path);
    } catch (error) {
      return { reason: 'unreadable', messageId: 'parseError', data: { detail: `the file cannot be read (${describeFsError(error)}).` } };
    }
  }
}

/** A `codebase/unparsable-file` finding at the top of a file the audit could not read. */
function notAnalysed(config: ResolvedConfig, problem: Unreadable): Finding[] {
  const rule = findRule('codebase/unparsable-file');
  if (!rule) return [];
  const severity = config.rule(rule).severity;
  if (severity === 'off') return [];
  const at = { line: 0, character: 0 };
  return [{ ruleId: rule.id, factor: rule.factor, severity, message: formatMessage(rule.messages[problem.messageId], problem.data), span: { start: 0, end: 0 }, range: { start: at, end: at } }];
}
