import * as assert from 'node:assert/strict';
import { fingerprintOf } from '../../server/src/baseline/fingerprint';

describe('baseline fingerprints on hostile input', () => {
  // Found by the fuzz tests: a finding at the end of a file of blank lines (an empty settings.json) looped for ever.
  it('end when only blank lines lie above or below the finding', () => {
    for (const text of ['\n', '\n\n', '\n\n\n', '\r\n\r\n', '']) {
      for (let at = 0; at <= text.length; at++) assert.ok(fingerprintOf('codebase/invalid-config', text, { start: at, end: at }).text);
    }
  });
});
