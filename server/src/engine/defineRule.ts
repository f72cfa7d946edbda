import type { Rule } from './types';

/**
 * Declares a rule with its model and options types checked. It returns the rule unchanged; the
 * registry in `rules/index.ts` lists every rule so that nothing is discovered by file-system magic.
 */
export function defineRule<Model, Options extends object = Record<string, never>>(
  rule: Rule<Model, Options>,
): Rule<Model, Options> {
  return rule;
}

/** Fills `{{name}}` placeholders; a missing key is left visible rather than silently dropped. */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(data, key) ? String(data[key]) : whole,
  );
}
