import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Hover } from 'vscode-languageserver/node';
import { reportHtml } from '../../client/src/reportHtml';
import type { AuditReport, ExportResult } from '../../server/src/protocol';
import { ensureBuilt, makeWorkspace, removeWorkspaces, runCli } from '../cli/cliHarness';
import { TestLspClient } from '../helpers/lspClient';

// Realistic fake secrets, assembled at run time so that secret scanners do not flag this file.
const SECRETS = {
  github: ['ghp', 'Zq8Xw3Rt5Yu7Io9Pa1Sd2Fg4Hj6Kl0Mn3Bv5Cx'].join('_'),
  aws: ['AKIA', 'Q3ZTXR7PLM2WK9DY'].join(''),
  stripe: ['sk', 'live', '51HqLyjWDarjtT1zdp7dcXcWZ'].join('_'),
  slack: ['xoxb', '2470137841', 'Vq9sLm2Tx8Rk'].join('-'),
  password: ['Tr0ub4dor', '3xKc9Lm'].join('&'),
  urlPassword: ['pg', 'Pw9Xk2Lm7Qz'].join(''),
};
const URL = `postgres://app:${SECRETS.urlPassword}@db.internal:5432/app`;

/** Every secret must be masked: at most its first characters may show, so a middle piece never does. */
function leaks(text: string): string[] {
  return Object.entries(SECRETS).filter(([, s]) => text.includes(s.slice(3, s.length - 2))).map(([name]) => name);
}

const FILES: Record<string, string> = {
  Dockerfile: `FROM node:20.11\nENV GITHUB_TOKEN=${SECRETS.github}\nARG AWS_ACCESS_KEY_ID=${SECRETS.aws}\nCMD ["node", "app.js"]\n`,
  'k8s/deploy.yaml': `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: web:1.0\n          env:\n            - name: STRIPE_KEY\n              value: ${SECRETS.stripe}\n            - name: DATABASE_URL\n              value: ${URL}\n`,
  'compose.yaml': `services:\n  web:\n    image: web:1.0\n    environment:\n      SLACK_TOKEN: ${SECRETS.slack}\n      DB_PASSWORD: ${SECRETS.password}\n`,
  '.env': `DB_PASSWORD=${SECRETS.password}\nGITHUB_TOKEN=${SECRETS.github}\n`,
  'src/main/resources/application.properties': `spring.datasource.url=${URL}\nspring.datasource.password=${SECRETS.password}\n`,
  'app.js': `const stripe = require("stripe")("${SECRETS.stripe}");\nconst password = "${SECRETS.password}";\nconst db = new Pool({ connectionString: "${URL}" });\n`,
  'worker.py': `import os\nAWS_KEY = "${SECRETS.aws}"\ntoken = os.environ.get("SLACK_TOKEN", "${SECRETS.slack}")\n`,
  '.twelve-factor.yaml': `rules:\n  ${SECRETS.github}: error\n  dependencies/unpinned-base-image:\n    options:\n      allow: ${SECRETS.stripe}\nignore:\n  - files: ["x"]\n    ${SECRETS.aws}: 1\n`,
  '.vscode/settings.json': `{ "twelveFactor.rules": { "${SECRETS.slack}": "off", "config/*": "${URL}" } }\n`,
};

describe('secrets never leak, in any output', function () {
  this.timeout(120_000);
  let root: string;
  before(() => {
    ensureBuilt();
    root = makeWorkspace(FILES);
  });
  after(removeWorkspaces);

  for (const format of ['text', 'json', 'sarif', 'markdown']) {
    it(`the CLI's ${format} report, config-file errors included`, () => {
      const run = runCli(['audit', '.', '--format', format, '--fail-on', 'none'], root);
      assert.equal(run.code, 0, run.stderr);
      assert.ok(/secret|token|password|key/i.test(run.stdout), 'secrets are reported');
      assert.ok(run.stdout.includes('invalid-config'), 'config-file errors are reported');
      assert.deepEqual(leaks(run.stdout + run.stderr), []);
    });
  }

  it('the language server: diagnostics, hovers, the audit report, its HTML page and exports, and the log', async () => {
    const client = TestLspClient.start('stdio');
    try {
      await client.initialize(root);
      const all: Diagnostic[] = [];
      const hovers: string[] = [];
      for (const [rel, text] of Object.entries(FILES)) {
        const uri = pathToFileURL(path.join(root, rel)).href;
        await client.open(uri, rel.endsWith('.json') ? 'jsonc' : 'plaintext', text);
        const diagnostics = await client.waitForDiagnostics(uri, (d) => d.length > 0, 30_000);
        all.push(...diagnostics);
        for (const d of diagnostics) {
          const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: d.range.start })) as Hover | null;
          hovers.push(JSON.stringify(hover?.contents ?? ''));
        }
      }
      assert.ok(all.length >= FILES_WITH_SECRETS, `${all.length} diagnostics`);
      const report = (await client.connection.sendRequest('twelveFactor/audit', { folders: [{ uri: pathToFileURL(root).href }] })) as AuditReport;
      const exports = await Promise.all((['markdown', 'sarif'] as const).map((format) => client.connection.sendRequest('twelveFactor/exportAuditReport', { id: report.id, format }) as Promise<ExportResult>));
      const html = reportHtml(report, { nonce: 'n' });
      const outputs = { diagnostics: JSON.stringify(all), hovers: hovers.join('\n'), report: JSON.stringify(report), html, exports: exports.map((e) => e.text).join('\n'), log: client.logs.join('\n') };
      for (const [name, text] of Object.entries(outputs)) assert.deepEqual(leaks(text), [], name);
    } finally {
      await client.stop();
    }
  });
});

const FILES_WITH_SECRETS = 8;
