import { ALL_RULES } from '../rules';
import type { FileKind } from '../parsing/fileKind';
import { FACTORS, type AnyRule, type Factor, type Rule } from './types';

const byId = new Map<string, AnyRule>();
for (const rule of ALL_RULES) {
  byId.set(rule.id, rule);
  for (const alias of rule.aliases ?? []) byId.set(alias, rule);
}

/** Every registered rule, in registry order. */
export function allRules(): readonly AnyRule[] {
  return ALL_RULES;
}

/** A rule by id or alias. */
export function findRule(id: string): AnyRule | undefined {
  return byId.get(id);
}

/** True when a rule has a `check` (rather than being reported by the engine itself). */
export function isCheckedRule(rule: AnyRule): rule is Rule<unknown, Record<string, unknown>> {
  return typeof (rule as Rule).check === 'function';
}

/** The checked rules that read a kind. */
export function rulesForKind(kind: FileKind): Rule<unknown, Record<string, unknown>>[] {
  return ALL_RULES.filter(isCheckedRule).filter((r) => r.kinds.includes(kind));
}

/** The factor of a `factor/*` pattern, or undefined when the pattern is not one. */
export function factorPattern(pattern: string): Factor | undefined {
  const match = /^([a-z-]+)\/\*$/.exec(pattern);
  return match && (FACTORS as readonly string[]).includes(match[1]) ? (match[1] as Factor) : undefined;
}

/** True when a pattern (an id, an alias or `factor/*`) selects the rule. */
export function patternMatches(pattern: string, rule: AnyRule): boolean {
  const factor = factorPattern(pattern);
  if (factor) return rule.factor === factor;
  return findRule(pattern) === rule;
}

/** True when a pattern names a rule or a factor. */
export function isKnownPattern(pattern: string): boolean {
  return factorPattern(pattern) !== undefined || byId.has(pattern);
}

/** The known rule id closest to a mistyped one, for "did you mean" hints. */
export function suggestRuleId(typo: string): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const limit = Math.max(3, Math.floor(typo.length / 4));
  for (const id of byId.keys()) {
    // The length difference bounds the distance from below: a pasted 100 KB key costs no edit-distance table.
    if (Math.abs(typo.length - id.length) > Math.min(limit, bestDistance)) continue;
    const d = editDistance(typo, id);
    if (d < bestDistance) {
      bestDistance = d;
      best = id;
    }
  }
  return best !== undefined && bestDistance <= limit ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}
