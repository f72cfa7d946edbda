import * as assert from 'node:assert/strict';
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

  it('is hidden by an ignore entry for the path, as its doc suggests', () => {
    const team = 'ignore:\n  - files: ["generated/**"]\n    rules: [codebase/unparsable-file]\n    reason: rendered output\n';
    assert.deepEqual(lintText('generated/Dockerfile', '\u0000binary', { teamConfig: team }), []);
    assert.equal(lintText('src/Dockerfile', '\u0000binary', { teamConfig: team }).length, 1);
  });
});
