/**
 * `npm run accuracy`: runs the built CLI over the real-world corpus and scores its findings against
 * the hand labels in labels.tsv (see README.md beside this file for the matching rule).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FACTORS } from '../../server/src/engine/types';
import { FAMILIES, familyOf, parseIndex, parseLabels, type Family } from './labels';
import { judge, rates, tally, type JsonFinding, type Judged, type Tally } from './score';

const ROOT = path.resolve(__dirname, '../..');
const CORPUS = path.resolve(process.env.TWELVE_FACTOR_CORPUS ?? path.join(ROOT, '../shared/corpus'));
const CLI = path.join(ROOT, 'server/out/cli.js');

function fail(message: string): never {
  process.stderr.write(`accuracy: ${message}\n`);
  process.exit(2);
}

function percent(value: number | undefined): string {
  return value === undefined ? '–' : `${(value * 100).toFixed(0)}%`;
}

function table(title: string, rows: Array<[string, Tally]>): string {
  const lines = [`| ${title} | problems | caught | recall | clean | false | false rate |`, '|---|---:|---:|---:|---:|---:|---:|'];
  for (const [name, t] of rows) {
    const r = rates(t);
    lines.push(`| ${name} | ${t.problems} | ${t.caught} | ${percent(r.recall)} | ${t.clean} | ${t.falseFindings} | ${percent(r.falseRate)} |`);
  }
  return lines.join('\n');
}

function describe(j: Judged): string {
  const where = `${j.label.path}:${j.label.line}`;
  const found = j.matches.map((m) => `${m.ruleId}: ${m.message}`).join(' | ');
  return found ? `  ${where}  [${j.label.factor}]  ${j.label.reason}\n      found: ${found}` : `  ${where}  [${j.label.factor}]  ${j.label.reason}`;
}

function main(): void {
  if (!fs.existsSync(path.join(CORPUS, 'INDEX.tsv'))) fail(`no corpus at ${CORPUS} (set TWELVE_FACTOR_CORPUS)`);
  if (!fs.existsSync(CLI)) fail('server/out/cli.js is missing: run npm run build first');
  const { labels, errors } = parseLabels(fs.readFileSync(path.join(__dirname, 'labels.tsv'), 'utf8'));
  if (errors.length) fail(`labels.tsv is malformed:\n${errors.join('\n')}`);
  const index = parseIndex(fs.readFileSync(path.join(CORPUS, 'INDEX.tsv'), 'utf8'));

  const run = spawnSync(process.execPath, [CLI, 'audit', CORPUS, '--format', 'json', '--fail-on', 'none'], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (run.status !== 0) fail(`the CLI exited with ${run.status}: ${run.stderr}`);
  const findings = (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings;

  const judged = judge(labels, findings, (l) => familyOf(l.path, index.get(l.path)));
  const byFactor = tally(judged, (j) => j.label.factor);
  const byFamily = tally<Family>(judged, (j) => j.family);
  const overall = tally(judged, () => 'overall');

  const out: string[] = [];
  out.push(`Accuracy of ${findings.length} findings on ${labels.length} labels (${CORPUS})`, '');
  out.push(table('factor', FACTORS.filter((f) => byFactor.has(f)).map((f) => [f, byFactor.get(f)!])), '');
  out.push(table('family', FAMILIES.filter((f) => byFamily.has(f)).map((f) => [f, byFamily.get(f)!])), '');
  out.push(table('all', [['overall', overall.get('overall')!]]), '');
  const misses = judged.filter((j) => j.label.verdict === 'problem' && j.matches.length === 0);
  const falses = judged.filter((j) => j.label.verdict === 'clean' && j.matches.length > 0);
  out.push(`Misses (${misses.length}):`, ...misses.map(describe), '');
  out.push(`False findings (${falses.length}):`, ...falses.map(describe), '');
  process.stdout.write(out.join('\n'));
}

main();
