import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import fc from 'fast-check';
import { inScope, ScopeIndex, type ScopedService } from '../../server/src/workspace/envScope';

const SEP = path.sep;

function service(name: string, scope: ScopedService['scope']): ScopedService {
  return { name, platform: 'kubernetes', file: `${SEP}ws${SEP}${name}.yaml`, fileKind: 'kubernetes', provided: [], scope } as unknown as ScopedService;
}

/** Paths from a small alphabet of segments, with doubled and trailing separators, absolute or not. */
const aPath = fc.tuple(fc.boolean(), fc.array(fc.constantFrom('a', 'b', 'ab', '', '.', 'a.b'), { maxLength: 4 }), fc.boolean())
  .map(([absolute, segments, trailing]) => (absolute ? SEP : '') + segments.join(SEP) + (trailing ? SEP : ''));

describe('ScopeIndex: the services that apply to a file, found by its path', () => {
  it('agrees with inScope, in the order of the services, for any folders and files', () => {
    const scope = fc.oneof(fc.constant(undefined), fc.array(aPath, { maxLength: 3 }));
    fc.assert(fc.property(fc.array(scope, { maxLength: 8 }), fc.array(aPath, { maxLength: 8 }), (scopes, files) => {
      const services = scopes.map((s, i) => service(`s${i}`, s));
      const index = new ScopeIndex(services);
      for (const file of files) assert.deepEqual(index.servicesOf(file), services.filter((s) => inScope(s, file)), file);
      for (const s of services) assert.deepEqual(index.inScopeOf(s, files), files.filter((f) => inScope(s, f)));
    }), { numRuns: 500 });
  });

  it('groups items with a file by service, and a service with no scope holds none', () => {
    const api = service('api', [`${SEP}ws${SEP}api`]);
    const all = service('all', [`${SEP}ws`, `${SEP}ws${SEP}api`]);
    const none = service('none', undefined);
    const index = new ScopeIndex([api, all, none]);
    const reads = [{ file: `${SEP}ws${SEP}api${SEP}a.js` }, { file: `${SEP}ws${SEP}apiary${SEP}b.js` }, { file: `${SEP}ws${SEP}api` }];
    assert.deepEqual(index.inScopeOf(api, reads), [reads[0], reads[2]]);
    assert.deepEqual(index.inScopeOf(all, reads), reads);
    assert.deepEqual(index.inScopeOf(none, reads), []);
  });
});
