import type { Fingerprint } from './fingerprint';

/** The baseline's file name, at a workspace root beside `.twelve-factor.yaml`. */
export const BASELINE_FILE_NAME = '.twelve-factor-baseline.json';

/** The accepted findings of one workspace root: by file (relative, forward slashes), then by rule. */
export type Baseline = Map<string, Map<string, Fingerprint[]>>;

/** A baseline file that cannot be used; the message names the problem for the user. */
export class BaselineError extends Error {
  override readonly name = 'BaselineError';
}

const VERSION = 1;
const HASH = /^[0-9a-f]{16}$/;
const FIELDS = ['text', 'above', 'below'] as const;

/**
 * Reads a baseline file. Throws {@link BaselineError} for anything that is not a baseline this
 * version wrote, so that a damaged file is reported instead of silently accepting nothing or everything.
 */
export function parseBaseline(json: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new BaselineError(`it is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!isObject(data)) throw new BaselineError('it is not a JSON object');
  if (data.version !== VERSION) throw new BaselineError(`its "version" is ${JSON.stringify(data.version)}, expected ${VERSION}`);
  if (!isObject(data.files)) throw new BaselineError('it has no "files" object');
  const baseline: Baseline = new Map();
  for (const [file, rules] of Object.entries(data.files)) {
    if (!isObject(rules)) throw new BaselineError(`the entry of "${file}" is not an object of rule ids`);
    const byRule = new Map<string, Fingerprint[]>();
    for (const [ruleId, entries] of Object.entries(rules)) {
      if (!Array.isArray(entries)) throw new BaselineError(`"${file}" → "${ruleId}" is not a list`);
      byRule.set(
        ruleId,
        entries.map((entry, i) => {
          if (!isObject(entry) || !FIELDS.every((k) => typeof entry[k] === 'string' && HASH.test(entry[k]))) {
            throw new BaselineError(`"${file}" → "${ruleId}" → entry ${i + 1} is not a fingerprint ({ text, above, below })`);
          }
          return { text: entry.text as string, above: entry.above as string, below: entry.below as string };
        }),
      );
    }
    baseline.set(file, byRule);
  }
  return baseline;
}

/** The file text of a baseline: files, rules and entries sorted, so that a re-run changes nothing and diffs stay small. */
export function serializeBaseline(baseline: Baseline): string {
  const files: Record<string, Record<string, Fingerprint[]>> = {};
  for (const file of [...baseline.keys()].sort()) {
    const rules: Record<string, Fingerprint[]> = {};
    const byRule = baseline.get(file)!;
    for (const ruleId of [...byRule.keys()].sort()) {
      const entries = byRule.get(ruleId)!;
      if (entries.length === 0) continue;
      rules[ruleId] = [...entries].sort((a, b) => compare(a.text, b.text) || compare(a.above, b.above) || compare(a.below, b.below)).map((e) => ({ text: e.text, above: e.above, below: e.below }));
    }
    if (Object.keys(rules).length > 0) files[file] = rules;
  }
  const doc = {
    $comment: 'Findings accepted by the team; twelve-factor audit reports only new ones. Regenerate with: twelve-factor audit --update-baseline',
    version: VERSION,
    files,
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
