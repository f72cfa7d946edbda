/**
 * Types and names shared by the client and the server. The client bundle inlines this file, so it
 * imports nothing.
 */

/** The `source` of every diagnostic. */
export const DIAGNOSTIC_SOURCE = 'twelve-factor';

/** Command ids contributed by the extension. */
export const Commands = {
  restartServer: 'twelveFactor.restartServer',
  showRuleDoc: 'twelveFactor.showRuleDoc',
  auditWorkspace: 'twelveFactor.auditWorkspace',
  auditFolder: 'twelveFactor.auditFolder',
  exportReportMarkdown: 'twelveFactor.exportReportMarkdown',
  exportReportSarif: 'twelveFactor.exportReportSarif',
} as const;

/** The code action kind of "fix all twelve-factor problems", for `editor.codeActionsOnSave`. */
export const FIX_ALL_KIND = 'source.fixAll.twelveFactor';

/** The `twelveFactor` settings section as the server pulls it per resource. */
export interface TwelveFactorSettingsSection {
  enable?: boolean;
  rules?: Record<string, unknown>;
  baselineFindings?: 'hint' | 'hide';
  trace?: { server?: string };
}

/** A text edit in LSP form, carried in `Diagnostic.data`. */
export interface DataTextEdit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}

/** What every diagnostic carries in `data`: the rule and, when it has one, the rule's own fix. */
export interface DiagnosticData {
  ruleId: string;
  /** Line of the statement the finding belongs to, where "disable for this line" inserts its comment. */
  statementLine: number;
  fix?: DataFix;
  /** Other fixes to choose from; never preferred. */
  alternatives?: DataFix[];
}

/** A fix in LSP form. */
export interface DataFix {
  title: string;
  edits: DataTextEdit[];
  otherFiles?: DataFileChange[];
}

/** Edits to another file made by the same fix, in LSP form; `create` when the file does not exist yet. */
export interface DataFileChange {
  uri: string;
  create?: boolean;
  edits: DataTextEdit[];
}

/** The audit request: walks folders by the CLI's rules and lints every file, with work-done progress. */
export const AUDIT_REQUEST = 'twelveFactor/audit';

/** One folder to audit: a workspace folder, or a folder inside one. */
export interface AuditFolderParams {
  uri: string;
  /** The workspace folder it belongs to, whose configuration applies; the folder itself when absent. */
  rootUri?: string;
  /** Put before the paths of its files in reports: the workspace folder's name in a multi-root workspace. */
  displayPrefix?: string;
  /** The `files.exclude` globs that are on for the workspace folder, relative to it. */
  exclude?: string[];
}

/** The parameters of {@link AUDIT_REQUEST}. */
export interface AuditParams {
  folders: AuditFolderParams[];
  workDoneToken?: string | number;
}

/** A zero-based position, as in LSP. */
export interface ReportPosition {
  line: number;
  character: number;
}

/** One finding of the audit, for the report view. */
export interface ReportFinding {
  uri: string;
  /** Relative to the workspace folder. */
  path: string;
  range: { start: ReportPosition; end: ReportPosition };
  ruleId: string;
  factor: string;
  severity: 'error' | 'warning' | 'info';
  /** Secrets in it are masked by the rule that wrote it. */
  message: string;
}

/** Findings counted by severity. */
export interface ReportCounts {
  error: number;
  warning: number;
  info: number;
  total: number;
}

/** One factor of the scorecard. */
export interface ReportFactor extends ReportCounts {
  factor: string;
  /** `III. Config`. */
  title: string;
  /** Findings of the factor that the baseline accepted (not in the counts); absent without a baseline. */
  baseline?: number;
}

/** A rule among those with the most findings. */
export interface ReportRule {
  ruleId: string;
  factor: string;
  count: number;
}

/** A file among those with the most findings. */
export interface ReportFile extends ReportCounts {
  uri: string;
  path: string;
}

/** A file or folder the audit did not analyse. */
export interface ReportSkipped {
  path: string;
  folder: boolean;
  /** Why, in words: `ignored by .gitignore`. */
  reason: string;
}

/** An environment variable at its place in the env contract section: its name, never its value. */
export interface ReportEnvPlace {
  name: string;
  uri: string;
  path: string;
  /** 0-based. */
  line: number;
}

/** One service of the "Environment contract" section (the rows of `envContractRows`). */
export interface ReportEnvService {
  /** `web`, `Deployment orders`, `api/`. */
  service: string;
  /** `compose`, `kubernetes`, `cloudfoundry`, `dockerfile`… */
  platform: string;
  /** Where the service is described (its name is `service`). */
  at: ReportEnvPlace;
  read: ReportEnvPlace[];
  provided: ReportEnvPlace[];
  /** Reads that `config/undeclared-env-var` reported. */
  missing: ReportEnvPlace[];
  /** Providers that `config/unused-env-var` reported. */
  unused: ReportEnvPlace[];
}

/** The lists of a {@link ReportEnvService}, as the report page names them when it asks to open a place. */
export const ENV_PLACE_LISTS = ['read', 'provided', 'missing', 'unused'] as const;
export type EnvPlaceList = (typeof ENV_PLACE_LISTS)[number];

/** The result of {@link AUDIT_REQUEST}: what the report view shows. */
export interface AuditReport {
  /** Names this audit in {@link EXPORT_REQUEST}. */
  id: number;
  /** When it finished (ISO 8601). */
  finishedAt: string;
  durationMs: number;
  /** The audited folders, as reports name them (`.` for a workspace folder). */
  scope: string[];
  /** Files analysed. */
  files: number;
  filesWithFindings: number;
  /** `12 problems (3 errors, 8 warnings, 1 info) in 7 of 20 files`. */
  summary: string;
  totals: ReportCounts;
  /** All twelve factors, in order. */
  factors: ReportFactor[];
  topRules: ReportRule[];
  topFiles: ReportFile[];
  /** Every finding, file by file in walk order. */
  findings: ReportFinding[];
  skipped: ReportSkipped[];
  /** The env contract by service, when the workspace deploys code; absent otherwise. */
  envContract?: ReportEnvService[];
  /** With a baseline: how many findings it accepted, how many of its entries are stale, and its files. */
  baseline?: { accepted: number; stale: number; files: string[] };
}

/** Renders the last audit with the CLI's generators: the same text as `twelve-factor audit --format …`. */
export const EXPORT_REQUEST = 'twelveFactor/exportAuditReport';

/** The parameters of {@link EXPORT_REQUEST}. */
export interface ExportParams {
  /** The {@link AuditReport.id} to export; an older audit is refused. */
  id: number;
  format: 'markdown' | 'sarif';
}

/** The result of {@link EXPORT_REQUEST}. */
export interface ExportResult {
  text: string;
}
