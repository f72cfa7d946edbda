import * as assert from 'node:assert/strict';
import { hasNameWord, isNonProductionWord, LOCAL_DEVELOPMENT_WORDS, mattersOutsideProduction } from '../../server/src/analysis/nonProduction';

describe('non-production names', () => {
  for (const file of ['docker-compose.dev.yml', 'compose.override.yaml', '/w/Dockerfile.local', 'C:\\w\\docker-compose.test.yml', 'settings/dev.py', 'local_settings.py', 'compose.e2e.yaml']) {
    it(`${file} is not a release`, () => assert.equal(hasNameWord(file), true));
  }
  for (const file of ['docker-compose.yml', 'compose.prod.yaml', '/home/dev/app/compose.yaml', 'Dockerfile', 'devices.py', 'latest.yaml', 'contest.yml']) {
    it(`${file} may be a release`, () => assert.equal(hasNameWord(file), false));
  }
  it('a family chooses its words: a test Dockerfile is still built for CI, a dev one is local', () => {
    assert.equal(hasNameWord('Dockerfile.test', LOCAL_DEVELOPMENT_WORDS), false);
    assert.equal(hasNameWord('Dockerfile.dev', LOCAL_DEVELOPMENT_WORDS), true);
  });
  it('profiles', () => {
    assert.deepEqual(['dev', 'Test', 'prod', undefined].map(isNonProductionWord), [true, true, false, false]);
  });
  it('only provider tokens and private keys matter outside production', () => {
    assert.equal(mattersOutsideProduction({ reason: 'name', label: 'password', masked: 'po****' }), false);
    assert.equal(mattersOutsideProduction({ reason: 'url-credentials', label: 'URL with a password', masked: 'x' }), false);
    assert.equal(mattersOutsideProduction({ reason: 'token-format', label: 'GitHub token', masked: 'gh****' }), true);
    assert.equal(mattersOutsideProduction({ reason: 'private-key', label: 'private key', masked: '-----BEGIN ****' }), true);
  });
});
