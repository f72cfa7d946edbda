import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AuditResult } from '../audit/runAudit';
import { allRules, findRule, ruleDocUrl } from '../engine';
import type { AnyRule, Severity } from '../engine/types';

/** What the SARIF report needs besides the audit result; passed in so that the formatter stays pure. */
export interface SarifOptions {
  /** The tool's version, for `tool.driver.version`. */
  version: string;
  /** Rule docs (Markdown) by rule id, for `rules[].help.markdown`; rules without one get the plain help. */
  ruleDocs?: ReadonlyMap<string, string>;
  /**
   * The folder result URIs are relative to (`%SRCROOT%`); the audited folder by default. GitHub code
   * scanning resolves them against the repository root, so CI passes the checkout folder.
   */
  srcRoot?: string;
}

/** The project's home page, for `tool.driver.informationUri`. */
export const INFORMATION_URI = 'https://github.com/twelve-factor-guide/twelve-factor-guide';

const SRCROOT = '%SRCROOT%';
const LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * A SARIF 2.1.0 log with one run, as GitHub code scanning accepts it: every registered rule with its
 * doc, and one result per finding with a 1-based region. Files inside `srcRoot` get a relative URI
 * with `uriBaseId: %SRCROOT%`; a file outside it gets an absolute `file:` URI.
 */
export function formatSarif(result: AuditResult, options: SarifOptions): string {
  const rules = [...allRules()];
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  // With a baseline, accepted findings are results too, marked `unchanged`; new ones are marked `new`.
  const baseline = result.baseline;
  const fileResults = [...result.results.map((r) => ({ r, state: baseline ? 'new' : undefined })), ...(baseline?.accepted ?? []).map((r) => ({ r, state: 'unchanged' }))];
  for (const { r } of fileResults) {
    for (const f of r.findings) {
      if (index.has(f.ruleId)) continue;
      const rule = findRule(f.ruleId);
      // An alias or an unknown id still needs a descriptor for ruleIndex to point at.
      index.set(f.ruleId, rules.length);
      rules.push(rule ?? { id: f.ruleId, factor: f.factor, kinds: [], defaultSeverity: f.severity, description: f.ruleId, rationale: '', messages: {}, fixable: false });
    }
  }
  const srcRoot = options.srcRoot ?? result.root;
  const results: object[] = fileResults.flatMap(({ r, state }) =>
    r.findings.map((f) => ({
      ruleId: f.ruleId,
      ruleIndex: index.get(f.ruleId)!,
      level: LEVELS[f.severity],
      message: { text: f.message },
      ...(state ? { baselineState: state } : {}),
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactLocation(r.file, srcRoot),
            region: {
              startLine: f.range.start.line + 1,
              startColumn: f.range.start.character + 1,
              endLine: f.range.end.line + 1,
              endColumn: f.range.end.character + 1,
            },
          },
        },
      ],
    })),
  );
  // A baseline entry whose finding is gone: SARIF's `absent`, located at its file.
  for (const a of baseline?.absent ?? []) {
    const ruleIndex = index.get(a.ruleId);
    results.push({
      ruleId: a.ruleId,
      ...(ruleIndex !== undefined ? { ruleIndex } : {}),
      level: 'none',
      message: { text: 'Accepted in the baseline and no longer found: fixed, or its code changed.' },
      baselineState: 'absent',
      locations: [{ physicalLocation: { artifactLocation: artifactLocation(a.file, srcRoot) } }],
    });
  }
  const run = {
    tool: {
      driver: {
        name: 'Twelve-Factor Guide',
        informationUri: INFORMATION_URI,
        version: options.version,
        semanticVersion: options.version,
        rules: rules.map((rule) => ruleDescriptor(rule, options.ruleDocs?.get(rule.id))),
      },
    },
    ...(srcRoot ? { originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(srcRoot) } } } : {}),
    columnKind: 'utf16CodeUnits',
    results,
  };
  const log = { $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [run] };
  return JSON.stringify(log, null, 2) + '\n';
}

function ruleDescriptor(rule: AnyRule, doc: string | undefined) {
  const helpUri = ruleDocUrl(rule);
  const full = rule.rationale ? `${rule.description} ${rule.rationale}` : rule.description;
  return {
    id: rule.id,
    name: pascalCase(rule.id.slice(rule.id.indexOf('/') + 1)),
    shortDescription: { text: rule.description },
    fullDescription: { text: full },
    helpUri,
    help: { text: `${full} See ${helpUri}`, ...(doc ? { markdown: doc } : {}) },
    defaultConfiguration: { level: LEVELS[rule.defaultSeverity] },
    properties: { tags: ['twelve-factor', rule.factor] },
  };
}

function artifactLocation(file: string, srcRoot: string | undefined): { uri: string; uriBaseId?: string } {
  if (srcRoot) {
    const rel = path.relative(srcRoot, file);
    if (rel && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel)) {
      return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
    }
  }
  return { uri: pathToFileURL(file).href };
}

/** SARIF requires a base URI to end with a slash. */
function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** `unpinned-base-image` → `UnpinnedBaseImage`, SARIF's end-user rule name. */
function pascalCase(slug: string): string {
  return slug.replace(/(^|-)([a-z0-9])/g, (_m, _dash, ch: string) => ch.toUpperCase());
}
