import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { runAudit } from '../../server/src/audit/runAudit';
import type { EnvContractRow, EnvPlace } from '../../server/src/report/envContractReport';

/** The monorepo of the env contract: compose (JavaScript), Kubernetes (Python) and Cloud Foundry (Java). */
const MONOREPO = path.resolve('test/fixtures/env-contract');

const at = (p: EnvPlace) => `${p.name}@${path.relative(MONOREPO, p.file).split(path.sep).join('/')}:${p.line}`;
const names = (places: EnvPlace[]) => places.map((p) => p.name);

describe('envContractRows over the fixture monorepo', function () {
  this.timeout(60_000);
  let rows: EnvContractRow[];
  before(async () => {
    rows = (await runAudit({ paths: ['.'], cwd: MONOREPO })).envContract ?? [];
  });
  const row = (service: string) => {
    const found = rows.find((r) => r.service === service);
    assert.ok(found, `a row for ${service} among ${rows.map((r) => r.service).join(', ')}`);
    return found;
  };

  it('has one row per service that runs the workspace code: the Dockerfiles join the manifests that build them, postgres has none', () => {
    assert.deepEqual(
      rows.map((r) => `${r.service} ${r.platform} ${path.relative(MONOREPO, r.file).split(path.sep).join('/')}:${r.line}`),
      ['billing cloudfoundry billing/manifest.yml:2', 'Deployment orders kubernetes deploy/k8s/orders.yaml:4', 'web compose docker-compose.yml:2'],
    );
  });

  it('lists the missing and unused variables exactly where the rules report them', () => {
    assert.deepEqual(row('web').missing.map(at), ['BUILD_SHA@web/server.js:9', 'SMTP_HOST@web/server.js:8']);
    assert.deepEqual(row('web').unused.map(at), ['LEFTOVER_FLAG@docker-compose.yml:10']);
    assert.deepEqual(names(row('Deployment orders').missing), ['FEATURE_FLAGS']);
    assert.deepEqual(row('Deployment orders').unused.map(at), ['OLD_QUEUE@deploy/k8s/orders.yaml:28']);
    assert.deepEqual(names(row('billing').missing), ['INVOICE_BUCKET']);
    assert.deepEqual(row('billing').unused.map(at), ['STALE_SETTING@billing/manifest.yml:11']);
  });

  it('lists the reads of the service code with their places', () => {
    assert.deepEqual(names(row('web').read), ['BUILD_SHA', 'CACHE_TTL', 'DATABASE_URL', 'MAIL_FROM', 'PORT', 'SESSION_SECRET', 'SMTP_HOST']);
    assert.ok(row('web').read.map(at).includes('DATABASE_URL@web/server.js:4'));
    assert.ok(row('Deployment orders').read.every((r) => r.file.startsWith(path.join(MONOREPO, 'orders'))));
  });

  it('counts every provider form: entries, env_file keys, envFrom keys, the Dockerfile ENV and the .env template', () => {
    const web = row('web').provided.map(at);
    for (const expected of ['CACHE_TTL@docker-compose.yml:8', 'SESSION_SECRET@web/web.env:1', 'NODE_ENV@web/Dockerfile:3', 'MAIL_FROM@web/.env.example:2']) assert.ok(web.includes(expected), `${expected} in ${web.join(' ')}`);
    assert.ok(row('Deployment orders').provided.map(at).includes('PAYMENT_API@deploy/k8s/orders-config.yaml:7'));
    assert.ok(names(row('billing').provided).includes('BILLING_TOKEN'));
  });
});
