import { echoSafe } from '../../analysis/secrets';
import type { Span } from '../../parsing/sourceFile';
import { factorPattern, findRule, isCheckedRule, isKnownPattern, suggestRuleId } from '../registry';
import { SEVERITY_SETTINGS, type OptionSchema, type SeveritySetting } from '../types';
import { describeType, toPlain, type Located } from './locatedValue';

/** A `rules` entry after validation: a severity and, for a single rule, options. */
export interface RuleSetting {
  severity?: SeveritySetting;
  options?: Record<string, unknown>;
}

/** An `ignore` entry: findings of these rules in these files are not reported, until `expires`. */
export interface IgnoreEntry {
  rules: string[];
  files: string[];
  reason?: string;
  /** `YYYY-MM-DD`; from that day on the entry no longer applies. */
  expires?: string;
  expiresSpan?: Span;
}

/** The validated content of `.twelve-factor.yaml`. */
export interface TeamConfig {
  /** Keyed by rule id (aliases resolved) or `factor/*`. */
  rules: Map<string, RuleSetting>;
  requireReason: boolean;
  /** Rule patterns whose inline suppression comments have no effect. */
  noInlineSuppress: string[];
  ignore: IgnoreEntry[];
}

/** A problem in a configuration file, at the key or value it is about. */
export interface ConfigProblem {
  span: Span;
  message: string;
}

/** A configuration with the problems met while reading it; bad entries are left out, defaults apply. */
export interface Validated<T> {
  value: T;
  problems: ConfigProblem[];
}

/** The empty team configuration. */
export function emptyTeamConfig(): TeamConfig {
  return { rules: new Map(), requireReason: false, noInlineSuppress: [], ignore: [] };
}

/** The top-level keys of `.twelve-factor.yaml` with their descriptions (also used for the JSON schema). */
export const TEAM_CONFIG_KEYS = {
  rules: 'Rule severities and options, by rule id or `factor/*`.',
  requireReason: 'Report a suppression comment that gives no reason after `--`.',
  noInlineSuppress: 'Rule ids or `factor/*` patterns that inline suppression comments cannot turn off.',
  ignore: 'Path globs (relative to the workspace root) whose findings of the given rules are not reported.',
} as const;

/** The keys of an `ignore` entry. */
export const IGNORE_ENTRY_KEYS = {
  files: 'Path globs relative to the workspace root.',
  rules: 'Rule ids or `factor/*` patterns; all rules when left out.',
  reason: 'Why these findings are accepted.',
  expires: 'Date (YYYY-MM-DD) from which the entry no longer applies.',
} as const;

/** Validates the whole team configuration document. */
export function validateTeamConfig(root: Located): Validated<TeamConfig> {
  const config = emptyTeamConfig();
  const problems: ConfigProblem[] = [];
  if (root.type === 'scalar' && root.value === null) return { value: config, problems };
  if (root.type !== 'map') {
    problems.push({ span: root.span, message: `The configuration must be a mapping of keys, not ${describeType(root)}.` });
    return { value: config, problems };
  }
  for (const entry of root.entries) {
    switch (entry.key) {
      case 'rules': {
        const rules = validateRules(entry.value, 'rules');
        config.rules = rules.value;
        problems.push(...rules.problems);
        break;
      }
      case 'requireReason':
        if (entry.value.type === 'scalar' && typeof entry.value.value === 'boolean') config.requireReason = entry.value.value;
        else problems.push({ span: entry.value.span, message: `"requireReason" must be true or false, not ${describeType(entry.value)}.` });
        break;
      case 'noInlineSuppress': {
        const patterns = validatePatternList(entry.value, 'noInlineSuppress');
        config.noInlineSuppress = patterns.value;
        problems.push(...patterns.problems);
        break;
      }
      case 'ignore': {
        const ignore = validateIgnore(entry.value);
        config.ignore = ignore.value;
        problems.push(...ignore.problems);
        break;
      }
      default:
        problems.push({ span: entry.keySpan, message: `Unknown key "${echoSafe(entry.key)}" in .twelve-factor.yaml. Known keys: ${Object.keys(TEAM_CONFIG_KEYS).join(', ')}.` });
    }
  }
  return { value: config, problems };
}

/**
 * Validates a `rules` object (from the config file or the `twelveFactor.rules` setting). Each key is a
 * rule id, an alias or `factor/*`; each value a severity or `{ severity, options }`.
 */
export function validateRules(node: Located, where: string): Validated<Map<string, RuleSetting>> {
  const rules = new Map<string, RuleSetting>();
  const problems: ConfigProblem[] = [];
  if (node.type !== 'map') {
    if (!(node.type === 'scalar' && node.value === null)) {
      problems.push({ span: node.span, message: `"${where}" must be an object of rule ids, not ${describeType(node)}.` });
    }
    return { value: rules, problems };
  }
  for (const entry of node.entries) {
    if (!isKnownPattern(entry.key)) {
      const hint = suggestRuleId(entry.key);
      problems.push({ span: entry.keySpan, message: `Unknown rule "${echoSafe(entry.key)}" in ${where}.${hint ? ` Did you mean "${hint}"?` : ''}` });
      continue;
    }
    const setting = validateRuleSetting(entry.key, entry.value, `${where}.${entry.key}`, problems);
    const canonical = factorPattern(entry.key) ? entry.key : findRule(entry.key)!.id;
    if (setting) rules.set(canonical, setting);
  }
  return { value: rules, problems };
}

function validateRuleSetting(pattern: string, node: Located, where: string, problems: ConfigProblem[]): RuleSetting | undefined {
  if (node.type === 'scalar') {
    if (typeof node.value === 'string' && (SEVERITY_SETTINGS as readonly string[]).includes(node.value)) {
      return { severity: node.value as SeveritySetting };
    }
    problems.push({ span: node.span, message: `Invalid value ${JSON.stringify(typeof node.value === 'string' ? echoSafe(node.value) : node.value)} for "${where}": expected ${SEVERITY_SETTINGS.join(', ')} or { severity, options }.` });
    return undefined;
  }
  if (node.type !== 'map') {
    problems.push({ span: node.span, message: `"${where}" must be a severity or { severity, options }, not ${describeType(node)}.` });
    return undefined;
  }
  const setting: RuleSetting = {};
  for (const entry of node.entries) {
    if (entry.key === 'severity') {
      const inner = validateRuleSetting(pattern, entry.value, `${where}.severity`, problems);
      if (inner?.severity) setting.severity = inner.severity;
    } else if (entry.key === 'options') {
      const options = validateOptions(pattern, entry.value, `${where}.options`, problems);
      if (options) setting.options = options;
    } else {
      problems.push({ span: entry.keySpan, message: `Unknown key "${echoSafe(entry.key)}" in "${where}". Known keys: severity, options.` });
    }
  }
  return setting;
}

function validateOptions(pattern: string, node: Located, where: string, problems: ConfigProblem[]): Record<string, unknown> | undefined {
  const rule = factorPattern(pattern) ? undefined : findRule(pattern);
  if (!rule) {
    problems.push({ span: node.span, message: `"${where}": options can only be set for a single rule, not for "${pattern}".` });
    return undefined;
  }
  const schema: Record<string, OptionSchema> = (isCheckedRule(rule) ? rule.options : undefined) ?? {};
  if (node.type !== 'map') {
    problems.push({ span: node.span, message: `"${where}" must be an object, not ${describeType(node)}.` });
    return undefined;
  }
  const options: Record<string, unknown> = {};
  for (const entry of node.entries) {
    const option = schema[entry.key];
    if (!option) {
      const known = Object.keys(schema);
      problems.push({ span: entry.keySpan, message: `Unknown option "${echoSafe(entry.key)}" for ${rule.id}.${known.length ? ` Known options: ${known.join(', ')}.` : ' It has no options.'}` });
      continue;
    }
    const error = checkOptionValue(option, entry.value);
    if (error) problems.push({ span: entry.value.span, message: `Invalid value for "${where}.${entry.key}": ${error}.` });
    else options[entry.key] = toPlain(entry.value);
  }
  return options;
}

function checkOptionValue(option: OptionSchema, node: Located): string | undefined {
  if (option.type === 'array') {
    if (node.type !== 'list') return `expected a list, not ${describeType(node)}`;
    const itemType = option.items?.type ?? 'string';
    const bad = node.items.find((i) => i.type !== 'scalar' || typeof i.value !== itemType);
    return bad ? `expected a list of ${itemType}s` : undefined;
  }
  if (node.type !== 'scalar' || typeof node.value !== option.type) return `expected a ${option.type}, not ${describeType(node)}`;
  if (option.enum && !option.enum.includes(node.value as string | number)) return `expected one of ${option.enum.join(', ')}`;
  if (option.minimum !== undefined && (node.value as number) < option.minimum) return `expected at least ${option.minimum}`;
  return undefined;
}

function validatePatternList(node: Located, where: string): Validated<string[]> {
  const patterns: string[] = [];
  const problems: ConfigProblem[] = [];
  const items = node.type === 'list' ? node.items : [node];
  for (const item of items) {
    if (item.type !== 'scalar' || typeof item.value !== 'string') {
      problems.push({ span: item.span, message: `"${where}" takes rule ids or factor/* patterns, not ${describeType(item)}.` });
    } else if (!isKnownPattern(item.value)) {
      const hint = suggestRuleId(item.value);
      problems.push({ span: item.span, message: `Unknown rule "${echoSafe(item.value)}" in ${where}.${hint ? ` Did you mean "${hint}"?` : ''}` });
    } else {
      patterns.push(item.value);
    }
  }
  return { value: patterns, problems };
}

function validateIgnore(node: Located): Validated<IgnoreEntry[]> {
  const entries: IgnoreEntry[] = [];
  const problems: ConfigProblem[] = [];
  if (node.type !== 'list') {
    problems.push({ span: node.span, message: `"ignore" must be a list of { files, rules, reason, expires } entries, not ${describeType(node)}.` });
    return { value: entries, problems };
  }
  for (const item of node.items) {
    const entry = validateIgnoreEntry(item, problems);
    if (entry) entries.push(entry);
  }
  return { value: entries, problems };
}

/**
 * One `ignore` entry, or undefined when anything in it is wrong. A bad entry is reported and left out
 * as a whole: dropping only its bad part could widen what it hides (an unknown rule id dropped from
 * `rules` leaves an empty list, which means every rule; a bad `expires` dropped means forever).
 */
function validateIgnoreEntry(item: Located, problems: ConfigProblem[]): IgnoreEntry | undefined {
  const found: ConfigProblem[] = [];
  if (item.type !== 'map') {
    problems.push({ span: item.span, message: `An "ignore" entry must be { files, rules, reason, expires }, not ${describeType(item)}.` });
    return undefined;
  }
  const entry: IgnoreEntry = { rules: [], files: [] };
  for (const field of item.entries) {
    const value = field.value;
    if (field.key === 'files') {
      const globs = value.type === 'list' ? value.items : [value];
      const bad = globs.find((v) => v.type !== 'scalar' || typeof v.value !== 'string' || v.value === '');
      if (bad) found.push({ span: bad.span, message: `"ignore[].files" takes path globs, not ${describeType(bad)}.` });
      else if (globs.length === 0) found.push({ span: value.span, message: '"ignore[].files" must name at least one path glob.' });
      else entry.files = globs.map((v) => String((v as { value: string }).value));
    } else if (field.key === 'rules') {
      const patterns = validatePatternList(value, 'ignore[].rules');
      found.push(...patterns.problems);
      // Left out, `rules` means every rule; written empty it is a mistake, not a wider entry.
      if (patterns.value.length === 0 && patterns.problems.length === 0) found.push({ span: value.span, message: '"ignore[].rules" must name at least one rule; leave it out to cover every rule.' });
      entry.rules = patterns.value;
    } else if (field.key === 'reason' && value.type === 'scalar') {
      entry.reason = String(value.value ?? '');
    } else if (field.key === 'expires') {
      if (value.type === 'scalar' && isCalendarDate(String(value.value))) {
        entry.expires = String(value.value);
        entry.expiresSpan = value.span;
      } else {
        found.push({ span: value.span, message: '"ignore[].expires" must be a date written YYYY-MM-DD.' });
      }
    } else {
      found.push({ span: field.keySpan, message: `Unknown key "${echoSafe(field.key)}" in an ignore entry. Known keys: ${Object.keys(IGNORE_ENTRY_KEYS).join(', ')}.` });
    }
  }
  if (!item.entries.some((f) => f.key === 'files')) found.push({ span: item.span, message: 'An "ignore" entry needs "files": the path globs it applies to.' });
  problems.push(...found.map((p) => ({ span: p.span, message: `${p.message} The entry is not applied.` })));
  return found.length === 0 ? entry : undefined;
}

/** `YYYY-MM-DD` naming a real day (not 2020-13-45 or 2027-02-30). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
