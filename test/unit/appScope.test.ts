import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { AppScope, oneFolderHoldsTheOther } from '../../server/src/workspace/appScope';

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

describe('oneFolderHoldsTheOther', () => {
  it('holds below and beside, not across sibling folders', () => {
    assert.equal(oneFolderHoldsTheOther(p('app', 'compose.yaml'), p('app', 'deploy', 'k8s', 'db.yaml')), true);
    assert.equal(oneFolderHoldsTheOther(p('app', 'k8s', 'db.yaml'), p('app', 'compose.yaml')), true);
    assert.equal(oneFolderHoldsTheOther(p('samples', 'a', 'db.yaml'), p('samples', 'b', 'db.yaml')), false);
  });
});
