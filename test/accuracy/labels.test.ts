import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FACTORS } from '../../server/src/engine/types';
import { FAMILIES, familyOf, parseIndex, parseLabels, type Label } from './labels';
import { judge, rates, tally, type JsonFinding } from './score';

const ROOT = path.resolve(__dirname, '../..');
const CORPUS = process.env.TWELVE_FACTOR_CORPUS ?? path.resolve(ROOT, '../shared/corpus');
const { labels, errors } = parseLabels(fs.readFileSync(path.join(__dirname, 'labels.tsv'), 'utf8'));

describe('accuracy labels (test/accuracy/labels.tsv)', () => {
  it('parses without a malformed row', () => {
    assert.deepEqual(errors, []);
    assert.ok(labels.length >= 250, `${labels.length} labels, at least 250 expected`);
  });

  it('is about half clean look-alikes', () => {
    const clean = labels.filter((l) => l.verdict === 'clean').length / labels.length;
    assert.ok(clean >= 0.4 && clean <= 0.75, `${(clean * 100).toFixed(0)}% clean`);
  });

  it('covers every factor with problems and clean lines, and every family', () => {
    for (const factor of FACTORS) {
      for (const verdict of ['problem', 'clean'] as const) {
        assert.ok(labels.some((l) => l.factor === factor && l.verdict === verdict), `a ${verdict} label for ${factor}`);
      }
    }
    const families = new Set(labels.map((l) => familyOf(l.path, undefined)));
    for (const family of FAMILIES) assert.ok(families.has(family), `a label in family ${family}`);
  });

  it('spreads over many repositories', () => {
    const repos = new Set(labels.map((l) => l.path.split('/')[0]));
    assert.ok(repos.size >= 25, `${repos.size} repositories`);
  });

  const corpusPresent = fs.existsSync(path.join(CORPUS, 'INDEX.tsv'));
  const title = 'points at existing corpus files and lines';
  it(corpusPresent ? title : `${title} (skipped: no corpus at ${CORPUS}; set TWELVE_FACTOR_CORPUS)`, function () {
    if (!corpusPresent) this.skip();
    const index = parseIndex(fs.readFileSync(path.join(CORPUS, 'INDEX.tsv'), 'utf8'));
    for (const label of labels) {
      assert.ok(index.has(label.path), `${label.path} is in the corpus INDEX`);
      const lines = fs.readFileSync(path.join(CORPUS, label.path), 'utf8').split('\n');
      assert.ok(label.line <= lines.length && lines[label.line - 1].trim() !== '', `${label.path}:${label.line} is a non-empty line`);
      assert.ok(familyOf(label.path, index.get(label.path)), `${label.path} has a family`);
    }
  });
});

describe('accuracy scoring', () => {
  const label = (line: number, verdict: Label['verdict'], factor: Label['factor'] = 'config'): Label => ({ path: 'r/a.yml', line, factor, verdict, reason: 'x' });
  const finding = (startLine: number, endLine: number, factor = 'config'): JsonFinding => ({
    file: 'r/a.yml',
    range: { start: { line: startLine, character: 0 }, end: { line: endLine, character: 1 } },
    ruleId: `${factor}/rule`,
    factor,
    message: 'm',
  });

  it('matches a finding of the same factor whose range covers the 1-based line', () => {
    const judged = judge(
      [label(3, 'problem'), label(5, 'problem'), label(7, 'clean'), label(9, 'clean'), label(3, 'problem', 'logs')],
      [finding(2, 3), finding(6, 6)],
      () => 'k8s',
    );
    assert.deepEqual(
      judged.map((j) => j.matches.length),
      [1, 0, 1, 0, 0],
    );
    const all = tally(judged, () => 'all').get('all')!;
    assert.deepEqual(all, { problems: 3, caught: 1, clean: 2, falseFindings: 1 });
    assert.deepEqual(rates(all), { recall: 1 / 3, falseRate: 0.5 });
  });

  it('ignores findings in other files', () => {
    const other = { ...finding(2, 2), file: 'r/b.yml' };
    assert.equal(judge([label(3, 'problem')], [other], () => 'k8s')[0].matches.length, 0);
  });
});
