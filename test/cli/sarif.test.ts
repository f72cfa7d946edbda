import * as assert from 'node:assert/strict';
import { sarifErrors } from '../helpers/sarifSchema';
import { ensureBuilt, makeWorkspace, removeWorkspaces, runCli, UNPINNED } from './cliHarness';

describe('cli: SARIF', function () {
  this.timeout(120_000);
  before(ensureBuilt);
  after(removeWorkspaces);

  it('validates against the SARIF 2.1.0 schema and carries what code scanning needs', () => {
    const root = makeWorkspace({ 'api/Dockerfile': 'FROM node\n', '.vscode/settings.json': '{ "twelveFactor.rules": { "nope": "off" } }' });
    const run = runCli(['audit', '.', '--format', 'sarif', '--fail-on', 'none'], root);
    assert.equal(run.code, 0, run.stderr);
    const log = JSON.parse(run.stdout);
    assert.deepEqual(sarifErrors(log), []);

    const [sarifRun] = log.runs;
    const driver = sarifRun.tool.driver;
    assert.equal(driver.name, 'Twelve-Factor Guide');
    assert.match(driver.informationUri, /^https:\/\//);
    assert.match(driver.version, /^\d+\.\d+\.\d+/);
    assert.match(sarifRun.originalUriBaseIds['%SRCROOT%'].uri, /^file:\/\/.*\/$/);

    const result = sarifRun.results.find((r: { ruleId: string }) => r.ruleId === UNPINNED);
    assert.ok(result, 'the unpinned base image is reported');
    assert.equal(result.level, 'warning');
    assert.deepEqual(result.locations[0].physicalLocation, {
      artifactLocation: { uri: 'api/Dockerfile', uriBaseId: '%SRCROOT%' },
      region: { startLine: 1, startColumn: 6, endLine: 1, endColumn: 10 },
    });
    const rule = driver.rules[result.ruleIndex];
    assert.equal(rule.id, UNPINNED);
    assert.deepEqual(rule.properties.tags, ['twelve-factor', 'dependencies']);
    assert.equal(rule.defaultConfiguration.level, 'warning');
    assert.match(rule.helpUri, /\/dependencies\/unpinned-base-image\.md$/);
    assert.match(rule.help.markdown, /^# dependencies\/unpinned-base-image\n/, 'the bundled doc');
    assert.equal(sarifRun.results.find((r: { ruleId: string }) => r.ruleId === 'codebase/invalid-config').level, 'error');
  });

  it('the validator rejects a broken log (so the test above can fail)', () => {
    assert.notDeepEqual(sarifErrors({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), []);
    assert.notDeepEqual(sarifErrors({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] }), []);
    assert.deepEqual(sarifErrors({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'note' }] }] }), []);
  });
});
