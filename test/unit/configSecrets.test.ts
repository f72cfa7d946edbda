import * as assert from 'node:assert/strict';
import { readSettingsJson, readTeamConfig, validateSettingsObject } from '../../server/src/engine/config/configFiles';
import { lintText } from '../helpers/engineHarness';

// Realistic fake credentials, assembled at run time so that secret scanners do not flag this file.
const GITHUB = ['ghp', 'Zq8Xw3Rt5Yu7Io9Pa1Sd2Fg4Hj6Kl0Mn3Bv5Cx'].join('_');
const RANDOM = ['Zq8Xw3Rt5Yu7', 'Io9Pa1Sd2Fg4'].join('');
const URL_PASSWORD = ['hunter', '22Secret'].join('');
const URL = `postgres://app:${URL_PASSWORD}@db.internal/app`;

const leaks = (messages: string[]) => messages.filter((m) => [GITHUB.slice(4), RANDOM.slice(2), URL_PASSWORD.slice(2)].some((s) => m.includes(s)));

describe('configuration messages never echo a secret', () => {
  const teamConfigs = {
    'a token as a rule id': `rules:\n  ${GITHUB}: error\n`,
    'a token as a severity': `rules:\n  dependencies/unpinned-base-image: ${GITHUB}\n`,
    'a random key as a top-level key': `${RANDOM}: 1\n`,
    'a URL with a password as an option name': `rules:\n  dependencies/unpinned-base-image:\n    options:\n      "${URL}": 1\n`,
    'a token in noInlineSuppress': `noInlineSuppress: [${GITHUB}]\n`,
    'a token as an ignore rule and key': `ignore:\n  - files: [a]\n    rules: [${GITHUB}]\n    ${RANDOM}: x\n`,
    'a token in a YAML syntax error': `rules:\n  a: *${GITHUB}\n`,
  };
  for (const [name, text] of Object.entries(teamConfigs)) {
    it(`.twelve-factor.yaml: ${name}`, () => {
      const messages = readTeamConfig(text).problems.map((p) => p.message);
      assert.ok(messages.length > 0, 'the problem is reported');
      assert.deepEqual(leaks(messages), []);
      assert.deepEqual(leaks(lintText('.twelve-factor.yaml', text).map((f) => f.message)), []);
    });
  }

  it('settings.json and the editor settings', () => {
    const fromFile = readSettingsJson(`{ "twelveFactor.${GITHUB}": 1, "twelveFactor.rules": { "${RANDOM}": "off", "config/*": "${URL}" } }`).problems;
    const fromEditor = validateSettingsObject({ rules: { [GITHUB]: 'error' } }).problems;
    assert.equal(fromFile.length, 3);
    assert.equal(fromEditor.length, 1);
    assert.deepEqual(leaks([...fromFile, ...fromEditor].map((p) => p.message)), []);
  });

  it('keeps ordinary mistakes readable', () => {
    const messages = readTeamConfig('requireReasonsForAll: true\nrules:\n  disposability/execFormEntrypoint: error\n').problems.map((p) => p.message);
    assert.ok(messages[0].includes('"requireReasonsForAll"'));
    assert.ok(messages[1].includes('"disposability/execFormEntrypoint"'));
  });
});

describe('configuration problems stay inside the file', () => {
  // Found by the fuzz tests: yaml marks an error at the very end one character past the text.
  it('a YAML error at the end of .twelve-factor.yaml', () => {
    const text = '- files: ["legacy/**"]{{\n';
    for (const p of readTeamConfig(text).problems) assert.ok(p.span.end <= text.length, JSON.stringify(p.span));
  });
});
