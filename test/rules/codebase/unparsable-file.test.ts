import * as assert from 'node:assert/strict';
import { findRule } from '../../../server/src/engine/registry';
import type { Rule } from '../../../server/src/engine/types';
import { lintText } from '../../helpers/engineHarness';

describe('codebase/unparsable-file', () => {
  it("reports 'tooLarge' and 'binary' at the start of the file", () => {
    const huge = lintText('Dockerfile', `FROM node\n${'# filler\n'.repeat(300000)}`);
    assert.deepEqual(huge.map((f) => [f.ruleId, f.span.start, f.span.end]), [['codebase/unparsable-file', 0, 0]]);
    assert.match(huge[0].message, /^Not analysed: the file is \d+ KiB, above the 2048 KiB limit\.$/);
    const binary = lintText('Dockerfile', '\u0000\u0001\u0002ELF');
    assert.deepEqual(binary.map((f) => f.message), ['Not analysed: the file looks binary.']);
  });

  it("keeps 'parseError' for parsers that reject input (Dockerfiles always parse)", () => {
    assert.deepEqual(lintText('Dockerfile', 'this is not { a Dockerfile ]]\n\u00e9\n').filter((f) => f.ruleId === 'codebase/unparsable-file'), []);
  });

  it("reports 'parseError' once per broken YAML document, at its first syntax error", () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: a }\n---\napiVersion: v1\nkind: ConfigMap\ndata:\n  a: [1, 2\n  b: 3\n---\napiVersion: v1\nkind: Secret\n';
    const findings = lintText('k8s/config.yaml', text).filter((f) => f.ruleId === 'codebase/unparsable-file');
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /^Not analysed: YAML syntax error in document 2: /);
    assert.ok(findings[0].range.start.line >= 4 && findings[0].range.start.line <= 8, 'inside document 2');
  });

  it("reports a repeated key as 'syntaxProblem': the document is still analysed", () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: a }\ndata:\n  a: 1\n  a: 2\n';
    const findings = lintText('k8s/config.yaml', text).filter((f) => f.ruleId === 'codebase/unparsable-file');
    assert.deepEqual(findings.map((f) => f.message), ['YAML syntax error in document 1: Map keys must be unique (the rest is still analysed).']);
  });

  it('never reports Helm template directives', () => {
    const chart = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n  labels:\n    {{- include "labels" . | nindent 4 }}\nspec:\n{{- if .Values.x }}\n  replicas: 1\n{{- else }}\n  replicas: 2\n{{- end }}\n';
    assert.deepEqual(lintText('chart/templates/deployment.yaml', chart).filter((f) => f.ruleId === 'codebase/unparsable-file'), []);
  });

  it('is hidden by an ignore entry for the path, as its doc suggests', () => {
    const team = 'ignore:\n  - files: ["generated/**"]\n    rules: [codebase/unparsable-file]\n    reason: rendered output\n';
    assert.deepEqual(lintText('generated/Dockerfile', '\u0000binary', { teamConfig: team }), []);
    assert.equal(lintText('src/Dockerfile', '\u0000binary', { teamConfig: team }).length, 1);
  });
});

describe('codebase/unparsable-file: the time budget', () => {
  // A fake clock that the rules below advance: the budget is counted, never timed.
  let clock = 0;
  const slowRule = (id: string, ms: number) => ({
    ...findRule('disposability/exec-form-entrypoint')!,
    id,
    check: (_model: unknown, ctx: { report: (r: { messageId: string; at: { start: number; end: number } }) => void }) => {
      clock += ms;
      ctx.report({ messageId: 'shellForm', at: { start: 0, end: 4 } });
    },
  }) as unknown as Rule;
  const run = (rules: Rule[]) => lintText('Dockerfile', 'FROM node:20\nCMD node app.js\n', { rules, now: () => clock, budgetMs: 2000 });

  it("reports 'tooSlow' alone when the rules use up the budget, and stops running rules", () => {
    let ran = 0;
    const counting = { ...slowRule('x/after', 0), check: () => void ran++ } as unknown as Rule;
    const findings = run([slowRule('x/fast', 500), slowRule('x/slow', 5000), counting]);
    assert.deepEqual(findings.map((f) => [f.ruleId, f.message]), [['codebase/unparsable-file', 'Not analysed: the file is too slow to analyse (over 2 s); split it, or leave it out of the workspace.']]);
    assert.equal(ran, 0, 'no rule runs once the budget is spent');
  });

  it('keeps every finding of a file within its budget', () => {
    assert.deepEqual(run([slowRule('x/a', 500), slowRule('x/b', 500)]).map((f) => f.ruleId), ['x/a', 'x/b']);
  });
});
