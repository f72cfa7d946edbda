import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver/node';
import { SERVER_BUNDLE, TestLspClient } from '../helpers/lspClient';

const SINGLE_REPLICA = 'concurrency/single-replica';
const has = (d: Diagnostic[]) => d.some((x) => x.code === SINGLE_REPLICA);

const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 1\n  template:\n    spec:\n      containers:\n        - name: api\n          image: example/api:1.0.0\n';
const hpa = 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: api\nspec:\n  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: api }\n  minReplicas: 2\n  maxReplicas: 6\n';

describe('language server: cross-file rules read the background workspace index', function () {
  let client: TestLspClient;
  let workspace: string;

  before(async () => {
    assert.ok(fs.existsSync(SERVER_BUNDLE), 'server/out/server.js is built (run npm run build)');
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-index-'));
    fs.mkdirSync(path.join(workspace, 'k8s/autoscaling'), { recursive: true });
    fs.writeFileSync(path.join(workspace, 'k8s/api.yaml'), deployment);
    fs.writeFileSync(path.join(workspace, 'k8s/autoscaling/hpa.yaml'), hpa);
    client = TestLspClient.start('stdio');
    await client.initialize(workspace);
  });

  after(async () => {
    await client?.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('an autoscaler in a closed file silences single-replica; deleting it on disk brings the finding back', async () => {
    const uri = pathToFileURL(path.join(workspace, 'k8s/api.yaml')).href;
    await client.open(uri, 'yaml', deployment);
    // The first lint may run before the background index has the HPA; the index then re-lints.
    await client.waitForDiagnostics(uri, (d) => !has(d));
    const hpaPath = path.join(workspace, 'k8s/autoscaling/hpa.yaml');
    fs.rmSync(hpaPath);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(hpaPath).href, type: 3 }] });
    const back = await client.waitForDiagnostics(uri, has);
    assert.match(String(back.find((x) => x.code === SINGLE_REPLICA)!.message), /Deployment api runs one replica/);
  });

  it('the index worker reads a file created on disk, and the server logs that it indexed on the worker', async () => {
    const uri = pathToFileURL(path.join(workspace, 'k8s/api.yaml')).href;
    await client.waitForDiagnostics(uri, has);
    const created = path.join(workspace, 'k8s/autoscaling/created.yaml');
    fs.writeFileSync(created, hpa);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(created).href, type: 1 }] });
    await client.waitForDiagnostics(uri, (d) => !has(d));
    fs.rmSync(created);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(created).href, type: 3 }] });
    await client.waitForDiagnostics(uri, has);
    assert.ok(client.logs.some((l) => /^Indexed 2 files/.test(l)), client.logs.join('\n'));
    assert.ok(!client.logs.some((l) => /index worker/.test(l)), client.logs.join('\n'));
  });

  it('an autoscaler typed into another open document counts before it is saved', async () => {
    const uri = pathToFileURL(path.join(workspace, 'k8s/api.yaml')).href;
    await client.waitForDiagnostics(uri, has);
    const draft = pathToFileURL(path.join(workspace, 'k8s/autoscaling/new-hpa.yaml')).href;
    await client.open(draft, 'yaml', hpa);
    await client.waitForDiagnostics(uri, (d) => !has(d));
  });
});
