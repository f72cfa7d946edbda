import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ResolvedConfig } from '../../server/src/engine/config/resolvedConfig';
import { lint } from '../../server/src/engine/lint';
import { allRules } from '../../server/src/engine/registry';
import { detectKind } from '../../server/src/parsing/fileKind';
import { SourceFile } from '../../server/src/parsing/sourceFile';
import { parseAllDocuments } from 'yaml';
import { applyFixes } from '../../server/src/engine/fixes';
import type { Finding } from '../../server/src/engine/types';
import type { DeploymentModel } from '../../server/src/parsing/deployment/deploymentModel';

const ROOT = path.resolve(__dirname, '../..');
const CORPUS = process.env.TWELVE_FACTOR_CORPUS ?? path.resolve(ROOT, '../shared/corpus');

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === 'node_modules' || d.name === '.git' ? [] : walk(full);
    return d.isFile() ? [full] : [];
  });
}

/** Every rule at its default severity, and every rule switched on, so nothing is skipped. */
const everyRuleOn = new ResolvedConfig(undefined, new Map(allRules().map((r) => [r.id, { severity: 'info' as const }])));

/** Lints a file and checks the properties that must hold for any input. */
function checkFile(filePath: string, root: string): void {
  const text = fs.readFileSync(filePath, 'utf8');
  const kind = detectKind(filePath, text);
  if (!kind) return;
  const file = new SourceFile(filePath, text);
  const failures: string[] = [];
  const output = lint({
    file,
    kind,
    config: everyRuleOn,
    relativePath: path.relative(root, filePath),
    workspace: { readText: () => undefined },
    log: (m) => failures.push(m),
  });
  assert.deepEqual(failures, [], `no rule throws on ${filePath}`);
  for (const f of output.findings) {
    assert.ok(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= text.length, `${f.ruleId} span inside ${filePath}`);
    assert.ok(f.range.end.line < file.lineCount, `${f.ruleId} range inside ${filePath}`);
    assert.ok(f.range.end.character <= file.lineText(f.range.end.line).length, `${f.ruleId} end character inside its line in ${filePath}`);
    for (const edit of f.fix?.edits ?? []) assert.ok(edit.span.start >= 0 && edit.span.end <= text.length, `${f.ruleId} fix inside ${filePath}`);
  }
  if (output.model && isDeploymentModel(output.model)) checkDeploymentFindings(output.model, output.findings, text, filePath);
}

function isDeploymentModel(model: unknown): model is DeploymentModel {
  return typeof model === 'object' && model !== null && 'workloads' in model && 'yaml' in model;
}

/**
 * Manifest properties: no finding ever sits on a reference or placeholder value (a `secretKeyRef`,
 * `${VAR}`, `((var))`, a Helm expression), and every fix leaves the file valid YAML with as many
 * documents as before.
 */
function checkDeploymentFindings(model: DeploymentModel, findings: Finding[], text: string, filePath: string): void {
  const protectedSpans = model.workloads.flatMap((w) =>
    w.containers.flatMap((c) => c.env.flatMap((e) => (e.value.type === 'reference' || e.value.type === 'placeholder' ? [e.value.span] : []))),
  );
  for (const f of findings) {
    if (f.ruleId.startsWith('codebase/')) continue;
    const inside = protectedSpans.find((p) => p.start <= f.span.start && f.span.end <= p.end && f.span.end > f.span.start);
    assert.equal(inside, undefined, `${f.ruleId} reported a reference or placeholder value "${inside && text.slice(inside.start, inside.end)}" in ${filePath}`);
    if (!f.fix || model.yaml.documents.some((d) => d.error || d.templated)) continue;
    const fixed = applyFixes(text, [f.fix]);
    const before = parseAllDocuments(text).length;
    const after = parseAllDocuments(fixed);
    assert.equal(after.length, before, `${f.ruleId}'s fix keeps the documents of ${filePath}`);
    const errors = after.flatMap((d) => d.errors.filter((e) => e.code !== 'DUPLICATE_KEY').map((e) => e.message));
    assert.deepEqual(errors, [], `${f.ruleId}'s fix leaves ${filePath} valid YAML`);
  }
}

describe('robustness', () => {
  it(`lints every file of the shared corpus without a crash, with every range inside its document`, function () {
    if (!fs.existsSync(CORPUS)) {
      console.log(`      SKIPPED: the real-world corpus (public Dockerfiles, manifests and config code kept beside the repository) is not at ${CORPUS}; CI runs this test (TWELVE_FACTOR_CORPUS points elsewhere), and the next one checks the project's own files`);
      this.skip();
    }
    this.timeout(120000);
    const files = walk(CORPUS);
    assert.ok(files.length > 1000, 'the corpus is there');
    for (const file of files) checkFile(file, CORPUS);
  });

  it('lints every file of the project (fixtures, examples, the e2e workspace) the same way, corpus or not', () => {
    const files = ['test/fixtures', 'examples', 'test/e2e/workspace'].flatMap((dir) => walk(path.join(ROOT, dir)));
    assert.ok(files.length > 50, 'the project files are there');
    for (const file of files) checkFile(file, ROOT);
  });
});
