import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { allRules, ruleDocPath } from '../engine';

/**
 * The rule docs (Markdown) by rule id, for SARIF's `help.markdown`: from `docs/` next to the bundle
 * (the build copies them there), or from the sources when run unbundled. The CLI and the editor's
 * export both read them here, so that their SARIF is the same.
 */
export function readRuleDocs(bundleDir: string): Map<string, string> {
  const docs = new Map<string, string>();
  const dirs = [path.join(bundleDir, 'docs'), path.join(__dirname, '..', 'rules')];
  for (const rule of allRules()) {
    for (const dir of dirs) {
      try {
        docs.set(rule.id, readFileSync(ruleDocPath(dir, rule), 'utf8'));
        break;
      } catch {
        // Not in this folder; a rule without a readable doc gets the plain-text help only.
      }
    }
  }
  return docs;
}
