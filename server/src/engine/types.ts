import type { FileKind } from '../parsing/fileKind';
import type { Range, SourceFile, Span } from '../parsing/sourceFile';
import type { Fingerprint } from '../baseline/fingerprint';
import type { WorkspaceIndexView } from '../workspace/workspaceIndex';

/** The twelve factors, as the slugs used in rule ids. */
export const FACTORS = [
  'codebase',
  'dependencies',
  'config',
  'backing-services',
  'build-release-run',
  'processes',
  'port-binding',
  'concurrency',
  'disposability',
  'dev-prod-parity',
  'logs',
  'admin-processes',
] as const;

/** One of {@link FACTORS}. */
export type Factor = (typeof FACTORS)[number];

/** The severities a finding can have. */
export type Severity = 'error' | 'warning' | 'info';

/** What a user can set a rule to. */
export type SeveritySetting = Severity | 'off';

/** All values of {@link SeveritySetting}, for validation and schemas. */
export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error'];

/** One replacement of a span of the original text. */
export interface TextEdit {
  span: Span;
  text: string;
}

/** Edits to another file of the workspace, made in the same workspace edit as the fix. */
export interface FileChange {
  /** Absolute path of the other file. */
  path: string;
  /** True when the file does not exist yet: it is created, and `edits` apply to an empty text. */
  create?: boolean;
  edits: TextEdit[];
}

/** A fix a rule offers: a title for the quick fix and span edits on the file it reported in. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /**
   * Edits to other files in the same change (`VAR=` appended to `.env.example`, a line added to
   * `.gitignore`). Spans are offsets in the other file's current text, as `workspace.readText` gives it.
   */
  otherFiles?: FileChange[];
  /**
   * False for a fix that changes what the app receives (removing an ENV the app may read): it is
   * offered as a quick fix for a person to choose, never applied unattended by fix-all or on save.
   */
  automatic?: boolean;
}

/** The JSON-schema subset a rule uses to declare one option. */
export interface OptionSchema {
  type: 'string' | 'number' | 'boolean' | 'array';
  description: string;
  /** For arrays: the item type. */
  items?: { type: 'string' | 'number' };
  enum?: readonly (string | number)[];
  minimum?: number;
}

/** What a rule's `check` sees besides the model. */
export interface RuleContext<Options> {
  /** The file being checked. */
  readonly file: SourceFile;
  /** The rule's options, defaults merged with configuration. */
  readonly options: Options;
  /** Read-only access to other files of the workspace (package.json, lockfiles, …). */
  readonly workspace: WorkspaceFiles;
  /** Facts about the workspace's other files (HPAs, compose services, env providers) for cross-file rules. */
  readonly index: WorkspaceIndexView;
  /** The workspace folder the file belongs to, when known (cross-file rules relate files of one app through it). */
  readonly root?: string;
  /** Reports one finding. */
  report(report: RuleReport): void;
}

/** What a rule passes to `ctx.report`. */
export interface RuleReport {
  messageId: string;
  data?: Record<string, string | number>;
  /** The exact span the finding is about. */
  at: Span;
  fix?: Fix;
  /**
   * Other fixes a person may choose instead of `fix` (declare the variable in this manifest or that
   * one): quick fixes that are never preferred, and never applied by fix-all.
   */
  alternatives?: Fix[];
}

/** Read-only, synchronous access to workspace files. The engine never writes or executes anything. */
export interface WorkspaceFiles {
  /** The text of a file, or undefined when it does not exist or cannot be read. */
  readText(absolutePath: string): string | undefined;
  /** The path with every link resolved, or undefined when it cannot be resolved; absent where there are no links (tests). */
  realPath?(absolutePath: string): string | undefined;
  /**
   * True when each path reads the same for as long as this object lives (the audit reads each path
   * once): what is derived from its reads may be kept as long. The language server's reads follow the disk.
   */
  readonly snapshot?: boolean;
}

/**
 * A rule: data plus one `check` function over the parsed model of the kinds it reads. The engine
 * owns severity, suppression and position math; the rule only reports spans.
 */
export interface Rule<Model = unknown, Options extends object = Record<string, unknown>> {
  /** `<factor>/<slug>`; public API, typed by users in settings and comments. */
  id: string;
  factor: Factor;
  /** Old ids that still resolve to this rule. */
  aliases?: string[];
  kinds: readonly FileKind[];
  defaultSeverity: Severity;
  /** What the rule flags, in one line. */
  description: string;
  /** Why it matters for the factor, in one line (shown on hover). */
  rationale: string;
  messages: Record<string, string>;
  options?: { [K in keyof Options]: OptionSchema & { default: Options[K] } };
  fixable: boolean;
  /**
   * `document` when what the rule reports about one document of a multi-document YAML file depends
   * only on that document (its text, the file's path and end of line, the options, files it reads
   * through `ctx.workspace`): the language server then runs it on edited documents only and reuses
   * its findings for the others (engine/documentResults.ts). `file` (the default) for rules that
   * relate documents (an autoscaler in one targeting a Deployment in another) or read the index.
   */
  scope?: 'file' | 'document';
  check(model: Model, ctx: RuleContext<Options>): void;
}

/** A rule reported by the engine itself (configuration and suppression policy); it has no `check`. */
export type EngineRule = Omit<Rule, 'check' | 'kinds' | 'options'> & { kinds: readonly FileKind[] };

/** Any registered rule. */
export type AnyRule = Rule<any, any> | EngineRule; // eslint-disable-line @typescript-eslint/no-explicit-any

/** One result of linting one file. */
export interface Finding {
  ruleId: string;
  factor: Factor;
  severity: Severity;
  /** The message with placeholders filled; secrets in it are already masked by the rule. */
  message: string;
  span: Span;
  range: Range;
  fix?: Fix;
  /** Other fixes to choose from (see {@link RuleReport.alternatives}). */
  alternatives?: Fix[];
  /** What identifies the finding across edits, for the baseline; the audit sets it where it has the text. */
  fingerprint?: Fingerprint;
}
