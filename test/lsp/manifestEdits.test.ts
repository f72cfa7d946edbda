import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver/node';
import { SERVER_BUNDLE, TestLspClient } from '../helpers/lspClient';

// Typing reuses work across versions: shell scripts and Dockerfile argument splits by their text,
// YAML documents by theirs, moved to where the edit left them. After a series of edits, the edited
// document must show exactly what a server that never saw the earlier versions shows for its text.

const DOCKERFILE = `FROM node:20 AS build
WORKDIR /src
RUN git clone https://github.com/acme/tools.git /opt/tools
COPY . .
RUN npm install && npm run build

FROM node:latest
RUN curl -fsSL https://get.example.com/install.sh | sh
COPY --from=build /src/dist ./dist
ENV API_TOKEN=sk_live_51HxYzAbCdEfGhIjKlMnOpQr
CMD npm start
`;

const DEPLOYMENT = (name: string, env: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: 2
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec:
      containers:
        - name: ${name}
          image: registry.example.com/${name}:1.2.3
          env:
${env}`;
const MANIFESTS = [
  DEPLOYMENT('web', '            - name: DB_PASSWORD\n              value: hunter2hunter2\n'),
  DEPLOYMENT('api', '            - name: NODE_ENV\n              value: development\n            - name: API_SECRET\n              value: s3cr3t-Value-9f8e7d6c\n'),
  DEPLOYMENT('worker', '            - name: LOG_LEVEL\n              value: debug\n'),
].join('---\n');

type Edit = { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string };

/** Where a text first occurs, as an empty range at its start (or end), for writing edits by content. */
function at(document: TextDocument, text: string, end = false): Edit['range'] {
  const offset = document.getText().indexOf(text);
  assert.ok(offset >= 0, `the document holds ${JSON.stringify(text)}`);
  const position = document.positionAt(offset + (end ? text.length : 0));
  return { start: position, end: position };
}

function replacing(document: TextDocument, text: string, by: string): Edit {
  const offset = document.getText().indexOf(text);
  assert.ok(offset >= 0, `the document holds ${JSON.stringify(text)}`);
  return { range: { start: document.positionAt(offset), end: document.positionAt(offset + text.length) }, text: by };
}

const lines = (diagnostics: Diagnostic[], code: string) => diagnostics.filter((d) => d.code === code).map((d) => d.range.start.line);

describe('language server: diagnostics follow edits of manifests', function () {
  let client: TestLspClient;
  let dir: string;

  before(async () => {
    assert.ok(fs.existsSync(SERVER_BUNDLE), 'server/out/server.js is built (run npm run build)');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-edits-'));
    client = TestLspClient.start('stdio');
    await client.initialize(dir);
  });

  after(async () => {
    await client?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Opens `text`, applies each step's edits as one ranged change, and returns the last version's diagnostics. */
  async function typeInto(fileName: string, languageId: string, text: string, steps: ((d: TextDocument) => Edit[])[]): Promise<{ diagnostics: Diagnostic[]; text: string }> {
    const uri = pathToFileURL(path.join(dir, fileName)).href;
    await client.open(uri, languageId, text);
    await client.waitForDiagnostics(uri, (_d, v) => v === 1);
    const document = TextDocument.create(uri, languageId, 1, text);
    let version = 1;
    for (const step of steps) {
      const edits = step(document);
      TextDocument.update(document, edits, ++version);
      await client.changeRanges(uri, edits, version);
      const current = version;
      // Every version is linted (no debounce is guaranteed), so the caches see each text in turn.
      await client.waitForDiagnostics(uri, (_d, v) => v === current);
    }
    return { diagnostics: await client.waitForDiagnostics(uri, (_d, v) => v === version), text: document.getText() };
  }

  /** The diagnostics a new server process gives the same text at the same workspace path. */
  async function freshDiagnostics(fileName: string, languageId: string, text: string): Promise<Diagnostic[]> {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-edits-fresh-'));
    const fresh = TestLspClient.start('stdio');
    try {
      await fresh.initialize(other);
      const uri = pathToFileURL(path.join(other, fileName)).href;
      await fresh.open(uri, languageId, text);
      const diagnostics = await fresh.waitForDiagnostics(uri, (_d, v) => v === 1);
      return diagnostics;
    } finally {
      await fresh.stop();
      fs.rmSync(other, { recursive: true, force: true });
    }
  }

  const comparable = (diagnostics: Diagnostic[]) => diagnostics.map((d) => ({ code: d.code, message: d.message, range: d.range, severity: d.severity, fix: JSON.stringify((d.data as { fix?: { edits?: unknown } })?.fix?.edits ?? null) }));

  it('Dockerfile: RUN and FROM findings move with lines added above, and follow a RUN edited in place', async () => {
    const { diagnostics, text } = await typeInto('Dockerfile', 'dockerfile', DOCKERFILE, [
      // A line above everything moves every instruction down by one.
      (d) => [{ range: at(d, 'WORKDIR /src'), text: 'ARG VERSION=1\n' }],
      // The same text at another place: a second copy of the clone, then the first one pinned.
      (d) => [{ range: at(d, 'COPY --from=build'), text: 'RUN git clone https://github.com/acme/tools.git /opt/tools\n' }],
      (d) => [{ range: at(d, 'tools.git /opt/tools', true), text: ' && git -C /opt/tools checkout v1.4.0' }],
      // Typing inside the piped download, a character at a time, then undoing it.
      (d) => [{ range: at(d, 'install.sh', true), text: 'x' }],
      (d) => [replacing(d, 'install.shx', 'install.sh')],
      // Removing the blank line between the stages moves everything after it up.
      (d) => [replacing(d, 'npm run build\n\n', 'npm run build\n')],
      // A comment line on top moves everything down again, the second FROM to a line it had before.
      () => [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# Build, then run\n' }],
    ]);
    assert.deepEqual(comparable(diagnostics), comparable(await freshDiagnostics('Dockerfile', 'dockerfile', text)));
    // The pinned clone is no finding; the copy in the second stage is, on its line (0-based) after the edits.
    assert.deepEqual(lines(diagnostics, 'codebase/unpinned-code-fetch'), [9]);
    assert.deepEqual(lines(diagnostics, 'dependencies/remote-script-pipe'), [8]);
    assert.deepEqual(lines(diagnostics, 'config/secret-in-image'), [11]);
    assert.deepEqual(lines(diagnostics, 'dependencies/unpinned-base-image'), [7]);
  });

  it('Kubernetes: findings of later documents move when an edit changes the line count of an earlier one', async () => {
    const { diagnostics, text } = await typeInto('deploy.yaml', 'yaml', MANIFESTS, [
      // Two lines more in the first document: the second and third move down.
      (d) => [{ range: at(d, '            - name: DB_PASSWORD'), text: '            - name: PORT\n              value: "8080"\n' }],
      // An edit inside the second document only.
      (d) => [replacing(d, 'value: development', 'value: productionx')],
      (d) => [replacing(d, 'value: productionx', 'value: development')],
      // The first document loses its secret: three lines fewer, the others move up.
      (d) => [replacing(d, '            - name: DB_PASSWORD\n              value: hunter2hunter2\n', '')],
      // A document goes in front of them all, with a copy of the third one's text.
      () => [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: DEPLOYMENT('worker', '            - name: LOG_LEVEL\n              value: debug\n') + '---\n' }],
    ]);
    assert.deepEqual(comparable(diagnostics), comparable(await freshDiagnostics('deploy.yaml', 'yaml', text)));
    const document = TextDocument.create('x', 'yaml', 1, text);
    const lineOf = (needle: string) => document.positionAt(text.indexOf(needle)).line;
    assert.deepEqual(lines(diagnostics, 'config/literal-secret-env'), [lineOf('s3cr3t-Value')]);
    assert.deepEqual(lines(diagnostics, 'dev-prod-parity/development-mode'), [lineOf('value: development')]);
  });
  it('Kubernetes: document findings reused for unchanged documents follow edits that change relations between documents', async () => {
    const autoscaler = (target: string) => `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: ${target}\nspec:\n  scaleTargetRef: { kind: Deployment, name: ${target} }\n  maxReplicas: 4\n`;
    const service = (app: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  sessionAffinity: ClientIP\n  selector: { app: ${app} }\n`;
    // Names of their own: the other tests' documents stay open in the same workspace, and their Deployments' replicas count.
    const renamed = (t: string) => t.replace(/\bweb\b/g, 'shop').replace(/\bapi\b/g, 'orders').replace(/\bworker\b/g, 'jobs');
    const text = renamed([MANIFESTS.replace(/replicas: 2/g, 'replicas: 1'), autoscaler('api'), service('web')].join('---\n'));
    const { diagnostics, text: edited } = await typeInto('shop.yaml', 'yaml', text, [
      // The autoscaler moves from api to web: single-replica moves from web to api, though neither Deployment changed.
      (d) => [replacing(d, 'name: orders }', 'name: shop }')],
      // The label the Service selects is renamed in the Deployment and the Service.
      (d) => [replacing(d, 'selector: { app: shop }', 'selector: { app: shop2 }')],
      (d) => [replacing(d, 'labels: { app: shop } }', 'labels: { app: shop2 } }')],
      // The Service moves to the top, then a copy of the worker goes below it.
      (d) => [replacing(d, renamed(`---\n${service('shop2')}`), ''), { range: at(d, 'apiVersion: apps/v1'), text: renamed(`${service('shop2')}---\n`) }],
      (d) => [{ range: at(d, 'apiVersion: apps/v1'), text: renamed(DEPLOYMENT('worker', '            - name: LOG_LEVEL\n              value: debug\n') + '---\n') }],
      // Typing in the last Deployment, a character in and out again.
      (d) => [{ range: at(d, 'hunter2hunter2', true), text: 'x' }],
      (d) => [replacing(d, 'hunter2hunter2x', 'hunter2hunter2')],
    ]);
    assert.deepEqual(comparable(diagnostics), comparable(await freshDiagnostics('shop.yaml', 'yaml', edited)));
    const document = TextDocument.create('x', 'yaml', 1, edited);
    const lineOf = (needle: string) => document.positionAt(edited.indexOf(needle)).line;
    assert.deepEqual(lines(diagnostics, 'processes/sticky-sessions'), [lineOf('sessionAffinity')]);
    assert.ok(lines(diagnostics, 'concurrency/single-replica').length > 0 && lines(diagnostics, 'config/literal-secret-env').length === 2);
  });
});
