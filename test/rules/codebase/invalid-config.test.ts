import * as assert from 'node:assert/strict';
import { lintText } from '../../helpers/engineHarness';

describe('codebase/invalid-config', () => {
  const at = (text: string, f: { span: { start: number; end: number } }) => text.slice(f.span.start, f.span.end);

  it('is quiet on a valid configuration', () => {
    const text = 'rules:\n  dependencies/*: error\n  dependencies/unpinned-base-image:\n    severity: info\n    options:\n      allow: [node]\nrequireReason: true\nnoInlineSuppress: [config/*]\nignore:\n  - files: [legacy/**]\n    rules: [dependencies/*]\n    reason: old\n    expires: 2099-01-01\n';
    assert.deepEqual(lintText('.twelve-factor.yaml', text), []);
    assert.deepEqual(lintText('.twelve-factor.yaml', ''), [], 'an empty file is the default configuration');
  });

  it("reports messageId 'invalid' at each bad key or value, with the problem as its message", () => {
    const text = 'rules:\n  nope/nothing: error\nnoInlineSuppress: [config/secret-in-imagee]\nignore:\n  - rules: [dependencies/*]\n    expires: tomorrow\n';
    const findings = lintText('.twelve-factor.yaml', text);
    assert.deepEqual(findings.map((f) => [f.ruleId, f.severity, at(text, f)]), [
      ['codebase/invalid-config', 'error', 'nope/nothing'],
      ['codebase/invalid-config', 'error', 'config/secret-in-imagee'],
      ['codebase/invalid-config', 'error', 'rules: [dependencies/*]\n    expires: tomorrow\n'],
      ['codebase/invalid-config', 'error', 'tomorrow'],
    ]);
    assert.ok(findings.every((f) => f.message.length > 20));
  });

  it('reports bad twelveFactor keys in .vscode/settings.json, not other extensions\' keys', () => {
    const text = '{\n  "eslint.enable": true,\n  "twelveFactor.enable": "yes",\n  "twelveFactor.rules": { "logs/*": "loud" }\n}';
    const findings = lintText('.vscode/settings.json', text);
    assert.deepEqual(findings.map((f) => at(text, f)), ['"yes"', '"loud"']);
    assert.match(findings[0].message, /"twelveFactor.enable" must be true or false/);
    const broken = lintText('.vscode/settings.json', '{ "twelveFactor.rules": { ');
    assert.match(broken[0].message, /settings.json cannot be read/);
  });
});
