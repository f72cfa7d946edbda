import { allRules, isCheckedRule } from '../engine/registry';

/** The Markdown rule table for the README, generated from the registry. */
export function ruleTableMarkdown(docsPrefix: string): string {
  const rows = allRules().map((rule) => {
    const kinds = rule.kinds.join(', ');
    const fix = rule.fixable ? 'yes' : '';
    const engine = isCheckedRule(rule) ? '' : ' (engine)';
    return `| [\`${rule.id}\`](${docsPrefix}${rule.id}.md) | ${rule.description}${engine} | ${kinds} | ${rule.defaultSeverity} | ${fix} |`;
  });
  return ['| rule | flags | kinds | default | fix |', '|---|---|---|---|---|', ...rows].join('\n');
}
