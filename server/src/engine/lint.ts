import * as path from 'node:path';
import { detectKind, type FileKindInfo } from '../parsing/fileKind';
import { PARSERS, type KindParser } from '../parsing/parsers';
import type { SourceFile, Span } from '../parsing/sourceFile';
import invalidConfig from '../rules/codebase/invalid-config';
import suppressionPolicy from '../rules/codebase/suppression-policy';
import unparsableFile from '../rules/codebase/unparsable-file';
import { readSettingsJson, readTeamConfig } from './config/configFiles';
import { linksOutsideRoot } from './config/workspaceConfig';
import type { ResolvedConfig } from './config/resolvedConfig';
import type { TeamConfig } from './config/teamConfig';
import { formatMessage } from './defineRule';
import { ModelCache } from './modelCache';
import type { DocumentResults, DocumentResultsLint } from './documentResults';
import { onePerSpan } from './onePerSpan';
import { findRule, patternMatches, rulesForKind } from './registry';
import { parseSuppressions, type SuppressionDirective } from './suppressions';
import { EMPTY_INDEX, type WorkspaceIndexView } from '../workspace/workspaceIndex';
import type { AnyRule, Finding, Fix, Rule, RuleReport, Severity, WorkspaceFiles } from './types';

import { FILE_TIME_BUDGET_MS, MAX_FILE_CHARS, setupTime, unanalysableText } from './limits';

export { MAX_FILE_CHARS, MAX_READ_BYTES, unanalysableText } from './limits';

/** What the engine needs to lint one file. */
export interface LintInput {
  file: SourceFile;
  /** Detected from the path and text when not given. */
  kind?: FileKindInfo;
  config: ResolvedConfig;
  /** Workspace-relative path with forward slashes, for `ignore:` globs. */
  relativePath: string;
  workspace: WorkspaceFiles;
  /** Reuses parsed models across calls for the same file version (the language server passes one). */
  cache?: ModelCache;
  /**
   * Keeps the findings of rules of scope `document` per document between lints of the same file (the
   * language server passes one): only edited documents are checked again.
   */
  documentResults?: DocumentResults;
  /** The rules to run instead of the registry's (tests use this to inject a failing rule). */
  rules?: readonly Rule<unknown, Record<string, unknown>>[];
  /** Where the engine logs rules that throw; each rule is logged once. */
  log?: (message: string) => void;
  /** Facts about the workspace's other files, for cross-file rules; empty when not given. */
  index?: WorkspaceIndexView;
  /** The file's time budget in milliseconds ({@link FILE_TIME_BUDGET_MS} when not given). */
  budgetMs?: number;
  /** The clock the budget is measured with (`performance.now` when not given; tests pass their own). */
  now?: () => number;
  /**
   * The index is not complete yet (the audit's first pass): a rule that reads it is stopped, its
   * findings are dropped, and {@link LintOutput.deferred} tells a second lint which rules to finish.
   */
  deferIndexReaders?: boolean;
  /**
   * What a first lint of the same file version deferred: only those rules run, the others' findings
   * are taken from it, so that the output is what one lint against the complete index gives.
   */
  resume?: DeferredRules;
}

/** The rules a lint stopped because they read an incomplete index, and the findings of the rules it ran. */
export interface DeferredRules {
  rules: ReadonlySet<string>;
  /** Each rule's findings, before suppressions and ignore globs, by rule id. */
  findings: ReadonlyMap<string, readonly Finding[]>;
}

/** What linting one file produced. */
export interface LintOutput {
  kind?: FileKindInfo;
  /** The parsed model, when the file parsed (the language server indexes its facts). */
  model?: unknown;
  findings: Finding[];
  /** Where a `disable-file` comment goes, for the quick fix. */
  headerEnd: number;
  /** The line of the statement containing an offset: where a `disable-next-line` comment goes. */
  statementLine(offset: number): number;
  /** With `deferIndexReaders`, when a rule read the index: what a second lint must finish. */
  deferred?: DeferredRules;
}

const loggedFailures = new Set<string>();

/**
 * Lints one file: detect its kind, parse it once (cached per version), run every enabled rule of the
 * kind in isolation, then apply inline suppressions, the team's ignore globs and the severity the
 * configuration resolves. Pure: reads only through `workspace`, writes nothing.
 */
export function lint(input: LintInput): LintOutput {
  const { file, config } = input;
  const kind = input.kind ?? detectKind(file.path, file.text);
  let statementLine = (offset: number) => file.lineAt(offset);
  if (!kind) return { findings: [], headerEnd: 0, statementLine };
  const findings: Finding[] = [];
  const emit = (rule: AnyRule, report: RuleReport) => {
    const severity = config.rule(rule).severity;
    if (severity !== 'off') findings.push(toFinding(rule, report, severity, file));
  };

  let headerEnd = 0;
  let model: unknown;
  let deferred: DeferredRules | undefined;
  const unreadable = checkReadable(file);
  if (unreadable) {
    emit(unparsableFile, unreadable);
  } else if (kind.kind === 'twelve-factor-config' && linksOutsideRoot(file.path, rootOf(input), input.workspace)) {
    emit(invalidConfig, { messageId: 'invalid', data: { problem: LINKED_CONFIG }, at: { start: 0, end: 0 } });
  } else if (kind.kind === 'twelve-factor-config' || kind.kind === 'vscode-settings') {
    const team = kind.kind === 'twelve-factor-config' ? readTeamConfig(file.text) : undefined;
    const problems = team ? team.problems : readSettingsJson(file.text).problems;
    for (const p of problems) emit(invalidConfig, { messageId: 'invalid', data: { problem: p.message }, at: p.span });
    if (team) reportExpiredIgnores(team.value, input.config, emit);
  } else {
    const parser = PARSERS[kind.kind];
    if (parser) {
      const outcome = (input.cache ?? new ModelCache()).get(file, kind.kind, parser);
      const budget = timeBudget(input, outcome.ms ?? 0);
      if (budget.spent()) {
        emit(unparsableFile, budget.report);
      } else if (outcome.error) {
        emit(unparsableFile, { messageId: 'parseError', data: { detail: outcome.error.message }, at: outcome.error.span });
      } else {
        model = outcome.model;
        headerEnd = parser.headerEnd?.(outcome.model) ?? 0;
        // Parts that could not be parsed (one broken document of several) are reported; the rest is analysed.
        for (const problem of parser.problems?.(outcome.model) ?? []) {
          emit(unparsableFile, { messageId: problem.analysed ? 'syntaxProblem' : 'parseError', data: { detail: problem.message }, at: problem.span });
        }
        deferred = runRules(input, kind, outcome.model, parser, findings, emit, budget.spent);
        if (budget.spent()) {
          deferred = undefined;
          // Findings of some rules but not others would mislead: the file is reported as not analysed.
          findings.length = 0;
          emit(unparsableFile, budget.report);
        } else {
          const directives = parseSuppressions(file, kind);
          const parsed = outcome.model;
          statementLine = (offset: number) => file.lineAt(parser.statementStart?.(parsed, offset) ?? offset);
          applySuppressions(findings, directives, input, statementLine, emit);
        }
      }
    }
  }
  // The team's ignore globs apply to every finding, also to files that could not be parsed.
  const kept = findings.filter((f) => !config.ignoreEntryFor(ruleOf(f, input), input.relativePath));
  kept.sort((a, b) => a.span.start - b.span.start || a.ruleId.localeCompare(b.ruleId));
  return { kind, model, findings: kept, headerEnd, statementLine, ...(deferred ? { deferred } : {}) };
}

const LINKED_CONFIG = 'This .twelve-factor.yaml is a link to a file outside the workspace, so it is not applied; the defaults apply. Commit the configuration itself.';

/** The workspace root: the file's path without its workspace-relative path. */
function rootOf(input: LintInput): string {
  const depth = input.relativePath.split('/').length;
  let root = input.file.path;
  for (let i = 0; i < depth; i++) root = path.dirname(root);
  return root;
}

function ruleOf(finding: Finding, input: LintInput): AnyRule {
  return findRule(finding.ruleId) ?? (input.rules?.find((r) => r.id === finding.ruleId) as AnyRule);
}

/** The file's time budget, already charged with its parse: whether it is spent, and the finding that says so. */
function timeBudget(input: LintInput, parseMs: number): { spent: () => boolean; report: RuleReport } {
  // One-time start-up work during the file's analysis is not the file's.
  const now = input.now ?? (() => performance.now() - setupTime());
  const limit = input.budgetMs ?? FILE_TIME_BUDGET_MS;
  const deadline = now() - parseMs + limit;
  return { spent: () => now() > deadline, report: { messageId: 'tooSlow', data: { limit: `${limit / 1000} s` }, at: { start: 0, end: 0 } } };
}

/** Thrown by the index a deferring lint gives rules: the rule is finished later, against the complete index. */
const DEFER = Symbol('defer');

/** An index every read of which stops the rule (see {@link LintInput.deferIndexReaders}). */
const DEFERRING_INDEX: WorkspaceIndexView = {
  entries: () => {
    throw DEFER;
  },
  get: () => {
    throw DEFER;
  },
  get generation(): number {
    throw DEFER;
  },
  get complete(): boolean {
    throw DEFER;
  },
};

/**
 * Runs the kind's enabled rules in registry order, each in isolation, pushing their findings. With
 * `deferIndexReaders`, returns the rules that read the index and what the others found; with
 * `resume`, runs only the rules deferred then and takes the others' findings from it.
 */
function runRules(
  input: LintInput,
  kind: FileKindInfo,
  model: unknown,
  parser: KindParser<unknown>,
  findings: Finding[],
  emit: (rule: AnyRule, report: RuleReport) => void,
  spent: () => boolean,
): DeferredRules | undefined {
  const rules = input.rules?.filter((r) => r.kinds.includes(kind.kind)) ?? rulesForKind(kind.kind);
  const { resume, deferIndexReaders } = input;
  const deferred = new Set<string>();
  const found = new Map<string, readonly Finding[]>();
  const root = workspaceRootOf(input.file.path, input.relativePath);
  const byDocument = !resume && !deferIndexReaders ? documentRuns(input, kind, model, parser, root) : undefined;
  for (const rule of rules) {
    if (spent()) return undefined;
    const effective = input.config.rule(rule);
    if (effective.severity === 'off') continue;
    if (resume && !resume.rules.has(rule.id)) {
      findings.push(...(resume.findings.get(rule.id) ?? []));
      continue;
    }
    const before = findings.length;
    try {
      if (byDocument && rule.scope === 'document') {
        byDocument.run(rule.id, input.index ?? EMPTY_INDEX, (part, workspace, index, report) => {
          rule.check(part.model, { file: input.file, options: effective.options, workspace, index, root, report: onePerSpan(report) });
        }, (report) => emit(rule, report));
        continue;
      }
      rule.check(model, {
        file: input.file,
        options: effective.options,
        workspace: input.workspace,
        index: deferIndexReaders ? DEFERRING_INDEX : (input.index ?? EMPTY_INDEX),
        root,
        // A value shared through a YAML anchor is one piece of text: one finding and one fix.
        report: onePerSpan((report) => emit(rule, report)),
      });
      if (deferIndexReaders) found.set(rule.id, findings.slice(before));
    } catch (error) {
      if (error === DEFER) {
        findings.length = before;
        deferred.add(rule.id);
        continue;
      }
      if (deferIndexReaders) found.set(rule.id, findings.slice(before));
      // One broken rule must not take the others down; log it once per rule, not per keystroke.
      if (!loggedFailures.has(rule.id)) {
        loggedFailures.add(rule.id);
        input.log?.(`Rule ${rule.id} failed on ${input.relativePath}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    }
  }
  return deferred.size > 0 ? { rules: deferred, findings: found } : undefined;
}

/** The lint's use of the document results, when rules of scope `document` can reuse findings of the model's parts. */
function documentRuns(input: LintInput, kind: FileKindInfo, model: unknown, parser: KindParser<unknown>, root: string | undefined): DocumentResultsLint | undefined {
  if (!input.documentResults || !parser.parts) return undefined;
  const parts = parser.parts(model, input.file);
  if (parts.length === 0) return undefined;
  return input.documentResults.begin(input.file, { kind: kind.kind, config: input.config, root }, parts, input.workspace);
}

function applySuppressions(
  findings: Finding[],
  directives: SuppressionDirective[],
  input: LintInput,
  statementLine: (offset: number) => number,
  emit: (rule: AnyRule, report: RuleReport) => void,
) {
  const { config } = input;
  const ruleFindings = findings.splice(0, findings.length);
  for (const finding of ruleFindings) {
    const rule = ruleOf(finding, input);
    const matching = directives.filter(
      (d) =>
        (d.patterns.length === 0 || d.patterns.some((p) => patternMatches(p, rule))) &&
        (d.scope === 'file' || d.targetLine === finding.range.start.line || d.targetLine === statementLine(finding.span.start)),
    );
    const allowed = config.inlineSuppressAllowed(rule);
    if (allowed && matching.length > 0) continue;
    if (!allowed && matching.length > 0) {
      emit(suppressionPolicy, { messageId: 'locked', data: { ruleId: rule.id }, at: matching[0].span });
    }
    findings.push(finding);
  }
  if (config.team.requireReason) {
    for (const d of directives) {
      if (!d.reason) emit(suppressionPolicy, { messageId: 'missingReason', at: d.span });
    }
  }
}

function reportExpiredIgnores(team: TeamConfig, config: ResolvedConfig, emit: (rule: AnyRule, report: RuleReport) => void) {
  for (const entry of team.ignore) {
    if (entry.expiresSpan && config.isExpired(entry)) {
      emit(suppressionPolicy, { messageId: 'expiredIgnore', data: { date: entry.expires ?? '' }, at: entry.expiresSpan });
    }
  }
}

/** The workspace folder of a file, from its path and its workspace-relative path; undefined when the file lies outside it. */
function workspaceRootOf(filePath: string, relativePath: string): string | undefined {
  const absolute = path.resolve(filePath);
  const relative = relativePath.split('/').join(path.sep);
  const prefix = absolute.slice(0, absolute.length - relative.length);
  if (relative === '' || relative.startsWith('..') || !absolute.endsWith(relative) || !prefix.endsWith(path.sep)) return undefined;
  return prefix.length > 1 ? prefix.slice(0, -1) : prefix;
}

function checkReadable(file: SourceFile): RuleReport | undefined {
  const reason = unanalysableText(file.text);
  if (reason === 'tooLarge') {
    return { messageId: 'tooLarge', data: { size: `${Math.round(file.text.length / 1024)} KiB`, limit: `${MAX_FILE_CHARS / 1024} KiB` }, at: { start: 0, end: 0 } };
  }
  if (reason === 'binary') return { messageId: 'binary', at: { start: 0, end: 0 } };
  return undefined;
}

function toFinding(rule: AnyRule, report: RuleReport, severity: Severity, file: SourceFile): Finding {
  const template = rule.messages[report.messageId];
  if (template === undefined) throw new Error(`Rule ${rule.id} reported unknown messageId "${report.messageId}"`);
  const span: Span = { start: report.at.start, end: Math.max(report.at.start, report.at.end) };
  const finding: Finding = {
    ruleId: rule.id,
    factor: rule.factor,
    severity,
    message: formatMessage(template, report.data),
    span,
    range: file.rangeOf(span),
  };
  if (report.fix) finding.fix = report.fix as Fix;
  if (report.alternatives?.length) finding.alternatives = report.alternatives;
  return finding;
}
