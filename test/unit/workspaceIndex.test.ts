import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { WorkspaceIndexer } from '../../server/src/lsp/workspaceIndexer';
import { workspaceFilesOnDisk } from '../../server/src/audit/auditFs';
import { isInsideFolder } from '../../server/src/workspace/paths';
import { walkWorkspace } from '../../server/src/audit/walk';
import { envContractOf, scopeIndexOf, type EnvContract } from '../../server/src/workspace/envContract';
import { compareFacts } from '../../server/src/workspace/factsCompare';
import { factsOf, WorkspaceIndex } from '../../server/src/workspace/workspaceIndex';

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

describe('workspace index on a worker thread', function () {
  const WORKER = path.resolve(__dirname, '../../server/out/indexWorker.js');
  let dir: string;
  // Stand-in workers, outside the indexed folder.
  let scripts: string;

  beforeEach(() => {
    assert.ok(fs.existsSync(WORKER), 'server/out/indexWorker.js is built (run npm run build)');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-index-worker-'));
    scripts = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-index-scripts-'));
    fs.mkdirSync(path.join(dir, 'k8s'));
    fs.writeFileSync(path.join(dir, 'k8s/web.yaml'), deployment);
    fs.writeFileSync(path.join(dir, 'compose.yaml'), compose);
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(scripts, { recursive: true, force: true });
  });

  /** An indexer on `script`, with a promise per call of onChanged and the lines it logged. */
  function start(script: string, open = new Set<string>()) {
    const logs: string[] = [];
    let changed = () => undefined as void;
    const changes = { next: new Promise<void>((resolve) => (changed = resolve)), count: 0 };
    const indexer = new WorkspaceIndexer(
      workspaceFilesOnDisk(),
      (p) => open.has(p),
      () => {
        changes.count++;
        changed();
        changes.next = new Promise<void>((resolve) => (changed = resolve));
      },
      () => undefined,
      { workerScript: script, log: (m) => logs.push(m), openPaths: () => open },
    );
    return { indexer, logs, changes };
  }
  const names = (indexer: WorkspaceIndexer) => [...indexer.index.entries()].map((e) => path.relative(dir, e.path)).sort();

  it('merges the facts the worker extracts, skips open documents, completes, and follows a file changed on disk', async () => {
    const { indexer, logs, changes } = start(WORKER, new Set([path.join(dir, 'compose.yaml')]));
    try {
      await indexer.indexFolders([dir]);
      assert.deepEqual(names(indexer), [path.join('k8s', 'web.yaml')]);
      assert.equal(indexer.index.complete, true);
      assert.equal(changes.count, 1);
      assert.ok(logs.some((l) => /^Indexed 2 files/.test(l)), logs.join('\n'));
      assert.ok(!logs.some((l) => /worker/.test(l)), logs.join('\n'));
      assert.deepEqual(indexer.index.get(path.join(dir, 'k8s/web.yaml'))!.facts.objects, [{ kind: 'Deployment', name: 'web', namespace: 'shop' }]);
      // A new file on disk: the worker reads it, and open documents are linted again once.
      fs.writeFileSync(path.join(dir, 'k8s/hpa.yaml'), hpa);
      const next = changes.next;
      indexer.fileChanged(path.join(dir, 'k8s/hpa.yaml'), false);
      await next;
      assert.deepEqual(names(indexer), [path.join('k8s', 'hpa.yaml'), path.join('k8s', 'web.yaml')]);
      const removed = changes.next;
      indexer.fileChanged(path.join(dir, 'k8s/web.yaml'), true);
      await removed;
      assert.deepEqual(names(indexer), [path.join('k8s', 'hpa.yaml')]);
    } finally {
      await indexer.dispose();
    }
  });

  it('a worker that dies mid-walk leaves the index to the main thread, which completes it', async () => {
    // A worker that takes the walk and dies before it answers.
    const script = path.join(scripts, 'dies.js');
    fs.writeFileSync(script, "require('node:worker_threads').parentPort.on('message', () => process.exit(3));\n");
    const { indexer, logs } = start(script);
    try {
      await indexer.indexFolders([dir]);
      assert.deepEqual(names(indexer), ['compose.yaml', path.join('k8s', 'web.yaml')]);
      assert.equal(indexer.index.complete, true);
      assert.ok(logs.some((l) => /The index worker stopped \(exit code 3\); indexing on the main thread/.test(l)), logs.join('\n'));
      // From now on changed files are read on the main thread.
      fs.writeFileSync(path.join(dir, 'k8s/hpa.yaml'), hpa);
      indexer.fileChanged(path.join(dir, 'k8s/hpa.yaml'), false);
      assert.equal(indexer.index.size, 3);
    } finally {
      await indexer.dispose();
    }
  });

  it('a worker that cannot start leaves the index to the main thread', async () => {
    const script = path.join(scripts, 'broken.js');
    fs.writeFileSync(script, 'this is not javascript\n');
    const { indexer, logs } = start(script);
    try {
      await indexer.indexFolders([dir]);
      assert.equal(indexer.index.size, 2);
      assert.ok(logs.some((l) => /The index worker stopped \([^]*SyntaxError[^]*indexing on the main thread/.test(l)), logs.join('\n'));
    } finally {
      await indexer.dispose();
    }
  });
});

describe('facts that only move: typing above them', () => {
  it('compareFacts tells positions from content, and counts an undefined property as absent', () => {
    const a = { envProvided: [{ name: 'PORT', span: { start: 1, end: 5 }, form: 'literal' }], services: ['api'] };
    assert.equal(compareFacts(a, structuredClone(a)), 'same');
    assert.equal(compareFacts(a, { ...a, envProvided: [{ name: 'PORT', span: { start: 9, end: 13 }, form: 'literal' }] }), 'moved');
    assert.equal(compareFacts(a, { ...a, envProvided: [{ name: 'HOST', span: { start: 1, end: 5 }, form: 'literal' }] }), 'different');
    assert.equal(compareFacts(a, { ...a, services: ['api', 'db'] }), 'different');
    assert.equal(compareFacts(a, { ...a, readsWholeEnv: undefined }), 'same');
    assert.equal(compareFacts(a, { ...a, readsWholeEnv: false }), 'different');
    assert.equal(compareFacts({ nameSpan: { start: 0, end: 1 }, name: 'x' }, { name: 'x' }), 'moved');
  });

  it('the env contract of moved files is the one built from scratch, without building it again', async () => {
    const root = path.resolve(__dirname, '../../examples');
    const texts = new Map([...walkWorkspace(root)].map((f) => [f.path, { text: f.text ?? fs.readFileSync(f.path, 'utf8'), kind: f.kind }]));
    const indexOf = (moved: Map<string, string>) => {
      const index = new WorkspaceIndex();
      for (const [p, { text, kind }] of texts) index.update(p, moved.get(p) ?? text, kind);
      return index;
    };
    const manifest = path.join(root, 'k8s/api.yaml');
    const code = [...texts.keys()].find((p) => p.endsWith('.py'))!;
    const moved = new Map([manifest, code].map((p) => [p, `# typed above\n${texts.get(p)!.text}`]));
    const fresh = envContractOf(indexOf(moved));
    assert.ok(fresh.services.some((s) => s.file === manifest) && fresh.reads.some((r) => r.file === code), 'the example has providers and reads to move');
    const plain = (c: EnvContract) => ({ ...c, services: c.services.map((s) => ({ ...s })) });

    // The file being linted moved; the index still holds its previous facts.
    const index = indexOf(new Map());
    const before = envContractOf(index);
    const own = { path: manifest, kind: texts.get(manifest)!.kind.kind, facts: factsOf(manifest, moved.get(manifest)!, texts.get(manifest)!.kind)! };
    const linted = envContractOf(index, own);
    assert.deepEqual(linted.services, envContractOf(indexOf(new Map([[manifest, moved.get(manifest)!]]))).services);
    assert.equal(linted.codeFiles, before.codeFiles, 'the lists that did not move are reused');

    // A value typed into the file: its services are resolved again against the other services' scopes.
    const typed = texts.get(manifest)!.text.replace('value: "8080"', 'value: "8081"');
    assert.notEqual(typed, texts.get(manifest)!.text);
    const ownTyped = { ...own, facts: factsOf(manifest, typed, texts.get(manifest)!.kind)! };
    const replaced = envContractOf(index, ownTyped);
    const rebuilt = envContractOf(indexOf(new Map([[manifest, typed]])));
    const byPlace = (c: EnvContract) => [...c.services].sort((a, b) => a.file.localeCompare(b.file) || a.nameSpan.start - b.nameSpan.start || (a.container ?? '').localeCompare(b.container ?? ''));
    assert.deepEqual(byPlace(replaced), byPlace(rebuilt));
    assert.ok(replaced.services.some((s) => s.provided.some((p) => p.value === '8081')));
    assert.equal(replaced.codeFiles, before.codeFiles, 'the contract was not built again');
    for (const service of replaced.services) {
      const same = rebuilt.services.find((s) => s.file === service.file && s.nameSpan.start === service.nameSpan.start && s.container === service.container)!;
      assert.deepEqual(scopeIndexOf(replaced).inScopeOf(service, replaced.codeFiles), scopeIndexOf(rebuilt).inScopeOf(same, rebuilt.codeFiles));
    }

    // Both files moved in the index itself.
    for (const [p, text] of moved) assert.equal(index.update(p, text, texts.get(p)!.kind), false, 'moved facts are no change');
    const after = envContractOf(index);
    assert.deepEqual(plain(after), plain(fresh));
    assert.equal(after.codeFiles, before.codeFiles);
    for (const service of fresh.services) {
      const same = after.services[fresh.services.indexOf(service)];
      assert.deepEqual(scopeIndexOf(after).inScopeOf(same, after.reads), scopeIndexOf(fresh).inScopeOf(service, fresh.reads));
    }
  });
});
