import * as assert from 'node:assert/strict';
import { floatingTag, parseImageReference } from '../../server/src/analysis/imageReference';

describe('image references', () => {
  it('splits registry, name, tag and digest', () => {
    assert.deepEqual(parseImageReference('registry.local:5000/team/app:1.4@sha256:abc'), {
      name: 'registry.local:5000/team/app', tag: '1.4', tagStart: 29, digest: 'sha256:abc', registry: 'registry.local:5000',
    });
    assert.deepEqual(parseImageReference('nginx'), { name: 'nginx', digest: undefined, registry: undefined });
    assert.deepEqual(parseImageReference('localhost/app:dev'), { name: 'localhost/app', tag: 'dev', tagStart: 14, digest: undefined, registry: 'localhost' });
    assert.equal(parseImageReference('dockersamples/examplevotingapp_vote').registry, undefined);
  });

  it('tells what floats: no tag, latest in any case; a digest pins', () => {
    assert.equal(floatingTag(parseImageReference('redis')), 'noTag');
    assert.equal(floatingTag(parseImageReference('registry.local:5000/app')), 'noTag');
    assert.equal(floatingTag(parseImageReference('redis:Latest')), 'latestTag');
    assert.equal(floatingTag(parseImageReference('redis:latest@sha256:abc')), undefined);
    assert.equal(floatingTag(parseImageReference('redis:7.2-alpine')), undefined);
  });
});
