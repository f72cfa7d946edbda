import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { WorkspaceFiles } from '../../server/src/engine/types';
import { AppScope, appScopeFor, oneFolderHoldsTheOther } from '../../server/src/workspace/appScope';
import { productionServiceFor } from '../../server/src/workspace/productionServices';
import { WorkspaceIndex } from '../../server/src/workspace/workspaceIndex';

const p = (...parts: string[]) => path.resolve('/ws', ...parts);

describe('AppScope', () => {
  it('relates the files of one top-level folder, and a file at the top to every other, without a repository', () => {
    const scope = new AppScope(p(), () => undefined);
    assert.equal(scope.related(p('shop', 'compose.yaml'), p('shop', 'k8s', 'db.yaml')), true);
    assert.equal(scope.related(p('shop', 'compose.yaml'), p('blog', 'compose.yaml')), false);
    assert.equal(scope.related(p('compose.yaml'), p('blog', 'k8s', 'db.yaml')), true);
  });

  it('relates every file when the workspace folder is a project itself', () => {
    const scope = new AppScope(p(), (file) => (file === p('requirements.txt') ? 'django\n' : undefined));
    assert.equal(scope.related(p('mysite', 'settings.py'), p('k8s', 'web.yaml')), true);
  });

  it('relates the files of one git repository, and no file across two', () => {
    const heads = new Set([p('shop', '.git', 'HEAD'), p('blog', '.git', 'HEAD')]);
    const scope = new AppScope(p(), (file) => (heads.has(file) ? 'ref: refs/heads/main\n' : undefined));
    assert.equal(scope.related(p('shop', 'a', 'compose.yaml'), p('shop', 'b', 'db.yaml')), true);
    assert.equal(scope.related(p('shop', 'compose.yaml'), p('blog', 'compose.yaml')), false);
  });

  it('relates everything when the workspace folder is unknown', () => {
    assert.equal(new AppScope(undefined, () => undefined).related(p('a', 'x.yaml'), p('b', 'y.yaml')), true);
  });
});

describe('appScopeFor and productionServiceFor over a snapshot of the files', () => {
  /** Files read from a map, live (read at each call) or as a snapshot. */
  const filesOf = (texts: Map<string, string>, snapshot: boolean): WorkspaceFiles => ({ readText: (f) => texts.get(f), snapshot });

  it('shares one scope per root over a snapshot, and makes a new one over live reads, which see a new repository at once', () => {
    const texts = new Map<string, string>();
    const snapshot = filesOf(texts, true);
    assert.equal(appScopeFor(p(), snapshot), appScopeFor(p(), snapshot));
    assert.notEqual(appScopeFor(p(), snapshot), appScopeFor(p('other'), snapshot));
    const live = filesOf(texts, false);
    assert.equal(appScopeFor(p(), live).related(p('shop', 'a.yaml'), p('blog', 'b.yaml')), false);
    texts.set(p('.git', 'HEAD'), 'ref: refs/heads/main\n');
    assert.equal(appScopeFor(p(), live).related(p('shop', 'a.yaml'), p('blog', 'b.yaml')), true);
  });

  it('gives every file the answer it gets alone: apps, repositories and top-level folders apart', () => {
    const texts = new Map([
      [p('shop', 'package.json'), '{}'],
      [p('shop', 'web', 'package.json'), '{}'],
      [p('repo', '.git', 'HEAD'), 'ref: refs/heads/main\n'],
    ]);
    const index = new WorkspaceIndex();
    const compose = (service: string) => ({ backingServices: [{ family: 'postgres', via: `the ${service} image` }] }) as never;
    index.set(p('shop', 'compose.yaml'), 'compose', compose('shop'));
    index.set(p('blog', 'k8s', 'db.yaml'), 'kubernetes', compose('blog'));
    index.set(p('repo', 'deploy', 'db.yaml'), 'kubernetes', compose('repo'));
    const selves = [p('shop', 'app.js'), p('shop', 'web', 'app.js'), p('shop', 'lib', 'db.js'), p('blog', 'app.py'), p('blog', 'k8s', 'x.py'), p('repo', 'src', 'a.js'), p('repo', 'b.js'), p('top.js'), p('misc', 'c.js')];
    const snapshot = filesOf(texts, true);
    for (const root of [p(), undefined]) {
      for (const self of [...selves, ...selves]) {
        const alone = productionServiceFor(['postgres'], self, index, root, filesOf(texts, false));
        assert.deepEqual(productionServiceFor(['postgres'], self, index, root, snapshot), alone, `${self} in ${root}`);
      }
    }
    assert.equal(productionServiceFor(['postgres'], p('shop', 'app.js'), index, p(), snapshot)?.path, p('shop', 'compose.yaml'));
    assert.equal(productionServiceFor(['postgres'], p('misc', 'c.js'), index, p(), snapshot), undefined);
  });
});

describe('oneFolderHoldsTheOther', () => {
  it('holds below and beside, not across sibling folders', () => {
    assert.equal(oneFolderHoldsTheOther(p('app', 'compose.yaml'), p('app', 'deploy', 'k8s', 'db.yaml')), true);
    assert.equal(oneFolderHoldsTheOther(p('app', 'k8s', 'db.yaml'), p('app', 'compose.yaml')), true);
    assert.equal(oneFolderHoldsTheOther(p('samples', 'a', 'db.yaml'), p('samples', 'b', 'db.yaml')), false);
  });
});
