import * as assert from 'node:assert/strict';
import { loopbackMentions } from '../../server/src/analysis/serviceAddress';
import { lintText } from '../helpers/engineHarness';

// A password assembled at run time, so that secret scanners do not flag this file.
const URL_WITH_PASSWORD = `postgres://app:${['Xy7pQ2', 'wLm9Kd'].join('')}@db.internal/app`;

// A quadratic scan of these 300,000-character runs takes minutes and runs into mocha's timeout;
// linear, each case takes a fraction of a second.
describe('code rules on hostile input', () => {
  const run = 'a'.repeat(300_000);
  for (const [fileName, code] of [
    ['app.js', `const s = "${run}";\nconst dbUrl = "${URL_WITH_PASSWORD}";\n`],
    ['app.py', `s = "${run}"\ndb_url = "${URL_WITH_PASSWORD}"\n`],
    ['chain.js', `const s = ${Array.from({ length: 100_000 }, () => 'a').join('+')};\nconst dbUrl = "${URL_WITH_PASSWORD}";\n`],
  ]) {
    it(`scans a long run of scheme characters in linear time and still finds the URL with a password (${fileName})`, () => {
      const findings = lintText(fileName, code).filter((f) => f.ruleId === 'config/hardcoded-secret');
      assert.equal(findings.length, 1);
      assert.ok(!findings[0].message.includes(URL_WITH_PASSWORD.slice(15, 27)), 'the password is masked');
    });
  }

  it('finds the scheme of a loopback address after a long run, in linear time', () => {
    const value = `${run} redis://localhost:6379`;
    assert.deepEqual(loopbackMentions(value).map((m) => [m.host, m.scheme, m.port]), [['localhost', 'redis', 6379]]);
    assert.equal(loopbackMentions(`${'x'.repeat(10_000)} localhost `.repeat(100)).length, 100);
  });
});
