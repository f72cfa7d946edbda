import * as assert from 'node:assert/strict';
import { readSettingsJson, readTeamConfig, validateSettingsObject } from '../../server/src/engine/config/configFiles';
import { ResolvedConfig } from '../../server/src/engine/config/resolvedConfig';
import { findRule } from '../../server/src/engine/registry';
import { lintText } from '../helpers/engineHarness';

const RULE = 'dependencies/unpinned-base-image';
const rule = findRule(RULE)!;
const severityOf = (findings: { ruleId: string; severity: string }[]) => findings.find((f) => f.ruleId === RULE)?.severity ?? 'off';

describe('configuration resolution', () => {
  it('uses the rule default when nothing is configured', () => {
    assert.equal(severityOf(lintText('Dockerfile', 'FROM node\n')), 'warning');
  });

  it('orders defaults < .twelve-factor.yaml < twelveFactor.rules', () => {
    const team = `rules:\n  ${RULE}: error\n`;
    assert.equal(severityOf(lintText('Dockerfile', 'FROM node\n', { teamConfig: team })), 'error');
    const settings = `{ "twelveFactor.rules": { "${RULE}": "info" } }`;
    assert.equal(severityOf(lintText('Dockerfile', 'FROM node\n', { teamConfig: team, settings })), 'info');
    assert.equal(severityOf(lintText('Dockerfile', 'FROM node\n', { teamConfig: team, settings: `{ "twelveFactor.rules": { "${RULE}": "off" } }` })), 'off');
  });

  it('lets an exact id beat factor/* within a layer, and a later layer beat both', () => {
    const team = `rules:\n  ${RULE}: info\n  dependencies/*: error\n`;
    assert.equal(severityOf(lintText('Dockerfile', 'FROM node\n', { teamConfig: team })), 'info');
    assert.equal(severityOf(lintText('Dockerfile', 'FROM node\n', { teamConfig: team, settings: '{ "twelveFactor.rules": { "dependencies/*": "off" } }' })), 'off');
  });

  it('accepts { severity, options } and merges options over defaults', () => {
    const team = `rules:\n  ${RULE}:\n    severity: error\n    options:\n      allow: [node]\n`;
    const config = new ResolvedConfig(readTeamConfig(team).value);
    assert.deepEqual(config.rule(rule), { severity: 'error', options: { allow: ['node'] } });
    assert.deepEqual(lintText('Dockerfile', 'FROM node\n', { teamConfig: team }), []);
  });

  it('reads nested and flat settings, with comments and trailing commas', () => {
    const flat = readSettingsJson('{\n  // team settings\n  "twelveFactor.rules": { "dependencies/*": "error", },\n}');
    assert.deepEqual(flat.problems, []);
    assert.equal(flat.value.rules?.get('dependencies/*')?.severity, 'error');
    const nested = readSettingsJson('{ "twelveFactor": { "enable": false, "rules": { "dependencies/*": "info" } } }');
    assert.equal(nested.value.enable, false);
    assert.equal(nested.value.rules?.get('dependencies/*')?.severity, 'info');
  });

  it('validates settings pulled from the editor the same way', () => {
    const result = validateSettingsObject({ enable: true, rules: { [RULE]: 'warn' } });
    assert.equal(result.value.rules?.size, 0);
    assert.match(result.problems[0].message, /Invalid value "warn" for "twelveFactor.rules.dependencies\/unpinned-base-image"/);
  });

  it('keeps the defaults for bad entries and reports each bad key where it stands', () => {
    const text = `rules:\n  dependencies/unpinned-base-imag: error\n  ${RULE}: loud\nrequireReasons: true\nignore: nope\n`;
    const { value, problems } = readTeamConfig(text);
    assert.equal(value.rules.size, 0);
    const messages = problems.map((p) => `${text.slice(p.span.start, p.span.end)} → ${p.message}`);
    assert.deepEqual(messages, [
      `dependencies/unpinned-base-imag → Unknown rule "dependencies/unpinned-base-imag" in rules. Did you mean "${RULE}"?`,
      `loud → Invalid value "loud" for "rules.${RULE}": expected off, info, warning, error or { severity, options }.`,
      'requireReasons → Unknown key "requireReasons" in .twelve-factor.yaml. Known keys: rules, requireReason, noInlineSuppress, ignore.',
      'nope → "ignore" must be a list of { files, rules, reason, expires } entries, not string.',
    ]);
    assert.equal(severityOf(lintText('Dockerfile', 'FROM node\n', { teamConfig: text })), 'warning');
  });

  it('rejects unknown options and options on factor patterns', () => {
    const { problems } = readTeamConfig(`rules:\n  ${RULE}:\n    options:\n      alow: []\n  dependencies/*:\n    options: {}\n`);
    assert.deepEqual(problems.map((p) => p.message), [
      `Unknown option "alow" for ${RULE}. Known options: allow.`,
      '"rules.dependencies/*.options": options can only be set for a single rule, not for "dependencies/*".',
    ]);
  });

  it('reports broken YAML in the config file as a finding in that file, and applies the defaults', () => {
    const findings = lintText('.twelve-factor.yaml', 'rules:\n  - [unclosed\n');
    assert.equal(findings[0].ruleId, 'codebase/invalid-config');
    assert.match(findings[0].message, /not valid YAML/);
    assert.equal(severityOf(lintText('Dockerfile', 'FROM node\n', { teamConfig: 'rules:\n  - [unclosed\n' })), 'warning');
  });

  it('reports a bad twelveFactor setting in .vscode/settings.json at its key', () => {
    const text = '{\n  "editor.tabSize": 2,\n  "twelveFactor.rulez": {}\n}\n';
    const findings = lintText('.vscode/settings.json', text);
    assert.equal(findings.length, 1);
    assert.equal(findings[0].ruleId, 'codebase/invalid-config');
    assert.deepEqual(findings[0].range.start, { line: 2, character: 2 });
    assert.match(findings[0].message, /Unknown setting "twelveFactor.rulez"/);
  });

  it('ignores findings by path glob and rule until the entry expires', () => {
    const team = (expires: string) => `ignore:\n  - files: ["legacy/**"]\n    rules: [dependencies/*]\n    reason: old image\n    expires: ${expires}\n`;
    assert.deepEqual(lintText('legacy/Dockerfile', 'FROM node\n', { teamConfig: team('2027-01-01') }), []);
    assert.equal(lintText('api/Dockerfile', 'FROM node\n', { teamConfig: team('2027-01-01') }).length, 1);
    assert.equal(lintText('legacy/Dockerfile', 'FROM node\n', { teamConfig: team('2026-01-01') }).length, 1, 'expired');
    const configFindings = lintText('.twelve-factor.yaml', team('2026-01-01'));
    assert.deepEqual(configFindings.map((f) => f.ruleId), ['codebase/suppression-policy']);
    assert.match(configFindings[0].message, /expired on 2026-01-01/);
  });

  it('matches base-name globs at any depth', () => {
    const team = 'ignore:\n  - files: ["Dockerfile.dev"]\n';
    assert.deepEqual(lintText('services/api/Dockerfile.dev', 'FROM node\n', { teamConfig: team }), []);
  });
});
