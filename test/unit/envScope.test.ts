import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { imageRepository, resolveScopes, sameImage, type ImageRepository, type ScopedService } from '../../server/src/workspace/envScope';

const folder = (name: string): ImageRepository => ({ path: name, name, fromFolder: true });
const image = (text: string) => imageRepository(text)!;

describe('envScope: which deployed image is which build', () => {
  // [deployed image, build (an image a compose service builds, or `folder:<name>` for a Dockerfile's folder), same?]
  const table: [string, string, boolean][] = [
    // The full repository path when both sides have one; registry host, tag and digest do not count.
    ['ghcr.io/acme/orders:1.4', 'acme/orders', true],
    ['registry.example.com:5000/acme/orders@sha256:abc', 'acme/orders:dev', true],
    ['ACME/Orders:2', 'acme/orders', true],
    ['docker.io/istio/pilot:1.20', 'acme/pilot', false],
    ['registry.istio.io/testing/app:latest', 'gcr.io/google-samples/app', false],
    ['gcr.io/acme-ci/team-a/orders:1', 'acme/orders', false],
    // One side without a path: the last segment.
    ['ghcr.io/acme/orders:1.4', 'orders', true],
    ['orders', 'acme/orders', true],
    ['ghcr.io/acme/orders:1.4', 'folder:orders', true],
    ['frontend', 'folder:frontend', true],
    ['ghcr.io/acme/orders-worker:1.4', 'folder:orders', false],
    // A Docker Hub official image (a bare name with a tag, or library/) is upstream's, not a folder's build.
    ['mysql:8.0', 'folder:mysql', false],
    ['ubuntu:latest', 'folder:ubuntu', false],
    ['docker.io/library/alpine', 'folder:alpine', false],
    ['app:1.2.3', 'folder:app', false],
    ['docker.io/library/alpine:3.20', 'alpine', true],
    ['msapatterns/mysql:latest', 'folder:mysql', true],
  ];
  for (const [deployed, build, expected] of table) {
    it(`${deployed} ${expected ? 'is' : 'is not'} ${build}`, () => {
      const built = build.startsWith('folder:') ? folder(build.slice('folder:'.length)) : image(build);
      assert.equal(sameImage(image(deployed), built), expected);
    });
  }

  it('reads no repository from a templated image', () => {
    assert.equal(imageRepository('${REGISTRY}/orders:1'), undefined);
    assert.equal(imageRepository('{{ .Values.image }}'), undefined);
  });

  it('links a workload to the build its image names, and guesses its project when no build matches', () => {
    const root = path.resolve('/ws');
    const at = (...p: string[]) => path.join(root, ...p);
    const service = (s: Partial<ScopedService> & Pick<ScopedService, 'platform' | 'file'>): ScopedService => ({ name: s.platform, nameSpan: { start: 0, end: 0 }, provided: [], fileKind: 'kubernetes', ...s });
    const compose = service({ platform: 'compose', file: at('docker-compose.yml'), folders: [at('orders')], builtImage: 'acme/orders', dockerfiles: [at('orders', 'Dockerfile')] });
    const mysqlBuild = service({ platform: 'dockerfile', file: at('mysql', 'Dockerfile'), folders: [at('mysql')], fileKind: 'dockerfile' });
    const orders = service({ platform: 'kubernetes', file: at('k8s', 'orders.yaml'), images: ['ghcr.io/acme/orders:1.4'] });
    const lookAlike = service({ platform: 'kubernetes', file: at('k8s', 'pilot.yaml'), images: ['docker.io/istio/orders:1.20'] });
    const upstream = service({ platform: 'kubernetes', file: at('k8s', 'db.yaml'), images: ['mysql:8.0'] });
    const appBuild = service({ platform: 'dockerfile', file: at('samples', 'app', 'Dockerfile'), folders: [at('samples', 'app')], fileKind: 'dockerfile' });
    const echo = service({ platform: 'kubernetes', file: at('k8s', 'echo.yaml'), images: ['registry.istio.io/testing/app:latest'] });
    resolveScopes([compose, mysqlBuild, orders, lookAlike, upstream, appBuild, echo]);
    assert.deepEqual(orders.scope, [at('orders')]);
    assert.equal(orders.guessed, undefined);
    assert.deepEqual(lookAlike.scope, [root], 'no build of istio/orders: the project the manifest sits in');
    assert.equal(lookAlike.guessed, true);
    assert.deepEqual(upstream.scope, [root]);
    assert.equal(upstream.guessed, true);
    assert.equal(echo.guessed, true, 'a folder called app names no image');
    assert.deepEqual(appBuild.scope, [at('samples', 'app')], 'though its Dockerfile still applies to it');
    assert.equal(lookAlike.unclear, true, 'its guess holds several apps (orders/, mysql/, samples/app/): which one it runs is unclear');
  });

  it('keeps a guess clear when its folder holds one app', () => {
    const root = path.resolve('/repo');
    const service = (s: Partial<ScopedService> & Pick<ScopedService, 'platform' | 'file'>): ScopedService => ({ name: s.platform, nameSpan: { start: 0, end: 0 }, provided: [], fileKind: 'kubernetes', ...s });
    const dockerfile = service({ platform: 'dockerfile', file: path.join(root, 'Dockerfile'), folders: [root], fileKind: 'dockerfile' });
    const procfile = service({ platform: 'procfile', file: path.join(root, 'Procfile'), folders: [root], fileKind: 'procfile' });
    const workload = service({ platform: 'kubernetes', file: path.join(root, 'k8s', 'api.yaml'), images: ['gcr.io/acme/api-server:1'] });
    resolveScopes([dockerfile, procfile, workload]);
    assert.deepEqual(workload.scope, [root]);
    assert.equal(workload.guessed, true);
    assert.equal(workload.unclear, undefined);
  });
});
