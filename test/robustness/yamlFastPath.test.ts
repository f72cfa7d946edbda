import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compareFile, type Acceptance } from '../helpers/yamlEquivalence';

const ROOT = path.resolve(__dirname, '../..');
const CORPUS = process.env.TWELVE_FACTOR_CORPUS ?? path.resolve(ROOT, '../shared/corpus');

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === 'node_modules' || d.name === '.git' ? [] : yamlFiles(full);
    return d.isFile() && /\.ya?ml$/i.test(d.name) ? [full] : [];
  });
}

/** Compares every template-free document of the files by both YAML paths; returns how much the fast path took. */
function compareAll(files: string[]): Acceptance {
  const tally: Acceptance = { chunks: 0, accepted: 0, lines: 0, acceptedLines: 0 };
  for (const file of files) compareFile(fs.readFileSync(file, 'utf8'), file, tally);
  return tally;
}

describe('fast YAML path on real files', () => {
  it('gives the tree of yaml + convertDocument for every corpus document it reads, and reads most of them', function () {
    if (!fs.existsSync(CORPUS)) {
      console.log(`      SKIPPED: the real-world corpus is not at ${CORPUS}; the next test checks the project's own YAML files`);
      this.skip();
    }
    this.timeout(120000);
    const tally = compareAll(yamlFiles(CORPUS));
    assert.ok(tally.chunks > 2000, 'the corpus is there');
    // Measured 2026-12: 94% of the documents, 90% of the lines; anchors, multi-line scalars and broken files make the rest.
    assert.ok(tally.acceptedLines > tally.lines * 0.85, `the fast path read ${tally.acceptedLines} of ${tally.lines} lines`);
  });

  it('does the same on the project\'s fixtures and examples', () => {
    const tally = compareAll(['test/fixtures', 'examples', 'test/e2e/workspace'].flatMap((dir) => yamlFiles(path.join(ROOT, dir))));
    assert.ok(tally.chunks > 30, 'the project files are there');
    assert.ok(tally.accepted > tally.chunks * 0.5, `the fast path read ${tally.accepted} of ${tally.chunks} documents`);
  });
});
