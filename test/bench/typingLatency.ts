// As-you-type latency through a real LSP client: didChange → publishDiagnostics for that version,
// on a generated 5,000-line Kubernetes file with 60 documents. Figures, not assertions.
// Run after `npm run build`: `npx tsx test/bench/typingLatency.ts`.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { TestLspClient } from '../helpers/lspClient';

/** One Deployment + Service pair of about 166 lines, with literal and referenced env values. */
function manifest(i: number): string {
  const env = Array.from({ length: 62 }, (_, k) =>
    k % 3 === 0
      ? `            - name: VAR_${k}\n              valueFrom:\n                secretKeyRef: { name: app-${i}, key: var-${k} }`
      : `            - name: VAR_${k}\n              value: "value-${i}-${k}"`,
  ).join('\n');
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  labels: { app: app-${i}, tier: backend }
spec:
  replicas: 2
  selector:
    matchLabels: { app: app-${i} }
  template:
    metadata:
      labels: { app: app-${i} }
    spec:
      terminationGracePeriodSeconds: 30
      containers:
        - name: app
          image: registry.example.com/app-${i}:1.${i}.0
          ports:
            - containerPort: 8080
          readinessProbe:
            httpGet: { path: /ready, port: 8080 }
          livenessProbe:
            httpGet: { path: /live, port: 8080 }
          env:
${env}
---
apiVersion: v1
kind: Service
metadata:
  name: app-${i}
spec:
  selector: { app: app-${i} }
  ports:
    - port: 80
      targetPort: 8080
`;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-typing-'));
  const file = path.join(dir, 'big.yaml');
  const text = Array.from({ length: 30 }, (_, i) => manifest(i)).join('---\n');
  fs.writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  const lines = text.split('\n');
  const client = TestLspClient.start('stdio');
  const published = new Map<number, number>();
  let onVersion: ((v: number) => void) | undefined;
  client.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    if (p.uri === uri && p.version !== undefined) {
      published.set(p.version, performance.now());
      onVersion?.(p.version);
    }
  });
  await client.initialize(dir);
  const waitFor = (version: number) =>
    new Promise<void>((resolve) => {
      if (published.has(version)) return resolve();
      onVersion = (v) => v >= version && resolve();
    });
  await client.open(uri, 'yaml', text, 1);
  await waitFor(1);

  // Type characters into env values spread over the file, one keystroke at a time.
  const targets = lines.map((l, i) => (l.includes('value: "value-') ? i : -1)).filter((i) => i >= 0);
  const samples: number[] = [];
  let version = 1;
  for (let k = 0; k < 200; k++) {
    const line = targets[(k * 37) % targets.length];
    const character = lines[line].length - 1;
    version++;
    const sent = performance.now();
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: 'x' }],
    });
    lines[line] = lines[line].slice(0, character) + 'x' + lines[line].slice(character);
    await waitFor(version);
    if (k >= 20) samples.push(published.get(version)! - sent);
  }
  await client.stop();
  fs.rmSync(dir, { recursive: true, force: true });
  samples.sort((a, b) => a - b);
  console.log(
    `typing in a ${lines.length}-line Kubernetes file with ${text.split(/^---$/m).length} documents: ` +
      `p50 ${percentile(samples, 50).toFixed(1)} ms, p95 ${percentile(samples, 95).toFixed(1)} ms, max ${samples[samples.length - 1].toFixed(1)} ms (${samples.length} keystrokes)`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
