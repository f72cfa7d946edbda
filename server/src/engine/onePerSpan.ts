import type { RuleReport } from './types';

/**
 * Wraps a rule's `report` so that each span is reported once; the engine and the rule tester wrap
 * every rule with it, so rules need not care. A value shared through a YAML anchor
 * is reached from every service that merges it, with that service's name in the message; it is one
 * piece of text, so it gets one finding (the first service's) and one fix.
 */
export function onePerSpan(report: (report: RuleReport) => void): (report: RuleReport) => void {
  const seen = new Set<string>();
  return (r) => {
    const key = `${r.at.start}:${r.at.end}`;
    if (seen.has(key)) return;
    seen.add(key);
    report(r);
  };
}
