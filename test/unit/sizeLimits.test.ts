import * as assert from 'node:assert/strict';
import { readSettingsJson, readTeamConfig } from '../../server/src/engine/config/configFiles';
import { MAX_FILE_CHARS } from '../../server/src/engine/limits';
import { yamlParseStats } from '../../server/src/parsing/yaml/yamlDocuments';
import { factsOf } from '../../server/src/workspace/workspaceIndex';

const padding = (n: number) => `# ${'x'.repeat(n)}\n`;

describe('the size limit comes before any parse', () => {
  it('the index extracts no facts from a manifest above the limit, and does not parse it', () => {
    const manifest = 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    kind: Deployment\n    name: web\n';
    assert.ok(factsOf('/w/small.yaml', manifest, { kind: 'kubernetes' }), 'a small one has facts');
    const before = yamlParseStats.documentsParsed;
    assert.equal(factsOf('/w/huge.yaml', manifest + padding(MAX_FILE_CHARS), { kind: 'kubernetes' }), undefined);
    assert.equal(yamlParseStats.documentsParsed, before, 'not a single document parsed');
  });

  it('a .twelve-factor.yaml above the limit is reported and not applied', () => {
    const { value, problems } = readTeamConfig(`rules:\n  dependencies/*: off\n${padding(MAX_FILE_CHARS)}`);
    assert.equal(value.rules.size, 0);
    assert.deepEqual(problems.map((p) => p.message), ['.twelve-factor.yaml is larger than 2048 KiB, so it is not read; the defaults apply until it is fixed.']);
  });

  it('a settings.json above the limit is reported and not applied', () => {
    const { value, problems } = readSettingsJson(`{"twelveFactor.rules": {"dependencies/*": "off"}}\n//${'x'.repeat(MAX_FILE_CHARS)}`);
    assert.equal(value.rules, undefined);
    assert.equal(problems.length, 1);
  });
});
