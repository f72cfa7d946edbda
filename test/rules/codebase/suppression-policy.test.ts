import * as assert from 'node:assert/strict';
import { lintText } from '../../helpers/engineHarness';

const RULE = 'dependencies/unpinned-base-image';

describe('codebase/suppression-policy', () => {
  it("reports 'missingReason' on a reasonless directive when requireReason is on", () => {
    const text = `# twelve-factor-disable-next-line ${RULE}\nFROM node\n`;
    const findings = lintText('Dockerfile', text, { teamConfig: 'requireReason: true' });
    assert.deepEqual(findings.map((f) => [f.ruleId, text.slice(f.span.start, f.span.end)]), [['codebase/suppression-policy', `twelve-factor-disable-next-line ${RULE}`]]);
  });

  it("reports 'locked' where a noInlineSuppress rule is suppressed inline, and keeps the finding", () => {
    const text = `# twelve-factor-disable-file dependencies/* -- we like latest\nFROM node\n`;
    const findings = lintText('Dockerfile', text, { teamConfig: 'noInlineSuppress: [dependencies/*]' });
    assert.deepEqual(findings.map((f) => f.ruleId), ['codebase/suppression-policy', RULE]);
    assert.equal(findings[0].message, `Inline suppression of ${RULE} is not allowed by the team (noInlineSuppress in .twelve-factor.yaml); the finding stays.`);
  });

  it("reports 'expiredIgnore' on the expires value of an expired ignore entry", () => {
    const text = 'ignore:\n  - files: [a/**]\n    expires: 2026-11-24\n';
    const findings = lintText('.twelve-factor.yaml', text, { today: '2026-11-24' });
    assert.deepEqual(findings.map((f) => text.slice(f.span.start, f.span.end)), ['2026-11-24']);
    assert.deepEqual(lintText('.twelve-factor.yaml', text, { today: '2026-11-23' }), []);
  });
});
