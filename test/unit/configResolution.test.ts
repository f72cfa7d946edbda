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

  describe('an invalid ignore entry is reported and left out as a whole, never widening what is hidden', () => {
    const entry = (lines: string) => `ignore:\n  - files: ["legacy/**"]\n${lines}`;
    const cases: [string, string, RegExp][] = [
      ['an unknown rule id (the empty list left would mean every rule)', '    rules: [fake/rule]\n', /Unknown rule "fake\/rule" in ignore\[\]\.rules\. The entry is not applied\./],
      ['an unknown id beside a known one', `    rules: [fake/rule, ${RULE}]\n`, /Unknown rule "fake\/rule"/],
      ['an empty rules list', '    rules: []\n', /must name at least one rule/],
      ['expires that is no date', '    expires: yesterday\n', /must be a date written YYYY-MM-DD\. The entry is not applied\./],
      ['an impossible date', '    expires: 2020-13-45\n', /must be a date written YYYY-MM-DD/],
      ['the 30th of February', '    expires: 2027-02-30\n', /must be a date written YYYY-MM-DD/],
      ['a misspelt key (rule for rules)', `    rule: [${RULE}]\n`, /Unknown key "rule" in an ignore entry/],
      ['a files list with a non-string', '    files: ["legacy/**", 5]\n', /takes path globs, not number/],
    ];
    for (const [name, lines, message] of cases) {
      it(name, () => {
        const teamConfig = entry(lines).replace('  - files: ["legacy/**"]\n    files:', '  - files:');
        assert.equal(severityOf(lintText('legacy/Dockerfile', 'FROM node\n', { teamConfig })), 'warning', 'the finding is still reported');
        const problems = readTeamConfig(teamConfig).problems.map((p) => p.message);
        assert.equal(readTeamConfig(teamConfig).value.ignore.length, 0);
        assert.ok(problems.some((p) => message.test(p)), problems.join('\n'));
        assert.ok(lintText('.twelve-factor.yaml', teamConfig).some((f) => f.ruleId === 'codebase/invalid-config'));
      });
    }

    it('a valid entry with a real date still applies', () => {
      const teamConfig = entry(`    rules: [${RULE}]\n    expires: 2028-02-29\n`);
      assert.equal(severityOf(lintText('legacy/Dockerfile', 'FROM node\n', { teamConfig })), 'off');
      assert.deepEqual(readTeamConfig(teamConfig).problems, []);
    });
  });
});
