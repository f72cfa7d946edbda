import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { WorkspaceIndexer } from '../../server/src/lsp/workspaceIndexer';
import { workspaceFilesOnDisk } from '../../server/src/audit/auditFs';
import { isInsideFolder } from '../../server/src/workspace/paths';
import { WorkspaceIndex } from '../../server/src/workspace/workspaceIndex';

const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web, namespace: shop }\nspec:\n  replicas: 1\n  template:\n    spec:\n      containers:\n        - name: web\n          env: [{ name: PORT, value: "8080" }]\n';
const hpa = 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: { name: web, namespace: shop }\nspec:\n  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }\n';
const compose = 'services:\n  api:\n    build: .\n    environment: [API_URL=http://db]\n  db:\n    image: postgres:16\n';

describe('workspace index', () => {
  it('keeps the cross-file facts of manifests: workloads, autoscaler targets, compose services, provided env', () => {
    const index = new WorkspaceIndex();
    assert.ok(index.update('/w/k8s/web.yaml', deployment));
    assert.ok(index.update('/w/k8s/hpa.yaml', hpa));
    assert.ok(index.update('/w/docker-compose.yml', compose));
    const byPath = new Map([...index.entries()].map((e) => [e.path, e]));
    assert.deepEqual(byPath.get('/w/k8s/web.yaml')!.facts.objects, [{ kind: 'Deployment', name: 'web', namespace: 'shop' }]);
    assert.deepEqual(byPath.get('/w/k8s/web.yaml')!.facts.envProvided?.map((e) => e.name), ['PORT']);
    assert.deepEqual(byPath.get('/w/k8s/hpa.yaml')!.facts.scaleTargets, [{ kind: 'Deployment', name: 'web', namespace: 'shop' }]);
    assert.deepEqual(byPath.get('/w/docker-compose.yml')!.facts.services, ['api', 'db']);
  });

  it('says whether facts changed, and forgets files that are removed or stop parsing as a kind', () => {
    const index = new WorkspaceIndex();
    assert.equal(index.update('/w/web.yaml', deployment), true);
    assert.equal(index.update('/w/web.yaml', `${deployment}# a comment\n`), false, 'a comment changes no fact');
    assert.equal(index.update('/w/web.yaml', `# moved down a line\n${deployment}`), false, 'moved spans change no fact');
    assert.equal(index.update('/w/web.yaml', deployment.replace('name: web,', 'name: api,')), true);
    assert.equal(index.update('/w/web.yaml', 'just: text\n'), true, 'no longer a manifest');
    assert.equal(index.size, 0);
    index.update('/w/a/x.yaml', deployment);
    index.update('/w/b/y.yaml', deployment);
    index.removeUnder('/w/a');
    assert.deepEqual([...index.entries()].map((e) => e.path), ['/w/b/y.yaml']);
  });

  it('a path is inside a folder only below a separator, not by a shared prefix', () => {
    const folder = path.join(path.sep, 'w', 'app');
    assert.equal(isInsideFolder(folder, path.join(folder, 'k8s', 'a.yaml')), true);
    assert.equal(isInsideFolder(folder, folder), true);
    assert.equal(isInsideFolder(folder, `${folder}-old${path.sep}a.yaml`), false);
  });

  it('the server indexer walks folders by the CLI rules, skips open documents, and follows disk changes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-index-'));
    try {
      fs.mkdirSync(path.join(dir, 'k8s'));
      fs.mkdirSync(path.join(dir, 'node_modules'));
      fs.writeFileSync(path.join(dir, 'k8s/web.yaml'), deployment);
      fs.writeFileSync(path.join(dir, 'k8s/ignored.yaml'), hpa);
      fs.writeFileSync(path.join(dir, 'node_modules/dep.yaml'), hpa);
      fs.writeFileSync(path.join(dir, '.gitignore'), 'k8s/ignored.yaml\n');
      fs.writeFileSync(path.join(dir, 'compose.yaml'), compose);
      let changes = 0;
      const open = new Set([path.join(dir, 'compose.yaml')]);
      const indexer = new WorkspaceIndexer(workspaceFilesOnDisk(), (p) => open.has(p), () => changes++, () => undefined);
      await indexer.indexFolders([dir]);
      assert.deepEqual([...indexer.index.entries()].map((e) => path.relative(dir, e.path)), [path.join('k8s', 'web.yaml')]);
      assert.equal(changes, 1);
      fs.writeFileSync(path.join(dir, 'k8s/hpa.yaml'), hpa);
      indexer.fileChanged(path.join(dir, 'k8s/hpa.yaml'), false);
      assert.equal(indexer.index.size, 2);
      fs.rmSync(path.join(dir, 'k8s/web.yaml'));
      indexer.fileChanged(path.join(dir, 'k8s/web.yaml'), true);
      assert.deepEqual([...indexer.index.entries()].map((e) => path.basename(e.path)), ['hpa.yaml']);
      assert.equal(changes, 3);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
