import { matchesGlob } from '../glob';
import { factorPattern, isCheckedRule, patternMatches } from '../registry';
import type { AnyRule, SeveritySetting } from '../types';
import { emptyTeamConfig, type IgnoreEntry, type RuleSetting, type TeamConfig } from './teamConfig';

/** A rule's effective setting: severity (or off) and options with defaults filled in. */
export interface EffectiveRule {
  severity: SeveritySetting;
  options: Record<string, unknown>;
}

/**
 * Configuration resolved for one workspace root, in increasing precedence: rule defaults, the
 * committed `.twelve-factor.yaml`, the `twelveFactor.rules` setting. Inline comments, the last layer,
 * are applied per file by the engine. Within one layer an exact id beats a `factor/*` pattern.
 */
export class ResolvedConfig {
  private readonly cache = new Map<string, EffectiveRule>();

  /**
   * @param team the validated `.twelve-factor.yaml`
   * @param settingsRules the validated `twelveFactor.rules` setting
   * @param today `YYYY-MM-DD`, for ignore entries that expire
   */
  constructor(
    readonly team: TeamConfig = emptyTeamConfig(),
    readonly settingsRules: Map<string, RuleSetting> = new Map(),
    readonly today: string = new Date().toISOString().slice(0, 10),
  ) {}

  /** The effective severity and options of a rule. */
  rule(rule: AnyRule): EffectiveRule {
    let effective = this.cache.get(rule.id);
    if (effective) return effective;
    const defaults = isCheckedRule(rule) && rule.options
      ? Object.fromEntries(Object.entries(rule.options).map(([k, o]) => [k, (o as { default: unknown }).default]))
      : {};
    effective = { severity: rule.defaultSeverity, options: defaults };
    for (const layer of [this.team.rules, this.settingsRules]) {
      for (const exact of [false, true]) {
        for (const [pattern, setting] of layer) {
          if ((factorPattern(pattern) === undefined) !== exact || !patternMatches(pattern, rule)) continue;
          effective = {
            severity: setting.severity ?? effective.severity,
            options: { ...effective.options, ...setting.options },
          };
        }
      }
    }
    this.cache.set(rule.id, effective);
    return effective;
  }

  /** True when inline comments may suppress the rule. */
  inlineSuppressAllowed(rule: AnyRule): boolean {
    return !this.team.noInlineSuppress.some((p) => patternMatches(p, rule));
  }

  /** The ignore entry that hides a rule's findings in a file, if one applies today. */
  ignoreEntryFor(rule: AnyRule, relativePath: string): IgnoreEntry | undefined {
    return this.team.ignore.find(
      (entry) =>
        !this.isExpired(entry) &&
        (entry.rules.length === 0 || entry.rules.some((p) => patternMatches(p, rule))) &&
        entry.files.some((glob) => matchesGlob(relativePath, glob)),
    );
  }

  /** True when an ignore entry's expiry date has come. */
  isExpired(entry: IgnoreEntry): boolean {
    return entry.expires !== undefined && entry.expires <= this.today;
  }
}
