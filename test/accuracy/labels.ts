import { FACTORS, type Factor } from '../../server/src/engine/types';

/** One hand label: a line of a corpus file judged for one factor. */
export interface Label {
  /** Path relative to the corpus root, with forward slashes. */
  path: string;
  /** 1-based line number. */
  line: number;
  factor: Factor;
  verdict: 'problem' | 'clean';
  reason: string;
}

/** The families the accuracy report breaks down by: one per manifest kind, one per code language. */
export const FAMILIES = [
  'k8s',
  'compose',
  'cf-manifest',
  'procfile',
  'dotenv',
  'spring-config',
  'dockerfile',
  'source-python',
  'source-go',
  'source-java',
  'source-js',
  'source-ts',
] as const;
export type Family = (typeof FAMILIES)[number];

const HEADER = ['path', 'line', 'factor', 'verdict', 'reason'];

const LANGUAGE_BY_EXTENSION: Record<string, Family> = {
  py: 'source-python',
  go: 'source-go',
  java: 'source-java',
  js: 'source-js',
  mjs: 'source-js',
  cjs: 'source-js',
  ts: 'source-ts',
};

const FAMILY_BY_KIND: Record<string, Family> = {
  k8s: 'k8s',
  'k8s-unparsed': 'k8s',
  compose: 'compose',
  'cf-manifest': 'cf-manifest',
  procfile: 'procfile',
  dotenv: 'dotenv',
  'spring-config': 'spring-config',
  dockerfile: 'dockerfile',
};

/**
 * The family of a corpus file: code by its extension (a Go test named like a Procfile is still Go),
 * everything else by the corpus INDEX kind, or by its name when the INDEX is not at hand.
 */
export function familyOf(filePath: string, indexKind: string | undefined): Family | undefined {
  const ext = /\.([a-z]+)$/.exec(filePath)?.[1];
  if (ext && LANGUAGE_BY_EXTENSION[ext]) return LANGUAGE_BY_EXTENSION[ext];
  return indexKind ? FAMILY_BY_KIND[indexKind] : familyByName(filePath);
}

/** A guess from the file name alone, good enough for the labelled sample's coverage check. */
function familyByName(filePath: string): Family | undefined {
  const base = filePath.split('/').pop() ?? '';
  if (/^Dockerfile/.test(base)) return 'dockerfile';
  if (/^Procfile/.test(base)) return 'procfile';
  if (/^\.env|\.env$/.test(base)) return 'dotenv';
  if (/^(application|bootstrap)[\w-]*\.(properties|ya?ml)$/.test(base)) return 'spring-config';
  if (/manifest[\w-]*\.ya?ml$/.test(base)) return 'cf-manifest';
  if (/compose[\w.-]*\.ya?ml$|^docker-stack/.test(base)) return 'compose';
  return /\.ya?ml$/.test(base) ? 'k8s' : undefined;
}

/** Parses labels.tsv; every malformed row is an error naming its line, nothing is dropped silently. */
export function parseLabels(text: string): { labels: Label[]; errors: string[] } {
  const rows = text.split('\n').filter((row) => row.trim() !== '');
  const errors: string[] = [];
  const labels: Label[] = [];
  if (rows[0]?.split('\t').join(',') !== HEADER.join(',')) errors.push(`line 1: header must be ${HEADER.join('\\t')}`);
  const seen = new Set<string>();
  rows.slice(1).forEach((row, i) => {
    const where = `line ${i + 2}`;
    const cells = row.split('\t');
    if (cells.length !== 5) return void errors.push(`${where}: ${cells.length} columns, expected 5`);
    const [path, lineText, factor, verdict, reason] = cells;
    const line = Number(lineText);
    if (!path || path.startsWith('/') || path.includes('\\')) errors.push(`${where}: path must be relative with forward slashes`);
    if (!Number.isInteger(line) || line < 1) errors.push(`${where}: line must be a positive integer`);
    if (!(FACTORS as readonly string[]).includes(factor)) errors.push(`${where}: unknown factor ${factor}`);
    if (verdict !== 'problem' && verdict !== 'clean') errors.push(`${where}: verdict must be problem or clean`);
    if (!reason.trim()) errors.push(`${where}: a reason is required`);
    const key = `${path}:${line}:${factor}`;
    if (seen.has(key)) errors.push(`${where}: duplicate label ${key}`);
    seen.add(key);
    labels.push({ path, line, factor: factor as Factor, verdict: verdict as Label['verdict'], reason });
  });
  return { labels, errors };
}

/** Reads the corpus INDEX.tsv (path → kind). */
export function parseIndex(text: string): Map<string, string> {
  const index = new Map<string, string>();
  for (const row of text.split('\n').slice(1)) {
    const [path, kind] = row.split('\t');
    if (path && kind) index.set(path, kind.trim());
  }
  return index;
}
