import * as assert from 'node:assert/strict';
import { TextCache } from '../../server/src/parsing/textCache';

describe('TextCache', () => {
  it('drops the least recently used entries beyond its count', () => {
    const cache = new TextCache<number>(2, 1000);
    cache.set('a', 1);
    cache.set('b', 2);
    assert.equal(cache.get('a'), 1); // a is now the newest
    cache.set('c', 3);
    assert.equal(cache.get('b'), undefined);
    assert.equal(cache.get('a'), 1);
    assert.equal(cache.get('c'), 3);
    assert.equal(cache.size, 2);
  });

  it('drops entries beyond its total key length, and never keeps a key longer than that', () => {
    const cache = new TextCache<number>(100, 10);
    cache.set('12345', 1);
    cache.set('67890', 2);
    cache.set('x', 3);
    assert.equal(cache.get('12345'), undefined);
    assert.deepEqual([cache.get('67890'), cache.get('x')], [2, 3]);
    cache.set('a'.repeat(11), 4);
    assert.equal(cache.size, 0);
    // Setting a key again does not count its length twice.
    cache.set('abc', 5);
    cache.set('abc', 6);
    cache.set('defghij', 7);
    assert.deepEqual([cache.get('abc'), cache.get('defghij')], [6, 7]);
  });
});
