import * as path from 'node:path';
import type { AnyRule } from './types';

/** The public home of the rule docs, for reports that leave the machine (SARIF, Markdown). */
export const DOCS_BASE_URL = 'https://github.com/twelve-factor-guide/twelve-factor-guide/blob/main/server/src/rules/';

/** The doc's path relative to a docs folder: `<factor>/<slug>.md`. */
export function ruleDocRelativePath(rule: Pick<AnyRule, 'id'>): string {
  return `${rule.id}.md`;
}

/** The doc file inside a docs folder (the bundled `server/out/docs`, or `server/src/rules`). */
export function ruleDocPath(docsDir: string, rule: Pick<AnyRule, 'id'>): string {
  return path.join(docsDir, ...ruleDocRelativePath(rule).split('/'));
}

/** The doc's URL under a base (the public repository, or a `file://` URI of the bundled docs). */
export function ruleDocUrl(rule: Pick<AnyRule, 'id'>, base: string = DOCS_BASE_URL): string {
  return base.endsWith('/') ? base + ruleDocRelativePath(rule) : `${base}/${ruleDocRelativePath(rule)}`;
}

/** A factor's page (it lists the factor's rules) under a base: `<factor>/README.md`. */
export function factorDocUrl(factor: string, base: string = DOCS_BASE_URL): string {
  return `${base.endsWith('/') ? base : `${base}/`}${factor}/README.md`;
}
