import * as assert from 'node:assert/strict';
import '../../server/src/rules';
import { suggestRuleId } from '../../server/src/engine/registry';

describe('suggestRuleId: the "did you mean" of an unknown rule id', () => {
  it('names the closest rule id for a typo, and nothing for an id far from all', () => {
    assert.equal(suggestRuleId('dependencies/unpinned-base-imag'), 'dependencies/unpinned-base-image');
    assert.equal(suggestRuleId('dependncies/unpined-base-image'), 'dependencies/unpinned-base-image');
    assert.equal(suggestRuleId('fake/rule'), undefined);
  });

  it('gives nothing for a pasted key far longer than any rule id', () => {
    assert.equal(suggestRuleId(`dependencies/unpinned-base-image${'x'.repeat(200_000)}`), undefined);
  });
});
