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
});
