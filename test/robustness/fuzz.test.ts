import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { readTeamConfig } from '../../server/src/engine/config/configFiles';
import { ResolvedConfig } from '../../server/src/engine/config/resolvedConfig';
import { applyEdits, applyFixes } from '../../server/src/engine/fixes';
import { lint } from '../../server/src/engine/lint';
import { ModelCache } from '../../server/src/engine/modelCache';
import type { Finding } from '../../server/src/engine/types';
import { detectKind } from '../../server/src/parsing/fileKind';
import { PARSERS } from '../../server/src/parsing/parsers';
import { SourceFile } from '../../server/src/parsing/sourceFile';
import { auditJson, ensureBuilt, makeWorkspace, removeWorkspaces } from '../cli/cliHarness';
import { FAMILIES, type Family } from './fuzzInputs';

/**
 * Property-based fuzzing of every parser and the whole engine: generated and mutated files of every
 * family must lint without a throw, with every range inside its document, and with fixes that apply
 * (their edits inside the text and never overlapping). `npm test` runs about 2,000 cases;
 * `npm run fuzz` runs 100,000 (FUZZ_RUNS sets another count, FUZZ_SEED replays a seed). A failure prints fast-check's seed and shrunk input.
 */
const TOTAL_RUNS = Number(process.env.FUZZ_RUNS ?? (process.env.npm_lifecycle_event === 'fuzz' ? 100_000 : 2000));
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const ROOT = path.resolve('/fuzz');
const config = new ResolvedConfig(readTeamConfig('').value, new Map(), '2026-12-01');
const workspace = { readText: (p: string) => (p.endsWith('package.json') ? '{"scripts":{"start":"node a.js"}}' : undefined) };

/** Lints a file as the engine does for every front end, and checks the invariants; returns its findings. */
export function checkFile(fileName: string, text: string): Finding[] {
  const file = new SourceFile(path.join(ROOT, fileName), text);
  const output = lint({ file, config, relativePath: fileName, workspace, cache: new ModelCache(), log: () => undefined, budgetMs: Infinity });
  for (const f of output.findings) {
    assert.ok(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= text.length, `${f.ruleId}: span ${f.span.start}-${f.span.end} outside 0-${text.length}`);
    assert.deepEqual(f.range, file.rangeOf(f.span), `${f.ruleId}: range matches its span`);
    assert.ok(f.range.end.line <= file.lineCount - 1, `${f.ruleId}: range ends after the last line`);
    if (!f.fix) continue;
    for (const e of f.fix.edits) assert.ok(e.span.start >= 0 && e.span.start <= e.span.end && e.span.end <= text.length, `${f.ruleId}: fix edit outside the text`);
    // One fix never overlaps itself (applyEdits throws), and fix-all combines the rest without overlap.
    const fixed = applyEdits(text, f.fix.edits);
    assert.equal(typeof fixed, 'string');
  }
  const fixes = output.findings.flatMap((f) => (f.fix ? [f.fix] : []));
  if (fixes.length > 0) {
    const fixed = applyFixes(text, fixes);
    // The fixed text is analysed again without a throw.
    lint({ file: new SourceFile(file.path, fixed), config, relativePath: fileName, workspace, log: () => undefined, budgetMs: Infinity });
  }
  return output.findings;
}

/** Runs a family's parser alone: it returns a model or throws its ParseError, nothing else. */
function checkParser(fileName: string, text: string): void {
  const kind = detectKind(path.join(ROOT, fileName), text);
  const parser = kind && PARSERS[kind.kind];
  if (!parser) return;
  try {
    const model = parser.parse(new SourceFile(path.join(ROOT, fileName), text));
    parser.dispose?.(model);
  } catch (error) {
    assert.equal((error as Error).constructor.name, 'ParseError', `${fileName}: ${(error as Error).stack}`);
  }
}

const runsPerFamily = Math.max(1, Math.floor(TOTAL_RUNS / FAMILIES.length));

describe(`fuzz: ${runsPerFamily * FAMILIES.length} generated and mutated files through every parser and the engine`, function () {
  this.timeout(Math.max(60_000, runsPerFamily * FAMILIES.length * 50));
  for (const family of FAMILIES) {
    it(`${family.name}: no throw, ranges inside the document, fixes that apply`, () => {
      fc.assert(
        fc.property(family.file, ([fileName, text]) => {
          checkParser(fileName, text);
          checkFile(fileName, text);
        }),
        { numRuns: runsPerFamily, seed: SEED },
      );
    });
  }
});

describe('fuzz: the same findings on the main thread and on workers', function () {
  this.timeout(600_000);
  before(ensureBuilt);
  after(removeWorkspaces);

  it('a workspace of generated files audits the same with --jobs 1 and --jobs 2', () => {
    const perFamily = Math.max(4, Math.min(400, Math.floor(TOTAL_RUNS / 200)));
    const files: Record<string, string> = {};
    FAMILIES.forEach((family: Family) => {
      fc.sample(family.file, { numRuns: perFamily, seed: SEED ?? 42 }).forEach(([fileName, text], i) => {
        // Each file in its own folder, so that names (Dockerfile, .env) never collide.
        files[`${family.name}/${i}/${fileName}`] = text;
      });
    });
    const root = makeWorkspace({});
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      writeFileSync(path.join(root, rel), text);
    }
    // `npm run fuzz` writes 6,400 files: a deadline for a hang, not a speed test (a shared machine is slow).
    const deadline = Math.max(30_000, Object.keys(files).length * 30);
    const one = auditJson(['.', '--jobs', '1'], root, deadline);
    const two = auditJson(['.', '--jobs', '2'], root, deadline);
    assert.ok(one.files > 0);
    assert.deepEqual(two.findings, one.findings);
  });
});
